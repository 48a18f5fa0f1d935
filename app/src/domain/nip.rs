//! NIP, the 18-digit identifier of a PNS, which encodes the birth date, TMT CPNS,
//! gender and a sequence number; parsing checks that every part is meaningful.

use serde::{Deserialize, Serialize};
use time::Date;

use super::nomor_induk_layout::{self as layout, layout_error, Layout, Names};
use super::reference::JenisKelamin;
use super::text_value::text_conversions;
use super::year_month::YearMonth;

/// A valid NIP, kept as its 18 digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nip(Layout);

layout_error!(
    /// Why a text is not a NIP. Positions count characters from 1 as typed.
    NipError,
    Names {
        identifier: "NIP",
        tmt_id: "TMT CPNS",
        tmt_en: "CPNS start date (TMT CPNS)",
    }
);

impl Nip {
    /// Accepts spaces anywhere (`19850312 201001 1 003`) and keeps only the digits.
    pub fn parse(input: &str) -> Result<Self, NipError> {
        layout::decode(input).map(Nip).map_err(NipError::from)
    }

    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        &self.0.digits
    }

    /// The printed form, `19850312 201001 1 003`.
    pub fn spaced(&self) -> String {
        layout::spaced(&self.0.digits)
    }

    pub fn birth_date(&self) -> Date {
        self.0.birth_date
    }

    pub fn tmt_cpns(&self) -> YearMonth {
        self.0.appointed
    }

    pub fn gender(&self) -> JenisKelamin {
        self.0.gender
    }

    /// The sequence number, from 1.
    pub fn sequence(&self) -> u16 {
        self.0.sequence
    }
}

