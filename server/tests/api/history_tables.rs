//! Each history's one description (`app::domain::riwayat::table`) against the real
//! database: it matches the migrated schema column for column, and every described
//! history goes through the profile read, the master write with its kept version,
//! and the read again, by iterating the description alone.

use app::domain::riwayat::table::{Key, Table, TABLES};
use app::profile::store::profil_by_nomor_induk;
use app::proposal::change::{records_of, ProposedRecord};
use app::verification::store;
use generator::demo::{load_demo_if_empty, DEMO_PNS_NIP};
use sqlx::PgPool;
use time::{Date, Duration};

#[sqlx::test(migrations = "../migrations")]
async fn every_description_matches_the_migrated_schema(pool: PgPool) {
    for t in &TABLES {
        let found: Vec<(String, String, bool)> = sqlx::query_as(
            "SELECT column_name::text, udt_name::text, is_nullable = 'YES'
               FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name = $1
              ORDER BY ordinal_position",
        )
        .bind(t.name)
        .fetch_all(&pool)
        .await
        .unwrap();
        let mut expected: Vec<(String, String, bool)> = match t.key {
            Key::Id => vec![("id".into(), "int8".into(), false)],
            Key::Employee => vec![],
        };
        expected.push(("pegawai_id".into(), "int8".into(), false));
        expected.extend(
            t.columns
                .iter()
                .map(|c| (c.name.to_owned(), c.sql.type_name().to_owned(), c.nullable)),
        );
        assert_eq!(found, expected, "{} as migrated and as described", t.name);

        for unique in t.unique {
            let constrained: bool = sqlx::query_scalar(
                "SELECT EXISTS (
                   SELECT 1 FROM pg_constraint c
                    WHERE c.conrelid = $1::regclass AND c.contype = 'u'
                      AND (SELECT array_agg(a.attname::text ORDER BY a.attname)
                             FROM pg_attribute a
                            WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey))
                          = (SELECT array_agg(x ORDER BY x) FROM unnest(ARRAY['pegawai_id', $2]) x))",
            )
            .bind(t.name)
            .bind(*unique)
            .fetch_one(&pool)
            .await
            .unwrap();
            assert!(constrained, "{}: ({unique}) is unique per employee", t.name);
        }
        let order_column = t.order_by.split_whitespace().next().unwrap_or("");
        if t.key == Key::Id {
            assert!(
                t.column_names().contains(&order_column),
                "{} is listed by one of its columns, not {:?}",
                t.name,
                t.order_by
            );
        }
    }
    // And nothing is kept that is not described (the versions are the write's own).
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables
          WHERE table_schema = 'public' AND table_name LIKE 'riwayat\\_%' AND table_name <> 'riwayat_versi'
          ORDER BY 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut described: Vec<String> = TABLES.iter().map(|t| t.name.to_owned()).collect();
    described.sort();
    assert_eq!(tables, described);
}

/// The record with each column that is unique per employee moved aside (a date
/// three days earlier, a year thirty earlier), so a copy can stand beside it.
fn moved_aside(t: &Table, record: &ProposedRecord) -> ProposedRecord {
    let mut json = serde_json::to_value(record).unwrap();
    for unique in t.unique {
        let column = t.columns.iter().find(|c| c.name == *unique).unwrap();
        let at = column
            .path
            .split('.')
            .fold(&mut json["data"], |at, key| &mut at[key]);
        *at = match &*at {
            serde_json::Value::Number(n) => (n.as_i64().unwrap() - 30).into(),
            serde_json::Value::String(s) => {
                let format = time::macros::format_description!("[year]-[month]-[day]");
                let date = Date::parse(s, format).unwrap() - Duration::days(3);
                date.format(format).unwrap().into()
            }
            other => panic!("{}: cannot move {other} aside", t.name),
        };
    }
    serde_json::from_value(json).unwrap()
}

