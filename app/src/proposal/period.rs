//! The self-update period: BKN opens it for everyone and may give an agency its own
//! window (an extension, or an agency that starts later). Proposals are accepted
//! only while the window that applies is open.

use serde::{Deserialize, Serialize};
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

use crate::domain::localized::{Lang, Localized};

/// BKN works in Jakarta time; deadlines are announced and entered in WIB.
pub const WIB: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("UTC+7 is a valid offset"),
};

/// "2026-12-01 08:00 WIB".
pub fn in_wib(at: OffsetDateTime) -> String {
    let local = at.to_offset(WIB);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} WIB",
        local.year(),
        u8::from(local.month()),
        local.day(),
        local.hour(),
        local.minute()
    )
}

/// Reads a time as a `datetime-local` field sends it ("2026-12-01T08:00", taken as
/// WIB) or with its own offset (RFC 3339).
pub fn parse_time(raw: &str) -> Option<OffsetDateTime> {
    let raw = raw.trim();
    if let Ok(at) = OffsetDateTime::parse(raw, &time::format_description::well_known::Rfc3339) {
        return Some(at);
    }
    let local = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
    PrimitiveDateTime::parse(raw, &local)
        .ok()
        .map(|t| t.assume_offset(WIB))
}

/// From `opens` (inclusive) until `closes` (exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    #[serde(with = "time::serde::rfc3339")]
    pub opens: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub closes: OffsetDateTime,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a period must close after it opens")]
pub struct InvalidWindow;

impl Window {
    pub fn new(opens: OffsetDateTime, closes: OffsetDateTime) -> Result<Self, InvalidWindow> {
        if closes <= opens {
            return Err(InvalidWindow);
        }
        Ok(Self { opens, closes })
    }
}

/// Where the period stands for one agency at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodState {
    /// BKN has not scheduled a period (the "Update Data Mandiri" menu is not active).
    NotScheduled,
    NotYetOpen {
        #[serde(with = "time::serde::rfc3339")]
        opens: OffsetDateTime,
    },
    Open {
        #[serde(with = "time::serde::rfc3339")]
        closes: OffsetDateTime,
    },
    Closed {
        #[serde(with = "time::serde::rfc3339")]
        closed: OffsetDateTime,
    },
}

impl PeriodState {
    pub fn is_open(self) -> bool {
        matches!(self, PeriodState::Open { .. })
    }
}

impl Localized for PeriodState {
    fn message(&self, lang: Lang) -> String {
        match *self {
            PeriodState::NotScheduled => lang
                .pick(
                    "Periode pemutakhiran data mandiri belum dibuka.",
                    "The self-update period has not been opened.",
                )
                .to_owned(),
            PeriodState::NotYetOpen { opens } => lang
                .pick(
                    "Periode pemutakhiran data mandiri baru dibuka pada {}.",
                    "The self-update period opens on {}.",
                )
                .replace("{}", &in_wib(opens)),
            PeriodState::Open { closes } => lang
                .pick(
                    "Periode pemutakhiran data mandiri dibuka sampai {}.",
                    "The self-update period is open until {}.",
                )
                .replace("{}", &in_wib(closes)),
            PeriodState::Closed { closed } => lang
                .pick(
                    "Periode pemutakhiran data mandiri sudah ditutup pada {}. Usulan tidak dapat diajukan.",
                    "The self-update period closed on {}. Proposals cannot be submitted.",
                )
                .replace("{}", &in_wib(closed)),
        }
    }
}

/// The agency's own window wins over the national one: that is how BKN extends a
/// deadline for one agency (or closes it early) without touching the others. An
/// agency window that closed before the national one opened belongs to an earlier
/// period and no longer counts, so last year's extension never keeps an agency out
/// of this year's period.
pub fn state(national: Option<Window>, agency: Option<Window>, now: OffsetDateTime) -> PeriodState {
    match applicable(national, agency) {
        None => PeriodState::NotScheduled,
        Some(w) if now < w.opens => PeriodState::NotYetOpen { opens: w.opens },
        Some(w) if now < w.closes => PeriodState::Open { closes: w.closes },
        Some(w) => PeriodState::Closed { closed: w.closes },
    }
}

