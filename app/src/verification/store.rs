//! The verifier's side of the `usulan` table: the queue (one index range per kind of
//! scope, see the migration), claims, the row locked for a decision, and the write to
//! the master record.

use sqlx::{PgExecutor, PgPool, Postgres, Transaction};
use time::{Duration, OffsetDateTime, Time};

use super::master;
use super::queue::{Backlog, Cursor, Inbox, QueueFilter, QueueItem, Summary, PAGE_SIZE};
use crate::auth::access::{Placement, Scope};
use crate::domain::reference::Riwayat;
use crate::proposal::change::ProposedRecord;
use crate::proposal::lifecycle::{Level, Status};
use crate::proposal::period::WIB;
use crate::proposal::submission::EventKind;

/// The scope as the queue's three optional filters (all empty for BKN Pusat).
fn scope_filters(scope: Scope) -> (Option<i64>, Option<i32>, Option<i16>) {
    match scope {
        Scope::UnitKerja(u) => (Some(u), None, None),
        Scope::Instansi(i) => (None, Some(i), None),
        Scope::Kanreg(k) => (None, None, Some(k)),
        Scope::Pusat => (None, None, None),
    }
}

fn wib_midnight(day: time::Date) -> OffsetDateTime {
    day.with_time(Time::MIDNIGHT).assume_offset(WIB)
}

/// One page of an inbox, oldest waiting first, after `filter.after`; never the
/// verifier's own proposals.
///
/// Optional filters are `$n IS NULL OR …`; a plan cached for all values would have
/// to ignore them, so this query is planned for its actual values each time (the
/// right queue index for the scope, see the migration).
pub async fn page(
    pool: &PgPool,
    inbox: Inbox,
    filter: &QueueFilter,
    me: i64,
) -> Result<(Vec<QueueItem>, Option<Cursor>), sqlx::Error> {
    let (unit, instansi, kanreg) = scope_filters(inbox.scope);
    let limit = filter.limit.unwrap_or(PAGE_SIZE).clamp(1, 200);
    let nama = filter
        .nama
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| {
            format!(
                "%{}%",
                n.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            )
        });
    let nomor_induk = filter
        .nomor_induk
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let mut tx = pool.begin().await?;
    sqlx::query!("SET LOCAL plan_cache_mode = force_custom_plan")
        .execute(&mut *tx)
        .await?;
    let rows = sqlx::query!(
        r#"
        SELECT u.id, p.nama, p.nomor_induk, uk.name AS unit_kerja, u.riwayat, u.diajukan_at,
               u.menunggu_sejak, c.nama AS "klaim_nama?", u.diklaim_oleh
          FROM usulan u
          JOIN pegawai p ON p.id = u.pegawai_id
          JOIN unit_kerja uk ON uk.id = u.unit_kerja_id
          LEFT JOIN pegawai c ON c.id = u.diklaim_oleh AND u.klaim_sampai > now()
         WHERE u.status = 'diajukan' AND u.tingkat_menunggu = $1
           AND ($2::bigint IS NULL OR u.unit_kerja_id = $2)
           AND ($3::integer IS NULL OR u.instansi_id = $3)
           AND ($4::smallint IS NULL OR u.kanreg_id = $4)
           AND ($5::bigint IS NULL OR u.unit_kerja_id = $5)
           AND ($6::text IS NULL OR p.nomor_induk = $6)
           AND ($7::text IS NULL OR p.nama ILIKE $7)
           AND ($8::text IS NULL OR u.riwayat = $8)
           AND ($9::timestamptz IS NULL OR u.diajukan_at >= $9)
           AND ($10::timestamptz IS NULL OR u.diajukan_at < $10)
           AND ($11::timestamptz IS NULL OR (u.menunggu_sejak, u.id) > ($11, $12))
           AND u.pegawai_id <> $14
         ORDER BY u.menunggu_sejak, u.id
         LIMIT $13
        "#,
        i16::from(inbox.level.number()),
        unit,
        instansi,
        kanreg,
        filter.unit_kerja_id,
        nomor_induk,
        nama,
        filter.riwayat.map(Riwayat::code),
        filter.from.map(wib_midnight),
        filter.until.map(|d| wib_midnight(d) + Duration::days(1)),
        filter.after.map(|c| c.waiting_since),
        filter.after.map_or(0, |c| c.id),
        i64::from(limit) + 1,
        me,
    )
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let more = rows.len() > limit as usize;
    let items: Vec<QueueItem> = rows
        .into_iter()
        .take(limit as usize)
        .filter_map(|r| {
            Some(QueueItem {
                id: r.id,
                nama: r.nama,
                nomor_induk: r.nomor_induk,
                unit_kerja: r.unit_kerja,
                riwayat: Riwayat::parse(&r.riwayat).ok()?,
                submitted_at: r.diajukan_at,
                waiting_since: r.menunggu_sejak,
                claimed_by_me: r.klaim_nama.is_some() && r.diklaim_oleh == Some(me),
                claimed_by: r.klaim_nama,
            })
        })
        .collect();
    let next = if more {
        items.last().map(|i| Cursor {
            waiting_since: i.waiting_since,
            id: i.id,
        })
    } else {
        None
    };
    Ok((items, next))
}

