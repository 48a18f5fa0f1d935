//! Indonesian names by region. Naming customs differ: Javanese often carry one or
//! two given names and no family name, Batak, Minahasa, Ambonese, Flores and Papuan
//! people carry a clan name (*marga*, *fam*), Balinese names begin with a birth-order
//! name (Wayan, Made, Nyoman, Ketut) after I/Ni, Bugis nobility use Andi.
//!
//! The lists are data (`generator/data/`, see [`crate::data`]): given names
//! (`given_names.tsv`), family and clan names (`family_names.tsv`), Balinese
//! birth-order names (`bali_birth_order.tsv`), the cultural mix of each province
//! (`province_cultures.tsv`) and the religions of each culture (`religions.tsv`).
//! They are common names, not real people. The customs, which list a name is drawn
//! from and how the parts are put together, are the code below.

use std::collections::HashMap;
use std::sync::LazyLock;

use app::domain::reference::{Agama, JenisKelamin};
use rand::Rng;

use crate::data::{tsv, Tsv};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Culture {
    Jawa,
    Sunda,
    Batak,
    Minang,
    Melayu,
    Aceh,
    Bugis,
    Bali,
    Minahasa,
    Flores,
    Maluku,
    Papua,
    Banjar,
    Tionghoa,
}

impl Culture {
    pub const ALL: [Culture; 14] = [
        Culture::Jawa,
        Culture::Sunda,
        Culture::Batak,
        Culture::Minang,
        Culture::Melayu,
        Culture::Aceh,
        Culture::Bugis,
        Culture::Bali,
        Culture::Minahasa,
        Culture::Flores,
        Culture::Maluku,
        Culture::Papua,
        Culture::Banjar,
        Culture::Tionghoa,
    ];

    /// The culture's name in the data files: `jawa`, `sunda`, …
    pub fn key(self) -> &'static str {
        match self {
            Culture::Jawa => "jawa",
            Culture::Sunda => "sunda",
            Culture::Batak => "batak",
            Culture::Minang => "minang",
            Culture::Melayu => "melayu",
            Culture::Aceh => "aceh",
            Culture::Bugis => "bugis",
            Culture::Bali => "bali",
            Culture::Minahasa => "minahasa",
            Culture::Flores => "flores",
            Culture::Maluku => "maluku",
            Culture::Papua => "papua",
            Culture::Banjar => "banjar",
            Culture::Tionghoa => "tionghoa",
        }
    }

    fn from_key(file: &Tsv, key: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|c| c.key() == key)
            .unwrap_or_else(|| panic!("data/{}: unknown culture {key:?}", file.name))
    }

    /// The group of `given_names.tsv` the culture's given names come from: its own,
    /// or the Islamic or Christian names its people mostly carry.
    fn given_names_group(self) -> &'static str {
        match self {
            Culture::Melayu | Culture::Banjar => "islamic",
            Culture::Flores => "christian",
            culture => culture.key(),
        }
    }
}

const GIVEN_NAMES: Tsv = tsv!("given_names.tsv");
const FAMILY_NAMES: Tsv = tsv!("family_names.tsv");
const BALI_BIRTH_ORDER: Tsv = tsv!("bali_birth_order.tsv");
const PROVINCE_CULTURES: Tsv = tsv!("province_cultures.tsv");
const RELIGIONS: Tsv = tsv!("religions.tsv");

type List = Vec<&'static str>;

/// Given names by group (a culture, `islamic` or `christian`) and gender, in file order.
static GIVEN: LazyLock<HashMap<(&'static str, JenisKelamin), List>> = LazyLock::new(|| {
    let mut lists: HashMap<_, List> = HashMap::new();
    for [group, gender, name] in GIVEN_NAMES.rows(["group", "gender", "name"]) {
        let gender: JenisKelamin = GIVEN_NAMES.parse("gender", gender);
        lists.entry((group, gender)).or_default().push(name);
    }
    lists
});

fn given(group: &'static str, gender: JenisKelamin) -> &'static [&'static str] {
    GIVEN.get(&(group, gender)).map_or(&[], Vec::as_slice)
}

struct Names {
    male: &'static [&'static str],
    female: &'static [&'static str],
    /// Second names or clan names; empty lists mean given names only.
    family: List,
    family_female: List,
}

/// Every culture's names, indexed by `Culture as usize`.
static NAMES: LazyLock<Vec<Names>> = LazyLock::new(|| {
    let mut names: Vec<Names> = Culture::ALL
        .iter()
        .map(|c| Names {
            male: given(c.given_names_group(), JenisKelamin::LakiLaki),
            female: given(c.given_names_group(), JenisKelamin::Perempuan),
            family: List::new(),
            family_female: List::new(),
        })
        .collect();
    for [culture, gender, name] in FAMILY_NAMES.rows(["culture", "gender", "name"]) {
        let n = &mut names[Culture::from_key(&FAMILY_NAMES, culture) as usize];
        match gender {
            "" => n.family.push(name),
            "P" => n.family_female.push(name),
            other => panic!("data/{}: gender {other:?}: empty or P", FAMILY_NAMES.name),
        }
    }
    names
});

fn names(culture: Culture) -> &'static Names {
    &NAMES[culture as usize]
}

static BALI_ORDER: LazyLock<HashMap<JenisKelamin, List>> = LazyLock::new(|| {
    let mut lists: HashMap<_, List> = HashMap::new();
    for [gender, name] in BALI_BIRTH_ORDER.rows(["gender", "name"]) {
        let gender: JenisKelamin = BALI_BIRTH_ORDER.parse("gender", gender);
        lists.entry(gender).or_default().push(name);
    }
    lists
});

