//! A proposed record as the columns of its history's table: what the master record
//! becomes when a proposal is applied. The inverse of the profile store's rows
//! (`profile::store`); the round trip through the database is tested for every
//! history (`server/tests/verification.rs`).

use serde_json::{json, Map, Value};

use crate::domain::riwayat::AnggotaKeluarga;
use crate::domain::sk::Sk;
use crate::proposal::change::ProposedRecord;

fn sk_columns(row: &mut Map<String, Value>, prefix: &str, sk: Option<&Sk>) {
    row.insert(format!("{prefix}_nomor"), json!(sk.map(|s| &s.nomor)));
    row.insert(format!("{prefix}_tanggal"), json!(sk.map(|s| s.tanggal)));
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => unreachable!("json! of an object literal"),
    }
}

/// The record's columns by name, the record's id and employee excluded (those are
/// the database's to keep).
pub fn columns(record: &ProposedRecord) -> Value {
    let row = match record {
        ProposedRecord::Jabatan(r) => {
            let mut row = object(json!({
                "jenis_jabatan": r.jenis,
                "unit_kerja": r.unit_kerja,
                "nama_jabatan": r.jabatan,
                "eselon": r.eselon,
                "tmt": r.tmt,
                "tanggal_pelantikan": r.tanggal_pelantikan,
            }));
            sk_columns(&mut row, "sk", Some(&r.sk));
            row
        }
        ProposedRecord::Pendidikan(r) => object(json!({
            "tingkat": r.tingkat,
            "jurusan": r.major,
            "nama_sekolah": r.school,
            "tanggal_lulus": r.graduation_date,
            "nomor_ijazah": r.certificate_number,
            "gelar_depan": r.front_title,
            "gelar_belakang": r.back_title,
        })),
        ProposedRecord::Diklat(r) => object(json!({
            "nama": r.name,
            "penyelenggara": r.organiser,
            "jumlah_jam": r.hours,
            "tanggal_mulai": r.start,
            "tanggal_selesai": r.end,
            "nomor_sertifikat": r.certificate_number,
        })),
        ProposedRecord::Skp(r) => object(json!({
            "tahun": r.year,
            "hasil_kerja": r.hasil_kerja,
            "perilaku_kerja": r.perilaku_kerja,
            "predikat": r.predikat,
            "penilai_nama": r.appraiser_name,
            "penilai_nip": r.appraiser_nip,
        })),
        ProposedRecord::Penghargaan(r) => {
            let mut row = object(json!({ "nama": r.name, "tahun": r.year }));
            sk_columns(&mut row, "sk", Some(&r.sk));
            row
        }
        ProposedRecord::Pangkat(r) => {
            let mut row = object(json!({
                "golongan": r.golongan,
                "jenis_kenaikan": r.jenis_kp,
                "tmt": r.tmt,
                "masa_kerja_tahun": r.masa_kerja.years(),
                "masa_kerja_bulan": r.masa_kerja.months(),
            }));
            sk_columns(&mut row, "sk", Some(&r.sk));
            sk_columns(&mut row, "pertek_bkn", r.persetujuan_bkn.as_ref());
            row
        }
        ProposedRecord::Keluarga(member) => keluarga(member),
        ProposedRecord::PeninjauanMasaKerja(r) => {
            let mut row = object(json!({
                "pemberi_kerja": r.employer,
                "tanggal_mulai": r.start,
                "tanggal_selesai": r.end,
                "masa_kerja_tahun": r.masa_kerja.years(),
                "masa_kerja_bulan": r.masa_kerja.months(),
            }));
            sk_columns(&mut row, "sk", Some(&r.sk));
            sk_columns(&mut row, "pertek_bkn", r.persetujuan_bkn.as_ref());
            row
        }
        ProposedRecord::PindahInstansi(r) => {
            let mut row = object(json!({
                "instansi_asal_id": r.from_instansi_id,
                "instansi_tujuan_id": r.to_instansi_id,
                "tmt": r.tmt,
            }));
            sk_columns(&mut row, "sk", Some(&r.sk));
            row
        }
        ProposedRecord::Cltn(r) => {
            let mut row = object(json!({
                "tanggal_mulai": r.start,
                "tanggal_selesai": r.end,
                "tanggal_aktif_kembali": r.active_again,
            }));
            sk_columns(&mut row, "sk", Some(&r.sk));
            sk_columns(&mut row, "sk_aktif_kembali", r.sk_active_again.as_ref());
            row
        }
        ProposedRecord::CpnsPns(r) => {
            let mut row = object(json!({ "tmt_cpns": r.tmt_cpns, "tmt_pns": r.tmt_pns }));
            sk_columns(&mut row, "sk_cpns", Some(&r.sk_cpns));
            sk_columns(&mut row, "sk_pns", r.sk_pns.as_ref());
            sk_columns(&mut row, "sttpl", r.sttpl.as_ref());
            sk_columns(&mut row, "spmt", r.spmt.as_ref());
            row
        }
        ProposedRecord::Organisasi(r) => object(json!({
            "nama_organisasi": r.name,
            "jabatan": r.role,
            "tanggal_mulai": r.start,
            "tanggal_selesai": r.end,
        })),
    };
    Value::Object(row)
}

