//! What a proposal's parts are called, for people: its fields (`persetujuan_bkn.tanggal`
//! of a rank reads "Persetujuan teknis BKN · Tanggal"), its status, the levels of its
//! chain and the steps of its timeline. The record types name their fields for code;
//! each history's description (`domain::riwayat::table`) names them for people, in
//! both languages, beside the column that keeps them.

use crate::domain::localized::Lang;
use crate::domain::reference::Riwayat;
use crate::domain::riwayat::table::table;
use crate::proposal::lifecycle::{Level, Status};
use crate::proposal::submission::EventKind;

/// The field's name for people.
pub fn field_label(riwayat: Riwayat, path: &str, lang: Lang) -> String {
    match table(riwayat).column_at(path) {
        Some(column) => column.label(lang).to_owned(),
        // A field the description does not know yet: readable still.
        None => path
            .split('.')
            .map(|segment| {
                let spaced = segment.replace('_', " ");
                let mut chars = spaced.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

/// Where a proposal is, for its owner and its verifiers.
pub fn status_label(status: Status, chain_level: Option<Level>, lang: Lang) -> String {
    match status {
        Status::Pending { .. } => match chain_level {
            Some(level) => format!(
                "{} {}",
                lang.pick("Menunggu verifikasi", "Awaiting verification by"),
                level_label(level, lang)
            ),
            None => lang.pick("Diajukan", "Submitted").to_owned(),
        },
        Status::Returned { .. } => lang
            .pick("Dikembalikan untuk diperbaiki", "Returned for correction")
            .to_owned(),
        Status::Applied => lang
            .pick("Disetujui dan diterapkan", "Approved and applied")
            .to_owned(),
        Status::Rejected => lang.pick("Ditolak", "Rejected").to_owned(),
        Status::Withdrawn => lang.pick("Ditarik", "Withdrawn").to_owned(),
    }
}

pub fn level_label(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::UnitKerja => lang.pick("unit kerja", "the work unit"),
        Level::Instansi => lang.pick("instansi", "the agency"),
        Level::Kanreg => lang.pick("Kantor Regional BKN", "the BKN regional office"),
        Level::Pusat => lang.pick("BKN Pusat", "BKN headquarters"),
    }
}

pub fn event_label(kind: EventKind, lang: Lang) -> &'static str {
    match kind {
        EventKind::Submitted => lang.pick("Diajukan", "Submitted"),
        EventKind::Approved => lang.pick("Disetujui", "Approved"),
        EventKind::Returned => lang.pick("Dikembalikan", "Returned"),
        EventKind::Resubmitted => lang.pick("Diajukan ulang", "Resubmitted"),
        EventKind::Applied => lang.pick("Diterapkan ke data", "Applied to the record"),
        EventKind::Rejected => lang.pick("Ditolak", "Rejected"),
        EventKind::Withdrawn => lang.pick("Ditarik", "Withdrawn"),
    }
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
            field_label(Riwayat::Pangkat, "persetujuan_bkn.tanggal", Lang::Id),
            "Persetujuan teknis BKN · Tanggal"
        );
        assert_eq!(
            field_label(Riwayat::Penghargaan, "sk.nomor", Lang::En),
            "Decree (SK) · Number"
        );
        assert_eq!(field_label(Riwayat::Organisasi, "role", Lang::Id), "Peran");
        assert_eq!(
            field_label(Riwayat::Jabatan, "some_new_field", Lang::Id),
            "Some new field"
        );
    }

    proptest! {
        /// Every field the form shows is a column of its history's description, so
        /// it has a name in both languages.
        #[test]
        fn every_field_of_every_history_has_a_name(p in pegawai_pns(date!(2026 - 11 - 23))) {
            for riwayat in Riwayat::all() {
                for record in records_of(&p, *riwayat) {
                    for field in fields_of(&record) {
                        let column = table(*riwayat).column_at(&field.path);
                        prop_assert!(column.is_some(), "{:?}: {} has no column", riwayat, field.path);
                        let column = column.unwrap();
                        prop_assert!(!column.label.0.is_empty() && !column.label.1.is_empty());
                    }
                }
            }
        }
    }
}
