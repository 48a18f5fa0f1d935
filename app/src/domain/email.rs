//! E-mail addresses, validated pragmatically: the shape real mail providers accept,
//! not the whole of RFC 5322 (quoted local parts and IP-literal domains are refused
//! because nobody registers those with an agency). Activation tokens are sent here,
//! so a typo caught now saves a day of "the token never arrived".

use serde::{Deserialize, Serialize};

use super::localized::{error_display_in_english, Lang, Localized};
use super::text_value::text_conversions;

const MAX_LENGTH: usize = 254;
const MAX_LOCAL_LENGTH: usize = 64;
const MAX_LABEL_LENGTH: usize = 63;
const LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~.-";

/// A plausible e-mail address; the domain is lower-cased, the local part kept as typed
/// because providers may treat it case-sensitively.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    /// Counted in characters after trimming.
    TooLong {
        found: usize,
    },
    MissingAt,
    EmptyLocalPart,
    LocalPartTooLong {
        found: usize,
    },
    InvalidLocalCharacter {
        found: char,
    },
    /// A dot at the start or end of the local part, or two dots in a row.
    MisplacedDot,
    EmptyDomain,
    /// No dot in the domain, e.g. `nama@gmail`.
    DomainWithoutDot,
    InvalidDomainCharacter {
        found: char,
    },
    /// An empty label, one longer than 63, or one starting or ending with `-`.
    InvalidDomainLabel {
        label: String,
    },
    /// The last label must contain a letter (`nama@10.0.0.1` is not accepted).
    InvalidTopLevelDomain {
        label: String,
    },
}

impl Email {
    /// Trims surrounding whitespace, lower-cases the domain.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        let length = trimmed.chars().count();
        if length > MAX_LENGTH {
            return Err(EmailError::TooLong { found: length });
        }
        let (local, domain) = trimmed.rsplit_once('@').ok_or(EmailError::MissingAt)?;
        check_local(local)?;
        let domain = domain.to_ascii_lowercase();
        check_domain(&domain)?;
        Ok(Email(format!("{local}@{domain}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn local_part(&self) -> &str {
        self.0.rsplit_once('@').expect("checked by parse").0
    }

    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').expect("checked by parse").1
    }
}

fn check_local(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(EmailError::EmptyLocalPart);
    }
    let length = local.chars().count();
    if length > MAX_LOCAL_LENGTH {
        return Err(EmailError::LocalPartTooLong { found: length });
    }
    if let Some(found) = local
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(c)))
    {
        return Err(EmailError::InvalidLocalCharacter { found });
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(EmailError::MisplacedDot);
    }
    Ok(())
}

fn check_domain(domain: &str) -> Result<(), EmailError> {
    if domain.is_empty() {
        return Err(EmailError::EmptyDomain);
    }
    if let Some(found) = domain
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
    {
        return Err(EmailError::InvalidDomainCharacter { found });
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return Err(EmailError::DomainWithoutDot);
    }
    if let Some(label) = labels.iter().find(|l| {
        l.is_empty() || l.len() > MAX_LABEL_LENGTH || l.starts_with('-') || l.ends_with('-')
    }) {
        return Err(EmailError::InvalidDomainLabel {
            label: (*label).to_owned(),
        });
    }
    let top = labels[labels.len() - 1];
    if !top.chars().any(|c| c.is_ascii_alphabetic()) {
        return Err(EmailError::InvalidTopLevelDomain {
            label: top.to_owned(),
        });
    }
    Ok(())
}

