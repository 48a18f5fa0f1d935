//! The password rule: the seeds ask for an uppercase letter and a digit; on top of
//! that a configurable minimum length (default 8), a ceiling that keeps hashing
//! cheap to refuse, the most common passwords refused, and never the user's own
//! NIP. Pure, so the browser shows exactly the problems the server will enforce.

use serde::{Deserialize, Serialize};

use crate::domain::localized::{Lang, Localized};

pub const DEFAULT_MIN_LENGTH: usize = 8;
/// Long enough for any passphrase, short enough that nobody can make the server
/// hash megabytes.
pub const MAX_LENGTH: usize = 128;

/// Lower-cased; compared after lower-casing the candidate, so `Password1` is refused
/// as well as `password1`. Drawn from the public top lists and Indonesian favourites.
const COMMON: &[&str] = &[
    "password",
    "password1",
    "password12",
    "password123",
    "passw0rd",
    "p@ssw0rd",
    "qwerty123",
    "qwerty12",
    "qwertyuiop",
    "1q2w3e4r",
    "1qaz2wsx",
    "abc12345",
    "abcd1234",
    "admin123",
    "admin1234",
    "welcome1",
    "welcome123",
    "letmein1",
    "iloveyou1",
    "sayang123",
    "sayangku1",
    "indonesia1",
    "indonesia123",
    "indonesia45",
    "merdeka45",
    "merdeka1945",
    "jakarta123",
    "bismillah1",
    "bismillah123",
    "asn12345",
    "pns12345",
    "pegawai123",
    "bkn12345",
    "mutakhir1",
    "mutakhir123",
    "rahasia123",
    "katasandi1",
    "changeme1",
    "test1234",
    "12345678a",
    "a12345678",
    "1234567a",
    "aa123456",
    "q1w2e3r4",
    "zaq12wsx",
    "monkey123",
    "dragon123",
    "football1",
    "baseball1",
    "superman1",
    "master123",
    "sunshine1",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordPolicy {
    pub min_length: usize,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self {
            min_length: DEFAULT_MIN_LENGTH,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordProblem {
    TooShort { min: usize },
    TooLong { max: usize },
    NoUppercase,
    NoDigit,
    Common,
    ContainsIdentifier,
}

impl PasswordPolicy {
    /// Every problem at once, so the form can list them all while the user types.
    /// `identifier` is the NIP (or NIK) the account signs in with.
    pub fn problems(&self, password: &str, identifier: &str) -> Vec<PasswordProblem> {
        let mut found = Vec::new();
        let chars = password.chars().count();
        if chars < self.min_length {
            found.push(PasswordProblem::TooShort {
                min: self.min_length,
            });
        }
        if chars > MAX_LENGTH {
            found.push(PasswordProblem::TooLong { max: MAX_LENGTH });
        }
        if !password.chars().any(char::is_uppercase) {
            found.push(PasswordProblem::NoUppercase);
        }
        if !password.chars().any(|c| c.is_ascii_digit()) {
            found.push(PasswordProblem::NoDigit);
        }
        let lower = password.to_lowercase();
        if COMMON.contains(&lower.as_str()) {
            found.push(PasswordProblem::Common);
        }
        let identifier = identifier.trim();
        if identifier.len() >= 6 && password.contains(identifier) {
            found.push(PasswordProblem::ContainsIdentifier);
        }
        found
    }
}

impl Localized for PasswordProblem {
    fn message(&self, lang: Lang) -> String {
        use PasswordProblem::*;
        match (self, lang) {
            (TooShort { min }, Lang::Id) => format!("Kata sandi minimal {min} karakter."),
            (TooShort { min }, Lang::En) => {
                format!("The password needs at least {min} characters.")
            }
            (TooLong { max }, Lang::Id) => format!("Kata sandi paling panjang {max} karakter."),
            (TooLong { max }, Lang::En) => format!("The password has at most {max} characters."),
            (NoUppercase, Lang::Id) => "Kata sandi harus memuat minimal satu huruf besar.".into(),
            (NoUppercase, Lang::En) => "The password needs at least one uppercase letter.".into(),
            (NoDigit, Lang::Id) => "Kata sandi harus memuat minimal satu angka.".into(),
            (NoDigit, Lang::En) => "The password needs at least one digit.".into(),
            (Common, Lang::Id) => {
                "Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain.".into()
            }
            (Common, Lang::En) => "This password is too common and easy to guess.".into(),
            (ContainsIdentifier, Lang::Id) => "Kata sandi tidak boleh memuat NIP Anda.".into(),
            (ContainsIdentifier, Lang::En) => "The password must not contain your NIP.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NIP: &str = "198503122010012901";

    #[test]
    fn the_seed_rule_and_the_length() {
        let p = PasswordPolicy::default();
        assert_eq!(p.problems("Kuat2026x", NIP), vec![]);
        assert_eq!(
            p.problems("abc", NIP),
            vec![
                PasswordProblem::TooShort { min: 8 },
                PasswordProblem::NoUppercase,
                PasswordProblem::NoDigit
            ]
        );
        assert_eq!(
            p.problems("alllowercase1", NIP),
            vec![PasswordProblem::NoUppercase]
        );
        assert_eq!(
            p.problems("NoDigitsHere", NIP),
            vec![PasswordProblem::NoDigit]
        );
    }

    #[test]
    fn minimum_is_configurable() {
        let p = PasswordPolicy { min_length: 12 };
        assert_eq!(
            p.problems("Kuat2026x", NIP),
            vec![PasswordProblem::TooShort { min: 12 }]
        );
        let seeds = PasswordPolicy { min_length: 6 };
        assert_eq!(seeds.problems("Abcde1", NIP), vec![]);
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        let p = PasswordPolicy::default();
        assert_eq!(
            p.problems("Password123", NIP),
            vec![PasswordProblem::Common]
        );
        assert_eq!(
            p.problems("Bismillah123", NIP),
            vec![PasswordProblem::Common]
        );
    }

    #[test]
    fn the_nip_is_not_a_password() {
        let p = PasswordPolicy::default();
        assert_eq!(
            p.problems(&format!("A{NIP}"), NIP),
            vec![PasswordProblem::ContainsIdentifier]
        );
    }

    #[test]
    fn too_long_is_refused() {
        let p = PasswordPolicy::default();
        let long = format!("A1{}", "x".repeat(MAX_LENGTH));
        assert_eq!(
            p.problems(&long, NIP),
            vec![PasswordProblem::TooLong { max: MAX_LENGTH }]
        );
    }

    #[test]
    fn every_problem_speaks_both_languages() {
        let all = [
            PasswordProblem::TooShort { min: 8 },
            PasswordProblem::TooLong { max: MAX_LENGTH },
            PasswordProblem::NoUppercase,
            PasswordProblem::NoDigit,
            PasswordProblem::Common,
            PasswordProblem::ContainsIdentifier,
        ];
        for p in all {
            assert_ne!(p.message(Lang::Id), p.message(Lang::En));
            assert!(!p.message(Lang::Id).is_empty());
        }
    }

    proptest! {
        #[test]
        fn accepted_passwords_meet_every_rule(pw in "\\PC{0,40}", min in 1usize..20) {
            let p = PasswordPolicy { min_length: min };
            if p.problems(&pw, NIP).is_empty() {
                prop_assert!(pw.chars().count() >= min);
                prop_assert!(pw.chars().any(char::is_uppercase));
                prop_assert!(pw.chars().any(|c| c.is_ascii_digit()));
                prop_assert!(!COMMON.contains(&pw.to_lowercase().as_str()));
            }
        }

        #[test]
        fn strong_passwords_pass(upper in "[A-Z]", digit in "[0-9]", rest in "[a-z]{8,20}") {
            let pw = format!("{rest}{upper}{digit}");
            prop_assert_eq!(PasswordPolicy::default().problems(&pw, NIP), vec![]);
        }
    }
}
