//! A length of service as the decrees write it: years and months, never "14 months".

use std::fmt;

use serde::{Deserialize, Serialize};

/// Years and months of service (*masa kerja*); months are 0–11.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(try_from = "MasaKerjaParts", into = "MasaKerjaParts")]
pub struct MasaKerja {
    years: u8,
    months: u8,
}

/// The serialised shape, checked on the way in.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct MasaKerjaParts {
    years: u8,
    months: u8,
}

/// Months were 12 or more; carry them into years instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthsOutOfRange {
    pub found: u8,
}

impl MasaKerja {
    pub fn new(years: u8, months: u8) -> Result<Self, MonthsOutOfRange> {
        if months < 12 {
            Ok(Self { years, months })
        } else {
            Err(MonthsOutOfRange { found: months })
        }
    }

    pub fn years(self) -> u8 {
        self.years
    }

    pub fn months(self) -> u8 {
        self.months
    }

    pub fn total_months(self) -> u32 {
        u32::from(self.years) * 12 + u32::from(self.months)
    }
}

impl fmt::Display for MonthsOutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "months of service must be 0-11, not {}", self.found)
    }
}

impl TryFrom<MasaKerjaParts> for MasaKerja {
    type Error = MonthsOutOfRange;

    fn try_from(p: MasaKerjaParts) -> Result<Self, Self::Error> {
        Self::new(p.years, p.months)
    }
}

impl From<MasaKerja> for MasaKerjaParts {
    fn from(m: MasaKerja) -> Self {
        Self {
            years: m.years,
            months: m.months,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_stay_below_a_year() {
        assert_eq!(MasaKerja::new(3, 12), Err(MonthsOutOfRange { found: 12 }));
        let m = MasaKerja::new(3, 11).unwrap();
        assert_eq!((m.years(), m.months(), m.total_months()), (3, 11, 47));
    }

    #[test]
    fn deserialising_checks_months_too() {
        let ok: MasaKerja = serde_json::from_str(r#"{"years":2,"months":5}"#).unwrap();
        assert_eq!(ok, MasaKerja::new(2, 5).unwrap());
        assert_eq!(
            serde_json::to_string(&ok).unwrap(),
            r#"{"years":2,"months":5}"#
        );
        assert!(serde_json::from_str::<MasaKerja>(r#"{"years":2,"months":14}"#).is_err());
    }
}
