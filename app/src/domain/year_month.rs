//! A TMT encoded in a NIP is only a year and a month; keeping it as such avoids
//! pretending to know the day.

use std::fmt;

use time::{Date, Month};

/// A calendar month of a calendar year, e.g. the TMT CPNS in a NIP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

impl YearMonth {
    /// `None` when the month is not 1–12.
    pub fn new(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month })
    }

    pub fn of(date: Date) -> Self {
        Self {
            year: date.year(),
            month: date.month() as u8,
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> Month {
        Month::try_from(self.month).expect("constructors keep the month in 1..=12")
    }

    pub fn contains(self, date: Date) -> bool {
        Self::of(date) == self
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Serialised as its display form, `YYYY-MM`.
impl serde::Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn rejects_months_outside_the_calendar() {
        assert!(YearMonth::new(2010, 0).is_none());
        assert!(YearMonth::new(2010, 13).is_none());
        assert_eq!(YearMonth::new(2010, 1).unwrap().month(), Month::January);
    }

    #[test]
    fn contains_every_day_of_its_month_only() {
        let ym = YearMonth::new(2010, 2).unwrap();
        assert!(ym.contains(date!(2010 - 02 - 28)));
        assert!(!ym.contains(date!(2010 - 03 - 01)));
        assert_eq!(ym.to_string(), "2010-02");
    }

    #[test]
    fn orders_chronologically() {
        assert!(YearMonth::new(2009, 12).unwrap() < YearMonth::new(2010, 1).unwrap());
    }
}
