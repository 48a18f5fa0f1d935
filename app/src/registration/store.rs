//! Registration rows, and the agency's choice of how its employees get in.

use sqlx::{PgExecutor, PgPool, Postgres, Transaction};
use time::OffsetDateTime;

use super::{ActivationMode, PendingRegistration, RegistrationNumber};
use crate::auth::access::{Placement, RegistrationReach};

/// An employee as registration needs them.
pub struct Registrant {
    pub pegawai_id: i64,
    pub nama: String,
    pub nik: String,
    pub mode: Option<ActivationMode>,
    pub activated: bool,
    pub unit_kerja: String,
    pub instansi: String,
    /// Registrations sent in the last 24 hours.
    pub recent: i64,
}

/// Self-registration is for NIP / NI PPPK holders (PPT Non-ASN activate by email).
pub async fn registrant(
    pool: &PgPool,
    nomor_induk: &str,
) -> Result<Option<Registrant>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT p.id, p.nama, p.nik, i.cara_aktivasi, i.name AS instansi, u.name AS unit_kerja,
                  coalesce(a.activated_at IS NOT NULL, false) AS "activated!",
                  (SELECT count(*) FROM registrasi r
                    WHERE r.pegawai_id = p.id AND r.created_at > now() - interval '1 day') AS "recent!"
             FROM pegawai p
             JOIN instansi i ON i.id = p.instansi_id
             JOIN unit_kerja u ON u.id = p.unit_kerja_id
             LEFT JOIN akun a ON a.pegawai_id = p.id
            WHERE p.nomor_induk = $1"#,
        nomor_induk
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| Registrant {
        pegawai_id: r.id,
        nama: r.nama,
        nik: r.nik,
        mode: ActivationMode::from_code(&r.cara_aktivasi),
        activated: r.activated,
        unit_kerja: r.unit_kerja,
        instansi: r.instansi,
        recent: r.recent,
    }))
}

/// Replaces the employee's waiting registration, if any, with a new one, unless
/// the account became active meanwhile (then None: nothing is written).
pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    pegawai_id: i64,
    nomor: &RegistrationNumber,
    password_hash: &str,
) -> Result<Option<OffsetDateTime>, sqlx::Error> {
    // Serialises with a grant of the same employee (which locks this row too).
    let active = sqlx::query_scalar!(
        r#"SELECT coalesce((SELECT activated_at IS NOT NULL FROM akun WHERE pegawai_id = p.id), false) AS "active!"
             FROM pegawai p WHERE p.id = $1 FOR UPDATE OF p"#,
        pegawai_id
    )
    .fetch_one(&mut **tx)
    .await?;
    if active {
        return Ok(None);
    }
    sqlx::query!(
        "UPDATE registrasi SET status = 'diganti' WHERE pegawai_id = $1 AND status = 'menunggu'",
        pegawai_id
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query_scalar!(
        "INSERT INTO registrasi (pegawai_id, nomor, password_hash) VALUES ($1, $2, $3)
         RETURNING created_at",
        pegawai_id,
        nomor.as_str(),
        password_hash
    )
    .fetch_one(&mut **tx)
    .await
    .map(Some)
}

/// A registration being decided, locked until the decision commits.
pub struct OpenRegistration {
    pub id: i64,
    pub pegawai_id: i64,
    pub nomor_induk: Option<String>,
    pub nama: String,
    pub unit_kerja: String,
    pub created_at: OffsetDateTime,
    pub status: String,
    pub decided_by: Option<String>,
    pub placement: Placement,
    pub password_hash: String,
    pub activated: bool,
}

pub async fn for_update(
    tx: &mut Transaction<'_, Postgres>,
    nomor: &RegistrationNumber,
) -> Result<Option<OpenRegistration>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT r.id, r.pegawai_id, r.status, r.password_hash, r.created_at,
                  (SELECT d.nama FROM pegawai d WHERE d.id = r.decided_by) AS "decided_by?",
                  p.nomor_induk, p.nama, u.name AS unit_kerja,
                  p.unit_kerja_id, p.instansi_id, i.kanreg_id,
                  coalesce(a.activated_at IS NOT NULL, false) AS "activated!"
             FROM registrasi r
             JOIN pegawai p ON p.id = r.pegawai_id
             JOIN instansi i ON i.id = p.instansi_id
             JOIN unit_kerja u ON u.id = p.unit_kerja_id
             LEFT JOIN akun a ON a.pegawai_id = r.pegawai_id
            WHERE r.nomor = $1
              FOR UPDATE OF r, p"#,
        nomor.as_str()
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| OpenRegistration {
        id: r.id,
        pegawai_id: r.pegawai_id,
        nomor_induk: r.nomor_induk,
        nama: r.nama,
        unit_kerja: r.unit_kerja,
        created_at: r.created_at,
        status: r.status,
        decided_by: r.decided_by,
        placement: Placement {
            unit_kerja_id: r.unit_kerja_id,
            instansi_id: r.instansi_id,
            kanreg_id: r.kanreg_id,
        },
        password_hash: r.password_hash,
        activated: r.activated,
    }))
}

