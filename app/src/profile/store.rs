//! Reads a profile from PostgreSQL in one round trip: the person's row with each
//! history aggregated as JSON, then parsed into the domain types, so a stored
//! value the domain would refuse surfaces as an error instead of a page.

use sqlx::PgExecutor;

use super::Profil;
use crate::domain::data_personal::Alamat;
use crate::domain::reference::{
    Agama, Golongan, JenisKelamin, JenisPegawai, StatusHukum, StatusPerkawinan,
};
use crate::domain::riwayat::table::History;
use crate::domain::{DataPersonal, Email, MobileNumber, Nik, NomorInduk, Npwp, Pegawai};

/// Who may read profiles. Sign-in (issue 4) will replace `Demo` with the
/// signed-in employee's own record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileAccess {
    Closed,
    Demo,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("stored {what} does not parse: {why}")]
    Corrupt { what: &'static str, why: String },
}

fn corrupt(what: &'static str) -> impl FnOnce(String) -> StoreError {
    move |why| StoreError::Corrupt { what, why }
}

fn parse<T: std::str::FromStr>(what: &'static str, raw: &str) -> Result<T, StoreError>
where
    T::Err: std::fmt::Display,
{
    raw.trim()
        .parse()
        .map_err(|e: T::Err| corrupt(what)(e.to_string()))
}

/// One stored row (`to_jsonb` of the history's table) as its record.
fn record<T: History>(row: serde_json::Value) -> Result<T, StoreError> {
    let what = T::table().name;
    match row {
        serde_json::Value::Object(columns) => {
            T::from_row(&columns).map_err(|e| corrupt(what)(e.to_string()))
        }
        other => Err(corrupt(what)(format!("not a row: {other}"))),
    }
}

/// A history's rows (`jsonb_agg` of them; none at all is NULL) as its records.
fn rows<T: History>(json: Option<serde_json::Value>) -> Result<Vec<T>, StoreError> {
    match json {
        None => Ok(Vec::new()),
        Some(serde_json::Value::Array(rows)) => rows.into_iter().map(record).collect(),
        Some(other) => Err(corrupt(T::table().name)(format!(
            "not a list of rows: {other}"
        ))),
    }
}

pub async fn profil_by_nomor_induk(
    pool: impl PgExecutor<'_>,
    nomor_induk: &str,
) -> Result<Option<Profil>, StoreError> {
    profil(pool, nomor_induk, None).await
}

/// By the employee's id: PPT Non-ASN have no NIP to look them up by.
pub async fn profil_by_id(
    pool: impl PgExecutor<'_>,
    pegawai_id: i64,
) -> Result<Option<Profil>, StoreError> {
    profil(pool, "", Some(pegawai_id)).await
}

/// One statement for both look-ups: the id, when given, wins; otherwise the
/// NIP's row is found once (an init plan) and both go through the primary key.
async fn profil(
    pool: impl PgExecutor<'_>,
    nomor_induk: &str,
    pegawai_id: Option<i64>,
) -> Result<Option<Profil>, StoreError> {
    let Some(row) = sqlx::query!(
        r#"
        SELECT p.id, p.jenis, p.nomor_induk, p.nik, p.nama, p.gelar_depan, p.gelar_belakang,
               p.tempat_lahir, p.tanggal_lahir, p.jenis_kelamin, p.agama, p.status_perkawinan,
               p.alamat, p.kecamatan_code, p.kode_pos, p.email, p.nomor_hp, p.npwp, p.nomor_bpjs,
               p.nomor_taspen, p.status_hukum, p.instansi_id, p.unit_kerja_id, p.golongan, p.jabatan,
               i.name AS instansi, u.name AS unit_kerja,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.tmt DESC) FROM riwayat_jabatan r WHERE r.pegawai_id = p.id) AS jabatan_rows,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.tanggal_lulus DESC) FROM riwayat_pendidikan r WHERE r.pegawai_id = p.id) AS pendidikan_rows,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.tanggal_mulai DESC) FROM riwayat_diklat r WHERE r.pegawai_id = p.id) AS diklat_rows,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.tahun DESC) FROM riwayat_skp r WHERE r.pegawai_id = p.id) AS skp_rows,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.sk_tanggal DESC) FROM riwayat_penghargaan r WHERE r.pegawai_id = p.id) AS penghargaan_rows,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.tmt DESC) FROM riwayat_pangkat r WHERE r.pegawai_id = p.id) AS pangkat_rows,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.id) FROM riwayat_keluarga r WHERE r.pegawai_id = p.id) AS keluarga_rows,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.tanggal_mulai DESC) FROM riwayat_pmk r WHERE r.pegawai_id = p.id) AS pmk_rows,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.tmt DESC) FROM riwayat_pindah_instansi r WHERE r.pegawai_id = p.id) AS pindah_rows,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.tanggal_mulai DESC) FROM riwayat_cltn r WHERE r.pegawai_id = p.id) AS cltn_rows,
               (SELECT to_jsonb(r) FROM riwayat_cpns_pns r WHERE r.pegawai_id = p.id) AS cpns_pns_row,
               (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.tanggal_mulai DESC) FROM riwayat_organisasi r WHERE r.pegawai_id = p.id) AS organisasi_rows
        FROM pegawai p
        JOIN instansi i ON i.id = p.instansi_id
        JOIN unit_kerja u ON u.id = p.unit_kerja_id
        WHERE p.id = coalesce($2::bigint, (SELECT q.id FROM pegawai q WHERE q.nomor_induk = $1))
        "#,
        nomor_induk,
        pegawai_id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };

    let jenis: JenisPegawai = parse("jenis", &row.jenis)?;
    let nomor_induk = match (jenis, row.nomor_induk.as_deref()) {
        (JenisPegawai::Pns, Some(n)) => NomorInduk::Nip(parse("nomor_induk", n)?),
        (JenisPegawai::Pppk, Some(n)) => NomorInduk::NiPppk(parse("nomor_induk", n)?),
        (JenisPegawai::PptNonAsn, None) => NomorInduk::NonAsn,
        _ => {
            return Err(corrupt("nomor_induk")(
                "does not fit the employee type".into(),
            ))
        }
    };
    let personal = DataPersonal {
        nama: row.nama,
        gelar_depan: row.gelar_depan,
        gelar_belakang: row.gelar_belakang,
        nomor_induk,
        nik: parse::<Nik>("nik", &row.nik)?,
        tempat_lahir: row.tempat_lahir,
        tanggal_lahir: row.tanggal_lahir,
        jenis_kelamin: parse::<JenisKelamin>("jenis_kelamin", &row.jenis_kelamin)?,
        agama: parse::<Agama>("agama", &row.agama)?,
        status_perkawinan: parse::<StatusPerkawinan>("status_perkawinan", &row.status_perkawinan)?,
        alamat: Alamat {
            jalan: row.alamat,
            kode_kecamatan: row.kecamatan_code,
            kode_pos: row.kode_pos,
        },
        email: row
            .email
            .as_deref()
            .map(|e| parse::<Email>("email", e))
            .transpose()?,
        nomor_hp: row
            .nomor_hp
            .as_deref()
            .map(|m| parse::<MobileNumber>("nomor_hp", m))
            .transpose()?,
        npwp: row
            .npwp
            .as_deref()
            .map(|n| parse::<Npwp>("npwp", n))
            .transpose()?,
        bpjs: row.nomor_bpjs,
        taspen: row.nomor_taspen,
        jenis_pegawai: jenis,
        status_hukum: parse::<StatusHukum>("status_hukum", &row.status_hukum)?,
        instansi_id: i64::from(row.instansi_id),
        unit_kerja_id: row.unit_kerja_id,
        golongan: row
            .golongan
            .as_deref()
            .map(|g| parse::<Golongan>("golongan", g))
            .transpose()?,
        jabatan: row.jabatan,
    };

    // Each history's rows become records through its one description
    // (`domain::riwayat::table`).
    let mut pegawai = Pegawai::new(personal);
    pegawai.jabatan = rows(row.jabatan_rows)?;
    pegawai.pendidikan = rows(row.pendidikan_rows)?;
    pegawai.diklat = rows(row.diklat_rows)?;
    pegawai.skp = rows(row.skp_rows)?;
    pegawai.penghargaan = rows(row.penghargaan_rows)?;
    pegawai.pangkat = rows(row.pangkat_rows)?;
    pegawai.keluarga = rows(row.keluarga_rows)?;
    pegawai.peninjauan_masa_kerja = rows(row.pmk_rows)?;
    pegawai.pindah_instansi = rows(row.pindah_rows)?;
    pegawai.cltn = rows(row.cltn_rows)?;
    pegawai.cpns_pns = row.cpns_pns_row.map(record).transpose()?;
    pegawai.organisasi = rows(row.organisasi_rows)?;

    Ok(Some(Profil {
        pegawai,
        instansi: row.instansi,
        unit_kerja: row.unit_kerja,
    }))
}
