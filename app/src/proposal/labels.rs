//! What a proposal's parts are called, for people: its fields (`persetujuan_bkn.tanggal`
//! of a rank reads "Persetujuan teknis BKN · Tanggal"), its status, the levels of its
//! chain and the steps of its timeline. The record types name their fields for code;
//! each history's description (`domain::riwayat::table`) names them for people, in
//! both languages, beside the column that keeps them. Status, levels and steps are
//! page text, in the locale files (`proposal.status.*`, `proposal.level.*`,
//! `proposal.event.*`), told in a given locale so an email can use them too.

use crate::domain::localized::Lang;
use crate::domain::reference::Riwayat;
use crate::domain::riwayat::table::table;
use crate::i18n::{td_string, Locale};
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
pub fn status_label(status: Status, chain_level: Option<Level>, locale: Locale) -> String {
    match status {
        Status::Pending { .. } => match chain_level {
            Some(level) => td_string!(
                locale,
                proposal.status.pending_at,
                level = level_label(level, locale)
            ),
            None => td_string!(locale, proposal.status.submitted).to_owned(),
        },
        Status::Returned { .. } => td_string!(locale, proposal.status.returned).to_owned(),
        Status::Applied => td_string!(locale, proposal.status.applied).to_owned(),
        Status::Rejected => td_string!(locale, proposal.status.rejected).to_owned(),
        Status::Withdrawn => td_string!(locale, proposal.status.withdrawn).to_owned(),
    }
}

pub fn level_label(level: Level, locale: Locale) -> &'static str {
    match level {
        Level::UnitKerja => td_string!(locale, proposal.level.unit_kerja),
        Level::Instansi => td_string!(locale, proposal.level.instansi),
        Level::Kanreg => td_string!(locale, proposal.level.kanreg),
        Level::Pusat => td_string!(locale, proposal.level.pusat),
    }
}

pub fn event_label(kind: EventKind, locale: Locale) -> &'static str {
    match kind {
        EventKind::Submitted => td_string!(locale, proposal.event.submitted),
        EventKind::Approved => td_string!(locale, proposal.event.approved),
        EventKind::Returned => td_string!(locale, proposal.event.returned),
        EventKind::Resubmitted => td_string!(locale, proposal.event.resubmitted),
        EventKind::Applied => td_string!(locale, proposal.event.applied),
        EventKind::Rejected => td_string!(locale, proposal.event.rejected),
        EventKind::Withdrawn => td_string!(locale, proposal.event.withdrawn),
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
