//! Synthetic personnel data at national scale: realistic, internally consistent
//! employees (`app::domain::Pegawai`) generated deterministically from a seed and an
//! index, and a bulk loader that streams them into PostgreSQL with COPY.
//!
//! A crate of its own so the production server does not link it: the server pulls
//! it in only with its `demo` cargo feature (for `MUTAKHIR_DEMO=true`) and in its
//! tests, and `mutakhir-generate` (`src/bin/generate.rs`) is this crate's binary.
//! What it draws from (names, schools, positions…) is data under `data/`.
//!
//! - [`Generator::pegawai`] builds employee `index` for a seed; any index can be built
//!   alone, so chunks can be generated on any thread in any order.
//! - [`load`] writes employees `first..first+n` in chunks, one transaction per chunk.
//! - [`demo`] loads the small fixed demo set with named employees.
//! - [`migrate`] brings a database to the schema the generated rows are written for.

pub mod catalog;
pub mod copy;
mod data;
pub mod demo;
#[cfg(test)]
mod golden;
pub mod identity;
pub mod load;
pub mod names;
pub mod person;
pub mod reference;

pub use load::{load, LoadOptions, LoadReport};
pub use person::{Generator, AS_OF};
pub use reference::Reference;

/// Runs the migrations (`migrations/`, the same ones the server runs at start-up),
/// so `mutakhir-generate` can fill a fresh database without starting the server.
pub async fn migrate(pool: &sqlx::PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    sqlx::migrate!("../migrations").run(pool).await
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use app::domain::checks::{check_pegawai, has_errors};
    use app::domain::reference::{JenisPegawai, Riwayat};
    use proptest::prelude::*;

    use super::copy::Batch;
    use super::*;

    fn reference() -> &'static Reference {
        static REFERENCE: std::sync::OnceLock<Reference> = std::sync::OnceLock::new();
        REFERENCE.get_or_init(Reference::sample)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn generated_employees_pass_every_check(index in 0u64..5_800_000, seed in any::<u64>()) {
            let generator = Generator::new(reference(), seed);
            let p = generator.pegawai(index);
            let findings = check_pegawai(&p, AS_OF);
            prop_assert!(!has_errors(&findings), "{:#?}\n{:#?}", findings, p);
        }
    }

    #[test]
    fn a_run_of_indices_is_consistent_unique_and_varied() {
        let generator = Generator::new(reference(), 7);
        let mut nomor = HashSet::new();
        let mut nik = HashSet::new();
        let mut kinds = [0usize; 3];
        let mut warnings = 0;
        let mut batch = Batch::default();
        for index in 0..20_000 {
            let p = generator.pegawai(index);
            let findings = check_pegawai(&p, AS_OF);
            assert!(!has_errors(&findings), "{index}: {findings:#?}\n{p:#?}");
            warnings += findings.len();
            if let Some(n) = p.personal.nomor_induk.as_str() {
                assert!(nomor.insert(n.to_owned()), "repeated {n}");
            }
            assert!(nik.insert(p.personal.nik.as_str().to_owned()));
            kinds[p.personal.jenis_pegawai as usize] += 1;
            for riwayat in Riwayat::all() {
                assert!(p.count(*riwayat) < copy::RIWAYAT_SLOTS as usize);
            }
            batch.push(&p, index as i64 + 1, index as i64 * copy::RIWAYAT_SLOTS);
        }
        assert_eq!(warnings, 0, "generated data should not even warn");
        let share = |k: JenisPegawai| kinds[k as usize] as f64 / 20_000.0;
        assert!(
            (0.80..0.90).contains(&share(JenisPegawai::Pns)),
            "{kinds:?}"
        );
        assert!(
            (0.10..0.18).contains(&share(JenisPegawai::Pppk)),
            "{kinds:?}"
        );
        assert!(
            (0.002..0.02).contains(&share(JenisPegawai::PptNonAsn)),
            "{kinds:?}"
        );
        assert_eq!(batch.employees(), 20_000);
    }

    #[test]
    fn the_same_seed_gives_the_same_people() {
        let a = Generator::new(reference(), 42);
        let b = Generator::new(reference(), 42);
        let c = Generator::new(reference(), 43);
        assert_eq!(a.pegawai(12_345), b.pegawai(12_345));
        assert_ne!(a.pegawai(12_345), c.pegawai(12_345));
        // The identity (birth date, gender, sequence) is the index's, whatever the seed.
        assert_eq!(
            a.pegawai(5).personal.tanggal_lahir,
            c.pegawai(5).personal.tanggal_lahir
        );
    }

    #[test]
    fn demo_employees_pass_every_check() {
        for p in [
            demo::demo_pns(reference_with_demo_agencies()).unwrap(),
            demo::demo_pppk(reference_with_demo_agencies()).unwrap(),
            demo::demo_ppt(reference_with_demo_agencies()).unwrap(),
        ] {
            let findings = check_pegawai(&p, AS_OF);
            assert!(findings.is_empty(), "{findings:#?}");
        }
        let pns = demo::demo_pns(reference_with_demo_agencies()).unwrap();
        for riwayat in Riwayat::all() {
            assert!(pns.count(*riwayat) > 0, "{riwayat:?} is empty");
        }
    }

    /// The fixture names agencies, units and districts; loading gives their ids.
    #[test]
    fn demo_people_get_the_ids_their_names_have() {
        let reference = reference_with_demo_agencies();
        let id_of = |code: &str| reference.agencies.iter().find(|a| a.code == code).unwrap();
        let (bkn, bandung) = (id_of("BKN"), id_of("KOTA-32.73"));
        let pns = demo::demo_pns(reference).unwrap();
        assert_eq!(pns.personal.instansi_id, bkn.id);
        assert_eq!(pns.personal.unit_kerja_id, bkn.units[0].id);
        let transfer = &pns.pindah_instansi[0];
        assert_eq!(
            (transfer.instansi_asal_id, transfer.instansi_tujuan_id),
            (bandung.id, bkn.id)
        );
        let district = &reference.districts[bandung.districts.start].code;
        let pppk = demo::demo_pppk(reference).unwrap();
        assert_eq!(pppk.personal.alamat.kode_kecamatan.as_ref(), Some(district));
        assert_eq!(pppk.personal.instansi_id, bandung.id);
    }

    fn reference_with_demo_agencies() -> &'static Reference {
        static REFERENCE: std::sync::OnceLock<Reference> = std::sync::OnceLock::new();
        REFERENCE.get_or_init(|| {
            let sample = Reference::sample();
            let mut agencies = sample.agencies.clone();
            agencies.push(reference::Agency::new(
                100,
                "BKN".into(),
                "Badan Kepegawaian Negara".into(),
                "pusat".into(),
                None,
                0..2,
                vec![(100, "Pusat Data dan Informasi".into())],
            ));
            agencies.push(reference::Agency::new(
                101,
                "KOTA-32.73".into(),
                "Pemerintah Kota Bandung".into(),
                "kota".into(),
                Some("32.73"),
                2..3,
                vec![(101, "Dinas Pendidikan".into())],
            ));
            Reference::new(agencies, sample.districts.clone())
        })
    }
}