/// Counts of the inbox's scope per status, and how many wait at its level.
pub async fn summary(pool: &PgPool, inbox: Inbox) -> Result<Summary, sqlx::Error> {
    let (unit, instansi, kanreg) = scope_filters(inbox.scope);
    let rows = sqlx::query!(
        r#"SELECT status, count(*) AS "n!",
                  count(*) FILTER (WHERE tingkat_menunggu = $4) AS "here!"
             FROM usulan
            WHERE ($1::bigint IS NULL OR unit_kerja_id = $1)
              AND ($2::integer IS NULL OR instansi_id = $2)
              AND ($3::smallint IS NULL OR kanreg_id = $3)
            GROUP BY status ORDER BY status"#,
        unit,
        instansi,
        kanreg,
        i16::from(inbox.level.number()),
    )
    .fetch_all(pool)
    .await?;
    Ok(Summary {
        waiting_here: rows.iter().map(|r| r.here).sum(),
        by_status: rows.into_iter().map(|r| (r.status, r.n)).collect(),
    })
}

/// The backlog under the inbox's scope: per waiting level and unit (an agency's
/// inbox) or agency (wider scopes), the count and the oldest, oldest first.
pub async fn backlog(pool: &PgPool, inbox: Inbox) -> Result<Vec<Backlog>, sqlx::Error> {
    let (unit, instansi, kanreg) = scope_filters(inbox.scope);
    let by_unit = matches!(inbox.scope, Scope::UnitKerja(_) | Scope::Instansi(_));
    let rows = sqlx::query!(
        r#"SELECT b.tingkat AS "tingkat!", coalesce(uk.name, i.name) AS "place!",
                  b.n AS "n!", b.oldest AS "oldest!"
             FROM (SELECT tingkat_menunggu AS tingkat,
                          CASE WHEN $4 THEN unit_kerja_id END AS unit_kerja_id,
                          CASE WHEN $4 THEN NULL ELSE instansi_id END AS instansi_id,
                          count(*) AS n, min(menunggu_sejak) AS oldest
                     FROM usulan
                    WHERE status = 'diajukan'
                      AND ($1::bigint IS NULL OR unit_kerja_id = $1)
                      AND ($2::integer IS NULL OR instansi_id = $2)
                      AND ($3::smallint IS NULL OR kanreg_id = $3)
                    GROUP BY 1, 2, 3) b
             LEFT JOIN unit_kerja uk ON uk.id = b.unit_kerja_id
             LEFT JOIN instansi i ON i.id = b.instansi_id
            ORDER BY b.oldest
            LIMIT 200"#,
        unit,
        instansi,
        kanreg,
        by_unit,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Backlog {
                level: Level::from_number(u8::try_from(r.tingkat).ok()?)?,
                place: r.place,
                waiting: r.n,
                oldest: r.oldest,
            })
        })
        .collect())
}

/// Where a proposal's employee sits (for the scope check), and whose it is.
pub async fn placement(
    db: impl PgExecutor<'_>,
    id: i64,
) -> Result<Option<(i64, Placement)>, sqlx::Error> {
    let row = sqlx::query!(
        "SELECT pegawai_id, unit_kerja_id, instansi_id, kanreg_id FROM usulan WHERE id = $1",
        id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| {
        (
            r.pegawai_id,
            Placement {
                unit_kerja_id: r.unit_kerja_id,
                instansi_id: r.instansi_id,
                kanreg_id: r.kanreg_id,
            },
        )
    }))
}

/// Takes (or renews) the lease on a proposal waiting at `level`, unless someone
/// else holds a live one. Answers the lease's end.
pub async fn claim(
    db: impl PgExecutor<'_>,
    id: i64,
    level: Level,
    me: i64,
    lease: Duration,
) -> Result<Option<OffsetDateTime>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"UPDATE usulan
              SET diklaim_oleh = $2, klaim_sampai = now() + make_interval(secs => $4)
            WHERE id = $1 AND status = 'diajukan' AND tingkat_menunggu = $3
              AND (diklaim_oleh IS NULL OR diklaim_oleh = $2 OR klaim_sampai <= now())
        RETURNING klaim_sampai AS "until!""#,
        id,
        me,
        i16::from(level.number()),
        lease.as_seconds_f64(),
    )
    .fetch_optional(db)
    .await
}

/// Gives a lease back (only one's own).
pub async fn release(db: impl PgExecutor<'_>, id: i64, me: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE usulan SET diklaim_oleh = NULL, klaim_sampai = NULL
          WHERE id = $1 AND diklaim_oleh = $2",
        id,
        me
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Who holds a live lease on a proposal, and until when.
pub async fn holder(
    db: impl PgExecutor<'_>,
    id: i64,
) -> Result<Option<(i64, String, OffsetDateTime)>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT u.diklaim_oleh AS "by!", p.nama, u.klaim_sampai AS "until!"
             FROM usulan u JOIN pegawai p ON p.id = u.diklaim_oleh
            WHERE u.id = $1 AND u.klaim_sampai > now()"#,
        id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.by, r.nama, r.until)))
}

