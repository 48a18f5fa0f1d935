//! The registration number printed on both parts of the proof: 12 characters of
//! Crockford base32 in three groups (`7K3Q-MX2D-9FTB`), 60 random bits. Read aloud
//! or retyped from paper, so the look-alikes are forgiven: O is 0, I and L are 1,
//! case and spacing do not matter.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::localized::{Lang, Localized};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH: usize = 12;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegistrationNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegistrationNumberError {
    #[error("empty")]
    Empty,
    #[error("{found} characters instead of 12")]
    WrongLength { found: usize },
    #[error("'{0}' is not used in registration numbers")]
    BadCharacter(char),
}

impl Localized for RegistrationNumberError {
    fn message(&self, lang: Lang) -> String {
        use RegistrationNumberError::*;
        match (self, lang) {
            (Empty, Lang::Id) => "Nomor registrasi wajib diisi.".into(),
            (Empty, Lang::En) => "The registration number is required.".into(),
            (WrongLength { found }, Lang::Id) => {
                format!("Nomor registrasi terdiri atas 12 karakter, bukan {found}.")
            }
            (WrongLength { found }, Lang::En) => {
                format!("A registration number has 12 characters, not {found}.")
            }
            (BadCharacter(c), Lang::Id) => {
                format!("Karakter '{c}' tidak dipakai dalam nomor registrasi.")
            }
            (BadCharacter(c), Lang::En) => {
                format!("'{c}' is not used in registration numbers.")
            }
        }
    }
}

impl RegistrationNumber {
    pub fn parse(input: &str) -> Result<Self, RegistrationNumberError> {
        let mut symbols = String::with_capacity(LENGTH);
        for c in input.chars() {
            if c.is_whitespace() || c == '-' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return Err(RegistrationNumberError::BadCharacter(c));
            }
            symbols.push(c);
        }
        match symbols.len() {
            0 => Err(RegistrationNumberError::Empty),
            LENGTH => Ok(Self::grouped(&symbols)),
            found => Err(RegistrationNumberError::WrongLength { found }),
        }
    }

    /// A fresh number from 60 bits of the given randomness.
    pub fn from_bits(bits: u64) -> Self {
        let symbols: String = (0..LENGTH)
            .rev()
            .map(|i| ALPHABET[((bits >> (5 * i)) & 31) as usize] as char)
            .collect();
        Self::grouped(&symbols)
    }

    fn grouped(symbols: &str) -> Self {
        Self(format!(
            "{}-{}-{}",
            &symbols[0..4],
            &symbols[4..8],
            &symbols[8..12]
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RegistrationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for RegistrationNumber {
    type Error = RegistrationNumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<RegistrationNumber> for String {
    fn from(n: RegistrationNumber) -> Self {
        n.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn look_alikes_case_and_spacing_are_forgiven() {
        let n = RegistrationNumber::parse("7k3q mx2d 9ftb").unwrap();
        assert_eq!(n.as_str(), "7K3Q-MX2D-9FTB");
        assert_eq!(
            RegistrationNumber::parse("O1IL-0000-0000")
                .unwrap()
                .as_str(),
            "0111-0000-0000"
        );
    }

    #[test]
    fn wrong_numbers_say_why() {
        assert_eq!(
            RegistrationNumber::parse(" - "),
            Err(RegistrationNumberError::Empty)
        );
        assert_eq!(
            RegistrationNumber::parse("7K3Q-MX2D"),
            Err(RegistrationNumberError::WrongLength { found: 8 })
        );
        assert_eq!(
            RegistrationNumber::parse("7K3Q-MX2D-9FTU"),
            Err(RegistrationNumberError::BadCharacter('U'))
        );
        assert!(RegistrationNumberError::BadCharacter('U')
            .message(Lang::Id)
            .contains("'U'"));
    }

    proptest! {
        /// Every generated number parses back to itself, however it is retyped.
        #[test]
        fn generated_numbers_round_trip(bits in any::<u64>()) {
            let n = RegistrationNumber::from_bits(bits);
            prop_assert_eq!(RegistrationNumber::parse(n.as_str()), Ok(n.clone()));
            let retyped = n.as_str().to_lowercase().replace('-', " ");
            prop_assert_eq!(RegistrationNumber::parse(&retyped), Ok(n.clone()));
            let json = serde_json::to_string(&n).unwrap();
            prop_assert_eq!(serde_json::from_str::<RegistrationNumber>(&json).unwrap(), n);
        }

        /// Different bits give different numbers (the 60 low bits all count).
        #[test]
        fn distinct_bits_give_distinct_numbers(a in any::<u64>(), b in any::<u64>()) {
            let mask = (1u64 << 60) - 1;
            prop_assume!(a & mask != b & mask);
            prop_assert_ne!(RegistrationNumber::from_bits(a), RegistrationNumber::from_bits(b));
        }
    }
}