/// Every record of every history of Rina's (who has them all) written through the
/// master write as a new record comes back equal but for its id, and rewritten in
/// place comes back unchanged: no column is left behind or lost; each write keeps
/// one version. (This was `every_history_survives_the_master_write` in
/// `verification`, which listed the histories and matched on each.)
#[sqlx::test(migrations = "../migrations")]
async fn every_described_history_survives_read_master_write_and_read_again(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let profil = profil_by_nomor_induk(&pool, DEMO_PNS_NIP)
        .await
        .unwrap()
        .unwrap();
    let pegawai_id: i64 = sqlx::query_scalar("SELECT id FROM pegawai WHERE nomor_induk = $1")
        .bind(DEMO_PNS_NIP)
        .fetch_one(&pool)
        .await
        .unwrap();
    let usulan_id: i64 = sqlx::query_scalar(
        "WITH d AS (INSERT INTO dokumen (pemilik_id, sha256, jenis, ukuran, nama)
                    VALUES ($1, sha256('x'), 'pdf', 1, 'x.pdf') RETURNING id)
         INSERT INTO usulan (pegawai_id, riwayat, baru, nilai_baru, dokumen_id, jenis_dokumen,
                             rantai, status, kunci_idempoten)
         SELECT $1, 'diklat', true, '{}', d.id, 'sertifikat', '{2}', 'diterapkan', gen_random_uuid()
           FROM d RETURNING id",
    )
    .bind(pegawai_id)
    .fetch_one(&pool)
    .await
    .unwrap();

    let mut tx = pool.begin().await.unwrap();
    let mut added = Vec::new();
    let mut writes = 0i64;
    for t in &TABLES {
        let records = records_of(&profil.pegawai, t.riwayat);
        assert!(!records.is_empty(), "the demo has a {} record", t.name);
        for record in &records {
            let in_place = store::write_master(&mut tx, pegawai_id, record.id(), record, usulan_id)
                .await
                .unwrap();
            assert_eq!(in_place, record.id(), "{} written in place", t.name);
            writes += 1;
            if t.key == Key::Id {
                let copy = moved_aside(t, record);
                let new_id = store::write_master(&mut tx, pegawai_id, None, &copy, usulan_id)
                    .await
                    .unwrap()
                    .unwrap();
                writes += 1;
                added.push((t, copy, new_id));
            }
        }
    }
    tx.commit().await.unwrap();

    let after = profil_by_nomor_induk(&pool, DEMO_PNS_NIP)
        .await
        .unwrap()
        .unwrap();
    for t in &TABLES {
        let now = records_of(&after.pegawai, t.riwayat);
        for record in records_of(&profil.pegawai, t.riwayat) {
            assert!(
                now.contains(&record),
                "{} unchanged in place: {record:?}",
                t.name
            );
        }
    }
    for (t, record, new_id) in added {
        let copy = records_of(&after.pegawai, t.riwayat)
            .into_iter()
            .find(|r| r.id() == Some(new_id))
            .unwrap_or_else(|| panic!("{} copy {new_id} is there", t.name));
        let strip = |r: &ProposedRecord| {
            let mut v = serde_json::to_value(r).unwrap();
            v["data"].as_object_mut().unwrap().remove("id");
            v
        };
        assert_eq!(strip(&copy), strip(&record), "{} copied whole", t.name);
    }

    // Each write kept one version: the row before (none for a new record) and after.
    let versions: Vec<(String, bool, bool)> = sqlx::query_as(
        "SELECT riwayat, nilai_lama IS NOT NULL, coalesce(nilai_lama = nilai_baru, false)
           FROM riwayat_versi WHERE usulan_id = $1 ORDER BY id",
    )
    .bind(usulan_id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(versions.len() as i64, writes);
    for t in &TABLES {
        let of: Vec<&(String, bool, bool)> = versions
            .iter()
            .filter(|(r, ..)| r == t.riwayat.code())
            .collect();
        let in_place = of.iter().filter(|(_, old, same)| *old && *same).count();
        let new = of.iter().filter(|(_, old, _)| !old).count();
        let records = records_of(&profil.pegawai, t.riwayat).len();
        assert_eq!(
            in_place, records,
            "{}: an unchanged rewrite keeps the same row",
            t.name
        );
        let copies = if t.key == Key::Id { records } else { 0 };
        assert_eq!(
            new, copies,
            "{}: a new record has no version before it",
            t.name
        );
    }
}
