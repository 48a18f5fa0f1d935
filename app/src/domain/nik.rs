//! NIK, the 16-digit population number on every KTP: region codes, a birth date with
//! 40 added to the day for women, and a sequence. NIKs are permanent and sometimes
//! disagree with the real birth date, so parsing checks the *shape* only; comparing
//! with the person's data is a warning in the checks, never a refusal here.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::digits::{digits_only, number, DigitsError};
use super::localized::{error_display_in_english, Lang, Localized};
use super::reference::JenisKelamin;
use super::text_value::text_conversions;

const LENGTH: usize = 16;
/// Real province codes run from 11 (Aceh) to 96 (Papua Barat Daya); the region tables
/// themselves live with the reference data, not here.
const PROVINCE_CODES: std::ops::RangeInclusive<u32> = 11..=96;
/// Women's NIKs add this to the day of birth.
const FEMALE_DAY_OFFSET: u8 = 40;

/// A NIK with a plausible shape, kept as its 16 digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nik(String);

/// The birth date as the NIK encodes it: the year has only two digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NikBirth {
    pub day: u8,
    pub month: Month,
    /// The last two digits of the year.
    pub yy: u8,
}

impl NikBirth {
    /// Whether a full date agrees with what the NIK encodes.
    pub fn matches(self, date: Date) -> bool {
        date.day() == self.day
            && date.month() == self.month
            && date.year().rem_euclid(100) as u8 == self.yy
    }
}

/// Why a text is not a NIK. Positions count characters from 1 as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NikError {
    Empty,
    NonDigit {
        position: usize,
        found: char,
    },
    WrongLength {
        found: usize,
    },
    InvalidProvinceCode {
        found: u8,
    },
    ZeroRegencyCode,
    ZeroDistrictCode,
    /// Digits 7–12 are not DDMMYY with a day 01–31 (or 41–71 for women) valid for the month.
    InvalidBirthDate {
        found: String,
    },
    ZeroSequence,
}

