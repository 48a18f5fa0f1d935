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
