//! The bulk loader: employees generated on worker threads, written by COPY on
//! several connections, one transaction per chunk.
//!
//! Pipeline: `generator_threads` OS threads each build whole chunks (every
//! employee of the chunk, encoded into COPY buffers, one per table) and hand them
//! over a small bounded channel to `writers` async tasks, each holding its own
//! connection. A writer loads a chunk as `BEGIN; COPY pegawai; COPY riwayat_…; COMMIT`,
//! so a chunk is either entirely in the database or not at all; a failure stops
//! the run, leaving the chunks committed before it. The channel bound keeps at most
//! a few chunks in memory, whatever the total.
//!
//! Ids continue after the largest existing ones (pegawai id = generation index + 1,
//! and every employee reserves `RIWAYAT_SLOTS` ids in each history table), so a
//! load can append to a database that already has people; the identity sequences
//! are moved past the loaded ids at the end.
//!
//! `bulk`: foreign keys are checked by a trigger per inserted row (a lookup and a
//! row lock on the parent `pegawai` row, which also dirties its page again), and
//! every secondary index is maintained row by row; for tens of millions of history
//! rows that is most of the cost. In bulk mode the loader drops the foreign keys
//! and the plain (non-constraint) indexes of `pegawai` and the history tables
//! before loading and recreates them afterwards from the definitions the catalog
//! gave (`pg_get_constraintdef`/`pg_get_indexdef`), so they come back exactly as the
//! migrations made them; recreating validates every foreign key in one join and
//! builds each index with one sort. Primary keys and unique constraints stay, so
//! duplicate ids, NIPs or NIKs still fail the chunk. The definitions are saved in
//! `generator_bulk_pending` in the same transaction as the drop, and any run
//! starts by restoring what such a table holds, so an interrupted bulk load never
//! leaves the schema without its constraints.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use sqlx::{Connection, PgConnection, PgPool};
use tokio::sync::{mpsc, Mutex};

use super::copy::{tables, tables_with_id, Batch, RIWAYAT_SLOTS, TABLE_COUNT};
use super::person::Generator;
use super::reference::Reference;

