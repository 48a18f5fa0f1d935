//! Checks the audit log's hash chain (see the `audit_log_rantai` trigger): every row
//! in order, its link to the row before and its hash recomputed here from its
//! columns, independently of the database's own function.

use futures::TryStreamExt;
use sha2::{Digest, Sha256};
use sqlx::PgPool;

/// What the hash of a row covers: the same text as SQL's `audit_log_teks`.
pub fn content(
    urutan: i64,
    at_micros: i64,
    event: &str,
    actor_id: Option<i64>,
    subject_id: Option<i64>,
    ip: Option<&str>,
    detail: &str,
) -> String {
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    [
        urutan.to_string(),
        at_micros.to_string(),
        event.to_owned(),
        opt(actor_id),
        opt(subject_id),
        ip.unwrap_or_default().to_owned(),
        detail.to_owned(),
    ]
    .join("\u{1f}")
}

pub fn link(previous: &[u8], content: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(previous);
    hasher.update(content.as_bytes());
    hasher.finalize().into()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every row links to the one before and its hash matches its content.
    Intact { rows: i64 },
    /// The first row (by its place in the chain) that does not.
    Broken {
        urutan: i64,
        id: i64,
        why: &'static str,
    },
}

/// Walks the whole chain, streaming (the log is large), oldest first.
///
/// One read-only snapshot: rows committed while it walks are not half seen (they would
/// look like rows removed after the head).
pub async fn verify(pool: &PgPool) -> Result<Verdict, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query!("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await?;
    let verdict = walk(&mut tx).await?;
    tx.commit().await?;
    Ok(verdict)
}

async fn walk(tx: &mut sqlx::Transaction<'_, sqlx::Postgres>) -> Result<Verdict, sqlx::Error> {
    let mut rows = sqlx::query!(
        r#"SELECT id, urutan, ((extract(epoch FROM at) * 1000000)::bigint) AS "at_micros!",
                  event, actor_id, subject_id, host(ip) AS ip, detail::text AS "detail!",
                  hash_sebelum, hash
             FROM audit_log ORDER BY urutan"#
    )
    .fetch(&mut **tx);
    let mut previous = vec![0u8; 32];
    let mut expected = 1i64;
    while let Some(row) = rows.try_next().await? {
        let broken = |why| Verdict::Broken {
            urutan: row.urutan,
            id: row.id,
            why,
        };
        if row.urutan != expected {
            return Ok(broken("a row is missing before this one"));
        }
        if row.hash_sebelum != previous {
            return Ok(broken("does not link to the row before"));
        }
        let text = content(
            row.urutan,
            row.at_micros,
            &row.event,
            row.actor_id,
            row.subject_id,
            row.ip.as_deref(),
            &row.detail,
        );
        if link(&previous, &text)[..] != row.hash[..] {
            return Ok(broken("its content does not match its hash"));
        }
        previous = row.hash;
        expected += 1;
    }
    drop(rows);
    let head = sqlx::query!("SELECT urutan, hash FROM audit_kepala")
        .fetch_one(&mut **tx)
        .await?;
    if head.urutan != expected - 1 || head.hash != previous {
        return Ok(Verdict::Broken {
            urutan: expected,
            id: 0,
            why: "rows after the last one were removed",
        });
    }
    Ok(Verdict::Intact { rows: expected - 1 })
}