impl Nik {
    pub fn parse(input: &str) -> Result<Self, NikError> {
        let digits = digits_only(input, &[]).map_err(|e| match e {
            DigitsError::Empty => NikError::Empty,
            DigitsError::NonDigit { position, found } => NikError::NonDigit { position, found },
        })?;
        if digits.len() != LENGTH {
            return Err(NikError::WrongLength {
                found: digits.len(),
            });
        }
        let province = number(&digits, 0..2);
        if !PROVINCE_CODES.contains(&province) {
            return Err(NikError::InvalidProvinceCode {
                found: province as u8,
            });
        }
        if number(&digits, 2..4) == 0 {
            return Err(NikError::ZeroRegencyCode);
        }
        if number(&digits, 4..6) == 0 {
            return Err(NikError::ZeroDistrictCode);
        }
        if decode_birth(&digits).is_none() {
            return Err(NikError::InvalidBirthDate {
                found: digits[6..12].to_owned(),
            });
        }
        if number(&digits, 12..16) == 0 {
            return Err(NikError::ZeroSequence);
        }
        Ok(Nik(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Two digits, e.g. "32" (Jawa Barat).
    pub fn province_code(&self) -> &str {
        &self.0[0..2]
    }

    /// Two digits within the province.
    pub fn regency_code(&self) -> &str {
        &self.0[2..4]
    }

    /// Two digits within the regency.
    pub fn district_code(&self) -> &str {
        &self.0[4..6]
    }

    /// The district in the dotted form of the region tables, e.g. "32.73.05".
    pub fn district_key(&self) -> String {
        format!(
            "{}.{}.{}",
            self.province_code(),
            self.regency_code(),
            self.district_code()
        )
    }

    pub fn gender(&self) -> JenisKelamin {
        decode_birth(&self.0).expect("checked by parse").1
    }

    pub fn birth(&self) -> NikBirth {
        decode_birth(&self.0).expect("checked by parse").0
    }

    /// Whether a full birth date agrees with the NIK's DDMMYY.
    pub fn matches_birth_date(&self, date: Date) -> bool {
        self.birth().matches(date)
    }

    pub fn sequence(&self) -> u16 {
        number(&self.0, 12..16) as u16
    }
}

/// DDMMYY with the women's offset; the century is unknown, so 29 February is accepted
/// when either candidate century makes it a leap year (i.e. whenever YY is divisible by 4).
fn decode_birth(digits: &str) -> Option<(NikBirth, JenisKelamin)> {
    let raw_day = number(digits, 6..8) as u8;
    let (day, gender) = if raw_day > FEMALE_DAY_OFFSET {
        (raw_day - FEMALE_DAY_OFFSET, JenisKelamin::Perempuan)
    } else {
        (raw_day, JenisKelamin::LakiLaki)
    };
    let month = Month::try_from(number(digits, 8..10) as u8).ok()?;
    let yy = number(digits, 10..12) as u8;
    let leap_candidate = 2000 + i32::from(yy);
    if day == 0 || day > month.length(leap_candidate) {
        return None;
    }
    Some((NikBirth { day, month, yy }, gender))
}

impl Localized for NikError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NikError::Empty, Lang::Id) => "NIK wajib diisi.".into(),
            (NikError::Empty, Lang::En) => "NIK is required.".into(),
            (NikError::NonDigit { position, found }, Lang::Id) => format!(
                "NIK hanya boleh berisi angka; karakter ke-{position} adalah \"{found}\"."
            ),
            (NikError::NonDigit { position, found }, Lang::En) => {
                format!("NIK may contain digits only; character {position} is \"{found}\".")
            }
            (NikError::WrongLength { found }, Lang::Id) => {
                format!("NIK harus terdiri dari {LENGTH} angka, bukan {found}.")
            }
            (NikError::WrongLength { found }, Lang::En) => {
                format!("NIK must have {LENGTH} digits, not {found}.")
            }
            (NikError::InvalidProvinceCode { found }, Lang::Id) => format!(
                "Dua angka pertama NIK adalah kode provinsi (11–96), bukan {found:02}."
            ),
            (NikError::InvalidProvinceCode { found }, Lang::En) => format!(
                "The first two digits of a NIK are the province code (11–96), not {found:02}."
            ),
            (NikError::ZeroRegencyCode, Lang::Id) => {
                "Kode kabupaten/kota pada NIK (angka ke-3 dan ke-4) tidak boleh 00.".into()
            }
            (NikError::ZeroRegencyCode, Lang::En) => {
                "The regency code in the NIK (digits 3–4) cannot be 00.".into()
            }
            (NikError::ZeroDistrictCode, Lang::Id) => {
                "Kode kecamatan pada NIK (angka ke-5 dan ke-6) tidak boleh 00.".into()
            }
            (NikError::ZeroDistrictCode, Lang::En) => {
                "The district code in the NIK (digits 5–6) cannot be 00.".into()
            }
            (NikError::InvalidBirthDate { found }, Lang::Id) => format!(
                "Angka ke-7 sampai ke-12 NIK ({found}) bukan tanggal lahir yang valid (HHBBTT, tanggal ditambah 40 untuk perempuan)."
            ),
            (NikError::InvalidBirthDate { found }, Lang::En) => format!(
                "Digits 7–12 of the NIK ({found}) are not a valid birth date (DDMMYY, with 40 added to the day for women)."
            ),
            (NikError::ZeroSequence, Lang::Id) => {
                "Nomor urut NIK (empat angka terakhir) dimulai dari 0001, bukan 0000.".into()
            }
            (NikError::ZeroSequence, Lang::En) => {
                "The NIK sequence number (last four digits) starts at 0001, not 0000.".into()
            }
        }
    }
}

error_display_in_english!(NikError);

