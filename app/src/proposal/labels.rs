//! What a form field is called, for people: `persetujuan_bkn.tanggal` reads
//! "Persetujuan teknis BKN · Tanggal". The record types name their fields for code
//! (some in English); the form shows these names instead, in the user's language.

use crate::domain::localized::Lang;

/// `(field name, Indonesian, English)`.
const NAMES: &[(&str, &str, &str)] = &[
    ("active_again", "Tanggal aktif kembali", "Back at work on"),
    ("akta_cerai", "Akta cerai", "Divorce certificate"),
    ("akta_nikah", "Akta nikah", "Marriage certificate"),
    ("alive", "Masih hidup", "Alive"),
    ("appraiser_name", "Nama pejabat penilai", "Appraiser's name"),
    ("appraiser_nip", "NIP pejabat penilai", "Appraiser's NIP"),
    ("back_title", "Gelar belakang", "Title after the name"),
    ("birth_date", "Tanggal lahir", "Date of birth"),
    ("birth_place", "Tempat lahir", "Place of birth"),
    (
        "certificate_number",
        "Nomor ijazah/sertifikat",
        "Certificate number",
    ),
    ("employer", "Tempat bekerja", "Employer"),
    ("end", "Tanggal selesai", "End date"),
    ("eselon", "Eselon", "Echelon"),
    ("found", "Ditemukan", "Found"),
    ("from_instansi_id", "Instansi asal", "From agency"),
    ("front_title", "Gelar depan", "Title before the name"),
    ("gender", "Jenis kelamin", "Gender"),
    ("golongan", "Golongan", "Rank (golongan)"),
    ("graduation_date", "Tanggal lulus", "Graduation date"),
    ("hasil_kerja", "Hasil kerja", "Work results"),
    ("hours", "Jumlah jam", "Hours"),
    ("jabatan", "Jabatan", "Position"),
    ("jenis", "Jenis", "Kind"),
    ("jenis_kp", "Jenis kenaikan pangkat", "Kind of promotion"),
    ("kind", "Anggota keluarga", "Family member"),
    ("major", "Jurusan", "Major"),
    (
        "masa_kerja",
        "Masa kerja golongan",
        "Service counted for the rank",
    ),
    ("months", "Bulan", "Months"),
    ("name", "Nama", "Name"),
    ("nik", "NIK", "NIK"),
    ("nomor", "Nomor", "Number"),
    ("organiser", "Penyelenggara", "Organiser"),
    (
        "pasangan_id",
        "Orang tua lain (pasangan)",
        "Other parent (spouse)",
    ),
    ("perilaku_kerja", "Perilaku kerja", "Work behaviour"),
    (
        "persetujuan_bkn",
        "Persetujuan teknis BKN",
        "BKN technical approval",
    ),
    ("predikat", "Predikat", "Rating"),
    ("role", "Peran", "Role"),
    ("school", "Sekolah/perguruan tinggi", "School or university"),
    ("sk", "SK", "Decree (SK)"),
    (
        "sk_active_again",
        "SK aktif kembali",
        "Decree of return to work",
    ),
    ("sk_cpns", "SK CPNS", "CPNS decree"),
    ("sk_pns", "SK PNS", "PNS decree"),
    ("spmt", "SPMT", "SPMT (start of duty)"),
    ("start", "Tanggal mulai", "Start date"),
    ("status", "Status", "Status"),
    ("sttpl", "STTPL", "STTPL (training certificate)"),
    ("tanggal", "Tanggal", "Date"),
    (
        "tanggal_pelantikan",
        "Tanggal pelantikan",
        "Inauguration date",
    ),
    ("tingkat", "Tingkat", "Level"),
    ("tmt", "TMT", "Effective date (TMT)"),
    ("tmt_cpns", "TMT CPNS", "CPNS effective date"),
    ("tmt_pns", "TMT PNS", "PNS effective date"),
    ("to_instansi_id", "Instansi tujuan", "To agency"),
    ("unit_kerja", "Unit kerja", "Work unit"),
    ("year", "Tahun", "Year"),
    ("years", "Tahun", "Years"),
];

fn name(segment: &str, lang: Lang) -> String {
    NAMES
        .iter()
        .find(|(key, ..)| *key == segment)
        .map(|(_, id, en)| lang.pick(*id, *en).to_owned())
        // A field named after this list was written: readable still.
        .unwrap_or_else(|| {
            let spaced = segment.replace('_', " ");
            let mut chars = spaced.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
}

/// The field's name for people, each level of its path named and joined.
pub fn field_label(path: &str, lang: Lang) -> String {
    path.split('.')
        .map(|segment| name(segment, lang))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::pegawai_pns;
    use crate::proposal::change::records_of;
    use crate::proposal::form::fields_of;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn nested_fields_are_named_level_by_level_in_both_languages() {
        assert_eq!(
            field_label("persetujuan_bkn.tanggal", Lang::Id),
            "Persetujuan teknis BKN · Tanggal"
        );
        assert_eq!(field_label("sk.nomor", Lang::En), "Decree (SK) · Number");
        assert_eq!(field_label("some_new_field", Lang::Id), "Some new field");
    }

    proptest! {
        #[test]
        fn every_field_of_every_history_has_a_name(p in pegawai_pns(date!(2026 - 11 - 23))) {
            for riwayat in crate::domain::reference::Riwayat::all() {
                for record in records_of(&p, *riwayat) {
                    for field in fields_of(&record) {
                        for segment in field.path.split('.') {
                            prop_assert!(
                                NAMES.iter().any(|(key, ..)| *key == segment),
                                "{} has no name", field.path
                            );
                        }
                    }
                }
            }
        }
    }
}
