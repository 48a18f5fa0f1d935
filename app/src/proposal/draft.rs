//! A proposal being composed: what the employee typed into the form of one history,
//! kept on the server so it survives a lost phone, another device or a cleared
//! browser (the device keeps its own copy too, for when it is offline). A draft is
//! text, not a record: it is checked only when it is sent as a proposal.

#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};

use crate::domain::localized::{Lang, Localized};
use crate::domain::reference::Riwayat;

/// At most this many fields: more than any history's form has.
pub const MAX_VALUES: usize = 64;
/// A field's path (`sk.nomor`) is at most this long.
pub const MAX_PATH: usize = 64;
/// A typed value is at most this long: longer than any field takes.
pub const MAX_TEXT: usize = 1000;

/// What was typed, field by field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// `(path, text)` for each field of the form.
    pub values: Vec<(String, String)>,
    /// Typed as a new record rather than a change of the latest one.
    pub adding: bool,
    /// When it was typed, by the typing device's clock (milliseconds since 1970):
    /// of a device's copy and the server's, the later one is restored.
    pub saved_at: i64,
}

/// One history's draft, for the record it was typed against (`None`: the history
/// has a single record, CPNS/PNS).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSave {
    pub riwayat: Riwayat,
    pub record: Option<i64>,
    /// Nothing left to keep: the draft is forgotten.
    pub draft: Option<Draft>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DraftProblem {
    #[error("too many fields")]
    TooManyFields,
    #[error("a field's name is malformed")]
    BadPath,
    #[error("a value is too long")]
    TooLong,
}

impl Localized for DraftProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            DraftProblem::TooManyFields => lang.pick(
                "Draf memuat terlalu banyak isian.",
                "The draft holds too many fields.",
            ),
            DraftProblem::BadPath => lang.pick(
                "Draf memuat nama isian yang tidak sah.",
                "The draft holds a malformed field name.",
            ),
            DraftProblem::TooLong => lang.pick(
                "Salah satu isian draf terlalu panjang (paling banyak 1000 karakter).",
                "One of the draft's values is too long (at most 1000 characters).",
            ),
        }
        .to_owned()
    }
}

fn is_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= MAX_PATH
        && path
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
}

impl Draft {
    /// Whether the server keeps it: bounded, with a form's field names. The values
    /// themselves are the employee's unfinished typing and are not judged yet.
    pub fn check(&self) -> Result<(), DraftProblem> {
        if self.values.len() > MAX_VALUES {
            return Err(DraftProblem::TooManyFields);
        }
        for (path, text) in &self.values {
            if !is_path(path) {
                return Err(DraftProblem::BadPath);
            }
            if text.chars().count() > MAX_TEXT {
                return Err(DraftProblem::TooLong);
            }
        }
        Ok(())
    }

    /// Nothing typed: what a forgotten draft leaves behind.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Of two copies of one draft, the one typed last.
    pub fn newer(a: Option<Draft>, b: Option<Draft>) -> Option<Draft> {
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.saved_at > a.saved_at { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn draft(values: &[(&str, &str)]) -> Draft {
        Draft {
            values: values
                .iter()
                .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
                .collect(),
            adding: false,
            saved_at: 1,
        }
    }

    #[test]
    fn a_forms_fields_are_kept_whatever_was_typed() {
        let typed = draft(&[
            ("golongan", "IV/ø"),
            ("sk.nomor", ""),
            ("tmt", "2024-13-99"),
        ]);
        assert_eq!(typed.check(), Ok(()));
    }

    #[test]
    fn unknown_names_too_many_fields_and_long_values_are_refused() {
        assert_eq!(
            draft(&[("sk.nomor; drop", "x")]).check(),
            Err(DraftProblem::BadPath)
        );
        assert_eq!(draft(&[("", "x")]).check(), Err(DraftProblem::BadPath));
        assert_eq!(
            draft(&[("Golongan", "x")]).check(),
            Err(DraftProblem::BadPath)
        );
        let long = "a".repeat(MAX_TEXT + 1);
        assert_eq!(
            draft(&[("sk.nomor", long.as_str())]).check(),
            Err(DraftProblem::TooLong)
        );
        // Characters, not bytes: a thousand "é" fit.
        let accented = "é".repeat(MAX_TEXT);
        assert_eq!(draft(&[("nama", accented.as_str())]).check(), Ok(()));
        let many = Draft {
            values: (0..=MAX_VALUES)
                .map(|i| (format!("f{i}"), String::new()))
                .collect(),
            ..Draft::default()
        };
        assert_eq!(many.check(), Err(DraftProblem::TooManyFields));
    }

    proptest! {
        #[test]
        fn the_later_copy_wins_and_one_copy_is_kept(a in 0i64..1000, b in 0i64..1000) {
            let at = |t| Draft { saved_at: t, ..Draft::default() };
            let kept = Draft::newer(Some(at(a)), Some(at(b))).unwrap();
            prop_assert_eq!(kept.saved_at, a.max(b));
            prop_assert_eq!(Draft::newer(Some(at(a)), None).unwrap().saved_at, a);
            prop_assert_eq!(Draft::newer(None, Some(at(b))).unwrap().saved_at, b);
        }
    }
}
