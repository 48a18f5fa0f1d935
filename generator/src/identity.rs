//! Who an employee index *is*: birth date, gender and a sequence number, chosen so
//! that no two indices ever share them. NIP, NI PPPK and NIK all encode birth date,
//! gender and a sequence, so this one bijection makes every generated identifier
//! unique without any bookkeeping across chunks, threads or runs.
//!
//! The index space is split by birth year; a year holds `days × 2 genders × S`
//! identities, where `S` (how many sequence numbers a day and gender may use)
//! follows the age pyramid of the civil service: few people born in the 1960s
//! (most have retired) or after 1995, most born 1973–1985. An affine permutation
//! scatters consecutive indices over the whole space, so neighbours in a chunk do
//! not share birthdays. The key depends on the index only, never on the seed, so
//! runs with different seeds can append to the same database.

use time::{Date, Month};

use app::domain::reference::JenisKelamin;

/// The first and last birth years generated.
pub const FIRST_BIRTH_YEAR: i32 = 1963;
pub const LAST_BIRTH_YEAR: i32 = 2002;
/// Sequence numbers above this are never generated: the hand-picked demo employees
/// use them, so they cannot collide with generated ones.
pub const MAX_GENERATED_SEQUENCE: u16 = 899;

/// Identities per (birth day, gender) for each birth year: the age pyramid.
fn per_day(year: i32) -> u64 {
    match year {
        ..=1966 => 60,
        1967..=1972 => 180,
        1973..=1985 => 280,
        1986..=1995 => 230,
        _ => 110,
    }
}

fn days_in_year(year: i32) -> u64 {
    if time::util::is_leap_year(year) {
        366
    } else {
        365
    }
}

/// The identity of one index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub birth_date: Date,
    pub gender: JenisKelamin,
    /// 1..=`MAX_GENERATED_SEQUENCE`.
    pub sequence: u16,
    /// The permuted index: unique per employee, random-looking (used in e-mails).
    pub scattered: u64,
}

/// The bijection from indices to identities.
pub struct KeySpace {
    /// Cumulative identity counts at the start of each birth year.
    starts: Vec<u64>,
    capacity: u64,
    multiplier: u64,
}

const OFFSET: u64 = 1_234_577;

impl KeySpace {
    pub fn new() -> Self {
        let mut starts = Vec::new();
        let mut total = 0;
        for year in FIRST_BIRTH_YEAR..=LAST_BIRTH_YEAR {
            starts.push(total);
            total += days_in_year(year) * 2 * per_day(year);
        }
        debug_assert!(per_day(1980) <= u64::from(MAX_GENERATED_SEQUENCE));
        // Any multiplier coprime with the capacity makes `a·i + b mod m` a bijection.
        let multiplier = [2_654_435_761u64, 2_246_822_519, 3_266_489_917, 668_265_263]
            .into_iter()
            .chain(1_000_003..)
            .find(|&a| gcd(a, total) == 1)
            .expect("some multiplier is coprime");
        Self {
            starts,
            capacity: total,
            multiplier,
        }
    }

    /// How many distinct employees can be generated (about 5.9 million).
    pub fn capacity(&self) -> u64 {
        self.capacity
    }

    /// The identity of `index`; `None` beyond the capacity.
    pub fn key(&self, index: u64) -> Option<Key> {
        if index >= self.capacity {
            return None;
        }
        let m = u128::from(self.capacity);
        let j = ((u128::from(self.multiplier) * u128::from(index) + u128::from(OFFSET)) % m) as u64;
        let year_slot = self.starts.partition_point(|&s| s <= j) - 1;
        let year = FIRST_BIRTH_YEAR + year_slot as i32;
        let r = j - self.starts[year_slot];
        let slots = days_in_year(year) * 2;
        let sequence = (r / slots) as u16 + 1;
        let rest = r % slots;
        let ordinal = (rest / 2) as u16 + 1;
        let gender = if rest.is_multiple_of(2) {
            JenisKelamin::LakiLaki
        } else {
            JenisKelamin::Perempuan
        };
        let birth_date = Date::from_ordinal_date(year, ordinal).expect("ordinal within the year");
        Some(Key {
            birth_date,
            gender,
            sequence,
            scattered: j,
        })
    }
}

impl Default for KeySpace {
    fn default() -> Self {
        Self::new()
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The 18 digits of a NIP or NI PPPK.
pub fn nomor_induk_digits(
    birth: Date,
    appointed_year: i32,
    appointed_month: Month,
    gender: JenisKelamin,
    sequence: u16,
) -> String {
    let g = match gender {
        JenisKelamin::LakiLaki => 1,
        JenisKelamin::Perempuan => 2,
    };
    format!(
        "{:04}{:02}{:02}{:04}{:02}{g}{:03}",
        birth.year(),
        birth.month() as u8,
        birth.day(),
        appointed_year,
        appointed_month as u8,
        sequence
    )
}

/// The 16 digits of a NIK: district digits (`"327305"`), birth date with 40 added to
/// the day for women, sequence.
pub fn nik_digits(district: &str, birth: Date, gender: JenisKelamin, sequence: u16) -> String {
    let day = birth.day()
        + match gender {
            JenisKelamin::LakiLaki => 0,
            JenisKelamin::Perempuan => 40,
        };
    format!(
        "{district}{day:02}{:02}{:02}{sequence:04}",
        birth.month() as u8,
        birth.year().rem_euclid(100)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_are_unique_and_in_range() {
        let space = KeySpace::new();
        assert!(space.capacity() > 5_000_000, "{}", space.capacity());
        let mut seen = HashSet::new();
        for index in (0..space.capacity()).step_by(7).take(300_000) {
            let key = space.key(index).unwrap();
            assert!((1..=MAX_GENERATED_SEQUENCE).contains(&key.sequence));
            assert!((FIRST_BIRTH_YEAR..=LAST_BIRTH_YEAR).contains(&key.birth_date.year()));
            assert!(seen.insert((key.birth_date, key.gender, key.sequence)));
        }
        assert!(space.key(space.capacity()).is_none());
    }
}
