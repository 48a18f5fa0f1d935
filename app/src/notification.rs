//! Telling an employee about every decision on their proposals: in the app (the
//! decision's own timeline step, read up to a mark kept on the account) and by email
//! (an outbox delivered after the decision commits).

pub mod api;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::domain::localized::Lang;
use crate::domain::reference::Riwayat;
use crate::i18n::{td_string, Locale};
use crate::proposal::labels::level_label;
use crate::proposal::lifecycle::Level;
use crate::proposal::submission::EventKind;

/// The steps an employee is told about: the verifiers' decisions. Their own steps
/// (submitting, resubmitting, withdrawing) are not news to them.
pub const NOTIFIED: [EventKind; 4] = [
    EventKind::Approved,
    EventKind::Returned,
    EventKind::Rejected,
    EventKind::Applied,
];

pub fn notified_codes() -> Vec<String> {
    NOTIFIED.iter().map(|k| k.code().to_owned()).collect()
}

/// One decision on one of the employee's proposals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    /// The timeline step's id: notifications are read up to one of these.
    pub id: i64,
    pub usulan_id: i64,
    pub riwayat: Riwayat,
    pub kind: EventKind,
    pub level: Option<Level>,
    pub reason: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub unread: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPage {
    /// Newest first.
    pub items: Vec<Notification>,
    pub unread: i64,
    /// The id to ask for older ones with, when there are more.
    pub older: Option<i64>,
}

/// What happened, in one sentence: "Usulan perubahan Riwayat Pangkat/Golongan Anda disetujui
/// oleh instansi dan diteruskan." The reason, when there is one, is shown apart. In a given
/// locale (the locale files' `notification.*`), as the page and the email both tell it.
pub fn headline(riwayat: Riwayat, kind: EventKind, level: Option<Level>, locale: Locale) -> String {
    let what = riwayat.name(Lang::from(locale));
    let by = level
        .map(|l| td_string!(locale, notification.by, level = level_label(l, locale)))
        .unwrap_or_default();
    match kind {
        EventKind::Approved => td_string!(locale, notification.approved, what, by),
        EventKind::Returned => td_string!(locale, notification.returned, what, by),
        EventKind::Rejected => td_string!(locale, notification.rejected, what, by),
        EventKind::Applied => td_string!(locale, notification.applied, what),
        _ => td_string!(locale, notification.changed, what),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notified_step_has_its_own_sentence_in_both_languages() {
        for kind in NOTIFIED {
            for lang in [Lang::Id, Lang::En] {
                let text = headline(Riwayat::Pangkat, kind, Some(Level::Instansi), lang.into());
                assert!(
                    !text.contains("berubah status") && !text.contains("changed status"),
                    "{kind:?} {lang:?}: {text}"
                );
                assert!(text.contains(Riwayat::Pangkat.name(lang)), "{text}");
            }
        }
        let id = headline(
            Riwayat::Pangkat,
            EventKind::Returned,
            Some(Level::Pusat),
            Locale::id,
        );
        assert_eq!(
            id,
            "Usulan perubahan Riwayat Pangkat/Golongan Anda dikembalikan oleh BKN Pusat untuk diperbaiki."
        );
        let en = headline(Riwayat::Keluarga, EventKind::Applied, None, Locale::en);
        assert_eq!(
            en,
            "Your proposed change to Family was approved and applied to your record."
        );
    }
}
