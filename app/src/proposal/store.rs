//! Proposals, their timelines and the update period in PostgreSQL.

use sqlx::types::Uuid;
use sqlx::{PgExecutor, PgPool, Postgres, Transaction};
use time::OffsetDateTime;

use super::authority::{chain_of_numbers, numbers_of};
use super::change::{ProposedRecord, Target};
use super::lifecycle::{Chain, Level, Status};
use super::period::Window;
use super::submission::{EventKind, ProposalView, TimelineEntry};
use crate::domain::reference::{JenisDokumen, Riwayat};

/// The national window and the agency's own, if set.
pub async fn windows(
    db: impl PgExecutor<'_>,
    instansi_id: i32,
) -> Result<(Option<Window>, Option<Window>), sqlx::Error> {
    let rows = sqlx::query!(
        "SELECT instansi_id, dibuka, ditutup FROM periode_pemutakhiran
          WHERE instansi_id IS NULL OR instansi_id = $1",
        instansi_id
    )
    .fetch_all(db)
    .await?;
    let (mut national, mut agency) = (None, None);
    for r in rows {
        // The table's CHECK keeps ditutup after dibuka.
        let window = Window::new(r.dibuka, r.ditutup).ok();
        match r.instansi_id {
            None => national = window,
            Some(_) => agency = window,
        }
    }
    Ok((national, agency))
}

/// Sets a window (the national one when `instansi_id` is None), answering the old one.
pub async fn set_window(
    tx: &mut Transaction<'_, Postgres>,
    instansi_id: Option<i32>,
    window: Window,
    actor: i64,
) -> Result<Option<Window>, sqlx::Error> {
    let old = sqlx::query!(
        "SELECT dibuka, ditutup FROM periode_pemutakhiran
          WHERE instansi_id IS NOT DISTINCT FROM $1 FOR UPDATE",
        instansi_id
    )
    .fetch_optional(&mut **tx)
    .await?
    .and_then(|r| Window::new(r.dibuka, r.ditutup).ok());
    sqlx::query!(
        "INSERT INTO periode_pemutakhiran (instansi_id, dibuka, ditutup, diubah_oleh)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT periode_pemutakhiran_one_per_scope
         DO UPDATE SET dibuka = EXCLUDED.dibuka, ditutup = EXCLUDED.ditutup,
                       diubah_oleh = EXCLUDED.diubah_oleh, diubah_at = now()",
        instansi_id,
        window.opens,
        window.closes,
        actor
    )
    .execute(&mut **tx)
    .await?;
    Ok(old)
}

/// What a submission was, to tell a retry from a reused key.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyed {
    pub id: i64,
    pub riwayat: String,
    pub record_id: Option<i64>,
    pub nilai_baru: serde_json::Value,
    pub dokumen_id: i64,
}

pub async fn by_key(
    db: impl PgExecutor<'_>,
    pegawai_id: i64,
    key: Uuid,
) -> Result<Option<Keyed>, sqlx::Error> {
    sqlx::query_as!(
        Keyed,
        "SELECT id, riwayat, record_id, nilai_baru, dokumen_id FROM usulan
          WHERE pegawai_id = $1 AND kunci_idempoten = $2",
        pegawai_id,
        key
    )
    .fetch_optional(db)
    .await
}

pub struct NewProposal<'a> {
    pub pegawai_id: i64,
    pub riwayat: Riwayat,
    pub record_id: Option<i64>,
    pub new_record: bool,
    pub before: Option<serde_json::Value>,
    pub after: serde_json::Value,
    pub dokumen_id: i64,
    pub jenis_dokumen: JenisDokumen,
    pub chain: &'a Chain,
    pub key: Uuid,
}

/// Inserts the proposal, or nothing when its key was used already (None).
pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    new: NewProposal<'_>,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar!(
        "INSERT INTO usulan (pegawai_id, riwayat, record_id, baru, nilai_lama, nilai_baru,
                             nilai_diajukan, dokumen_id, jenis_dokumen, rantai, status, tahap,
                             kunci_idempoten)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, 'diajukan', 0, $10)
         ON CONFLICT ON CONSTRAINT usulan_idempotent DO NOTHING
         RETURNING id",
        new.pegawai_id,
        new.riwayat.code(),
        new.record_id,
        new.new_record,
        new.before,
        new.after,
        new.dokumen_id,
        new.jenis_dokumen.code(),
        &numbers_of(new.chain),
        new.key
    )
    .fetch_optional(&mut **tx)
    .await
}