text_conversions!(Nik, NikError);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::macros::date;

    use super::*;
    use crate::domain::testing;

    #[test]
    fn decodes_a_womans_nik() {
        let nik = Nik::parse("3273055203850001").unwrap();
        assert_eq!(nik.province_code(), "32");
        assert_eq!(nik.regency_code(), "73");
        assert_eq!(nik.district_code(), "05");
        assert_eq!(nik.district_key(), "32.73.05");
        assert_eq!(nik.gender(), JenisKelamin::Perempuan);
        assert_eq!(
            nik.birth(),
            NikBirth {
                day: 12,
                month: Month::March,
                yy: 85
            }
        );
        assert!(nik.matches_birth_date(date!(1985 - 03 - 12)));
        assert!(nik.matches_birth_date(date!(2085 - 03 - 12)));
        assert!(!nik.matches_birth_date(date!(1985 - 03 - 13)));
        assert_eq!(nik.sequence(), 1);
    }

    #[test]
    fn refuses_each_broken_part_precisely() {
        let cases = [
            ("", NikError::Empty),
            (
                "3273-0512",
                NikError::NonDigit {
                    position: 5,
                    found: '-',
                },
            ),
            ("327305120385000", NikError::WrongLength { found: 15 }),
            (
                "1073051203850001",
                NikError::InvalidProvinceCode { found: 10 },
            ),
            (
                "9773051203850001",
                NikError::InvalidProvinceCode { found: 97 },
            ),
            ("3200051203850001", NikError::ZeroRegencyCode),
            ("3273001203850001", NikError::ZeroDistrictCode),
            (
                "3273050003850001",
                NikError::InvalidBirthDate {
                    found: "000385".into(),
                },
            ),
            (
                "3273053203850001",
                NikError::InvalidBirthDate {
                    found: "320385".into(),
                },
            ),
            (
                "3273054003850001",
                NikError::InvalidBirthDate {
                    found: "400385".into(),
                },
            ),
            (
                "3273057203850001",
                NikError::InvalidBirthDate {
                    found: "720385".into(),
                },
            ),
            (
                "3273053102850001",
                NikError::InvalidBirthDate {
                    found: "310285".into(),
                },
            ),
            (
                "3273051213850001",
                NikError::InvalidBirthDate {
                    found: "121385".into(),
                },
            ),
            (
                "3273052902850001",
                NikError::InvalidBirthDate {
                    found: "290285".into(),
                },
            ),
            ("3273051203850000", NikError::ZeroSequence),
        ];
        for (input, expected) in cases {
            assert_eq!(Nik::parse(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    fn leap_day_is_accepted_when_a_century_allows_it() {
        assert!(Nik::parse("3273052902840001").is_ok());
        assert!(Nik::parse("3273056902000001").is_ok());
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let err = NikError::InvalidProvinceCode { found: 5 };
        assert!(err.message(Lang::Id).contains("kode provinsi"));
        assert!(err.message(Lang::En).contains("province"));
    }

    proptest! {
        #[test]
        fn valid_niks_round_trip(parts in testing::nik_parts()) {
            let nik = Nik::parse(&parts.digits()).unwrap();
            prop_assert_eq!(nik.gender(), parts.gender);
            prop_assert!(nik.matches_birth_date(parts.birth_date));
            prop_assert_eq!(nik.sequence(), parts.sequence);
            let shown = nik.to_string();
            prop_assert_eq!(Nik::parse(&shown), Ok(nik.clone()));
            let json = serde_json::to_string(&nik).unwrap();
            prop_assert_eq!(serde_json::from_str::<Nik>(&json).unwrap(), nik);
        }

        #[test]
        fn out_of_range_provinces_are_refused(nik in testing::nik(), province in prop_oneof![0u8..=10, 97u8..=99]) {
            let input = format!("{province:02}{}", &nik.as_str()[2..]);
            prop_assert_eq!(Nik::parse(&input), Err(NikError::InvalidProvinceCode { found: province }));
        }

        #[test]
        fn a_zero_sequence_is_refused(nik in testing::nik()) {
            let input = format!("{}0000", &nik.as_str()[..12]);
            prop_assert_eq!(Nik::parse(&input), Err(NikError::ZeroSequence));
        }

        #[test]
        fn an_inserted_non_digit_is_located(nik in testing::nik(), at in 0usize..=16, ch in "[^0-9\\s]") {
            let mut input = nik.as_str().to_owned();
            input.insert_str(at, &ch);
            let found = ch.chars().next().unwrap();
            prop_assert_eq!(Nik::parse(&input), Err(NikError::NonDigit { position: at + 1, found }));
        }

        #[test]
        fn arbitrary_text_never_panics(input in "\\PC{0,30}") {
            if let Err(e) = Nik::parse(&input) {
                prop_assert!(!e.message(Lang::Id).is_empty());
            }
        }
    }
}
