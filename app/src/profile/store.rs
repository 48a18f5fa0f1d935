//! Reads a profile from PostgreSQL in one round trip: the person's row with each
//! history aggregated as JSON, then parsed into the domain types, so a stored
//! value the domain would refuse surfaces as an error instead of a page.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use sqlx::PgExecutor;
use time::Date;

use super::Profil;
use crate::domain::data_personal::Address;
use crate::domain::masa_kerja::MasaKerja;
use crate::domain::reference::{
    Agama, Ekspektasi, Eselon, Golongan, GolonganPns, JenisJabatan, JenisKelamin,
    JenisKenaikanPangkat, JenisPegawai, PredikatSkp, StatusHukum, StatusPerkawinan,
    TingkatPendidikan,
};
use crate::domain::riwayat::{
    Akta, Anak, AnggotaKeluarga, Identitas, OrangTua, Pasangan, RiwayatCltn, RiwayatCpnsPns,
    RiwayatDiklat, RiwayatJabatan, RiwayatOrganisasi, RiwayatPangkat, RiwayatPendidikan,
    RiwayatPenghargaan, RiwayatPeninjauanMasaKerja, RiwayatPindahInstansi, RiwayatSkp, StatusAnak,
};
use crate::domain::sk::Sk;
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

fn rows<T: DeserializeOwned>(
    what: &'static str,
    json: Option<serde_json::Value>,
) -> Result<Vec<T>, StoreError> {
    match json {
        None => Ok(Vec::new()),
        Some(value) => serde_json::from_value(value).map_err(|e| corrupt(what)(e.to_string())),
    }
}