#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub employees: u64,
    pub seed: u64,
    /// Employees per chunk (one transaction each).
    pub chunk_size: u64,
    /// COPY connections.
    pub writers: usize,
    /// Threads generating chunks.
    pub generator_threads: usize,
    /// Drop and recreate foreign keys and secondary indexes around the load.
    pub bulk: bool,
    /// Print progress to stderr.
    pub progress: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            employees: 1000,
            seed: 1,
            chunk_size: 10_000,
            writers: 2,
            generator_threads: 1,
            bulk: false,
            progress: false,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct LoadReport {
    /// Rows written per table, in `tables()` order.
    pub rows: Vec<(&'static str, u64)>,
    /// Generation index of the first employee (its id is this + 1).
    pub first_index: u64,
    pub load_time: Duration,
    /// Recreating indexes and foreign keys (bulk mode), sequences, ANALYZE.
    pub finish_time: Duration,
}

/// Generates and loads `options.employees` employees after those already present.
pub async fn load(pool: &PgPool, options: &LoadOptions) -> anyhow::Result<LoadReport> {
    let started = Instant::now();
    restore_pending(pool).await?;
    let reference = Arc::new(
        Reference::load(pool)
            .await
            .context("loading the organisation tree")?,
    );
    let (max_id,): (Option<i64>,) = sqlx::query_as("SELECT max(id) FROM pegawai")
        .fetch_one(pool)
        .await?;
    let first_index = max_id.unwrap_or(0) as u64;
    let mut riwayat_start = 0i64;
    for table in tables_with_id() {
        let (m,): (Option<i64>,) = sqlx::query_as(&format!("SELECT max(id) FROM {table}"))
            .fetch_one(pool)
            .await?;
        riwayat_start = riwayat_start.max(m.unwrap_or(0));
    }
    let capacity = Generator::new(&reference, options.seed).capacity();
    if first_index + options.employees > capacity {
        bail!(
            "the generator can make {capacity} distinct employees; {first_index} exist and {} were asked for",
            options.employees
        );
    }
    if options.bulk {
        drop_for_bulk(pool).await?;
    }

    let chunk_size = options.chunk_size.max(1);
    let chunks = options.employees.div_ceil(chunk_size);
    let (tx, rx) = mpsc::channel::<Batch>(options.writers.max(1) + 1);
    let threads = options.generator_threads.max(1) as u64;
    let mut handles = Vec::new();
    for t in 0..threads {
        let tx = tx.clone();
        let reference = Arc::clone(&reference);
        let (employees, seed) = (options.employees, options.seed);
        handles.push(std::thread::spawn(move || {
            let generator = Generator::new(&reference, seed);
            let mut chunk = t;
            while chunk < chunks {
                let start = chunk * chunk_size;
                let end = (start + chunk_size).min(employees);
                let mut batch = Batch::with_capacity((end - start) as usize);
                for offset in start..end {
                    let index = first_index + offset;
                    let p = generator.pegawai(index);
                    batch.push(
                        &p,
                        index as i64 + 1,
                        riwayat_start + offset as i64 * RIWAYAT_SLOTS,
                    );
                }
                if tx.blocking_send(batch).is_err() {
                    return; // the writers stopped on an error
                }
                chunk += threads;
            }
        }));
    }
    drop(tx);

    let rx = Arc::new(Mutex::new(rx));
    let done = Arc::new(AtomicU64::new(0));
    let totals = Arc::new(std::sync::Mutex::new([0u64; TABLE_COUNT]));
    let mut writers = tokio::task::JoinSet::new();
    for _ in 0..options.writers.max(1) {
        let rx = Arc::clone(&rx);
        let done = Arc::clone(&done);
        let totals = Arc::clone(&totals);
        let mut conn = pool.acquire().await?.detach();
        let (progress, total) = (options.progress, options.employees);
        writers.spawn(async move {
            loop {
                let batch = { rx.lock().await.recv().await };
                let Some(batch) = batch else { break };
                write_chunk(&mut conn, &batch).await?;
                {
                    let mut t = totals.lock().expect("not poisoned");
                    for (sum, n) in t.iter_mut().zip(batch.rows) {
                        *sum += n;
                    }
                }
                let n = done.fetch_add(batch.employees(), Ordering::Relaxed) + batch.employees();
                if progress {
                    let secs = started.elapsed().as_secs_f64();
                    let rate = n as f64 / secs;
                    eprintln!(
                        "[generate] {n}/{total} employees ({:.1}%), {rate:.0}/s, {secs:.0} s, eta {:.0} s",
                        100.0 * n as f64 / total as f64,
                        (total - n) as f64 / rate
                    );
                }
            }
            conn.close().await.ok();
            anyhow::Ok(())
        });
    }
    let mut failure = None;
    while let Some(result) = writers.join_next().await {
        if let Err(e) = result.map_err(anyhow::Error::from).and_then(|r| r) {
            failure.get_or_insert(e);
            // Stop the others and the generators: closing the channel ends them.
            rx.lock().await.close();
        }
    }
    drop(rx);
    for h in handles {
        let _ = h.join();
    }
    let load_time = started.elapsed();
    let finish_started = Instant::now();
    // Whatever happened, put the constraints back before reporting.
    restore_pending(pool).await?;
    if let Some(e) = failure {
        return Err(e.context("loading a chunk failed; earlier chunks stay committed"));
    }
    for table in tables_with_id().chain(["pegawai"]) {
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} HAVING max(id) IS NOT NULL"
        ))
        .execute(pool)
        .await?;
    }
    sqlx::query("ANALYZE pegawai").execute(pool).await?;
    for (table, _) in &tables()[1..] {
        sqlx::query(&format!("ANALYZE {table}"))
            .execute(pool)
            .await?;
    }
    let totals = *totals.lock().expect("not poisoned");
    Ok(LoadReport {
        rows: tables().iter().map(|(t, _)| *t).zip(totals).collect(),
        first_index,
        load_time,
        finish_time: finish_started.elapsed(),
    })
}

