//! Admin writes: each in one transaction with its audit entry.

use sqlx::PgPool;

use crate::audit::{self, AuditEntry, AuditEvent};
use crate::auth::access::Scope;

pub struct ContactChange<'a> {
    pub actor: i64,
    pub pegawai_id: i64,
    pub email: Option<&'a str>,
    pub nomor_hp: Option<&'a str>,
}

pub async fn fix_contact(pool: &PgPool, change: ContactChange<'_>) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let old = sqlx::query!(
        "SELECT email, nomor_hp FROM pegawai WHERE id = $1 FOR UPDATE",
        change.pegawai_id
    )
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE pegawai SET email = coalesce($2, email), nomor_hp = coalesce($3, nomor_hp),
                updated_at = now()
          WHERE id = $1",
        change.pegawai_id,
        change.email,
        change.nomor_hp
    )
    .execute(&mut *tx)
    .await?;
    crate::auth::store::retire_tokens(&mut *tx, change.pegawai_id).await?;
    audit::record(
        &mut *tx,
        AuditEvent::ContactFixed,
        AuditEntry {
            actor: Some(change.actor),
            subject: Some(change.pegawai_id),
            ip: None,
            detail: serde_json::json!({
                "email": { "old": old.email, "new": change.email.or(old.email.as_deref()) },
                "nomor_hp": { "old": old.nomor_hp, "new": change.nomor_hp.or(old.nomor_hp.as_deref()) },
            }),
        },
    )
    .await?;
    tx.commit().await
}

/// The agency a unit belongs to, for checking an admin's reach.
pub async fn unit_instansi(pool: &PgPool, unit_kerja_id: i64) -> Result<Option<i32>, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT instansi_id FROM unit_kerja WHERE id = $1",
        unit_kerja_id
    )
    .fetch_optional(pool)
    .await
}

/// Appoints; appointing the same role twice is a no-op. Returns whether it was new.
pub async fn appoint_verifier(
    pool: &PgPool,
    actor: i64,
    pegawai_id: i64,
    scope: Scope,
    tingkat: i16,
) -> Result<bool, sqlx::Error> {
    let (lingkup, unit, instansi, kanreg) = match scope {
        Scope::UnitKerja(u) => ("unit_kerja", Some(u), None, None),
        Scope::Instansi(i) => ("instansi", None, Some(i), None),
        Scope::Kanreg(k) => ("kanreg", None, None, Some(k)),
        Scope::Pusat => ("pusat", None, None, None),
    };
    let mut tx = pool.begin().await?;
    let inserted = sqlx::query!(
        "INSERT INTO peran (pegawai_id, peran, lingkup, unit_kerja_id, instansi_id, kanreg_id, tingkat, diangkat_oleh)
         VALUES ($1, 'verifikator', $2, $3, $4, $5, $6, $7)
         ON CONFLICT ON CONSTRAINT peran_unique DO NOTHING",
        pegawai_id,
        lingkup,
        unit,
        instansi,
        kanreg,
        tingkat,
        actor
    )
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if inserted {
        audit::record(
            &mut *tx,
            AuditEvent::VerifierAppointed,
            AuditEntry {
                actor: Some(actor),
                subject: Some(pegawai_id),
                ip: None,
                detail: serde_json::json!({ "lingkup": lingkup, "unit_kerja_id": unit,
                    "instansi_id": instansi, "kanreg_id": kanreg, "tingkat": tingkat }),
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(inserted)
}
