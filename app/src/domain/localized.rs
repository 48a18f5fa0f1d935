//! Messages shown to people come in Bahasa Indonesia first and English second; every
//! error and finding of the domain speaks both, so the UI never invents its own wording.
//! This is how problems explain themselves (`Localized`); a page's own text (titles,
//! labels, sentences) is not written here but in the locale files (`crate::locales`).

use serde::{Deserialize, Serialize};

/// The languages the product speaks; Indonesian is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// Picks the text for this language; keeps the two translations side by side at the call.
    pub fn pick<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// Something that can explain itself to a person in either language.
pub trait Localized {
    fn message(&self, lang: Lang) -> String;
}

/// A code or id the caller sent that names nothing we know: one wording for every
/// feature that is asked for an agency or a history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unknown {
    Agency,
    History,
}

impl Localized for Unknown {
    fn message(&self, lang: Lang) -> String {
        match self {
            Unknown::Agency => lang.pick("Instansi tidak dikenal.", "Unknown agency."),
            Unknown::History => lang.pick("Riwayat tidak dikenal.", "Unknown history."),
        }
        .to_owned()
    }
}

/// A date as people read it: "1 Maret 2010" / "1 March 2010".
pub fn format_date(date: time::Date, lang: Lang) -> String {
    const BULAN: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let month = date.month();
    let name = match lang {
        Lang::Id => BULAN[month as usize - 1].to_owned(),
        Lang::En => month.to_string(),
    };
    format!("{} {} {}", date.day(), name, date.year())
}

/// Errors print their English message in logs and `?` chains; people see `message(lang)`.
macro_rules! error_display_in_english {
    ($($t:ty),+ $(,)?) => {
        $(
            impl std::fmt::Display for $t {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(&$crate::domain::localized::Localized::message(
                        self,
                        $crate::domain::localized::Lang::En,
                    ))
                }
            }

            impl std::error::Error for $t {}
        )+
    };
}
pub(crate) use error_display_in_english;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_is_the_default() {
        assert_eq!(Lang::default(), Lang::Id);
        assert_eq!(Lang::Id.pick("ya", "yes"), "ya");
        assert_eq!(Lang::En.pick("ya", "yes"), "yes");
    }

    #[test]
    fn dates_read_naturally_in_both_languages() {
        let d = time::macros::date!(2010 - 03 - 01);
        assert_eq!(format_date(d, Lang::Id), "1 Maret 2010");
        assert_eq!(format_date(d, Lang::En), "1 March 2010");
    }
}
