//! The demo data set: 200 generated employees (fixed seed) and three hand-written
//! named employees whose identifiers the README, the profile tests and login use.
//!
//! The named employees' NIP/NI PPPK sequences (901+) and NIK sequences (9001+) lie
//! outside anything the generator makes, so they can never collide with generated
//! people, in this set or in a national load appended to it.

use anyhow::Context;
use serde_json::Value;
use sqlx::PgPool;

use app::domain::Pegawai;

use super::copy::{Batch, RIWAYAT_SLOTS};
use super::load::copy_batch;
use super::person::Generator;
use super::reference::{Agency, Reference};

/// Seed of the generated part of the demo set.
pub const DEMO_SEED: u64 = 20_261_122;
/// Generated employees in the demo set (ids 1..=200).
pub const DEMO_GENERATED: u64 = 200;

/// A PNS at BKN with every history filled: Dr. Rina Kartika Sari, S.Kom., M.T.
pub const DEMO_PNS_NIP: &str = "198503122010012901";
pub const DEMO_PNS_NAME: &str = "Rina Kartika Sari";
/// A PPPK teacher of the City of Bandung: Budi Santoso, S.Pd.
pub const DEMO_PPPK_NIP: &str = "199208172022031901";
pub const DEMO_PPPK_NAME: &str = "Budi Santoso";
/// A PPT Non-ASN (no NIP; found by NIK): Andi Mappiasse Tahir, S.E., M.M.
pub const DEMO_PPT_NIK: &str = "7371020106759003";
pub const DEMO_PPT_NAME: &str = "Andi Mappiasse Tahir";
pub const DEMO_PPT_EMAIL: &str = "andi.tahir@bkn.go.id";
pub const DEMO_PPPK_EMAIL: &str = "budi.santoso.guru@gmail.com";
pub const DEMO_PNS_EMAIL: &str = "rina.kartika@bkn.go.id";
/// The password of the activated demo accounts (Rina: BKN admin; Budi: employee).
/// Andi (PPT Non-ASN) is left to activate through the emailed-token journey.
pub const DEMO_PASSWORD: &str = "Mutakhir2026";

/// The three named employees, as the domain's JSON, with agencies, units and
/// districts written by name (`@instansi:BKN`), since their ids are the
/// organisation tables' to give.
const DEMO_PEOPLE: &str = include_str!("../fixtures/demo_people.json");

/// The named PNS: every history has at least one record.
pub fn demo_pns(reference: &Reference) -> anyhow::Result<Pegawai> {
    named(reference, "pns")
}

/// The named PPPK: the four histories a PPPK has.
pub fn demo_pppk(reference: &Reference) -> anyhow::Result<Pegawai> {
    named(reference, "pppk")
}

/// The named PPT Non-ASN, found by NIK.
pub fn demo_ppt(reference: &Reference) -> anyhow::Result<Pegawai> {
    named(reference, "ppt")
}

fn named(reference: &Reference, who: &str) -> anyhow::Result<Pegawai> {
    let mut people: Value = serde_json::from_str(DEMO_PEOPLE).context("demo_people.json")?;
    let mut person = people
        .get_mut(who)
        .map(Value::take)
        .with_context(|| format!("demo_people.json has no {who}"))?;
    resolve(reference, &mut person)?;
    serde_json::from_value(person).with_context(|| format!("demo_people.json: {who}"))
}

/// Replaces every name written for an id (`@…`) with the id it names.
fn resolve(reference: &Reference, value: &mut Value) -> anyhow::Result<()> {
    match value {
        Value::String(text) if text.starts_with('@') => *value = id_named(reference, text)?,
        Value::Array(items) => {
            for item in items {
                resolve(reference, item)?;
            }
        }
        Value::Object(fields) => {
            for item in fields.values_mut() {
                resolve(reference, item)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// `@instansi:<agency code>`, `@unit:<agency code>/<unit name>` (the agency's
/// first unit when it has no such unit: a smaller organisation set still loads),
/// `@kecamatan:<agency code>` (the first district of the agency's region).
fn id_named(reference: &Reference, text: &str) -> anyhow::Result<Value> {
    let (kind, name) = text[1..]
        .split_once(':')
        .with_context(|| format!("{text} is not @kind:name"))?;
    Ok(match kind {
        "instansi" => agency(reference, name)?.id.into(),
        "unit" => {
            let (code, unit_name) = name
                .split_once('/')
                .with_context(|| format!("{text} is not @unit:agency/unit"))?;
            unit(agency(reference, code)?, unit_name).into()
        }
        "kecamatan" => {
            let agency = agency(reference, name)?;
            reference.districts[agency.districts.start]
                .code
                .clone()
                .into()
        }
        _ => anyhow::bail!("{text}: no such kind of id"),
    })
}

fn agency<'r>(reference: &'r Reference, code: &str) -> anyhow::Result<&'r Agency> {
    reference
        .agencies
        .iter()
        .find(|a| a.code == code)
        .with_context(|| format!("instansi {code} is missing"))
}

fn unit(agency: &Agency, name: &str) -> i64 {
    agency
        .units
        .iter()
        .find(|u| u.name == name)
        .unwrap_or(&agency.units[0])
        .id
}

/// Loads the demo set when `pegawai` is empty; returns whether it did. Safe to call
/// from several processes at once: an advisory lock serialises them and the
/// emptiness check runs under it, inside the loading transaction.
async fn demo_accounts(tx: &mut sqlx::Transaction<'_, sqlx::Postgres>) -> anyhow::Result<()> {
    let hash = app::auth::hashing::hash_password(DEMO_PASSWORD.to_owned()).await?;
    for nip in [DEMO_PNS_NIP, DEMO_PPPK_NIP] {
        sqlx::query(
            "INSERT INTO akun (pegawai_id, password_hash, activated_at, password_changed_at)
             SELECT id, $2, now(), now() FROM pegawai WHERE nomor_induk = $1",
        )
        .bind(nip)
        .bind(&hash)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO peran (pegawai_id, peran, lingkup) SELECT id, 'admin_bkn', 'pusat' FROM pegawai WHERE nomor_induk = $1",
    )
    .bind(DEMO_PNS_NIP)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn load_demo_if_empty(pool: &PgPool) -> anyhow::Result<bool> {
    let reference = Reference::load(pool).await?;
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock(8126202611)")
        .execute(&mut *tx)
        .await?;
    let (exists,): (bool,) = sqlx::query_as("SELECT EXISTS (SELECT 1 FROM pegawai)")
        .fetch_one(&mut *tx)
        .await?;
    if exists {
        return Ok(false);
    }
    let generator = Generator::new(&reference, DEMO_SEED);
    let named = [
        demo_pns(&reference)?,
        demo_pppk(&reference)?,
        demo_ppt(&reference)?,
    ];
    let mut batch = Batch::with_capacity(DEMO_GENERATED as usize + named.len());
    let employees = (0..DEMO_GENERATED)
        .map(|i| generator.pegawai(i))
        .chain(named);
    for (index, p) in employees.enumerate() {
        let index = index as i64;
        batch.push(&p, index + 1, index * RIWAYAT_SLOTS);
    }
    copy_batch(&mut tx, &batch).await?;
    demo_accounts(&mut tx).await?;
    for table in super::copy::tables_with_id().chain(["pegawai"]) {
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} HAVING max(id) IS NOT NULL"
        ))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}
