//! Drafts in the database: one per employee and history. Of two saves the one typed
//! later wins, whatever order they arrive in (a phone back online replays what it
//! typed an hour ago). Forgetting a draft leaves an empty one stamped with the time,
//! so a save typed before it (in flight, or queued on another device) cannot bring
//! the draft back.

use sqlx::{PgExecutor, PgPool};

use super::{Draft, DraftSave};
use crate::domain::reference::Riwayat;

/// Keeps the draft unless a later one is kept already; `None` forgets it.
pub async fn save(pool: &PgPool, pegawai_id: i64, save: &DraftSave) -> Result<(), sqlx::Error> {
    match &save.draft {
        Some(draft) => {
            let isian = serde_json::to_value(draft).expect("drafts serialise");
            sqlx::query!(
                "INSERT INTO draf_usulan (pegawai_id, riwayat, rekaman_id, isian)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (pegawai_id, riwayat) DO UPDATE
                    SET rekaman_id = EXCLUDED.rekaman_id, isian = EXCLUDED.isian,
                        disimpan = now()
                  WHERE (draf_usulan.isian->>'saved_at')::bigint
                        <= (EXCLUDED.isian->>'saved_at')::bigint",
                pegawai_id,
                save.riwayat.code(),
                save.record,
                isian
            )
            .execute(pool)
            .await?;
        }
        None => forget(pool, pegawai_id, save.riwayat).await?,
    }
    Ok(())
}

/// The history's draft, when it was typed against `record` (the form's record now).
/// A forgotten one comes back empty, with the time it was forgotten, so a device
/// holding an older copy drops it.
pub async fn find(
    db: impl PgExecutor<'_>,
    pegawai_id: i64,
    riwayat: Riwayat,
    record: Option<i64>,
) -> Result<Option<Draft>, sqlx::Error> {
    let isian = sqlx::query_scalar!(
        "SELECT isian FROM draf_usulan
          WHERE pegawai_id = $1 AND riwayat = $2
            AND (rekaman_id IS NOT DISTINCT FROM $3 OR isian->'values' = '[]'::jsonb)",
        pegawai_id,
        riwayat.code(),
        record
    )
    .fetch_optional(db)
    .await?;
    // A draft the code no longer reads is as good as none.
    Ok(isian.and_then(|v| serde_json::from_value(v).ok()))
}

/// Forgets the history's draft (it was sent, or emptied): an empty one, stamped now.
pub async fn forget(
    db: impl PgExecutor<'_>,
    pegawai_id: i64,
    riwayat: Riwayat,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"INSERT INTO draf_usulan (pegawai_id, riwayat, isian)
           VALUES ($1, $2, jsonb_build_object(
                   'values', '[]'::jsonb, 'adding', false,
                   'saved_at', (extract(epoch FROM now()) * 1000)::bigint))
           ON CONFLICT (pegawai_id, riwayat) DO UPDATE
              SET isian = EXCLUDED.isian, disimpan = now()"#,
        pegawai_id,
        riwayat.code()
    )
    .execute(db)
    .await?;
    Ok(())
}
