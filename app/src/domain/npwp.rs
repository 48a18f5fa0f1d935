//! NPWP, the taxpayer number: the legacy 15 digits (`99.999.999.9-999.999`) or, since
//! 2024, 16 digits, which for residents is their NIK and for others `0` followed by
//! the legacy number. Stored as digits only.

use serde::{Deserialize, Serialize};

use super::digits::{digits_only, DigitsError};
use super::localized::{error_display_in_english, Lang, Localized};
use super::nik::{Nik, NikError};
use super::text_value::text_conversions;

const LEGACY_LENGTH: usize = 15;
const NEW_LENGTH: usize = 16;

/// A taxpayer number, kept as 15 or 16 digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Npwp(String);

/// Which numbering an NPWP follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpwpKind {
    /// The 15-digit number issued before 2024.
    Legacy,
    /// A 16-digit NPWP that is the holder's NIK.
    Nik,
    /// A 16-digit NPWP made of `0` and a legacy number.
    PrefixedLegacy,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NpwpError {
    Empty,
    /// `position` counts characters from 1 as typed; dots, hyphens and spaces are allowed.
    InvalidCharacter {
        position: usize,
        found: char,
    },
    WrongLength {
        found: usize,
    },
    /// All zeros: some systems use `00.000.000.0-000.000` for "no NPWP"; leave it empty instead.
    Placeholder,
    /// 16 digits not starting with 0 must be a valid NIK.
    InvalidNik(NikError),
}

impl Npwp {
    pub fn parse(input: &str) -> Result<Self, NpwpError> {
        let digits = digits_only(input, &['.', '-']).map_err(|e| match e {
            DigitsError::Empty => NpwpError::Empty,
            DigitsError::NonDigit { position, found } => {
                NpwpError::InvalidCharacter { position, found }
            }
        })?;
        if digits.len() != LEGACY_LENGTH && digits.len() != NEW_LENGTH {
            return Err(NpwpError::WrongLength {
                found: digits.len(),
            });
        }
        if digits.bytes().all(|b| b == b'0') {
            return Err(NpwpError::Placeholder);
        }
        if digits.len() == NEW_LENGTH && !digits.starts_with('0') {
            Nik::parse(&digits).map_err(NpwpError::InvalidNik)?;
        }
        Ok(Npwp(digits))
    }

    /// The digits only.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn kind(&self) -> NpwpKind {
        match (self.0.len(), self.0.starts_with('0')) {
            (LEGACY_LENGTH, _) => NpwpKind::Legacy,
            (_, true) => NpwpKind::PrefixedLegacy,
            (_, false) => NpwpKind::Nik,
        }
    }

    /// The printed form: `99.999.999.9-999.999` for legacy numbers, the digits otherwise.
    pub fn formatted(&self) -> String {
        match self.kind() {
            NpwpKind::Legacy => {
                let d = &self.0;
                format!(
                    "{}.{}.{}.{}-{}.{}",
                    &d[0..2],
                    &d[2..5],
                    &d[5..8],
                    &d[8..9],
                    &d[9..12],
                    &d[12..15]
                )
            }
            NpwpKind::Nik | NpwpKind::PrefixedLegacy => self.0.clone(),
        }
    }
}

impl Localized for NpwpError {
    fn message(&self, lang: Lang) -> String {
        use NpwpError::*;
        match (self, lang) {
            (Empty, Lang::Id) => "NPWP kosong; kosongkan kolomnya jika tidak punya NPWP.".into(),
            (Empty, Lang::En) => "The NPWP is empty; leave the field out if there is none.".into(),
            (InvalidCharacter { position, found }, Lang::Id) => format!(
                "NPWP hanya boleh berisi angka, titik dan tanda hubung; karakter ke-{position} adalah \"{found}\"."
            ),
            (InvalidCharacter { position, found }, Lang::En) => format!(
                "An NPWP may contain only digits, dots and hyphens; character {position} is \"{found}\"."
            ),
            (WrongLength { found }, Lang::Id) => {
                format!("NPWP terdiri dari 15 atau 16 angka, bukan {found}.")
            }
            (WrongLength { found }, Lang::En) => {
                format!("An NPWP has 15 or 16 digits, not {found}.")
            }
            (Placeholder, Lang::Id) => {
                "NPWP berisi nol semua; kosongkan kolomnya jika tidak punya NPWP.".into()
            }
            (Placeholder, Lang::En) => {
                "The NPWP is all zeros; leave the field out if there is none.".into()
            }
            (InvalidNik(e), Lang::Id) => {
                format!("NPWP 16 angka adalah NIK, tetapi: {}", e.message(lang))
            }
            (InvalidNik(e), Lang::En) => {
                format!("A 16-digit NPWP is a NIK, but: {}", e.message(lang))
            }
        }
    }
}

error_display_in_english!(NpwpError);

text_conversions!(Npwp, NpwpError);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::testing;

    #[test]
    fn accepts_the_punctuated_legacy_form() {
        let npwp = Npwp::parse("01.234.567.8-901.000").unwrap();
        assert_eq!(npwp.as_str(), "012345678901000");
        assert_eq!(npwp.kind(), NpwpKind::Legacy);
        assert_eq!(npwp.formatted(), "01.234.567.8-901.000");
    }

    #[test]
    fn sixteen_digits_are_a_nik_or_a_prefixed_legacy_number() {
        assert_eq!(
            Npwp::parse("3273055203850001").unwrap().kind(),
            NpwpKind::Nik
        );
        let prefixed = Npwp::parse("0012345678901000").unwrap();
        assert_eq!(prefixed.kind(), NpwpKind::PrefixedLegacy);
        assert_eq!(prefixed.formatted(), "0012345678901000");
        assert_eq!(
            Npwp::parse("1012345678901000"),
            Err(NpwpError::InvalidNik(NikError::InvalidProvinceCode {
                found: 10
            }))
        );
    }

    #[test]
    fn refuses_each_broken_part_precisely() {
        let cases = [
            ("", NpwpError::Empty),
            ("..-", NpwpError::Empty),
            (
                "01.234/567",
                NpwpError::InvalidCharacter {
                    position: 7,
                    found: '/',
                },
            ),
            ("01.234.567.8-901.00", NpwpError::WrongLength { found: 14 }),
            ("00.000.000.0-000.000", NpwpError::Placeholder),
            ("0000000000000000", NpwpError::Placeholder),
        ];
        for (input, expected) in cases {
            assert_eq!(Npwp::parse(input), Err(expected), "{input:?}");
        }
        let nested = Npwp::parse("1012345678901000").unwrap_err();
        assert!(nested.message(Lang::Id).contains("kode provinsi"));
        assert!(nested.message(Lang::En).contains("province"));
    }

    proptest! {
        #[test]
        fn valid_numbers_round_trip(input in testing::npwp_input()) {
            let npwp = Npwp::parse(&input).unwrap();
            let shown = npwp.to_string();
            prop_assert_eq!(Npwp::parse(&shown), Ok(npwp.clone()));
            prop_assert_eq!(Npwp::parse(&npwp.formatted()), Ok(npwp.clone()));
            let json = serde_json::to_string(&npwp).unwrap();
            prop_assert_eq!(serde_json::from_str::<Npwp>(&json).unwrap(), npwp);
        }

        #[test]
        fn arbitrary_text_never_panics(input in "\\PC{0,30}") {
            if let Err(e) = Npwp::parse(&input) {
                prop_assert!(!e.message(Lang::En).is_empty());
            }
        }
    }
}
