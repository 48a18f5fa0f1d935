//! "Data sudah sesuai": the employee confirms Data Personal and each history that
//! applies to them; progress is what is confirmed out of what applies.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::domain::reference::{JenisPegawai, Riwayat};
use crate::domain::Lang;

/// A part of the record the employee checks and confirms as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Section {
    DataPersonal,
    Riwayat(Riwayat),
}

impl Section {
    pub fn code(self) -> &'static str {
        match self {
            Section::DataPersonal => "data_personal",
            Section::Riwayat(r) => r.code(),
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        if code == "data_personal" {
            return Some(Section::DataPersonal);
        }
        Riwayat::parse(code).ok().map(Section::Riwayat)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Section::DataPersonal => "Data Personal",
            Section::Riwayat(r) => r.name(lang),
        }
    }

    /// The sections an employee of this type has, in the profile's order.
    pub fn for_jenis(jenis: JenisPegawai) -> Vec<Section> {
        std::iter::once(Section::DataPersonal)
            .chain(
                Riwayat::all()
                    .iter()
                    .copied()
                    .filter(move |r| r.applies_to(jenis))
                    .map(Section::Riwayat),
            )
            .collect()
    }
}

/// Each applicable section with when it was confirmed, if it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub sections: Vec<(Section, Option<OffsetDateTime>)>,
}

impl Progress {
    /// Progress of an employee of `jenis` from their stored confirmations; a
    /// confirmation of a section that does not apply (any more) does not count.
    pub fn of(jenis: JenisPegawai, confirmed: &[(Section, OffsetDateTime)]) -> Self {
        let sections = Section::for_jenis(jenis)
            .into_iter()
            .map(|section| {
                let at = confirmed
                    .iter()
                    .filter(|(s, _)| *s == section)
                    .map(|(_, at)| *at)
                    .max();
                (section, at)
            })
            .collect();
        Progress { sections }
    }

    pub fn done(&self) -> usize {
        self.sections.iter().filter(|(_, at)| at.is_some()).count()
    }

    pub fn total(&self) -> usize {
        self.sections.len()
    }

    pub fn confirmed_at(&self, section: Section) -> Option<OffsetDateTime> {
        self.sections
            .iter()
            .find(|(s, _)| *s == section)
            .and_then(|(_, at)| *at)
    }

    /// What is still to check, in order.
    pub fn remaining(&self) -> impl Iterator<Item = Section> + '_ {
        self.sections
            .iter()
            .filter(|(_, at)| at.is_none())
            .map(|(s, _)| *s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn jenis() -> impl Strategy<Value = JenisPegawai> {
        prop_oneof![
            Just(JenisPegawai::Pns),
            Just(JenisPegawai::Pppk),
            Just(JenisPegawai::PptNonAsn)
        ]
    }

    fn any_section() -> impl Strategy<Value = Section> {
        prop_oneof![
            Just(Section::DataPersonal),
            proptest::sample::select(Riwayat::all()).prop_map(Section::Riwayat),
        ]
    }

    #[test]
    fn a_pns_has_data_personal_and_every_history() {
        let sections = Section::for_jenis(JenisPegawai::Pns);
        assert_eq!(sections.len(), 1 + Riwayat::all().len());
        assert_eq!(sections[0], Section::DataPersonal);
        let pppk = Section::for_jenis(JenisPegawai::Pppk);
        assert!(!pppk.contains(&Section::Riwayat(Riwayat::Pangkat)));
        assert!(pppk.contains(&Section::Riwayat(Riwayat::Keluarga)));
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for section in Section::for_jenis(JenisPegawai::Pns) {
            assert_eq!(Section::parse(section.code()), Some(section));
        }
        assert_eq!(Section::parse("gaji"), None);
        assert_eq!(Section::parse("Data_Personal"), None);
    }

    proptest! {
        /// Done counts each applicable confirmed section once, never more than
        /// applies, and does not depend on the order confirmations come in.
        #[test]
        fn progress_counts_applicable_sections_once(
            jenis in jenis(),
            confirmed in proptest::collection::vec((any_section(), 0i64..1_000_000), 0..40),
        ) {
            let at = |s: i64| OffsetDateTime::from_unix_timestamp(1_700_000_000 + s).unwrap();
            let list: Vec<_> = confirmed.iter().map(|(s, t)| (*s, at(*t))).collect();
            let progress = Progress::of(jenis, &list);
            let applicable = Section::for_jenis(jenis);
            let distinct: std::collections::HashSet<_> = list
                .iter()
                .map(|(s, _)| *s)
                .filter(|s| applicable.contains(s))
                .collect();
            prop_assert_eq!(progress.total(), applicable.len());
            prop_assert_eq!(progress.done(), distinct.len());
            prop_assert_eq!(progress.done() + progress.remaining().count(), progress.total());
            let mut reversed = list.clone();
            reversed.reverse();
            prop_assert_eq!(Progress::of(jenis, &reversed), progress.clone());
            // The latest confirmation of a section is the one shown.
            for section in &distinct {
                let latest = list.iter().filter(|(s, _)| s == section).map(|(_, t)| *t).max();
                prop_assert_eq!(progress.confirmed_at(*section), latest);
            }
        }

        /// Confirming every applicable section completes the progress.
        #[test]
        fn confirming_everything_completes(jenis in jenis()) {
            let now = OffsetDateTime::UNIX_EPOCH;
            let all: Vec<_> = Section::for_jenis(jenis).into_iter().map(|s| (s, now)).collect();
            let progress = Progress::of(jenis, &all);
            prop_assert_eq!(progress.done(), progress.total());
            prop_assert_eq!(progress.remaining().count(), 0);
        }
    }
}