/// Grants access: the registered password becomes the account's. Returns false
/// (and writes nothing) if the account is already active.
pub async fn grant(
    tx: &mut Transaction<'_, Postgres>,
    registration: &OpenRegistration,
    actor: i64,
) -> Result<bool, sqlx::Error> {
    let activated = sqlx::query!(
        "INSERT INTO akun (pegawai_id, password_hash, activated_at, password_changed_at)
         VALUES ($1, $2, now(), now())
         ON CONFLICT (pegawai_id) DO UPDATE
            SET password_hash = excluded.password_hash, activated_at = now(),
                password_changed_at = now(), session_epoch = akun.session_epoch + 1
          WHERE akun.activated_at IS NULL",
        registration.pegawai_id,
        registration.password_hash
    )
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    if !activated {
        return Ok(false);
    }
    crate::auth::store::retire_tokens(&mut **tx, registration.pegawai_id).await?;
    if let Some(nip) = &registration.nomor_induk {
        crate::auth::store::clear_failures(&mut **tx, nip).await?;
    }
    decide(tx, registration.id, "disetujui", actor, None).await?;
    Ok(true)
}

pub async fn reject(
    tx: &mut Transaction<'_, Postgres>,
    registration: &OpenRegistration,
    actor: i64,
    alasan: &str,
) -> Result<(), sqlx::Error> {
    decide(tx, registration.id, "ditolak", actor, Some(alasan)).await
}

async fn decide(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    status: &str,
    actor: i64,
    alasan: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE registrasi SET status = $2, decided_by = $3, decided_at = now(), alasan = $4
          WHERE id = $1",
        id,
        status,
        actor,
        alasan
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Waiting registrations the caller may decide, oldest first.
pub async fn pending(
    pool: &PgPool,
    reach: &RegistrationReach,
) -> Result<Vec<PendingRegistration>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT r.nomor, p.nama, coalesce(p.nomor_induk, p.nik) AS "identifier!",
                  u.name AS unit_kerja, r.created_at
             FROM registrasi r
             JOIN pegawai p ON p.id = r.pegawai_id
             JOIN unit_kerja u ON u.id = p.unit_kerja_id
            WHERE r.status = 'menunggu'
              AND NOT EXISTS (SELECT 1 FROM akun a WHERE a.pegawai_id = p.id AND a.activated_at IS NOT NULL)
              AND ($1 OR p.unit_kerja_id = ANY($2) OR p.instansi_id = ANY($3))
            ORDER BY r.created_at
            LIMIT 200"#,
        reach.everyone,
        &reach.units,
        &reach.agencies
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PendingRegistration {
            nomor_akhir: PendingRegistration::tail(&r.nomor),
            nama: r.nama,
            identifier: r.identifier,
            unit_kerja: r.unit_kerja,
            registered_at: r.created_at,
        })
        .collect())
}

/// The agency's name and choice.
pub async fn mode_of(
    db: impl PgExecutor<'_>,
    instansi_id: i32,
) -> Result<Option<(String, ActivationMode)>, sqlx::Error> {
    Ok(sqlx::query!(
        "SELECT name, cara_aktivasi FROM instansi WHERE id = $1",
        instansi_id
    )
    .fetch_optional(db)
    .await?
    .and_then(|r| Some((r.name, ActivationMode::from_code(&r.cara_aktivasi)?))))
}

/// Changes the agency's choice; returns the previous one, or None for no such
/// agency. Switching to self-registration retires the unused tokens of accounts
/// not yet active, so no activation by email slips past the verifier.
pub async fn set_mode(
    tx: &mut Transaction<'_, Postgres>,
    instansi_id: i32,
    mode: ActivationMode,
) -> Result<Option<String>, sqlx::Error> {
    let Some(previous) = sqlx::query_scalar!(
        "SELECT cara_aktivasi FROM instansi WHERE id = $1 FOR UPDATE",
        instansi_id
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    sqlx::query!(
        "UPDATE instansi SET cara_aktivasi = $2 WHERE id = $1",
        instansi_id,
        mode.code()
    )
    .execute(&mut **tx)
    .await?;
    if mode == ActivationMode::SelfRegistration {
        sqlx::query!(
            "UPDATE token_akun t SET superseded_at = now()
               FROM pegawai p JOIN akun a ON a.pegawai_id = p.id
              WHERE t.pegawai_id = p.id AND p.instansi_id = $1 AND a.activated_at IS NULL
                AND t.used_at IS NULL AND t.superseded_at IS NULL",
            instansi_id
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(Some(previous))
}
