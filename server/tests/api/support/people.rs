//! People set up directly in the database: accounts and roles.

use sqlx::PgPool;

/// Gives an existing employee an activated account with `password`.
pub async fn activate(pool: &PgPool, nip: &str, password: &str) {
    let hash = app::auth::hashing::hash_password(password.to_owned())
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO akun (pegawai_id, password_hash, activated_at)
         SELECT id, $2, now() FROM pegawai WHERE nomor_induk = $1
         ON CONFLICT (pegawai_id) DO NOTHING",
    )
    .bind(nip)
    .bind(&hash)
    .execute(pool)
    .await
    .unwrap();
}

/// Activates an employee's account and makes them admin of `instansi`.
pub async fn make_agency_admin(pool: &PgPool, nip: &str, instansi: i32, password: &str) {
    activate(pool, nip, password).await;
    sqlx::query(
        "INSERT INTO peran (pegawai_id, peran, lingkup, instansi_id)
         SELECT id, 'admin_instansi', 'instansi', $2 FROM pegawai WHERE nomor_induk = $1",
    )
    .bind(nip)
    .bind(instansi)
    .execute(pool)
    .await
    .unwrap();
}

/// Where a verifier verifies: one work unit, one agency, or all of BKN Pusat.
#[derive(Clone, Copy, Debug)]
pub enum Scope {
    Unit(i64),
    Agency(i32),
    Centre,
}

/// Activates an employee's account and makes them a verifier at `level` over `scope`.
pub async fn make_verifier(pool: &PgPool, nip: &str, scope: Scope, level: i16, password: &str) {
    activate(pool, nip, password).await;
    let (lingkup, unit, instansi) = match scope {
        Scope::Unit(unit) => ("unit_kerja", Some(unit), None),
        Scope::Agency(instansi) => ("instansi", None, Some(instansi)),
        Scope::Centre => ("pusat", None, None),
    };
    sqlx::query(
        "INSERT INTO peran (pegawai_id, peran, lingkup, unit_kerja_id, instansi_id, tingkat)
         SELECT id, 'verifikator', $2, $3, $4, $5 FROM pegawai WHERE nomor_induk = $1",
    )
    .bind(nip)
    .bind(lingkup)
    .bind(unit)
    .bind(instansi)
    .bind(level)
    .execute(pool)
    .await
    .unwrap();
}

/// An employee's agency and work unit.
pub async fn placement(pool: &PgPool, nip: &str) -> (i32, i64) {
    sqlx::query_as("SELECT instansi_id, unit_kerja_id FROM pegawai WHERE nomor_induk = $1")
        .bind(nip)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Moves an employee to another agency and work unit.
pub async fn move_to(pool: &PgPool, nip: &str, instansi: i32, unit: i64) {
    sqlx::query("UPDATE pegawai SET instansi_id = $1, unit_kerja_id = $2 WHERE nomor_induk = $3")
        .bind(instansi)
        .bind(unit)
        .bind(nip)
        .execute(pool)
        .await
        .unwrap();
}

/// The `n`th generated demo employee (neither Rina nor Budi): their NIP and name.
pub async fn generated(pool: &PgPool, n: i64) -> (String, String) {
    sqlx::query_as(
        "SELECT nomor_induk, nama FROM pegawai
          WHERE nomor_induk IS NOT NULL AND nomor_induk NOT IN ($1, $2)
          ORDER BY id OFFSET $3 LIMIT 1",
    )
    .bind(generator::demo::DEMO_PNS_NIP)
    .bind(generator::demo::DEMO_PPPK_NIP)
    .bind(n)
    .fetch_one(pool)
    .await
    .unwrap()
}
