//! Indonesian mobile numbers, written in many ways (`0812-3456-7890`, `62 812…`,
//! `+62 812…`) and stored one way (`+62812…`) so that the same phone is the same
//! value everywhere, including the uniqueness checks of contact reconciliation.

use serde::{Deserialize, Serialize};

use super::localized::{error_display_in_english, Lang, Localized};
use super::text_value::text_conversions;

/// Digits of the national form `08…`, the one people know: 10 to 13.
const NATIONAL_DIGITS: std::ops::RangeInclusive<usize> = 10..=13;
const SEPARATORS: [char; 3] = ['-', '.', ' '];

/// An Indonesian mobile number, normalised to `+628…`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MobileNumber(String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MobileNumberError {
    Empty,
    /// `position` counts characters from 1 as typed; `+` is allowed only first.
    InvalidCharacter {
        position: usize,
        found: char,
    },
    /// Starts with neither `0`, `62` nor `+62`.
    NotIndonesian,
    /// Indonesian, but not a mobile number (after the prefix it must start with 8).
    NotMobile,
    /// Digit count in the `08…` form.
    WrongLength {
        found: usize,
    },
}

impl MobileNumber {
    pub fn parse(input: &str) -> Result<Self, MobileNumberError> {
        let mut digits = String::with_capacity(input.len());
        let mut plus = false;
        for (index, ch) in input.chars().enumerate() {
            if ch.is_ascii_digit() {
                digits.push(ch);
            } else if ch == '+' && !plus && digits.is_empty() {
                plus = true;
            } else if !(ch.is_whitespace() || SEPARATORS.contains(&ch)) {
                return Err(MobileNumberError::InvalidCharacter {
                    position: index + 1,
                    found: ch,
                });
            }
        }
        if digits.is_empty() {
            return Err(MobileNumberError::Empty);
        }
        let subscriber = match (plus, digits.strip_prefix("62"), digits.strip_prefix('0')) {
            (_, Some(rest), _) => rest,
            (false, None, Some(rest)) => rest,
            _ => return Err(MobileNumberError::NotIndonesian),
        };
        if !subscriber.starts_with('8') {
            return Err(MobileNumberError::NotMobile);
        }
        let national = subscriber.len() + 1;
        if !NATIONAL_DIGITS.contains(&national) {
            return Err(MobileNumberError::WrongLength { found: national });
        }
        Ok(MobileNumber(format!("+62{subscriber}")))
    }

    /// `+62812…`
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The national form people type, `0812…`.
    pub fn national(&self) -> String {
        format!("0{}", &self.0[3..])
    }
}

impl Localized for MobileNumberError {
    fn message(&self, lang: Lang) -> String {
        use MobileNumberError::*;
        let (min, max) = (NATIONAL_DIGITS.start(), NATIONAL_DIGITS.end());
        match (self, lang) {
            (Empty, Lang::Id) => "Nomor ponsel wajib diisi.".into(),
            (Empty, Lang::En) => "Mobile number is required.".into(),
            (InvalidCharacter { position, found }, Lang::Id) => format!(
                "Nomor ponsel hanya boleh berisi angka, spasi, tanda hubung dan + di awal; karakter ke-{position} adalah \"{found}\"."
            ),
            (InvalidCharacter { position, found }, Lang::En) => format!(
                "A mobile number may contain only digits, spaces, hyphens and a leading +; character {position} is \"{found}\"."
            ),
            (NotIndonesian, Lang::Id) => {
                "Nomor ponsel harus diawali 08, 628 atau +628.".into()
            }
            (NotIndonesian, Lang::En) => {
                "A mobile number must start with 08, 628 or +628.".into()
            }
            (NotMobile, Lang::Id) => {
                "Ini bukan nomor ponsel Indonesia: setelah 0 atau +62 harus angka 8.".into()
            }
            (NotMobile, Lang::En) => {
                "This is not an Indonesian mobile number: 0 or +62 must be followed by 8.".into()
            }
            (WrongLength { found }, Lang::Id) => format!(
                "Nomor ponsel (diawali 08) terdiri dari {min} sampai {max} angka, bukan {found}."
            ),
            (WrongLength { found }, Lang::En) => format!(
                "A mobile number (starting 08) has {min} to {max} digits, not {found}."
            ),
        }
    }
}

error_display_in_english!(MobileNumberError);

text_conversions!(MobileNumber, MobileNumberError);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::testing;

    #[test]
    fn every_written_form_normalises_to_plus_62() {
        for input in [
            "0812-3456-7890",
            "62 812 3456 7890",
            "+62 812-3456-7890",
            "+6281234567890",
        ] {
            let number = MobileNumber::parse(input).unwrap();
            assert_eq!(number.as_str(), "+6281234567890", "{input}");
            assert_eq!(number.national(), "081234567890");
        }
    }

    #[test]
    fn length_is_10_to_13_digits_in_the_national_form() {
        assert!(MobileNumber::parse("0812345678").is_ok());
        assert!(MobileNumber::parse("0812345678901").is_ok());
        assert_eq!(
            MobileNumber::parse("081234567"),
            Err(MobileNumberError::WrongLength { found: 9 })
        );
        assert_eq!(
            MobileNumber::parse("+6281234567890123"),
            Err(MobileNumberError::WrongLength { found: 15 })
        );
    }

    #[test]
    fn refuses_each_broken_part_precisely() {
        let cases = [
            ("", MobileNumberError::Empty),
            ("+", MobileNumberError::Empty),
            (
                "0812 3456 789o",
                MobileNumberError::InvalidCharacter {
                    position: 14,
                    found: 'o',
                },
            ),
            (
                "0812+3456",
                MobileNumberError::InvalidCharacter {
                    position: 5,
                    found: '+',
                },
            ),
            (
                "++62812",
                MobileNumberError::InvalidCharacter {
                    position: 2,
                    found: '+',
                },
            ),
            ("+0812345678", MobileNumberError::NotIndonesian),
            ("+6581234567", MobileNumberError::NotIndonesian),
            ("812345678", MobileNumberError::NotIndonesian),
            ("0215551234", MobileNumberError::NotMobile),
            ("+62215551234", MobileNumberError::NotMobile),
        ];
        for (input, expected) in cases {
            assert_eq!(MobileNumber::parse(input), Err(expected), "{input:?}");
        }
        let err = MobileNumberError::NotMobile;
        assert!(err.message(Lang::Id).contains("ponsel"));
        assert!(err.message(Lang::En).contains("mobile"));
    }

    proptest! {
        #[test]
        fn valid_numbers_round_trip(input in testing::mobile_number_input()) {
            let number = MobileNumber::parse(&input).unwrap();
            prop_assert!(number.as_str().starts_with("+628"));
            let shown = number.to_string();
            prop_assert_eq!(MobileNumber::parse(&shown), Ok(number.clone()));
            prop_assert_eq!(MobileNumber::parse(&number.national()), Ok(number.clone()));
            let json = serde_json::to_string(&number).unwrap();
            prop_assert_eq!(serde_json::from_str::<MobileNumber>(&json).unwrap(), number);
        }

        #[test]
        fn arbitrary_text_never_panics(input in "\\PC{0,30}") {
            if let Err(e) = MobileNumber::parse(&input) {
                prop_assert!(!e.message(Lang::Id).is_empty());
            }
        }
    }
}
