//! Notifications in the database: the employee's decision steps, read up to the mark
//! on their account, and the email outbox row each decision leaves.

use sqlx::{PgExecutor, PgPool};

use super::{notified_codes, Notification, NotificationPage};
use crate::domain::reference::Riwayat;
use crate::proposal::lifecycle::Level;
use crate::proposal::submission::EventKind;

/// Newest first, `limit` of them, older than `before` when given. The last level's
/// approval is not listed apart from the "applied" step it made in the same
/// transaction: it would say the proposal went on to a next level there is not.
pub async fn page(
    pool: &PgPool,
    pegawai_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<NotificationPage, sqlx::Error> {
    let read_up_to = read_mark(pool, pegawai_id).await?;
    let rows = sqlx::query!(
        r#"SELECT e.id, e.usulan_id, u.riwayat, e.jenis, e.tingkat, e.alasan, e.at
             FROM usulan_peristiwa e JOIN usulan u ON u.id = e.usulan_id
            WHERE e.pegawai_id = $1 AND e.jenis = ANY($2) AND e.id < $3
              AND NOT (e.jenis = 'disetujui' AND EXISTS (
                      SELECT 1 FROM usulan_peristiwa a
                       WHERE a.usulan_id = e.usulan_id AND a.jenis = 'diterapkan'
                         AND a.at = e.at))
            ORDER BY e.id DESC
            LIMIT $4"#,
        pegawai_id,
        &notified_codes(),
        before.unwrap_or(i64::MAX),
        limit + 1
    )
    .fetch_all(pool)
    .await?;
    let more = rows.len() as i64 > limit;
    let items: Vec<Notification> = rows
        .into_iter()
        .take(limit as usize)
        .filter_map(|r| {
            Some(Notification {
                id: r.id,
                usulan_id: r.usulan_id,
                riwayat: Riwayat::parse(&r.riwayat).ok()?,
                kind: EventKind::from_code(&r.jenis)?,
                level: r
                    .tingkat
                    .and_then(|t| Level::from_number(u8::try_from(t).ok()?)),
                reason: r.alasan,
                at: r.at,
                unread: r.id > read_up_to,
            })
        })
        .collect();
    Ok(NotificationPage {
        older: more.then(|| items.last().map(|n| n.id)).flatten(),
        unread: unread(pool, pegawai_id).await?,
        items,
    })
}

async fn read_mark(db: impl PgExecutor<'_>, pegawai_id: i64) -> Result<i64, sqlx::Error> {
    Ok(sqlx::query_scalar!(
        "SELECT notifikasi_dibaca_sampai FROM akun WHERE pegawai_id = $1",
        pegawai_id
    )
    .fetch_optional(db)
    .await?
    .unwrap_or(0))
}

/// How many decisions the employee has not seen yet.
pub async fn unread(db: impl PgExecutor<'_>, pegawai_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM usulan_peristiwa e
            WHERE e.pegawai_id = $1 AND e.jenis = ANY($2)
              AND e.id > coalesce((SELECT notifikasi_dibaca_sampai FROM akun
                                    WHERE pegawai_id = $1), 0)
              AND NOT (e.jenis = 'disetujui' AND EXISTS (
                      SELECT 1 FROM usulan_peristiwa a
                       WHERE a.usulan_id = e.usulan_id AND a.jenis = 'diterapkan'
                         AND a.at = e.at))"#,
        pegawai_id,
        &notified_codes()
    )
    .fetch_one(db)
    .await
}

/// Marks everything up to `up_to` read. The mark only moves forward, and never past
/// the employee's own newest step (an id from the future would hide what comes next).
pub async fn mark_read(pool: &PgPool, pegawai_id: i64, up_to: i64) -> Result<i64, sqlx::Error> {
    sqlx::query!(
        "UPDATE akun SET notifikasi_dibaca_sampai = greatest(notifikasi_dibaca_sampai,
                least($2, coalesce((SELECT max(id) FROM usulan_peristiwa WHERE pegawai_id = $1), 0)))
          WHERE pegawai_id = $1",
        pegawai_id,
        up_to
    )
    .execute(pool)
    .await?;
    unread(pool, pegawai_id).await
}

/// Queues the email for a decision step, in the decision's transaction.
pub async fn enqueue_mail(db: impl PgExecutor<'_>, step: i64) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO surat_notifikasi (peristiwa_id) VALUES ($1) ON CONFLICT DO NOTHING",
        step
    )
    .execute(db)
    .await?;
    Ok(())
}