fn sk(nomor: Option<String>, tanggal: Option<Date>) -> Option<Sk> {
    Some(Sk {
        nomor: nomor?,
        tanggal: tanggal?,
    })
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
        name: row.nama,
        front_titles: row.gelar_depan,
        back_titles: row.gelar_belakang,
        nomor_induk,
        nik: parse::<Nik>("nik", &row.nik)?,
        birth_place: row.tempat_lahir,
        birth_date: row.tanggal_lahir,
        gender: parse::<JenisKelamin>("jenis_kelamin", &row.jenis_kelamin)?,
        agama: parse::<Agama>("agama", &row.agama)?,
        status_perkawinan: parse::<StatusPerkawinan>("status_perkawinan", &row.status_perkawinan)?,
        address: Address {
            street: row.alamat,
            district_code: row.kecamatan_code,
            postal_code: row.kode_pos,
        },
        email: row
            .email
            .as_deref()
            .map(|e| parse::<Email>("email", e))
            .transpose()?,
        mobile: row
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

    let mut pegawai = Pegawai::new(personal);
    pegawai.jabatan = rows::<JabatanRow>("riwayat_jabatan", row.jabatan_rows)?
        .into_iter()
        .map(|r| RiwayatJabatan {
            id: r.id,
            jenis: r.jenis_jabatan,
            unit_kerja: r.unit_kerja,
            jabatan: r.nama_jabatan,
            eselon: r.eselon,
            sk: Sk {
                nomor: r.sk_nomor,
                tanggal: r.sk_tanggal,
            },
            tmt: r.tmt,
            tanggal_pelantikan: r.tanggal_pelantikan,
        })
        .collect();
    pegawai.pendidikan = rows::<PendidikanRow>("riwayat_pendidikan", row.pendidikan_rows)?
        .into_iter()
        .map(|r| RiwayatPendidikan {
            id: r.id,
            tingkat: r.tingkat,
            major: r.jurusan,
            school: r.nama_sekolah,
            graduation_date: r.tanggal_lulus,
            certificate_number: r.nomor_ijazah,
            front_title: r.gelar_depan,
            back_title: r.gelar_belakang,
        })
        .collect();
    pegawai.diklat = rows::<DiklatRow>("riwayat_diklat", row.diklat_rows)?
        .into_iter()
        .map(|r| RiwayatDiklat {
            id: r.id,
            name: r.nama,
            organiser: r.penyelenggara,
            hours: r.jumlah_jam,
            start: r.tanggal_mulai,
            end: r.tanggal_selesai,
            certificate_number: r.nomor_sertifikat,
        })
        .collect();
    pegawai.skp = rows::<SkpRow>("riwayat_skp", row.skp_rows)?
        .into_iter()
        .map(|r| {
            Ok(RiwayatSkp {
                id: r.id,
                year: r.tahun,
                hasil_kerja: r.hasil_kerja,
                perilaku_kerja: r.perilaku_kerja,
                predikat: r.predikat,
                appraiser_name: r.penilai_nama,
                appraiser_nip: r
                    .penilai_nip
                    .as_deref()
                    .map(|n| parse("penilai_nip", n))
                    .transpose()?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    pegawai.penghargaan = rows::<PenghargaanRow>("riwayat_penghargaan", row.penghargaan_rows)?
        .into_iter()
        .map(|r| RiwayatPenghargaan {
            id: r.id,
            name: r.nama,
            sk: Sk {
                nomor: r.sk_nomor,
                tanggal: r.sk_tanggal,
            },
            year: r.tahun,
        })
        .collect();
    pegawai.pangkat = rows::<PangkatRow>("riwayat_pangkat", row.pangkat_rows)?
        .into_iter()
        .map(|r| {
            Ok(RiwayatPangkat {
                id: r.id,
                golongan: r.golongan,
                jenis_kp: r.jenis_kenaikan,
                sk: Sk {
                    nomor: r.sk_nomor,
                    tanggal: r.sk_tanggal,
                },
                tmt: r.tmt,
                persetujuan_bkn: sk(r.pertek_bkn_nomor, r.pertek_bkn_tanggal),
                masa_kerja: masa_kerja(r.masa_kerja_tahun, r.masa_kerja_bulan)?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    pegawai.keluarga = rows::<KeluargaRow>("riwayat_keluarga", row.keluarga_rows)?
        .into_iter()
        .map(KeluargaRow::into_domain)
        .collect::<Result<_, StoreError>>()?;
    pegawai.peninjauan_masa_kerja = rows::<PmkRow>("riwayat_pmk", row.pmk_rows)?
        .into_iter()
        .map(|r| {
            Ok(RiwayatPeninjauanMasaKerja {
                id: r.id,
                employer: r.pemberi_kerja,
                start: r.tanggal_mulai,
                end: r.tanggal_selesai,
                sk: Sk {
                    nomor: r.sk_nomor,
                    tanggal: r.sk_tanggal,
                },
                persetujuan_bkn: sk(r.pertek_bkn_nomor, r.pertek_bkn_tanggal),
                masa_kerja: masa_kerja(r.masa_kerja_tahun, r.masa_kerja_bulan)?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    pegawai.pindah_instansi = rows::<PindahRow>("riwayat_pindah_instansi", row.pindah_rows)?
        .into_iter()
        .map(|r| RiwayatPindahInstansi {
            id: r.id,
            from_instansi_id: r.instansi_asal_id,
            to_instansi_id: r.instansi_tujuan_id,
            sk: Sk {
                nomor: r.sk_nomor,
                tanggal: r.sk_tanggal,
            },
            tmt: r.tmt,
        })
        .collect();
    pegawai.cltn = rows::<CltnRow>("riwayat_cltn", row.cltn_rows)?
        .into_iter()
        .map(|r| RiwayatCltn {
            id: r.id,
            sk: Sk {
                nomor: r.sk_nomor,
                tanggal: r.sk_tanggal,
            },
            start: r.tanggal_mulai,
            end: r.tanggal_selesai,
            active_again: r.tanggal_aktif_kembali,
            sk_active_again: sk(r.sk_aktif_kembali_nomor, r.sk_aktif_kembali_tanggal),
        })
        .collect();
    pegawai.cpns_pns = row
        .cpns_pns_row
        .map(|json| {
            serde_json::from_value::<CpnsPnsRow>(json)
                .map_err(|e| corrupt("riwayat_cpns_pns")(e.to_string()))
        })
        .transpose()?
        .map(|r| RiwayatCpnsPns {
            sk_cpns: Sk {
                nomor: r.sk_cpns_nomor,
                tanggal: r.sk_cpns_tanggal,
            },
            tmt_cpns: r.tmt_cpns,
            sk_pns: sk(r.sk_pns_nomor, r.sk_pns_tanggal),
            tmt_pns: r.tmt_pns,
            sttpl: sk(r.sttpl_nomor, r.sttpl_tanggal),
            spmt: sk(r.spmt_nomor, r.spmt_tanggal),
        });
    pegawai.organisasi = rows::<OrganisasiRow>("riwayat_organisasi", row.organisasi_rows)?
        .into_iter()
        .map(|r| RiwayatOrganisasi {
            id: r.id,
            name: r.nama_organisasi,
            role: r.jabatan,
            start: r.tanggal_mulai,
            end: r.tanggal_selesai,
        })
        .collect();

    Ok(Some(Profil {
        pegawai,
        instansi: row.instansi,
        unit_kerja: row.unit_kerja,
    }))
}

fn masa_kerja(years: i16, months: i16) -> Result<MasaKerja, StoreError> {
    let years = u8::try_from(years).map_err(|e| corrupt("masa_kerja_tahun")(e.to_string()))?;
    let months = u8::try_from(months).map_err(|e| corrupt("masa_kerja_bulan")(e.to_string()))?;
    MasaKerja::new(years, months).map_err(|e| corrupt("masa_kerja")(e.to_string()))
}

// Rows as `to_jsonb` writes them: column names as keys, dates as "YYYY-MM-DD",
// reference values as their codes (which the domain enums deserialise).

#[derive(Deserialize)]
struct JabatanRow {
    id: i64,
    jenis_jabatan: JenisJabatan,
    unit_kerja: String,
    nama_jabatan: String,
    eselon: Option<Eselon>,
    sk_nomor: String,
    sk_tanggal: Date,
    tmt: Date,
    tanggal_pelantikan: Option<Date>,
}

#[derive(Deserialize)]
struct PendidikanRow {
    id: i64,
    tingkat: TingkatPendidikan,
    jurusan: Option<String>,
    nama_sekolah: String,
    tanggal_lulus: Date,
    nomor_ijazah: Option<String>,
    gelar_depan: Option<String>,
    gelar_belakang: Option<String>,
}

#[derive(Deserialize)]
struct DiklatRow {
    id: i64,
    nama: String,
    penyelenggara: String,
    jumlah_jam: Option<u32>,
    tanggal_mulai: Date,
    tanggal_selesai: Date,
    nomor_sertifikat: Option<String>,
}

#[derive(Deserialize)]
struct SkpRow {
    id: i64,
    tahun: i32,
    hasil_kerja: Ekspektasi,
    perilaku_kerja: Ekspektasi,
    predikat: PredikatSkp,
    penilai_nama: String,
    penilai_nip: Option<String>,
}

#[derive(Deserialize)]
struct PenghargaanRow {
    id: i64,
    nama: String,
    sk_nomor: String,
    sk_tanggal: Date,
    tahun: i32,
}

#[derive(Deserialize)]
struct PangkatRow {
    id: i64,
    golongan: GolonganPns,
    jenis_kenaikan: JenisKenaikanPangkat,
    sk_nomor: String,
    sk_tanggal: Date,
    tmt: Date,
    pertek_bkn_nomor: Option<String>,
    pertek_bkn_tanggal: Option<Date>,
    masa_kerja_tahun: i16,
    masa_kerja_bulan: i16,
}

#[derive(Deserialize)]
struct KeluargaRow {
    id: i64,
    anggota: String,
    nama: String,
    nik: Option<Nik>,
    tempat_lahir: Option<String>,
    tanggal_lahir: Option<Date>,
    jenis_kelamin: JenisKelamin,
    masih_hidup: bool,
    akta_nikah_nomor: Option<String>,
    akta_nikah_tanggal: Option<Date>,
    akta_cerai_nomor: Option<String>,
    akta_cerai_tanggal: Option<Date>,
    status_anak: Option<StatusAnak>,
    pasangan_id: Option<i64>,
}

impl KeluargaRow {
    fn into_domain(self) -> Result<AnggotaKeluarga, StoreError> {
        let identitas = Identitas {
            name: self.nama,
            nik: self.nik,
            birth_place: self.tempat_lahir,
            birth_date: self.tanggal_lahir,
            gender: self.jenis_kelamin,
            alive: self.masih_hidup,
        };
        let akta = |nomor: Option<String>, tanggal: Option<Date>| {
            Some(Akta {
                nomor: nomor?,
                tanggal: tanggal?,
            })
        };
        Ok(match self.anggota.as_str() {
            "pasangan" => AnggotaKeluarga::Pasangan(Pasangan {
                id: self.id,
                identitas,
                akta_nikah: akta(self.akta_nikah_nomor, self.akta_nikah_tanggal),
                akta_cerai: akta(self.akta_cerai_nomor, self.akta_cerai_tanggal),
            }),
            "anak" => AnggotaKeluarga::Anak(Anak {
                id: self.id,
                identitas,
                status: self
                    .status_anak
                    .ok_or_else(|| corrupt("status_anak")("missing for a child".into()))?,
                pasangan_id: self.pasangan_id,
            }),
            "orang_tua" => AnggotaKeluarga::OrangTua(OrangTua {
                id: self.id,
                identitas,
            }),
            other => return Err(corrupt("anggota")(format!("unknown member kind {other:?}"))),
        })
    }
}

#[derive(Deserialize)]
struct PmkRow {
    id: i64,
    pemberi_kerja: String,
    tanggal_mulai: Date,
    tanggal_selesai: Date,
    sk_nomor: String,
    sk_tanggal: Date,
    pertek_bkn_nomor: Option<String>,
    pertek_bkn_tanggal: Option<Date>,
    masa_kerja_tahun: i16,
    masa_kerja_bulan: i16,
}

#[derive(Deserialize)]
struct PindahRow {
    id: i64,
    instansi_asal_id: i64,
    instansi_tujuan_id: i64,
    sk_nomor: String,
    sk_tanggal: Date,
    tmt: Date,
}

#[derive(Deserialize)]
struct CltnRow {
    id: i64,
    sk_nomor: String,
    sk_tanggal: Date,
    tanggal_mulai: Date,
    tanggal_selesai: Date,
    tanggal_aktif_kembali: Option<Date>,
    sk_aktif_kembali_nomor: Option<String>,
    sk_aktif_kembali_tanggal: Option<Date>,
}

#[derive(Deserialize)]
struct CpnsPnsRow {
    sk_cpns_nomor: String,
    sk_cpns_tanggal: Date,
    tmt_cpns: Date,
    sk_pns_nomor: Option<String>,
    sk_pns_tanggal: Option<Date>,
    tmt_pns: Option<Date>,
    sttpl_nomor: Option<String>,
    sttpl_tanggal: Option<Date>,
    spmt_nomor: Option<String>,
    spmt_tanggal: Option<Date>,
}

#[derive(Deserialize)]
struct OrganisasiRow {
    id: i64,
    nama_organisasi: String,
    jabatan: String,
    tanggal_mulai: Date,
    tanggal_selesai: Option<Date>,
}
