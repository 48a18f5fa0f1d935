//! NIP and NI PPPK share one 18-digit layout: birth date (YYYYMMDD), appointment
//! year-month (YYYYMM), gender digit and a 3-digit sequence. Decoding it once here
//! keeps the two identifiers from drifting apart.

use time::{Date, Month};

use super::digits::{digits_only, number, DigitsError};
use super::localized::Lang;
use super::reference::JenisKelamin;
use super::year_month::YearMonth;

pub(crate) const LENGTH: usize = 18;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Layout {
    pub digits: String,
    pub birth_date: Date,
    pub appointed: YearMonth,
    pub gender: JenisKelamin,
    pub sequence: u16,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LayoutError {
    Empty,
    NonDigit { position: usize, found: char },
    WrongLength { found: usize },
    InvalidBirthDate { found: String },
    InvalidTmtMonth { found: u8 },
    TmtBeforeBirth,
    InvalidGenderDigit { found: char },
    ZeroSequence,
}

/// Spaces are allowed anywhere because NIPs are printed as `19850312 201001 1 003`.
pub(crate) fn decode(input: &str) -> Result<Layout, LayoutError> {
    let digits = digits_only(input, &[]).map_err(|e| match e {
        DigitsError::Empty => LayoutError::Empty,
        DigitsError::NonDigit { position, found } => LayoutError::NonDigit { position, found },
    })?;
    if digits.len() != LENGTH {
        return Err(LayoutError::WrongLength {
            found: digits.len(),
        });
    }
    let birth_date = calendar_date(&digits[0..8]).ok_or_else(|| LayoutError::InvalidBirthDate {
        found: digits[0..8].to_owned(),
    })?;
    let month = number(&digits, 12..14) as u8;
    let appointed = YearMonth::new(number(&digits, 8..12) as i32, month)
        .ok_or(LayoutError::InvalidTmtMonth { found: month })?;
    if appointed < YearMonth::of(birth_date) {
        return Err(LayoutError::TmtBeforeBirth);
    }
    let gender = match digits.as_bytes()[14] {
        b'1' => JenisKelamin::LakiLaki,
        b'2' => JenisKelamin::Perempuan,
        other => {
            return Err(LayoutError::InvalidGenderDigit {
                found: char::from(other),
            })
        }
    };
    let sequence = number(&digits, 15..18) as u16;
    if sequence == 0 {
        return Err(LayoutError::ZeroSequence);
    }
    Ok(Layout {
        digits,
        birth_date,
        appointed,
        gender,
        sequence,
    })
}

/// `YYYYMMDD` as a real calendar date.
fn calendar_date(yyyymmdd: &str) -> Option<Date> {
    let month = Month::try_from(number(yyyymmdd, 4..6) as u8).ok()?;
    let day = number(yyyymmdd, 6..8) as u8;
    Date::from_calendar_date(number(yyyymmdd, 0..4) as i32, month, day).ok()
}

/// The spaced form people read: `19850312 201001 1 003`.
pub(crate) fn spaced(digits: &str) -> String {
    format!(
        "{} {} {} {}",
        &digits[0..8],
        &digits[8..14],
        &digits[14..15],
        &digits[15..18]
    )
}

/// What differs between the two identifiers in messages.
pub(crate) struct Names {
    pub identifier: &'static str,
    pub tmt_id: &'static str,
    pub tmt_en: &'static str,
}

pub(crate) fn message(error: &LayoutError, names: &Names, lang: Lang) -> String {
    let id = names.identifier;
    let tmt = lang.pick(names.tmt_id, names.tmt_en);
    match (error, lang) {
        (LayoutError::Empty, Lang::Id) => format!("{id} wajib diisi."),
        (LayoutError::Empty, Lang::En) => format!("{id} is required."),
        (LayoutError::NonDigit { position, found }, Lang::Id) => format!(
            "{id} hanya boleh berisi angka; karakter ke-{position} adalah \"{found}\"."
        ),
        (LayoutError::NonDigit { position, found }, Lang::En) => format!(
            "{id} may contain digits only; character {position} is \"{found}\"."
        ),
        (LayoutError::WrongLength { found }, Lang::Id) => {
            format!("{id} harus terdiri dari {LENGTH} angka, bukan {found}.")
        }
        (LayoutError::WrongLength { found }, Lang::En) => {
            format!("{id} must have {LENGTH} digits, not {found}.")
        }
        (LayoutError::InvalidBirthDate { found }, Lang::Id) => format!(
            "Delapan angka pertama {id} ({found}) bukan tanggal lahir yang valid (TTTTBBHH)."
        ),
        (LayoutError::InvalidBirthDate { found }, Lang::En) => format!(
            "The first eight digits of the {id} ({found}) are not a valid birth date (YYYYMMDD)."
        ),
        (LayoutError::InvalidTmtMonth { found }, Lang::Id) => format!(
            "Bulan {tmt} pada {id} (angka ke-13 dan ke-14) harus 01–12, bukan {found:02}."
        ),
        (LayoutError::InvalidTmtMonth { found }, Lang::En) => format!(
            "The {tmt} month in the {id} (digits 13–14) must be 01–12, not {found:02}."
        ),
        (LayoutError::TmtBeforeBirth, Lang::Id) => {
            format!("{tmt} pada {id} lebih awal dari tanggal lahirnya.")
        }
        (LayoutError::TmtBeforeBirth, Lang::En) => {
            format!("The {tmt} in the {id} is earlier than its birth date.")
        }
        (LayoutError::InvalidGenderDigit { found }, Lang::Id) => format!(
            "Angka ke-15 {id} menunjukkan jenis kelamin dan harus 1 (laki-laki) atau 2 (perempuan), bukan {found}."
        ),
        (LayoutError::InvalidGenderDigit { found }, Lang::En) => format!(
            "Digit 15 of the {id} is the gender and must be 1 (male) or 2 (female), not {found}."
        ),
        (LayoutError::ZeroSequence, Lang::Id) => {
            format!("Nomor urut {id} (tiga angka terakhir) dimulai dari 001, bukan 000.")
        }
        (LayoutError::ZeroSequence, Lang::En) => {
            format!("The {id} sequence number (last three digits) starts at 001, not 000.")
        }
    }
}

/// The error type of one identifier on this layout (NIP, NI PPPK): the layout's
/// problems under the identifier's own type, told with its own names.
macro_rules! layout_error {
    ($(#[$doc:meta])* $name:ident, $names:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum $name {
            Empty,
            NonDigit { position: usize, found: char },
            WrongLength { found: usize },
            InvalidBirthDate { found: String },
            InvalidTmtMonth { found: u8 },
            /// The TMT year-month is before the birth year-month.
            TmtBeforeBirth,
            InvalidGenderDigit { found: char },
            ZeroSequence,
        }

        impl From<$crate::domain::nomor_induk_layout::LayoutError> for $name {
            fn from(e: $crate::domain::nomor_induk_layout::LayoutError) -> Self {
                use $crate::domain::nomor_induk_layout::LayoutError as L;
                match e {
                    L::Empty => $name::Empty,
                    L::NonDigit { position, found } => $name::NonDigit { position, found },
                    L::WrongLength { found } => $name::WrongLength { found },
                    L::InvalidBirthDate { found } => $name::InvalidBirthDate { found },
                    L::InvalidTmtMonth { found } => $name::InvalidTmtMonth { found },
                    L::TmtBeforeBirth => $name::TmtBeforeBirth,
                    L::InvalidGenderDigit { found } => $name::InvalidGenderDigit { found },
                    L::ZeroSequence => $name::ZeroSequence,
                }
            }
        }

        impl From<&$name> for $crate::domain::nomor_induk_layout::LayoutError {
            fn from(e: &$name) -> Self {
                use $crate::domain::nomor_induk_layout::LayoutError as L;
                match e.clone() {
                    $name::Empty => L::Empty,
                    $name::NonDigit { position, found } => L::NonDigit { position, found },
                    $name::WrongLength { found } => L::WrongLength { found },
                    $name::InvalidBirthDate { found } => L::InvalidBirthDate { found },
                    $name::InvalidTmtMonth { found } => L::InvalidTmtMonth { found },
                    $name::TmtBeforeBirth => L::TmtBeforeBirth,
                    $name::InvalidGenderDigit { found } => L::InvalidGenderDigit { found },
                    $name::ZeroSequence => L::ZeroSequence,
                }
            }
        }

        impl $crate::domain::localized::Localized for $name {
            fn message(&self, lang: $crate::domain::localized::Lang) -> String {
                const NAMES: $crate::domain::nomor_induk_layout::Names = $names;
                $crate::domain::nomor_induk_layout::message(&self.into(), &NAMES, lang)
            }
        }

        $crate::domain::localized::error_display_in_english!($name);
    };
}

pub(crate) use layout_error;