fn keluarga(member: &AnggotaKeluarga) -> Map<String, Value> {
    let (anggota, identitas) = match member {
        AnggotaKeluarga::Pasangan(p) => ("pasangan", &p.identitas),
        AnggotaKeluarga::Anak(a) => ("anak", &a.identitas),
        AnggotaKeluarga::OrangTua(o) => ("orang_tua", &o.identitas),
    };
    let mut row = object(json!({
        "anggota": anggota,
        "nama": identitas.name,
        "nik": identitas.nik,
        "tempat_lahir": identitas.birth_place,
        "tanggal_lahir": identitas.birth_date,
        "jenis_kelamin": identitas.gender,
        "masih_hidup": identitas.alive,
        "status_anak": null,
        "pasangan_id": null,
    }));
    let deed = |d: Option<&crate::domain::riwayat::Akta>| {
        d.map(|a| Sk {
            nomor: a.nomor.clone(),
            tanggal: a.tanggal,
        })
    };
    let (nikah, cerai) = match member {
        AnggotaKeluarga::Pasangan(p) => (deed(p.akta_nikah.as_ref()), deed(p.akta_cerai.as_ref())),
        _ => (None, None),
    };
    sk_columns(&mut row, "akta_nikah", nikah.as_ref());
    sk_columns(&mut row, "akta_cerai", cerai.as_ref());
    if let AnggotaKeluarga::Anak(a) = member {
        row.insert("status_anak".into(), json!(a.status));
        row.insert("pasangan_id".into(), json!(a.pasangan_id));
    }
    row
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::macros::date;

    use super::*;
    use crate::domain::reference::Riwayat;
    use crate::domain::testing::pegawai_pns;
    use crate::proposal::change::records_of;

    /// Every column of a history's table but its id and employee: a record's columns
    /// are exactly these, so applying never leaves one behind nor invents one.
    const TABLES: &[(Riwayat, &str)] = &[
        (Riwayat::Pangkat, "golongan jenis_kenaikan masa_kerja_bulan masa_kerja_tahun pertek_bkn_nomor pertek_bkn_tanggal sk_nomor sk_tanggal tmt"),
        (Riwayat::Jabatan, "eselon jenis_jabatan nama_jabatan sk_nomor sk_tanggal tanggal_pelantikan tmt unit_kerja"),
        (Riwayat::Keluarga, "akta_cerai_nomor akta_cerai_tanggal akta_nikah_nomor akta_nikah_tanggal anggota jenis_kelamin masih_hidup nama nik pasangan_id status_anak tanggal_lahir tempat_lahir"),
        (Riwayat::CpnsPns, "sk_cpns_nomor sk_cpns_tanggal sk_pns_nomor sk_pns_tanggal spmt_nomor spmt_tanggal sttpl_nomor sttpl_tanggal tmt_cpns tmt_pns"),
    ];

    proptest! {
        #[test]
        fn every_history_maps_to_its_tables_columns(pegawai in pegawai_pns(date!(2026 - 12 - 01))) {
            for (riwayat, columns_of_table) in TABLES {
                for record in records_of(&pegawai, *riwayat) {
                    let row = columns(&record);
                    let mut keys: Vec<&str> =
                        row.as_object().unwrap().keys().map(String::as_str).collect();
                    keys.sort_unstable();
                    prop_assert_eq!(keys.join(" "), *columns_of_table, "{:?}", riwayat);
                }
            }
        }
    }
}