/// Appends a step to the timeline (the table's trigger announces it at commit).
///
/// An employee's steps must become visible in id order: the live stream resumes
/// after the last id it sent, so a smaller id committing later would never be sent.
/// A per-employee lock, held to commit, makes each step wait for the one before.
pub async fn insert_event(
    tx: &mut Transaction<'_, Postgres>,
    usulan_id: i64,
    pegawai_id: i64,
    kind: EventKind,
    level: Option<Level>,
    actor: Option<i64>,
    reason: Option<&str>,
) -> Result<i64, sqlx::Error> {
    sqlx::query!(
        "SELECT pg_advisory_xact_lock(19700, (($1::bigint) % 2147483647)::int)",
        pegawai_id
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query_scalar!(
        "INSERT INTO usulan_peristiwa (usulan_id, pegawai_id, jenis, tingkat, aktor_id, alasan)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        usulan_id,
        pegawai_id,
        kind.code(),
        level.map(|l| i16::from(l.number())),
        actor,
        reason
    )
    .fetch_one(&mut **tx)
    .await
}

/// A proposal's state, locked for a step by its owner.
pub struct Locked {
    pub status: Status,
    pub chain: Chain,
    pub riwayat: String,
    pub target: Target,
}

pub async fn lock_own(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    pegawai_id: i64,
) -> Result<Option<Locked>, sqlx::Error> {
    let row = sqlx::query!(
        "SELECT status, tahap, rantai, riwayat, record_id, baru FROM usulan
          WHERE id = $1 AND pegawai_id = $2 FOR UPDATE",
        id,
        pegawai_id
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.and_then(|r| {
        Some(Locked {
            status: Status::from_code(&r.status, u8::try_from(r.tahap).ok()?)?,
            chain: chain_of_numbers(&r.rantai)?,
            riwayat: r.riwayat,
            target: Target::stored(r.baru, r.record_id),
        })
    }))
}

/// A returned proposal, corrected and sent again: new values and document, back to
/// the first level of its chain, waiting from now.
pub async fn resubmitted(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
    dokumen_id: i64,
    jenis_dokumen: JenisDokumen,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE usulan
            SET nilai_lama = $2, nilai_baru = $3, nilai_diajukan = $3, dokumen_id = $4,
                jenis_dokumen = $5,
                status = 'diajukan', tahap = 0, diubah_at = now(), menunggu_sejak = now(),
                diklaim_oleh = NULL, klaim_sampai = NULL
          WHERE id = $1",
        id,
        before,
        after,
        dokumen_id,
        jenis_dokumen.code()
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn set_status(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    status: Status,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE usulan SET status = $2, tahap = $3, diubah_at = now() WHERE id = $1",
        id,
        status.code(),
        i16::from(status.step())
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Every proposal of an employee, newest first, each with its timeline.
pub async fn list(pool: &PgPool, pegawai_id: i64) -> Result<Vec<ProposalView>, sqlx::Error> {
    let proposals = sqlx::query!(
        "SELECT id, riwayat, record_id, baru, nilai_lama, nilai_baru, nilai_diajukan, status,
                tahap, rantai, dokumen_id, jenis_dokumen, diajukan_at
           FROM usulan WHERE pegawai_id = $1 ORDER BY id DESC",
        pegawai_id
    )
    .fetch_all(pool)
    .await?;
    let events = sqlx::query!(
        "SELECT id, usulan_id, jenis, tingkat, alasan, at FROM usulan_peristiwa
          WHERE pegawai_id = $1 ORDER BY id",
        pegawai_id
    )
    .fetch_all(pool)
    .await?;
    let mut views = Vec::with_capacity(proposals.len());
    for p in proposals {
        let parsed = (|| {
            let submitted: Option<ProposedRecord> = if p.nilai_diajukan == p.nilai_baru {
                None
            } else {
                Some(serde_json::from_value(p.nilai_diajukan).ok()?)
            };
            let after: ProposedRecord = serde_json::from_value(p.nilai_baru).ok()?;
            let before: Option<ProposedRecord> = match p.nilai_lama {
                Some(v) => Some(serde_json::from_value(v).ok()?),
                None => None,
            };
            let target = Target::stored(p.baru, p.record_id);
            Some(ProposalView {
                id: p.id,
                riwayat: Riwayat::parse(&p.riwayat).ok()?,
                target,
                before,
                after,
                submitted,
                status: Status::from_code(&p.status, u8::try_from(p.tahap).ok()?)?,
                chain: chain_of_numbers(&p.rantai)?,
                dokumen_id: p.dokumen_id,
                jenis_dokumen: JenisDokumen::parse(&p.jenis_dokumen).ok()?,
                submitted_at: p.diajukan_at,
                timeline: events
                    .iter()
                    .filter(|e| e.usulan_id == p.id)
                    .filter_map(|e| {
                        timeline_entry(e.id, &e.jenis, e.tingkat, e.alasan.clone(), e.at)
                    })
                    .collect(),
                kode_bukti: String::new(),
            })
        })();
        match parsed {
            Some(view) => views.push(view),
            None => tracing::error!(usulan = p.id, "a stored proposal does not parse"),
        }
    }
    Ok(views)
}

/// The time the database keeps, so every app server agrees on "now".
pub async fn now(db: impl PgExecutor<'_>) -> Result<OffsetDateTime, sqlx::Error> {
    sqlx::query_scalar!(r#"SELECT now() AS "now!""#)
        .fetch_one(db)
        .await
}

/// One employee's timeline steps after `after_id`, oldest first, with the proposal
/// each belongs to (what the live stream sends and replays).
pub async fn events_after(
    db: impl PgExecutor<'_>,
    pegawai_id: i64,
    after_id: i64,
) -> Result<Vec<(i64, TimelineEntry)>, sqlx::Error> {
    let rows = sqlx::query!(
        "SELECT id, usulan_id, jenis, tingkat, alasan, at FROM usulan_peristiwa
          WHERE pegawai_id = $1 AND id > $2 ORDER BY id LIMIT 500",
        pegawai_id,
        after_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|e| {
            Some((
                e.usulan_id,
                timeline_entry(e.id, &e.jenis, e.tingkat, e.alasan, e.at)?,
            ))
        })
        .collect())
}

/// A stored step as the timeline shows it (None for a code this build does not know).
fn timeline_entry(
    id: i64,
    jenis: &str,
    tingkat: Option<i16>,
    alasan: Option<String>,
    at: OffsetDateTime,
) -> Option<TimelineEntry> {
    Some(TimelineEntry {
        id,
        kind: EventKind::from_code(jenis)?,
        level: tingkat.and_then(|t| Level::from_number(u8::try_from(t).ok()?)),
        reason: alasan,
        at,
    })
}

/// The newest step of an employee's timeline (0 when there is none).
pub async fn last_event_id(db: impl PgExecutor<'_>, pegawai_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT coalesce(max(id), 0) AS "id!" FROM usulan_peristiwa WHERE pegawai_id = $1"#,
        pegawai_id
    )
    .fetch_one(db)
    .await
}