/// The window that decides: the agency's, unless it is left over from an earlier period.
pub fn applicable(national: Option<Window>, agency: Option<Window>) -> Option<Window> {
    match (national, agency) {
        (Some(n), Some(a)) if a.closes < n.opens => Some(n),
        (n, a) => a.or(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::Localized;
    use proptest::prelude::*;
    use time::Duration;

    fn at(seconds: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_800_000_000 + seconds).unwrap()
    }

    fn window_strategy() -> impl Strategy<Value = Window> {
        (-1_000_000i64..1_000_000, 1i64..1_000_000)
            .prop_map(|(start, length)| Window::new(at(start), at(start + length)).unwrap())
    }

    #[test]
    fn times_are_entered_and_shown_in_wib() {
        let at = parse_time("2026-12-01T08:00").unwrap();
        assert_eq!(at, parse_time("2026-12-01T01:00:00Z").unwrap());
        assert_eq!(in_wib(at), "2026-12-01 08:00 WIB");
        assert_eq!(parse_time("1 Desember"), None);
        let closed = PeriodState::Closed { closed: at };
        assert!(closed.message(Lang::Id).contains("2026-12-01 08:00 WIB"));
        assert!(closed.message(Lang::En).contains("closed"));
    }

    #[test]
    fn a_window_closes_after_it_opens() {
        assert_eq!(Window::new(at(10), at(10)), Err(InvalidWindow));
        assert_eq!(Window::new(at(10), at(5)), Err(InvalidWindow));
    }

    #[test]
    fn an_agency_extension_keeps_it_open_after_the_national_deadline() {
        let national = Window::new(at(0), at(100)).unwrap();
        let extended = Window::new(at(0), at(200)).unwrap();
        assert_eq!(
            state(Some(national), None, at(150)),
            PeriodState::Closed { closed: at(100) }
        );
        assert_eq!(
            state(Some(national), Some(extended), at(150)),
            PeriodState::Open { closes: at(200) }
        );
        assert_eq!(state(None, None, at(0)), PeriodState::NotScheduled);
    }

    #[test]
    fn last_periods_extension_does_not_keep_an_agency_out_of_the_next() {
        let last_year_extension = Window::new(at(0), at(200)).unwrap();
        let this_year = Window::new(at(1_000), at(2_000)).unwrap();
        assert_eq!(
            state(Some(this_year), Some(last_year_extension), at(1_500)),
            PeriodState::Open { closes: at(2_000) }
        );
    }

    proptest! {
        #[test]
        fn open_exactly_inside_the_window_that_applies(
            national in proptest::option::of(window_strategy()),
            agency in proptest::option::of(window_strategy()),
            now in -2_000_000i64..2_000_000,
        ) {
            let now = at(now);
            let result = state(national, agency, now);
            match applicable(national, agency) {
                None => prop_assert_eq!(result, PeriodState::NotScheduled),
                Some(w) => {
                    prop_assert_eq!(result.is_open(), w.opens <= now && now < w.closes);
                    if let PeriodState::Closed { closed } = result {
                        prop_assert!(closed <= now);
                    }
                    if let PeriodState::NotYetOpen { opens } = result {
                        prop_assert!(opens > now);
                    }
                }
            }
            // While the agency's window is current, the national one does not matter;
            // once a national period opens after it closed, only the national one does.
            if let Some(agency) = agency {
                let current = national.is_none_or(|n| agency.closes >= n.opens);
                if current {
                    prop_assert_eq!(result, state(None, Some(agency), now));
                } else {
                    prop_assert_eq!(result, state(national, None, now));
                }
                let alongside = Window::new(agency.opens, agency.closes + Duration::days(1)).unwrap();
                prop_assert_eq!(
                    state(None, Some(agency), now),
                    state(Some(alongside), Some(agency), now)
                );
            }
        }
    }
}