/// Cultures with their weights, drawn in this order.
type Mix = Vec<(Culture, u32)>;

/// (province pattern, its cultural mix), in file order: a two-digit code, a prefix
/// ending in `*`, or `*` for any.
static MIX: LazyLock<Vec<(&'static str, Mix)>> = LazyLock::new(|| {
    let mut mix: Vec<(&'static str, Mix)> = Vec::new();
    for [province, culture, weight] in PROVINCE_CULTURES.rows(["province", "culture", "weight"]) {
        let entry = (
            Culture::from_key(&PROVINCE_CULTURES, culture),
            PROVINCE_CULTURES.parse("weight", weight),
        );
        match mix.last_mut() {
            Some((p, cultures)) if *p == province => cultures.push(entry),
            _ => mix.push((province, vec![entry])),
        }
    }
    mix
});

/// The cultural mix of a province (first two NIK digits) as (culture, weight).
pub fn cultures(province: &str) -> &'static [(Culture, u32)] {
    MIX.iter()
        .find(|(pattern, _)| match pattern.strip_suffix('*') {
            Some(prefix) => province.starts_with(prefix),
            None => *pattern == province,
        })
        .map(|(_, cultures)| cultures.as_slice())
        .unwrap_or_else(|| panic!("data/{}: no `*` row", PROVINCE_CULTURES.name))
}

/// Each culture's religions as (agama, weight), indexed by `Culture as usize`.
static AGAMA: LazyLock<Vec<Vec<(Agama, u32)>>> = LazyLock::new(|| {
    let mut tables = vec![Vec::new(); Culture::ALL.len()];
    for [culture, agama, weight] in RELIGIONS.rows(["culture", "agama", "weight"]) {
        tables[Culture::from_key(&RELIGIONS, culture) as usize].push((
            RELIGIONS.parse("agama", agama),
            RELIGIONS.parse("weight", weight),
        ));
    }
    tables
});

/// A religion fitting the culture (shares roughly as in the census).
pub fn agama(culture: Culture, rng: &mut impl Rng) -> Agama {
    weighted(&AGAMA[culture as usize], rng)
}

pub fn weighted<T: Copy>(table: &[(T, u32)], rng: &mut impl Rng) -> T {
    let total: u32 = table.iter().map(|(_, w)| w).sum();
    let mut r = rng.random_range(0..total);
    for &(value, w) in table {
        if r < w {
            return value;
        }
        r -= w;
    }
    table[table.len() - 1].0
}

pub fn one<'a>(list: &[&'a str], rng: &mut impl Rng) -> &'a str {
    list[rng.random_range(0..list.len())]
}

/// A full name (without titles) for someone of this culture, religion and gender.
pub fn full_name(
    culture: Culture,
    agama: Agama,
    gender: JenisKelamin,
    rng: &mut impl Rng,
) -> String {
    let female = gender == JenisKelamin::Perempuan;
    let n = names(culture);
    if culture == Culture::Bali {
        let prefix = if female { "Ni" } else { "I" };
        let given = if female { n.female } else { n.male };
        return format!(
            "{prefix} {} {}",
            one(&BALI_ORDER[&gender], rng),
            one(given, rng)
        );
    }
    // A Christian among a mostly Muslim people, or the reverse, is named by religion.
    let christian = matches!(agama, Agama::Kristen | Agama::Katolik);
    let christian_culture = matches!(
        culture,
        Culture::Batak
            | Culture::Minahasa
            | Culture::Flores
            | Culture::Maluku
            | Culture::Papua
            | Culture::Tionghoa
    );
    let given_list = match (christian && !christian_culture, female) {
        (true, false) => given("christian", JenisKelamin::LakiLaki),
        (true, true) => given("christian", JenisKelamin::Perempuan),
        (false, false) => n.male,
        (false, true) => n.female,
    };
    let mut name = one(given_list, rng).to_owned();
    // A second given name for about a third of people.
    if rng.random_bool(0.3) {
        let second = if female { n.female } else { n.male };
        let s = one(second, rng);
        if s != name {
            name.push(' ');
            name.push_str(s);
        }
    }
    let family = if female && !n.family_female.is_empty() {
        &n.family_female
    } else {
        &n.family
    };
    // Clan names are always carried; Javanese and Sundanese second names mostly.
    let clan = matches!(
        culture,
        Culture::Batak
            | Culture::Minahasa
            | Culture::Flores
            | Culture::Maluku
            | Culture::Papua
            | Culture::Tionghoa
    );
    if !family.is_empty() && (clan || rng.random_bool(0.8)) {
        name.push(' ');
        name.push_str(one(family, rng));
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_culture_has_given_names_religions_and_a_place() {
        for culture in Culture::ALL {
            let n = names(culture);
            assert!(!n.male.is_empty() && !n.female.is_empty(), "{culture:?}");
            assert!(!AGAMA[culture as usize].is_empty(), "{culture:?}");
            assert!(
                MIX.iter()
                    .any(|(_, mix)| mix.iter().any(|(c, _)| *c == culture)),
                "{culture:?} lives nowhere"
            );
        }
        for gender in [JenisKelamin::LakiLaki, JenisKelamin::Perempuan] {
            assert!(!given("islamic", gender).is_empty());
            assert!(!given("christian", gender).is_empty());
            assert_eq!(BALI_ORDER[&gender].len(), 8);
        }
        assert_eq!(cultures("94")[0].0, Culture::Papua);
        assert!(!cultures("00").is_empty(), "the fallback");
    }
}
