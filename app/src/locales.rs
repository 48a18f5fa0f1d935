//! Page text: every sentence and label a page or component shows is a key of
//! `locales/id.json` and `locales/en.json`, read with leptos_i18n's `t!` (in a view),
//! `t_string!` (as a string) or `td_string!` (for a given locale, outside a page, as
//! in an email), values by interpolation (`{{ count }}`). Keys are grouped by page
//! (`verification.title`, `proposal.status.applied`); the older pages' keys are flat.
//! What is not page text keeps its own place: a problem explains itself through
//! `Localized` (the domain's parse errors, services' refusals), and a field of a
//! history is named by that history's description (`domain::riwayat::table`).
//!
//! build.rs generates the `i18n` module from the two files (and, for tests only, the
//! pseudo-locale `en-XA`: see there).

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

use crate::domain::localized::Lang;
use i18n::Locale;

/// The domain's language for a locale: what its `Localized` messages and field
/// labels are told in.
impl From<Locale> for Lang {
    fn from(locale: Locale) -> Lang {
        match locale {
            Locale::id => Lang::Id,
            Locale::en => Lang::En,
            // The test-only pseudo-locale is marked English.
            #[cfg(feature = "pseudo-locale")]
            Locale::en_XA => Lang::En,
        }
    }
}

/// The locale of a language, for text told outside a page (an email).
impl From<Lang> for Locale {
    fn from(lang: Lang) -> Locale {
        match lang {
            Lang::Id => Locale::id,
            Lang::En => Locale::en,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use serde_json::Value;

    use super::i18n::{I18nLocaleTrait, Locale};
    use crate::json_paths::leaves;

    /// Every text of a locale file by its key path (`verification.title`), with the
    /// `{{ variables }}` and `<components>` it names.
    fn texts(file: &str) -> BTreeMap<String, BTreeSet<String>> {
        let value: Value = serde_json::from_str(file).expect("a locale file is JSON");
        leaves(&value)
            .into_iter()
            .map(|(key, value)| match value {
                Value::String(text) => {
                    assert!(!text.trim().is_empty(), "{key} is empty");
                    let names = placeholders(text);
                    (key, names)
                }
                other => panic!("{key} is neither a text nor a group of keys: {other}"),
            })
            .collect()
    }

    /// `{{ count }}` as `{{count}}`, `<profile>` as `<profile>`: what a caller must pass.
    fn placeholders(text: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            let end = rest[start..]
                .find("}}")
                .unwrap_or_else(|| panic!("an unclosed {{{{ in {text:?}"));
            let inner = &rest[start + 2..start + end];
            let name = inner.split(',').next().unwrap_or_default().trim();
            found.insert(format!("{{{{{name}}}}}"));
            rest = &rest[start + end + 2..];
        }
        let mut rest = text;
        while let Some(start) = rest.find('<') {
            let after = &rest[start + 1..];
            let end = after
                .find('>')
                .unwrap_or_else(|| panic!("an unclosed < in {text:?}"));
            let tag = after[..end]
                .trim_start_matches('/')
                .trim_end_matches('/')
                .trim();
            found.insert(format!("<{tag}>"));
            rest = &after[end + 1..];
        }
        found
    }

    #[test]
    fn both_languages_have_every_key_with_the_same_placeholders() {
        let id = texts(include_str!("../locales/id.json"));
        let en = texts(include_str!("../locales/en.json"));
        let only_id: Vec<_> = id.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !id.contains_key(*k)).collect();
        assert!(only_id.is_empty(), "missing in en.json: {only_id:?}");
        assert!(only_en.is_empty(), "missing in id.json: {only_en:?}");
        for (key, wanted) in &id {
            assert_eq!(
                wanted, &en[key],
                "{key}: id.json and en.json name other variables or components"
            );
        }
    }

    #[test]
    fn placeholders_are_read_as_leptos_i18n_writes_them() {
        let names = |s: &str| placeholders(s).into_iter().collect::<Vec<_>>();
        assert_eq!(names("{{ n }} dari {{total}}"), ["{{n}}", "{{total}}"]);
        assert_eq!(names("a <b>c</b> {{ x, number }}"), ["<b>", "{{x}}"]);
        assert!(names("no placeholders").is_empty());
    }

    /// The pseudo-locale is for tests only: a build without the feature (every build
    /// that ships) offers Indonesian and English, nothing else.
    #[test]
    #[cfg(not(feature = "pseudo-locale"))]
    fn only_indonesian_and_english_are_offered() {
        assert_eq!(Locale::get_all(), [Locale::id, Locale::en]);
        assert_eq!(Locale::default(), Locale::id);
    }
}
