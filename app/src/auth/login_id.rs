//! What a person signs in with: the 18-digit NIP / NI PPPK, or, for PPT Non-ASN who
//! have neither, their 16-digit NIK. Parsed once, so the store only ever looks up
//! a well-formed number.

use serde::{Deserialize, Serialize};

use crate::domain::localized::{error_display_in_english, Lang, Localized};
use crate::domain::{Nik, NikError, Nip, NipError};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LoginId {
    /// NIP or NI PPPK: the same layout, one column.
    NomorInduk(String),
    /// Only PPT Non-ASN sign in with their NIK.
    Nik(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoginIdError {
    Empty,
    NotDigits,
    WrongLength { found: usize },
    Nip(NipError),
    Nik(NikError),
}

impl LoginId {
    /// Spaces and dots people copy from documents are ignored.
    pub fn parse(input: &str) -> Result<Self, LoginIdError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect();
        if compact.is_empty() {
            return Err(LoginIdError::Empty);
        }
        if !compact.chars().all(|c| c.is_ascii_digit()) {
            return Err(LoginIdError::NotDigits);
        }
        match compact.len() {
            // NI PPPK shares the NIP layout, so one parser checks both.
            18 => Nip::parse(&compact)
                .map(|n| LoginId::NomorInduk(n.as_str().to_owned()))
                .map_err(LoginIdError::Nip),
            16 => Nik::parse(&compact)
                .map(|n| LoginId::Nik(n.as_str().to_owned()))
                .map_err(LoginIdError::Nik),
            found => Err(LoginIdError::WrongLength { found }),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            LoginId::NomorInduk(n) | LoginId::Nik(n) => n,
        }
    }
}

impl Localized for LoginIdError {
    fn message(&self, lang: Lang) -> String {
        use LoginIdError::*;
        match (self, lang) {
            (Empty, Lang::Id) => "NIP wajib diisi.".into(),
            (Empty, Lang::En) => "The NIP is required.".into(),
            (NotDigits, Lang::Id) => "NIP hanya berisi angka.".into(),
            (NotDigits, Lang::En) => "A NIP contains digits only.".into(),
            (WrongLength { found }, Lang::Id) => format!(
                "NIP / NI PPPK terdiri dari 18 angka (NIK 16 angka untuk PPT Non-ASN), bukan {found}."
            ),
            (WrongLength { found }, Lang::En) => format!(
                "A NIP / NI PPPK has 18 digits (a NIK, for PPT Non-ASN, 16), not {found}."
            ),
            (Nip(e), lang) => e.message(lang),
            (Nik(e), lang) => e.message(lang),
        }
    }
}

error_display_in_english!(LoginIdError);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing;
    use proptest::prelude::*;

    #[test]
    fn nip_and_nik_are_told_apart_by_length() {
        assert_eq!(
            LoginId::parse("19850312 201001 2 901").unwrap(),
            LoginId::NomorInduk("198503122010012901".into())
        );
        assert_eq!(
            LoginId::parse("7371020106759003").unwrap(),
            LoginId::Nik("7371020106759003".into())
        );
    }

    #[test]
    fn malformed_input_is_refused_precisely() {
        assert_eq!(LoginId::parse("  "), Err(LoginIdError::Empty));
        assert_eq!(LoginId::parse("19850312x"), Err(LoginIdError::NotDigits));
        assert_eq!(
            LoginId::parse("1985"),
            Err(LoginIdError::WrongLength { found: 4 })
        );
        assert!(matches!(
            LoginId::parse("198513122010012901"),
            Err(LoginIdError::Nip(_))
        ));
        for e in [LoginIdError::Empty, LoginIdError::NotDigits] {
            assert_ne!(e.message(Lang::Id), e.message(Lang::En));
        }
    }

    proptest! {
        #[test]
        fn every_valid_nip_is_a_login_id(nip in testing::nip()) {
            prop_assert_eq!(
                LoginId::parse(nip.as_str()).unwrap(),
                LoginId::NomorInduk(nip.as_str().to_owned())
            );
        }

        #[test]
        fn every_valid_nik_is_a_login_id(nik in testing::nik()) {
            prop_assert_eq!(
                LoginId::parse(nik.as_str()).unwrap(),
                LoginId::Nik(nik.as_str().to_owned())
            );
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,30}") {
            let _ = LoginId::parse(&s);
        }
    }
}
