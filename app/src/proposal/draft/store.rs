//! Drafts in the database: one per employee and history.

use sqlx::{PgExecutor, PgPool};

use super::{Draft, DraftSave};
use crate::domain::reference::Riwayat;

/// Keeps the draft, replacing the history's earlier one; `None` forgets it.
pub async fn save(pool: &PgPool, pegawai_id: i64, save: &DraftSave) -> Result<(), sqlx::Error> {
    match &save.draft {
        Some(draft) => {
            let isian = serde_json::to_value(draft).expect("drafts serialise");
            sqlx::query!(
                "INSERT INTO draf_usulan (pegawai_id, riwayat, rekaman_id, isian)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (pegawai_id, riwayat) DO UPDATE
                    SET rekaman_id = EXCLUDED.rekaman_id, isian = EXCLUDED.isian,
                        disimpan = now()",
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
pub async fn find(
    db: impl PgExecutor<'_>,
    pegawai_id: i64,
    riwayat: Riwayat,
    record: Option<i64>,
) -> Result<Option<Draft>, sqlx::Error> {
    let isian = sqlx::query_scalar!(
        "SELECT isian FROM draf_usulan
          WHERE pegawai_id = $1 AND riwayat = $2 AND rekaman_id IS NOT DISTINCT FROM $3",
        pegawai_id,
        riwayat.code(),
        record
    )
    .fetch_optional(db)
    .await?;
    // A draft the code no longer reads is as good as none.
    Ok(isian.and_then(|v| serde_json::from_value(v).ok()))
}

/// Forgets the history's draft: it was sent, or emptied.
pub async fn forget(
    db: impl PgExecutor<'_>,
    pegawai_id: i64,
    riwayat: Riwayat,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM draf_usulan WHERE pegawai_id = $1 AND riwayat = $2",
        pegawai_id,
        riwayat.code()
    )
    .execute(db)
    .await?;
    Ok(())
}