/// One chunk in one transaction: every table's COPY, then commit.
async fn write_chunk(conn: &mut PgConnection, batch: &Batch) -> anyhow::Result<()> {
    let mut tx = conn.begin().await?;
    // A commit lost in a crash (not flushed yet) is simply a chunk to load again.
    sqlx::query("SET LOCAL synchronous_commit = off")
        .execute(&mut *tx)
        .await?;
    copy_batch(&mut tx, batch).await?;
    tx.commit().await?;
    Ok(())
}

/// Every table's COPY of a batch, on a connection already in a transaction.
pub(crate) async fn copy_batch(conn: &mut PgConnection, batch: &Batch) -> anyhow::Result<()> {
    for ((table, columns), buffer) in tables().iter().zip(&batch.buffers) {
        if buffer.is_empty() {
            continue;
        }
        let mut copy = conn
            .copy_in_raw(&format!("COPY {table} ({columns}) FROM STDIN"))
            .await?;
        for piece in buffer.chunks(1 << 20) {
            copy.send(piece).await?;
        }
        copy.finish()
            .await
            .with_context(|| format!("COPY into {table}"))?;
    }
    Ok(())
}

async fn drop_for_bulk(pool: &PgPool) -> anyhow::Result<()> {
    let tables: Vec<String> = tables().iter().map(|(t, _)| (*t).to_owned()).collect();
    let mut tx = pool.begin().await?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS generator_bulk_pending (
             position serial PRIMARY KEY, drop_sql text NOT NULL, create_sql text NOT NULL)",
    )
    .execute(&mut *tx)
    .await?;
    let fks: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT conrelid::regclass::text, conname::text, pg_get_constraintdef(oid)
           FROM pg_constraint
          WHERE contype = 'f' AND conrelid::regclass::text = ANY($1)
          ORDER BY 1, 2",
    )
    .bind(&tables)
    .fetch_all(&mut *tx)
    .await?;
    let indexes: Vec<(String, String)> = sqlx::query_as(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
           FROM pg_index i
          WHERE i.indrelid::regclass::text = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
          ORDER BY 1",
    )
    .bind(&tables)
    .fetch_all(&mut *tx)
    .await?;
    // Indexes are recreated first, so foreign-key validation finds them.
    for (name, def) in &indexes {
        record_and_run(&mut tx, &format!("DROP INDEX {name}"), def).await?;
    }
    for (table, name, def) in &fks {
        record_and_run(
            &mut tx,
            &format!("ALTER TABLE {table} DROP CONSTRAINT {name}"),
            &format!("ALTER TABLE {table} ADD CONSTRAINT {name} {def}"),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn record_and_run(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    drop_sql: &str,
    create_sql: &str,
) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO generator_bulk_pending (drop_sql, create_sql) VALUES ($1, $2)")
        .bind(drop_sql)
        .bind(create_sql)
        .execute(&mut **tx)
        .await?;
    sqlx::query(drop_sql).execute(&mut **tx).await?;
    Ok(())
}

/// Recreates whatever a bulk load dropped (now, or in an interrupted earlier run).
pub async fn restore_pending(pool: &PgPool) -> anyhow::Result<()> {
    let (exists,): (bool,) =
        sqlx::query_as("SELECT to_regclass('generator_bulk_pending') IS NOT NULL")
            .fetch_one(pool)
            .await?;
    if !exists {
        return Ok(());
    }
    let mut conn = pool.acquire().await?;
    sqlx::query("SET maintenance_work_mem = '1GB'")
        .execute(&mut *conn)
        .await?;
    let pending: Vec<(i32, String)> =
        sqlx::query_as("SELECT position, create_sql FROM generator_bulk_pending ORDER BY position")
            .fetch_all(&mut *conn)
            .await?;
    for (position, create_sql) in pending {
        let started = Instant::now();
        let mut tx = conn.begin().await?;
        sqlx::query(&create_sql)
            .execute(&mut *tx)
            .await
            .with_context(|| format!("restoring: {create_sql}"))?;
        sqlx::query("DELETE FROM generator_bulk_pending WHERE position = $1")
            .bind(position)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(statement = %create_sql, elapsed = ?started.elapsed(), "restored after bulk load");
    }
    sqlx::query("DROP TABLE generator_bulk_pending")
        .execute(&mut *conn)
        .await?;
    Ok(())
}
