//! NI PPPK, the 18-digit identifier of a PPPK employee: the NIP layout, with the
//! TMT PPPK (start of the contract) where a NIP has the TMT CPNS.

use serde::{Deserialize, Serialize};
use time::Date;

use super::nomor_induk_layout::{self as layout, layout_error, Layout, Names};
use super::reference::JenisKelamin;
use super::text_value::text_conversions;
use super::year_month::YearMonth;

/// A valid NI PPPK, kept as its 18 digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NiPppk(Layout);

layout_error!(
    /// Why a text is not a NI PPPK. Positions count characters from 1 as typed.
    NiPppkError,
    Names {
        identifier: "NI PPPK",
        tmt_id: "TMT PPPK",
        tmt_en: "PPPK start date (TMT PPPK)",
    }
);

impl NiPppk {
    /// Accepts spaces anywhere, as NIPs do and keeps only the digits.
    pub fn parse(input: &str) -> Result<Self, NiPppkError> {
        layout::decode(input).map(NiPppk).map_err(NiPppkError::from)
    }

    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        &self.0.digits
    }

    /// The printed form, `19850312 201001 1 003`.
    pub fn spaced(&self) -> String {
        layout::spaced(&self.0.digits)
    }

    pub fn birth_date(&self) -> Date {
        self.0.birth_date
    }

    pub fn tmt_pppk(&self) -> YearMonth {
        self.0.appointed
    }

    pub fn gender(&self) -> JenisKelamin {
        self.0.gender
    }

    /// The sequence number, from 1.
    pub fn sequence(&self) -> u16 {
        self.0.sequence
    }
}

text_conversions!(NiPppk, NiPppkError);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::localized::{Lang, Localized};
    use crate::domain::testing;

    #[test]
    fn shares_the_nip_layout_with_its_own_wording() {
        let ni = NiPppk::parse("19900101 202203 1 001").unwrap();
        assert_eq!(ni.tmt_pppk(), YearMonth::new(2022, 3).unwrap());
        assert_eq!(ni.gender(), JenisKelamin::LakiLaki);
        let err = NiPppk::parse("199001012022131001").unwrap_err();
        assert_eq!(err, NiPppkError::InvalidTmtMonth { found: 13 });
        assert!(err.message(Lang::Id).contains("TMT PPPK"));
        assert!(err.message(Lang::En).contains("NI PPPK"));
        assert_eq!(
            NiPppk::parse("x"),
            Err(NiPppkError::NonDigit {
                position: 1,
                found: 'x'
            })
        );
        assert_eq!(
            NiPppk::parse("199001012022031000"),
            Err(NiPppkError::ZeroSequence)
        );
    }

    proptest! {
        #[test]
        fn valid_numbers_round_trip(parts in testing::nomor_induk_parts()) {
            let ni = NiPppk::parse(&parts.digits()).unwrap();
            prop_assert_eq!(ni.tmt_pppk(), parts.appointed);
            let shown = ni.to_string();
            prop_assert_eq!(NiPppk::parse(&shown), Ok(ni.clone()));
            let json = serde_json::to_string(&ni).unwrap();
            prop_assert_eq!(serde_json::from_str::<NiPppk>(&json).unwrap(), ni);
        }
    }
}
