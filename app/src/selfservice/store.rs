//! Confirmations in PostgreSQL.

use sqlx::PgPool;
use time::OffsetDateTime;

use super::confirmation::{Progress, Section};
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::domain::reference::JenisPegawai;

/// The employee's type and every section they confirmed, with when.
pub async fn progress(pool: &PgPool, pegawai_id: i64) -> Result<Option<Progress>, sqlx::Error> {
    let Some(jenis) = sqlx::query_scalar!("SELECT jenis FROM pegawai WHERE id = $1", pegawai_id)
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    let Ok(jenis) = JenisPegawai::parse(&jenis) else {
        return Ok(None);
    };
    let rows = sqlx::query!(
        "SELECT bagian, confirmed_at FROM konfirmasi_data WHERE pegawai_id = $1",
        pegawai_id
    )
    .fetch_all(pool)
    .await?;
    let confirmed: Vec<(Section, OffsetDateTime)> = rows
        .into_iter()
        .filter_map(|r| Some((Section::parse(&r.bagian)?, r.confirmed_at)))
        .collect();
    Ok(Some(Progress::of(jenis, &confirmed)))
}

/// Records the confirmation (again: the time moves) with its audit entry.
pub async fn confirm(
    pool: &PgPool,
    pegawai_id: i64,
    section: Section,
    ip: Option<std::net::IpAddr>,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "INSERT INTO konfirmasi_data (pegawai_id, bagian) VALUES ($1, $2)
         ON CONFLICT (pegawai_id, bagian) DO UPDATE SET confirmed_at = now()",
        pegawai_id,
        section.code()
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        AuditEvent::DataConfirmed,
        AuditEntry {
            actor: Some(pegawai_id),
            subject: Some(pegawai_id),
            ip,
            detail: serde_json::json!({ "bagian": section.code() }),
        },
    )
    .await?;
    tx.commit().await
}