/// A proposal locked for a verifier's decision.
pub struct Held {
    pub pegawai_id: i64,
    pub placement: Placement,
    pub status: Option<Status>,
    pub rantai: Vec<i16>,
    pub riwayat: String,
    pub record_id: Option<i64>,
    pub baru: bool,
    pub nilai_lama: Option<serde_json::Value>,
    pub nilai_baru: serde_json::Value,
    pub jenis_dokumen: String,
    pub waiting_at: Option<i16>,
    pub claimed_by: Option<i64>,
    pub claim_live: bool,
}

pub async fn lock(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
) -> Result<Option<Held>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT pegawai_id, unit_kerja_id, instansi_id, kanreg_id, status, tahap, rantai, riwayat,
                  record_id, baru, nilai_lama, nilai_baru, jenis_dokumen, tingkat_menunggu,
                  diklaim_oleh, coalesce(klaim_sampai > now(), false) AS "claim_live!"
             FROM usulan WHERE id = $1 FOR UPDATE"#,
        id
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| Held {
        pegawai_id: r.pegawai_id,
        placement: Placement {
            unit_kerja_id: r.unit_kerja_id,
            instansi_id: r.instansi_id,
            kanreg_id: r.kanreg_id,
        },
        status: u8::try_from(r.tahap)
            .ok()
            .and_then(|step| Status::from_code(&r.status, step)),
        rantai: r.rantai,
        riwayat: r.riwayat,
        record_id: r.record_id,
        baru: r.baru,
        nilai_lama: r.nilai_lama,
        nilai_baru: r.nilai_baru,
        jenis_dokumen: r.jenis_dokumen,
        waiting_at: r.tingkat_menunggu,
        claimed_by: r.diklaim_oleh,
        claim_live: r.claim_live,
    }))
}

/// The proposal's last step by someone: who, what and when (for "already decided by …").
pub async fn last_step(
    db: impl PgExecutor<'_>,
    id: i64,
) -> Result<Option<(String, EventKind, OffsetDateTime)>, sqlx::Error> {
    let row = sqlx::query!(
        "SELECT p.nama, e.jenis, e.at FROM usulan_peristiwa e JOIN pegawai p ON p.id = e.aktor_id
          WHERE e.usulan_id = $1 ORDER BY e.id DESC LIMIT 1",
        id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.and_then(|r| Some((r.nama, EventKind::from_code(&r.jenis)?, r.at))))
}

/// Moves a decided proposal on: its new status, a fresh wait if it goes to the next
/// level, the lease given back, the (corrected) values when there are some.
pub async fn decided(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    status: Status,
    values: Option<&serde_json::Value>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE usulan
            SET status = $2, tahap = $3, diubah_at = now(),
                menunggu_sejak = CASE WHEN $2 = 'diajukan' THEN now() ELSE menunggu_sejak END,
                diklaim_oleh = NULL, klaim_sampai = NULL,
                nilai_baru = coalesce($4, nilai_baru)
          WHERE id = $1",
        id,
        status.code(),
        i16::from(status.step()),
        values,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Keeps the verifier's correction on the step that made it.
pub async fn note_correction(
    tx: &mut Transaction<'_, Postgres>,
    event_id: i64,
    correction: &serde_json::Value,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE usulan_peristiwa SET koreksi = $2 WHERE id = $1",
        event_id,
        correction
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Makes an employee's applies wait for each other, so that each one's checks see
/// the record as the one before left it.
pub async fn serialize_applies(
    tx: &mut Transaction<'_, Postgres>,
    pegawai_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "SELECT pg_advisory_xact_lock(19701, (($1::bigint) % 2147483647)::int)",
        pegawai_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Writes the record to the master data (`riwayat_tulis`, which keeps the version
/// it replaces), into the table its history's description names. Answers the
/// record's id (None for CPNS/PNS).
pub async fn write_master(
    tx: &mut Transaction<'_, Postgres>,
    pegawai_id: i64,
    record_id: Option<i64>,
    record: &ProposedRecord,
    usulan_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let table = master::table_of(record);
    sqlx::query_scalar!(
        "SELECT riwayat_tulis($1, $2, $3, $4, $5, $6, $7)",
        table.riwayat.code(),
        table.name,
        table.key.column(),
        pegawai_id,
        record_id,
        &master::columns(record),
        usulan_id
    )
    .fetch_one(&mut **tx)
    .await
}

/// The proposal's employee, as the decision view names them.
pub async fn who_proposed(
    db: impl PgExecutor<'_>,
    id: i64,
) -> Result<Option<(String, Option<String>, String)>, sqlx::Error> {
    let row = sqlx::query!(
        "SELECT p.nama, p.nomor_induk, uk.name AS unit_kerja
           FROM usulan u JOIN pegawai p ON p.id = u.pegawai_id
           JOIN unit_kerja uk ON uk.id = u.unit_kerja_id
          WHERE u.id = $1",
        id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.nama, r.nomor_induk, r.unit_kerja)))
}
