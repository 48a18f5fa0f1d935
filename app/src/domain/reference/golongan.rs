//! Ranks of both schemes: their order, their parts, and one type for either.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{GolonganPns, GolonganPppk, ReferenceKind, UnknownCode};
use crate::domain::localized::Lang;

impl GolonganPns {
    /// The golongan number, 1 (I) to 4 (IV).
    pub fn golongan(self) -> u8 {
        // IV has five ruang (a–e), hence the cap.
        (self as u8 / 4 + 1).min(4)
    }

    /// "Juru Muda (I/a)": how ranks are usually shown to people.
    pub fn label(self) -> String {
        format!("{} ({})", self.name_id(), self.code())
    }
}

impl GolonganPppk {
    /// The grade as a number, 1 to 17.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}

/// A golongan of either scheme. The codes cannot collide (PNS codes contain `/`),
/// so one string column can hold both. Ranks of different schemes do not compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Golongan {
    Pns(GolonganPns),
    Pppk(GolonganPppk),
}

impl Golongan {
    pub fn all() -> impl Iterator<Item = Golongan> {
        let pns = GolonganPns::all().iter().copied().map(Golongan::Pns);
        pns.chain(GolonganPppk::all().iter().copied().map(Golongan::Pppk))
    }

    pub fn code(self) -> &'static str {
        match self {
            Golongan::Pns(g) => g.code(),
            Golongan::Pppk(g) => g.code(),
        }
    }

    pub fn name_id(self) -> &'static str {
        match self {
            Golongan::Pns(g) => g.name_id(),
            Golongan::Pppk(g) => g.name_id(),
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Golongan::Pns(g) => g.name_en(),
            Golongan::Pppk(g) => g.name_en(),
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        lang.pick(self.name_id(), self.name_en())
    }

    pub fn parse(code: &str) -> Result<Self, UnknownCode> {
        GolonganPns::parse(code)
            .map(Golongan::Pns)
            .or_else(|_| GolonganPppk::parse(code).map(Golongan::Pppk))
            .map_err(|_| UnknownCode {
                kind: ReferenceKind::Golongan,
                found: code.to_owned(),
            })
    }
}

impl PartialOrd for Golongan {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match (self, other) {
            (Golongan::Pns(a), Golongan::Pns(b)) => Some(a.cmp(b)),
            (Golongan::Pppk(a), Golongan::Pppk(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

impl FromStr for Golongan {
    type Err = UnknownCode;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Self::parse(code)
    }
}

impl TryFrom<String> for Golongan {
    type Error = UnknownCode;

    fn try_from(code: String) -> Result<Self, Self::Error> {
        Self::parse(&code)
    }
}

impl From<Golongan> for &'static str {
    fn from(value: Golongan) -> Self {
        value.code()
    }
}

impl fmt::Display for Golongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::Localized;

    #[test]
    fn pns_titles_follow_the_regulation() {
        assert_eq!(GolonganPns::IIIA.name_id(), "Penata Muda");
        assert_eq!(GolonganPns::IVE.name_id(), "Pembina Utama");
        assert_eq!(GolonganPns::IIIA.label(), "Penata Muda (III/a)");
        assert_eq!(GolonganPns::all().len(), 17);
        assert_eq!(GolonganPns::ID.golongan(), 1);
        assert_eq!(GolonganPns::IIA.golongan(), 2);
        assert_eq!(GolonganPns::IVE.golongan(), 4);
    }

    #[test]
    fn ranks_compare_by_seniority() {
        assert!(GolonganPns::IIID < GolonganPns::IVA);
        assert!(GolonganPppk::IX < GolonganPppk::X);
        assert_eq!(GolonganPppk::XVII.number(), 17);
    }

    #[test]
    fn golongan_holds_both_schemes_in_one_code_space() {
        let all: Vec<_> = Golongan::all().collect();
        assert_eq!(all.len(), 34);
        for g in all {
            assert_eq!(Golongan::parse(g.code()), Ok(g));
            let json = serde_json::to_string(&g).unwrap();
            assert_eq!(serde_json::from_str::<Golongan>(&json).unwrap(), g);
        }
        assert_eq!(Golongan::parse("I"), Ok(Golongan::Pppk(GolonganPppk::I)));
        assert_eq!(Golongan::parse("I/a"), Ok(Golongan::Pns(GolonganPns::IA)));
        let err = Golongan::parse("V/a").unwrap_err();
        assert_eq!(err.kind, ReferenceKind::Golongan);
        assert!(!err.message(Lang::Id).is_empty());
    }

    #[test]
    fn schemes_do_not_compare() {
        let pns = Golongan::Pns(GolonganPns::IVE);
        let pppk = Golongan::Pppk(GolonganPppk::I);
        assert_eq!(pns.partial_cmp(&pppk), None);
        assert!(Golongan::Pns(GolonganPns::IA) < pns);
    }
}
