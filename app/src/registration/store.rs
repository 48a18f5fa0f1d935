//! Registration rows, and the agency's choice of how its employees get in.

use sqlx::{PgExecutor, PgPool, Postgres, Transaction};
use time::{Date, OffsetDateTime};

use super::{ActivationMode, PendingRegistration, RegistrationNumber};
use crate::auth::access::{Placement, RegistrationReach};
use crate::auth::login_id::LoginId;

/// An employee as registration needs them.
pub struct Registrant {
    pub pegawai_id: i64,
    pub nama: String,
    pub tanggal_lahir: Date,
    pub mode: Option<ActivationMode>,
    pub activated: bool,
    pub unit_kerja: String,
    pub instansi: String,
}

pub async fn registrant(pool: &PgPool, id: &LoginId) -> Result<Option<Registrant>, sqlx::Error> {
    // Two statements rather than one with an OR, so each keeps its index in a
    // cached generic plan.
    macro_rules! registrant_by {
        ($condition:tt, $value:expr) => {
            sqlx::query!(
                r#"SELECT p.id, p.nama, p.tanggal_lahir, i.cara_aktivasi, i.name AS instansi,
                          u.name AS unit_kerja,
                          coalesce(a.activated_at IS NOT NULL, false) AS "activated!"
                     FROM pegawai p
                     JOIN instansi i ON i.id = p.instansi_id
                     JOIN unit_kerja u ON u.id = p.unit_kerja_id
                     LEFT JOIN akun a ON a.pegawai_id = p.id
                    WHERE "#
                    + $condition,
                $value
            )
            .fetch_optional(pool)
            .await?
            .map(|r| Registrant {
                pegawai_id: r.id,
                nama: r.nama,
                tanggal_lahir: r.tanggal_lahir,
                mode: ActivationMode::from_code(&r.cara_aktivasi),
                activated: r.activated,
                unit_kerja: r.unit_kerja,
                instansi: r.instansi,
            })
        };
    }
    Ok(match id {
        LoginId::NomorInduk(n) => registrant_by!("p.nomor_induk = $1", n.as_str()),
        LoginId::Nik(n) => registrant_by!("p.nik = $1 AND p.jenis = 'ppt_non_asn'", n.as_str()),
    })
}

/// Replaces the employee's waiting registration, if any, with a new one.
pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    pegawai_id: i64,
    nomor: &RegistrationNumber,
    password_hash: &str,
) -> Result<OffsetDateTime, sqlx::Error> {
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
}

/// A registration being decided, locked until the decision commits.
pub struct OpenRegistration {
    pub id: i64,
    pub pegawai_id: i64,
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
        r#"SELECT r.id, r.pegawai_id, r.status, r.password_hash, d.nama AS "decided_by?",
                  p.unit_kerja_id, p.instansi_id, i.kanreg_id,
                  coalesce(a.activated_at IS NOT NULL, false) AS "activated!"
             FROM registrasi r
             JOIN pegawai p ON p.id = r.pegawai_id
             JOIN instansi i ON i.id = p.instansi_id
             LEFT JOIN pegawai d ON d.id = r.decided_by
             LEFT JOIN akun a ON a.pegawai_id = r.pegawai_id
            WHERE r.nomor = $1
              FOR UPDATE OF r"#,
        nomor.as_str()
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| OpenRegistration {
        id: r.id,
        pegawai_id: r.pegawai_id,
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

/// Grants access: the registered password becomes the account's.
pub async fn grant(
    tx: &mut Transaction<'_, Postgres>,
    registration: &OpenRegistration,
    actor: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO akun (pegawai_id, password_hash, activated_at, password_changed_at)
         VALUES ($1, $2, now(), now())
         ON CONFLICT (pegawai_id) DO UPDATE
            SET password_hash = excluded.password_hash, activated_at = now(),
                password_changed_at = now(), session_epoch = akun.session_epoch + 1",
        registration.pegawai_id,
        registration.password_hash
    )
    .execute(&mut **tx)
    .await?;
    crate::auth::store::retire_tokens(&mut **tx, registration.pegawai_id).await?;
    decide(tx, registration.id, "disetujui", actor, None).await
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
        .filter_map(|r| {
            Some(PendingRegistration {
                // The table's check admits only well-formed numbers.
                nomor: RegistrationNumber::parse(&r.nomor).ok()?,
                nama: r.nama,
                identifier: r.identifier,
                unit_kerja: r.unit_kerja,
                registered_at: r.created_at,
            })
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

/// Changes the agency's choice; returns the previous one, or None for no such agency.
pub async fn set_mode(
    tx: &mut Transaction<'_, Postgres>,
    instansi_id: i32,
    mode: ActivationMode,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"UPDATE instansi n SET cara_aktivasi = $2
             FROM instansi o WHERE o.id = n.id AND n.id = $1
           RETURNING o.cara_aktivasi AS "previous!""#,
        instansi_id,
        mode.code()
    )
    .fetch_optional(&mut **tx)
    .await
}
