//! The synthetic data generator against a real database: bulk load, consistency
//! of what was stored, determinism and the demo set.

use std::collections::HashSet;

use app::domain::{NiPppk, Nik, Nip};
use generator::demo::{self, DEMO_PNS_NIP, DEMO_PPPK_NIP, DEMO_PPT_NIK};
use generator::{load, LoadOptions};
use sqlx::PgPool;

const RIWAYAT: [&str; 12] = [
    "riwayat_cpns_pns",
    "riwayat_pangkat",
    "riwayat_jabatan",
    "riwayat_pendidikan",
    "riwayat_diklat",
    "riwayat_skp",
    "riwayat_penghargaan",
    "riwayat_keluarga",
    "riwayat_pmk",
    "riwayat_pindah_instansi",
    "riwayat_cltn",
    "riwayat_organisasi",
];

async fn count(pool: &PgPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
        .fetch_one(pool)
        .await
        .unwrap()
}

fn options(employees: u64, seed: u64) -> LoadOptions {
    LoadOptions {
        employees,
        seed,
        chunk_size: 500,
        ..LoadOptions::default()
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn two_thousand_employees_load_with_plausible_histories(pool: PgPool) {
    let report = load(&pool, &options(2000, 3)).await.unwrap();
    assert_eq!(count(&pool, "pegawai").await, 2000);
    assert_eq!(report.rows[0], ("pegawai", 2000));
    for (table, rows) in &report.rows {
        assert_eq!(count(&pool, table).await as u64, *rows, "{table}");
    }
    // Per employee: ~85% PNS with one CPNS record, several ranks and positions, …
    let expect = [
        ("riwayat_cpns_pns", 0.78, 0.90),
        ("riwayat_pangkat", 2.0, 6.0),
        ("riwayat_jabatan", 1.0, 4.0),
        ("riwayat_pendidikan", 1.5, 3.5),
        ("riwayat_diklat", 1.5, 4.0),
        ("riwayat_skp", 1.4, 1.8),
        ("riwayat_penghargaan", 0.3, 1.5),
        ("riwayat_keluarga", 2.0, 5.0),
        ("riwayat_pmk", 0.005, 0.08),
        ("riwayat_pindah_instansi", 0.003, 0.06),
        ("riwayat_cltn", 0.0, 0.03),
        ("riwayat_organisasi", 0.05, 0.4),
    ];
    for (table, low, high) in expect {
        let ratio = count(&pool, table).await as f64 / 2000.0;
        assert!(
            (low..=high).contains(&ratio),
            "{table}: {ratio} per employee"
        );
    }
    // Children reference their parent's spouse row of the same employee.
    let orphans: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM riwayat_keluarga a JOIN riwayat_keluarga s ON s.id = a.pasangan_id
          WHERE a.pegawai_id <> s.pegawai_id OR s.anggota <> 'pasangan'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(orphans, 0);

    // Identifiers are unique (the constraints say so; check anyway) and parse.
    let rows: Vec<(String, Option<String>, String)> =
        sqlx::query_as("SELECT jenis, nomor_induk::text, nik::text FROM pegawai")
            .fetch_all(&pool)
            .await
            .unwrap();
    let mut nomor = HashSet::new();
    let mut niks = HashSet::new();
    for (jenis, nomor_induk, nik) in &rows {
        assert!(niks.insert(nik.clone()));
        Nik::parse(nik).unwrap();
        match (jenis.as_str(), nomor_induk) {
            ("pns", Some(n)) => {
                Nip::parse(n).unwrap();
                assert!(nomor.insert(n.clone()));
            }
            ("pppk", Some(n)) => {
                NiPppk::parse(n).unwrap();
                assert!(nomor.insert(n.clone()));
            }
            ("ppt_non_asn", None) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    // Every history row's NIP-like values parse as well.
    let nips: Vec<Option<String>> = sqlx::query_scalar("SELECT penilai_nip::text FROM riwayat_skp")
        .fetch_all(&pool)
        .await
        .unwrap();
    for nip in nips.into_iter().flatten() {
        Nip::parse(&nip).unwrap();
    }
    let pns_tmt: Vec<(String, time::Date)> = sqlx::query_as(
        "SELECT p.nomor_induk::text, c.tmt_cpns FROM pegawai p JOIN riwayat_cpns_pns c ON c.pegawai_id = p.id LIMIT 200",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(!pns_tmt.is_empty());
    for (nip, tmt) in pns_tmt {
        assert!(
            Nip::parse(&nip).unwrap().tmt_cpns().contains(tmt),
            "{nip} {tmt}"
        );
    }

    // Appending continues the ids and stays unique; sequences moved past the ids.
    let again = load(&pool, &options(300, 4)).await.unwrap();
    assert_eq!(again.first_index, 2000);
    assert_eq!(count(&pool, "pegawai").await, 2300);
    let next: i64 = sqlx::query_scalar(
        "INSERT INTO riwayat_organisasi (pegawai_id, nama_organisasi, jabatan, tanggal_mulai)
         VALUES (1, 'KORPRI', 'Anggota', '2020-01-01') RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let max: i64 = sqlx::query_scalar("SELECT max(id) FROM riwayat_organisasi WHERE id <> $1")
        .bind(next)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(next > max);
}

#[sqlx::test(migrations = "../migrations")]
async fn bulk_mode_restores_every_index_and_foreign_key(pool: PgPool) {
    let catalog = |pool: PgPool| async move {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT conname::text FROM pg_constraint WHERE conrelid::regclass::text LIKE 'riwayat%' OR conrelid = 'pegawai'::regclass
             UNION ALL SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid::regclass::text LIKE 'riwayat%' OR indrelid = 'pegawai'::regclass
             ORDER BY 1",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        rows
    };
    let before = catalog(pool.clone()).await;
    let mut bulk = options(1000, 5);
    bulk.bulk = true;
    load(&pool, &bulk).await.unwrap();
    assert_eq!(catalog(pool.clone()).await, before);
    let pending: bool =
        sqlx::query_scalar("SELECT to_regclass('generator_bulk_pending') IS NOT NULL")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(!pending);
    assert_eq!(count(&pool, "pegawai").await, 1000);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_same_seed_loads_the_same_people(pool: PgPool) {
    load(&pool, &options(50, 9)).await.unwrap();
    let first: Vec<(Option<String>, String, String)> = sqlx::query_as(
        "SELECT nomor_induk::text, nik::text, nama FROM pegawai ORDER BY id LIMIT 20",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let jabatan: Vec<(i64, String)> =
        sqlx::query_as("SELECT pegawai_id, nama_jabatan FROM riwayat_jabatan ORDER BY id LIMIT 30")
            .fetch_all(&pool)
            .await
            .unwrap();
    // Wipe and load again with the same seed.
    sqlx::query("TRUNCATE pegawai CASCADE")
        .execute(&pool)
        .await
        .unwrap();
    load(&pool, &options(50, 9)).await.unwrap();
    let second: Vec<(Option<String>, String, String)> = sqlx::query_as(
        "SELECT nomor_induk::text, nik::text, nama FROM pegawai ORDER BY id LIMIT 20",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let jabatan_again: Vec<(i64, String)> =
        sqlx::query_as("SELECT pegawai_id, nama_jabatan FROM riwayat_jabatan ORDER BY id LIMIT 30")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(first, second);
    assert_eq!(jabatan, jabatan_again);
}

#[sqlx::test(migrations = "../migrations")]
async fn demo_loads_once_with_the_named_employees(pool: PgPool) {
    assert!(demo::load_demo_if_empty(&pool).await.unwrap());
    let total = count(&pool, "pegawai").await;
    assert_eq!(total, demo::DEMO_GENERATED as i64 + 3);
    assert!(!demo::load_demo_if_empty(&pool).await.unwrap());
    assert_eq!(count(&pool, "pegawai").await, total);

    let id_of = |column: &'static str, value: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(&format!("SELECT id FROM pegawai WHERE {column} = $1"))
                .bind(value)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let pns = id_of("nomor_induk", DEMO_PNS_NIP).await;
    for table in RIWAYAT {
        let n: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM {table} WHERE pegawai_id = $1"
        ))
        .bind(pns)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert!(n > 0, "the demo PNS has no {table}");
    }
    let (jenis, nama): (String, String) =
        sqlx::query_as("SELECT jenis, nama FROM pegawai WHERE id = $1")
            .bind(pns)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        (jenis.as_str(), nama.as_str()),
        ("pns", demo::DEMO_PNS_NAME)
    );
    let pppk = id_of("nomor_induk", DEMO_PPPK_NIP).await;
    let jenis: String = sqlx::query_scalar("SELECT jenis FROM pegawai WHERE id = $1")
        .bind(pppk)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(jenis, "pppk");
    let ppt = id_of("nik", DEMO_PPT_NIK).await;
    let jenis: String = sqlx::query_scalar("SELECT jenis FROM pegawai WHERE id = $1")
        .bind(ppt)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(jenis, "ppt_non_asn");

    // A national load appends after the demo set without colliding.
    let report = load(&pool, &options(500, 1)).await.unwrap();
    assert_eq!(report.first_index, total as u64);
    assert_eq!(count(&pool, "pegawai").await, total + 500);
}