text_conversions!(Nip, NipError);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::macros::date;

    use super::*;
    use crate::domain::localized::{Lang, Localized};
    use crate::domain::testing;

    #[test]
    fn decodes_every_part_of_a_spaced_nip() {
        let nip = Nip::parse("19850312 201001 2 003").unwrap();
        assert_eq!(nip.as_str(), "198503122010012003");
        assert_eq!(nip.spaced(), "19850312 201001 2 003");
        assert_eq!(nip.birth_date(), date!(1985 - 03 - 12));
        assert_eq!(nip.tmt_cpns(), YearMonth::new(2010, 1).unwrap());
        assert_eq!(nip.gender(), JenisKelamin::Perempuan);
        assert_eq!(nip.sequence(), 3);
        assert_eq!(nip.to_string(), "198503122010012003");
    }

    #[test]
    fn refuses_each_broken_part_precisely() {
        let cases = [
            ("", NipError::Empty),
            ("   ", NipError::Empty),
            (
                "19850312 2010x1 1 003",
                NipError::NonDigit {
                    position: 14,
                    found: 'x',
                },
            ),
            ("1985031220100110031", NipError::WrongLength { found: 19 }),
            ("19850312201001100", NipError::WrongLength { found: 17 }),
            (
                "198502302010011003",
                NipError::InvalidBirthDate {
                    found: "19850230".into(),
                },
            ),
            (
                "198513122010011003",
                NipError::InvalidBirthDate {
                    found: "19851312".into(),
                },
            ),
            (
                "198503122010131003",
                NipError::InvalidTmtMonth { found: 13 },
            ),
            ("198503122010001003", NipError::InvalidTmtMonth { found: 0 }),
            ("198503121984121003", NipError::TmtBeforeBirth),
            (
                "198503122010013003",
                NipError::InvalidGenderDigit { found: '3' },
            ),
            (
                "198503122010010003",
                NipError::InvalidGenderDigit { found: '0' },
            ),
            ("198503122010011000", NipError::ZeroSequence),
        ];
        for (input, expected) in cases {
            assert_eq!(Nip::parse(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    fn appointment_in_the_birth_month_is_accepted() {
        assert!(Nip::parse("198503122010011003").is_ok());
        assert!(Nip::parse("198503121985031003").is_ok());
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let err = Nip::parse("198503122010013003").unwrap_err();
        assert!(err.message(Lang::Id).contains("laki-laki"));
        assert!(err.message(Lang::En).contains("male"));
        assert_eq!(err.to_string(), err.message(Lang::En));
        let month = NipError::InvalidTmtMonth { found: 13 };
        assert!(month.message(Lang::Id).contains("TMT CPNS"));
    }

    #[test]
    fn serde_refuses_invalid_values() {
        let nip = Nip::parse("198503122010011003").unwrap();
        assert_eq!(
            serde_json::to_string(&nip).unwrap(),
            "\"198503122010011003\""
        );
        assert!(serde_json::from_str::<Nip>("\"198503122010013003\"").is_err());
    }

    proptest! {
        #[test]
        fn valid_nips_round_trip(parts in testing::nomor_induk_parts()) {
            let nip = Nip::parse(&parts.digits()).unwrap();
            prop_assert_eq!(nip.birth_date(), parts.birth_date);
            prop_assert_eq!(nip.tmt_cpns(), parts.appointed);
            prop_assert_eq!(nip.gender(), parts.gender);
            prop_assert_eq!(nip.sequence(), parts.sequence);
            let shown = nip.to_string();
            prop_assert_eq!(Nip::parse(&shown), Ok(nip.clone()));
            prop_assert_eq!(Nip::parse(&nip.spaced()), Ok(nip.clone()));
            let json = serde_json::to_string(&nip).unwrap();
            prop_assert_eq!(serde_json::from_str::<Nip>(&json).unwrap(), nip);
        }

        #[test]
        fn wrong_lengths_are_refused(nip in testing::nip(), cut in 1usize..18, extra in "[0-9]{1,5}") {
            let short = &nip.as_str()[..cut];
            prop_assert_eq!(Nip::parse(short), Err(NipError::WrongLength { found: cut }));
            let long = format!("{}{extra}", nip.as_str());
            prop_assert_eq!(Nip::parse(&long), Err(NipError::WrongLength { found: long.len() }));
        }

        #[test]
        fn an_inserted_non_digit_is_located(nip in testing::nip(), at in 0usize..=18, ch in "[^0-9\\s]") {
            let mut input = nip.as_str().to_owned();
            input.insert_str(at, &ch);
            let found = ch.chars().next().unwrap();
            prop_assert_eq!(Nip::parse(&input), Err(NipError::NonDigit { position: at + 1, found }));
        }

        #[test]
        fn impossible_birth_dates_are_refused(nip in testing::nip(), month in 13u8..=99, day in 32u8..=99) {
            let digits = nip.as_str();
            let bad_month = format!("{}{month:02}{}", &digits[..4], &digits[6..]);
            prop_assert!(matches!(Nip::parse(&bad_month), Err(NipError::InvalidBirthDate { .. })), "unexpected result");
            let bad_day = format!("{}{day:02}{}", &digits[..6], &digits[8..]);
            prop_assert!(matches!(Nip::parse(&bad_day), Err(NipError::InvalidBirthDate { .. })), "unexpected result");
        }

        #[test]
        fn impossible_tmt_months_are_refused(nip in testing::nip(), month in prop_oneof![Just(0u8), 13u8..=99]) {
            let digits = nip.as_str();
            let input = format!("{}{month:02}{}", &digits[..12], &digits[14..]);
            prop_assert_eq!(Nip::parse(&input), Err(NipError::InvalidTmtMonth { found: month }));
        }

        #[test]
        fn gender_digits_other_than_1_and_2_are_refused(nip in testing::nip(), digit in prop_oneof![Just('0'), proptest::char::range('3', '9')]) {
            let digits = nip.as_str();
            let input = format!("{}{digit}{}", &digits[..14], &digits[15..]);
            prop_assert_eq!(Nip::parse(&input), Err(NipError::InvalidGenderDigit { found: digit }));
        }

        #[test]
        fn a_zero_sequence_is_refused(nip in testing::nip()) {
            let input = format!("{}000", &nip.as_str()[..15]);
            prop_assert_eq!(Nip::parse(&input), Err(NipError::ZeroSequence));
        }

        #[test]
        fn arbitrary_text_never_panics(input in "\\PC{0,40}") {
            if let Err(e) = Nip::parse(&input) {
                prop_assert!(!e.message(Lang::Id).is_empty());
                prop_assert!(!e.message(Lang::En).is_empty());
            }
        }
    }
}