impl Localized for EmailError {
    fn message(&self, lang: Lang) -> String {
        use EmailError::*;
        match (self, lang) {
            (Empty, Lang::Id) => "Alamat email wajib diisi.".into(),
            (Empty, Lang::En) => "E-mail address is required.".into(),
            (TooLong { found }, Lang::Id) => {
                format!("Alamat email paling panjang {MAX_LENGTH} karakter, bukan {found}.")
            }
            (TooLong { found }, Lang::En) => {
                format!("An e-mail address has at most {MAX_LENGTH} characters, not {found}.")
            }
            (MissingAt, Lang::Id) => "Alamat email harus memuat tanda @.".into(),
            (MissingAt, Lang::En) => "An e-mail address must contain an @.".into(),
            (EmptyLocalPart, Lang::Id) => "Bagian sebelum @ tidak boleh kosong.".into(),
            (EmptyLocalPart, Lang::En) => "The part before the @ cannot be empty.".into(),
            (LocalPartTooLong { found }, Lang::Id) => format!(
                "Bagian sebelum @ paling panjang {MAX_LOCAL_LENGTH} karakter, bukan {found}."
            ),
            (LocalPartTooLong { found }, Lang::En) => format!(
                "The part before the @ has at most {MAX_LOCAL_LENGTH} characters, not {found}."
            ),
            (InvalidLocalCharacter { found }, Lang::Id) => {
                format!("Karakter \"{found}\" tidak boleh ada sebelum @.")
            }
            (InvalidLocalCharacter { found }, Lang::En) => {
                format!("The character \"{found}\" is not allowed before the @.")
            }
            (MisplacedDot, Lang::Id) => {
                "Titik sebelum @ tidak boleh di awal, di akhir, atau berurutan.".into()
            }
            (MisplacedDot, Lang::En) => {
                "A dot before the @ cannot come first, last or twice in a row.".into()
            }
            (EmptyDomain, Lang::Id) => "Nama domain setelah @ tidak boleh kosong.".into(),
            (EmptyDomain, Lang::En) => "The domain after the @ cannot be empty.".into(),
            (DomainWithoutDot, Lang::Id) => {
                "Nama domain harus lengkap, misalnya gmail.com atau bkn.go.id.".into()
            }
            (DomainWithoutDot, Lang::En) => {
                "The domain must be complete, e.g. gmail.com or bkn.go.id.".into()
            }
            (InvalidDomainCharacter { found }, Lang::Id) => {
                format!("Karakter \"{found}\" tidak boleh ada pada nama domain.")
            }
            (InvalidDomainCharacter { found }, Lang::En) => {
                format!("The character \"{found}\" is not allowed in the domain.")
            }
            (InvalidDomainLabel { label }, Lang::Id) => format!(
                "Bagian domain \"{label}\" tidak valid (kosong, terlalu panjang, atau diawali/diakhiri tanda hubung)."
            ),
            (InvalidDomainLabel { label }, Lang::En) => format!(
                "The domain part \"{label}\" is invalid (empty, too long, or starting/ending with a hyphen)."
            ),
            (InvalidTopLevelDomain { label }, Lang::Id) => {
                format!("Akhiran domain \"{label}\" tidak valid.")
            }
            (InvalidTopLevelDomain { label }, Lang::En) => {
                format!("The domain ending \"{label}\" is invalid.")
            }
        }
    }
}

error_display_in_english!(EmailError);

text_conversions!(Email, EmailError);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::testing;

    #[test]
    fn lower_cases_only_the_domain() {
        let email = Email::parse("  Siti.Aminah+asn@BKN.Go.ID ").unwrap();
        assert_eq!(email.as_str(), "Siti.Aminah+asn@bkn.go.id");
        assert_eq!(email.local_part(), "Siti.Aminah+asn");
        assert_eq!(email.domain(), "bkn.go.id");
    }

    #[test]
    fn refuses_each_broken_part_precisely() {
        let long_local = format!("{}@bkn.go.id", "a".repeat(65));
        let long_label = format!("a@{}.id", "b".repeat(64));
        let too_long = format!("{}@{}.id", "a".repeat(64), "b.".repeat(100));
        let cases = [
            (" ", EmailError::Empty),
            (too_long.as_str(), EmailError::TooLong { found: 268 }),
            ("siti.bkn.go.id", EmailError::MissingAt),
            ("@bkn.go.id", EmailError::EmptyLocalPart),
            (
                long_local.as_str(),
                EmailError::LocalPartTooLong { found: 65 },
            ),
            (
                "si ti@bkn.go.id",
                EmailError::InvalidLocalCharacter { found: ' ' },
            ),
            (
                "si@ti@bkn.go.id",
                EmailError::InvalidLocalCharacter { found: '@' },
            ),
            (".siti@bkn.go.id", EmailError::MisplacedDot),
            ("siti.@bkn.go.id", EmailError::MisplacedDot),
            ("si..ti@bkn.go.id", EmailError::MisplacedDot),
            ("siti@", EmailError::EmptyDomain),
            ("siti@gmail", EmailError::DomainWithoutDot),
            (
                "siti@gmail_com.id",
                EmailError::InvalidDomainCharacter { found: '_' },
            ),
            (
                "siti@gmail..com",
                EmailError::InvalidDomainLabel {
                    label: String::new(),
                },
            ),
            (
                "siti@-gmail.com",
                EmailError::InvalidDomainLabel {
                    label: "-gmail".into(),
                },
            ),
            (
                long_label.as_str(),
                EmailError::InvalidDomainLabel {
                    label: "b".repeat(64),
                },
            ),
            (
                "siti@10.0.0.1",
                EmailError::InvalidTopLevelDomain { label: "1".into() },
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(Email::parse(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    fn every_error_speaks_both_languages() {
        let err = Email::parse("siti@gmail").unwrap_err();
        assert!(err.message(Lang::Id).contains("gmail.com"));
        assert!(err.message(Lang::En).contains("complete"));
    }

    proptest! {
        #[test]
        fn valid_addresses_round_trip(input in testing::email_input()) {
            let email = Email::parse(&input).unwrap();
            prop_assert_eq!(email.domain(), email.domain().to_ascii_lowercase());
            let shown = email.to_string();
            prop_assert_eq!(Email::parse(&shown), Ok(email.clone()));
            let json = serde_json::to_string(&email).unwrap();
            prop_assert_eq!(serde_json::from_str::<Email>(&json).unwrap(), email);
        }

        #[test]
        fn arbitrary_text_never_panics(input in "\\PC{0,80}") {
            match Email::parse(&input) {
                Ok(email) => prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone())),
                Err(e) => prop_assert!(!e.message(Lang::Id).is_empty()),
            }
        }
    }
}
