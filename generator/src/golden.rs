//! Golden tests: what seed 42 produces is pinned, so that moving the generator's
//! lists from code to data files (or any other refactoring) cannot change a single
//! generated person without a test saying so. A deliberate change to the generated
//! world updates the digests below, in the same commit, with the reason.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use sha2::{Digest, Sha256};

use app::domain::reference::{Agama, JenisKelamin};

use super::copy::{Batch, RIWAYAT_SLOTS};
use super::names::{self, Culture};
use super::reference::{Agency, District, Reference};
use super::Generator;

const SEED: u64 = 42;
/// People hashed by the golden tests.
const PEOPLE: u64 = 3_000;

/// Every province the culture mix names, so every name list is drawn from, and the
/// agencies and units that give each role (teacher, health, religious, general).
fn golden_reference() -> Reference {
    const PROVINCES: &[(&str, &str)] = &[
        ("31", "Jakarta Pusat"),
        ("11", "Banda Aceh"),
        ("12", "Medan"),
        ("13", "Padang"),
        ("14", "Pekanbaru"),
        ("18", "Bandar Lampung"),
        ("32", "Bandung"),
        ("33", "Semarang"),
        ("35", "Surabaya"),
        ("51", "Denpasar"),
        ("52", "Mataram"),
        ("53", "Kupang"),
        ("61", "Pontianak"),
        ("63", "Banjarmasin"),
        ("71", "Manado"),
        ("73", "Makassar"),
        ("81", "Ambon"),
        ("91", "Jayapura"),
    ];
    let districts: Vec<District> = PROVINCES
        .iter()
        .flat_map(|(province, city)| {
            ["01", "02"].map(|d| District {
                code: format!("{province}.71.{d}"),
                digits: format!("{province}71{d}"),
                city: (*city).to_owned(),
            })
        })
        .collect();
    let mut agencies = Vec::new();
    let mut unit = 0;
    let mut units = |names: &[&str]| -> Vec<(i64, String)> {
        names
            .iter()
            .map(|n| {
                unit += 1;
                (unit, (*n).to_owned())
            })
            .collect()
    };
    for (id, code) in ["KEMENAG", "KEMENKES", "KEMDIKTISAINTEK", "KEMENKEU", "BKN"]
        .into_iter()
        .enumerate()
    {
        agencies.push(Agency::new(
            id as i64 + 1,
            code.into(),
            format!("Instansi {code}"),
            "pusat".into(),
            None,
            0..2,
            units(&["Sekretariat Jenderal", "Biro Keuangan"]),
        ));
    }
    for (i, (province, city)) in PROVINCES.iter().enumerate() {
        agencies.push(Agency::new(
            100 + i as i64,
            format!("PROV-{province}"),
            format!("Pemerintah Provinsi {city}"),
            if i % 2 == 0 { "provinsi" } else { "kota" }.into(),
            Some(province),
            2 * i..2 * i + 2,
            units(&[
                "Dinas Pendidikan",
                "Dinas Kesehatan",
                "Rumah Sakit Umum Daerah",
                "Sekretariat Daerah",
                "Badan Pendapatan Daerah",
            ]),
        ));
    }
    Reference::new(agencies, districts)
}

fn hex(digest: impl AsRef<[u8]>) -> String {
    digest.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn seed_42_makes_the_same_people() {
    let reference = golden_reference();
    let generator = Generator::new(&reference, SEED);
    let first = generator.pegawai(0);
    assert_eq!(
        (
            first.personal.nama.as_str(),
            first.personal.nomor_induk.as_str(),
            first.personal.nik.as_str(),
        ),
        GOLDEN_FIRST,
        "the first person of seed 42"
    );
    let mut json = Sha256::new();
    let mut batch = Batch::default();
    for index in 0..PEOPLE {
        let p = generator.pegawai(index);
        json.update(serde_json::to_vec(&p).expect("serialisable"));
        json.update(b"\n");
        batch.push(&p, index as i64 + 1, index as i64 * RIWAYAT_SLOTS);
    }
    let mut copy = Sha256::new();
    for buffer in &batch.buffers {
        copy.update(buffer);
        copy.update(b"\0");
    }
    assert_eq!(
        hex(json.finalize()),
        GOLDEN_JSON,
        "the people of seed 42 (as JSON)"
    );
    assert_eq!(
        hex(copy.finalize()),
        GOLDEN_COPY,
        "the COPY rows of seed 42"
    );
}

#[test]
fn seed_42_draws_the_same_names() {
    use Culture::*;
    const CULTURES: [Culture; 14] = [
        Jawa, Sunda, Batak, Minang, Melayu, Aceh, Bugis, Bali, Minahasa, Flores, Maluku, Papua,
        Banjar, Tionghoa,
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut out = String::new();
    // Every province branch of the culture mix, including the fallback.
    for province in [
        "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35",
        "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
        "81", "82", "91", "94", "00",
    ] {
        for _ in 0..20 {
            let culture = names::weighted(names::cultures(province), &mut rng);
            out.push_str(&format!("{province} {culture:?}\n"));
        }
    }
    // Every list: each culture with its usual religions and with every religion.
    for culture in CULTURES {
        for _ in 0..50 {
            let agama = names::agama(culture, &mut rng);
            for gender in [JenisKelamin::LakiLaki, JenisKelamin::Perempuan] {
                let name = names::full_name(culture, agama, gender, &mut rng);
                out.push_str(&format!("{culture:?} {agama:?} {gender:?} {name}\n"));
            }
        }
        for &agama in Agama::all() {
            for gender in [JenisKelamin::LakiLaki, JenisKelamin::Perempuan] {
                for _ in 0..10 {
                    let name = names::full_name(culture, agama, gender, &mut rng);
                    out.push_str(&format!("{culture:?} {agama:?} {gender:?} {name}\n"));
                }
            }
        }
    }
    assert_eq!(
        hex(Sha256::digest(out.as_bytes())),
        GOLDEN_NAMES,
        "the names of seed 42"
    );
}

/// Recorded with the lists still written as code (`names.rs`, `catalog.rs`).
const GOLDEN_FIRST: (&str, Option<&str>, &str) = (
    "Fitri Mariana",
    Some("197401191997032091"),
    "3171025901740091",
);
const GOLDEN_JSON: &str = "648f826386476e7ab515dd9a533c59bdc7be48387348161d6e74e0ac7ff42d2c";
const GOLDEN_COPY: &str = "92cf04342254df5786a627a8f3cf215bed20d941349dea57ff31754d2b6f6a5b";
const GOLDEN_NAMES: &str = "a047af541bd38aa515dac61f6c538335ebb23dc7bb1c15bd8363e4ed664533d3";
