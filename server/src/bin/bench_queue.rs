//! `mutakhir-bench-queue`: the verifier queue at national scale.
//!
//! ```text
//! mutakhir-bench-queue [--proposals N] [--concurrency C] [--requests R] [--deep D]
//! ```
//! Reads DATABASE_URL (a database with employees, e.g. from `mutakhir-generate`),
//! tops its pending proposals up to N (default 1,000,000) spread over every loaded
//! employee, agency and history, then runs R queue reads (default 4,000) from C
//! concurrent verifiers (default 16) through the queue's own code
//! (`app::verification::store::page`), and prints p50/p90/p99/max per kind of read:
//! an agency verifier's first page and a page D items deep (default 10,000, or as
//! deep as the queue goes), BKN Pusat's first and deep page (a third of the country's
//! queue), and BKN's queue filtered by history. Also times the counts and the backlog.

use std::time::{Duration, Instant};

use app::auth::access::Scope;
use app::domain::reference::Riwayat;
use app::proposal::lifecycle::Level;
use app::verification::queue::{Cursor, Inbox, QueueFilter};
use app::verification::store;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

struct Options {
    proposals: i64,
    concurrency: usize,
    requests: usize,
    deep: i64,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        proposals: 1_000_000,
        concurrency: 16,
        requests: 4_000,
        deep: 10_000,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().ok_or(format!("{arg} needs a value"))?;
        let n: i64 = value
            .replace('_', "")
            .parse()
            .map_err(|_| format!("{arg}: not a number: {value}"))?;
        match arg.as_str() {
            "--proposals" => options.proposals = n,
            "--concurrency" => options.concurrency = n.max(1) as usize,
            "--requests" => options.requests = n.max(1) as usize,
            "--deep" => options.deep = n.max(1),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(options)
}

/// Adds pending proposals until there are `target`: each a new record of one history
/// of one employee (employees taken round-robin), two thirds waiting at their agency
/// and one third at BKN Pusat, waiting since a random moment of the last 60 days.
async fn seed(pool: &PgPool, target: i64) -> anyhow::Result<()> {
    let pending: i64 = sqlx::query_scalar("SELECT count(*) FROM usulan WHERE status = 'diajukan'")
        .fetch_one(pool)
        .await?;
    if pending >= target {
        println!("{pending} pending proposals already there");
        return Ok(());
    }
    let employees: i64 = sqlx::query_scalar("SELECT count(*) FROM pegawai")
        .fetch_one(pool)
        .await?;
    anyhow::ensure!(employees > 0, "no employees: run mutakhir-generate first");
    let document: i64 = sqlx::query_scalar(
        "INSERT INTO dokumen (pemilik_id, sha256, jenis, ukuran, nama)
         SELECT min(id), sha256('bench'), 'pdf', 1, 'bench.pdf' FROM pegawai RETURNING id",
    )
    .fetch_one(pool)
    .await?;
    // Employees by their place in id order, so each proposal finds its employee by key.
    sqlx::query("DROP TABLE IF EXISTS bench_pegawai")
        .execute(pool)
        .await?;
    sqlx::query(
        "CREATE UNLOGGED TABLE bench_pegawai AS
         SELECT (row_number() OVER (ORDER BY id) - 1)::bigint AS n, id FROM pegawai",
    )
    .execute(pool)
    .await?;
    sqlx::query("CREATE UNIQUE INDEX ON bench_pegawai (n)")
        .execute(pool)
        .await?;
    let started = Instant::now();
    let chunk = 100_000;
    let mut from = pending;
    while from < target {
        let to = (from + chunk).min(target);
        sqlx::query(
            "INSERT INTO usulan (pegawai_id, riwayat, baru, nilai_baru, dokumen_id, jenis_dokumen,
                                 rantai, status, tahap, kunci_idempoten, menunggu_sejak, diajukan_at)
             SELECT p.id,
                    (ARRAY['jabatan', 'pendidikan', 'diklat', 'skp', 'penghargaan', 'pangkat',
                           'keluarga', 'peninjauan_masa_kerja', 'pindah_instansi', 'cltn',
                           'organisasi'])[1 + (g % 11)],
                    true, '{}', $3, 'sk', '{2,4}', 'diajukan',
                    CASE WHEN g % 3 = 0 THEN 1 ELSE 0 END,
                    gen_random_uuid(), w.at, w.at
               FROM generate_series($1::bigint, $2::bigint - 1) AS g
               JOIN bench_pegawai p ON p.n = g % $4
               CROSS JOIN LATERAL (SELECT now() - random() * interval '60 days' AS at) w",
        )
        .bind(from)
        .bind(to)
        .bind(document)
        .bind(employees)
        .execute(pool)
        .await?;
        from = to;
        println!(
            "  {from} pending ({:.0} s)",
            started.elapsed().as_secs_f64()
        );
    }
    sqlx::query("DROP TABLE bench_pegawai")
        .execute(pool)
        .await?;
    sqlx::query("ANALYZE usulan").execute(pool).await?;
    Ok(())
}

#[derive(Clone, Copy, Debug)]
enum Read {
    AgencyFirst,
    AgencyDeep,
    PusatFirst,
    PusatDeep,
    PusatByHistory,
}

const READS: [Read; 5] = [
    Read::AgencyFirst,
    Read::AgencyDeep,
    Read::PusatFirst,
    Read::PusatDeep,
    Read::PusatByHistory,
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// The cursor `depth` items into an inbox (as a verifier paging there would hold).
async fn cursor_at(pool: &PgPool, inbox: Inbox, depth: i64) -> anyhow::Result<Option<Cursor>> {
    let (instansi, level) = match inbox.scope {
        Scope::Instansi(i) => (Some(i), inbox.level),
        _ => (None, inbox.level),
    };
    let row: Option<(time::OffsetDateTime, i64)> = sqlx::query_as(
        "SELECT menunggu_sejak, id FROM usulan
          WHERE status = 'diajukan' AND tingkat_menunggu = $1
            AND ($2::integer IS NULL OR instansi_id = $2)
          ORDER BY menunggu_sejak, id OFFSET $3 LIMIT 1",
    )
    .bind(i16::from(level.number()))
    .bind(instansi)
    .bind(depth)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(waiting_since, id)| Cursor { waiting_since, id }))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let options = parse_args().map_err(|e| anyhow::anyhow!(e))?;
    let url =
        std::env::var("DATABASE_URL").map_err(|_| anyhow::anyhow!("DATABASE_URL is required"))?;
    let pool = PgPoolOptions::new()
        .max_connections(options.concurrency as u32 + 2)
        .connect(&url)
        .await?;
    server::db::migrate(&pool).await?;
    seed(&pool, options.proposals).await?;

    // The twenty agencies with the longest queues at their own level.
    let agencies: Vec<(i32, i64)> = sqlx::query_as(
        "SELECT instansi_id, count(*) FROM usulan
          WHERE status = 'diajukan' AND tingkat_menunggu = 2
          GROUP BY 1 ORDER BY 2 DESC LIMIT 20",
    )
    .fetch_all(&pool)
    .await?;
    anyhow::ensure!(!agencies.is_empty(), "no proposal waits at an agency");
    let pusat = Inbox {
        level: Level::Pusat,
        scope: Scope::Pusat,
    };
    let pusat_waiting: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM usulan WHERE status = 'diajukan' AND tingkat_menunggu = 4",
    )
    .fetch_one(&pool)
    .await?;
    let mut agency_inboxes = Vec::new();
    for (instansi, waiting) in &agencies {
        let inbox = Inbox {
            level: Level::Instansi,
            scope: Scope::Instansi(*instansi),
        };
        // At least a page left after the cursor, however short the queue.
        let deep = cursor_at(&pool, inbox, options.deep.min(waiting - 60).max(0)).await?;
        agency_inboxes.push((inbox, deep));
    }
    let pusat_deep = cursor_at(&pool, pusat, options.deep.min(pusat_waiting - 60).max(0)).await?;
    println!(
        "queues: BKN Pusat {pusat_waiting} waiting; the longest agency queue {} (agency {}); \
         deep pages start {} items in (or at the end of a shorter queue)",
        agencies[0].1, agencies[0].0, options.deep
    );

    let started = Instant::now();
    let per_task = options.requests.div_ceil(options.concurrency);
    let mut tasks = Vec::new();
    for task in 0..options.concurrency {
        let pool = pool.clone();
        let agency_inboxes = agency_inboxes.clone();
        tasks.push(tokio::spawn(async move {
            let mut timings: Vec<(usize, Duration)> = Vec::with_capacity(per_task);
            for n in 0..per_task {
                let k = task * per_task + n;
                let read = READS[k % READS.len()];
                let (inbox, after) = agency_inboxes[k % agency_inboxes.len()];
                let mut filter = QueueFilter::default();
                let inbox = match read {
                    Read::AgencyFirst => inbox,
                    Read::AgencyDeep => {
                        filter.after = after;
                        inbox
                    }
                    Read::PusatFirst => pusat,
                    Read::PusatDeep => {
                        filter.after = pusat_deep;
                        pusat
                    }
                    Read::PusatByHistory => {
                        // The seeded histories: every one but CPNS/PNS (one per employee).
                        let seeded: Vec<Riwayat> = Riwayat::all()
                            .iter()
                            .copied()
                            .filter(|r| *r != Riwayat::CpnsPns)
                            .collect();
                        filter.riwayat = Some(seeded[k % seeded.len()]);
                        pusat
                    }
                };
                let t = Instant::now();
                let (items, _) = store::page(&pool, inbox, &filter, 0)
                    .await
                    .expect("the queue reads");
                timings.push((k % READS.len(), t.elapsed()));
                assert!(!items.is_empty(), "{read:?} found nothing");
            }
            timings
        }));
    }
    let mut by_read: Vec<Vec<Duration>> = vec![Vec::new(); READS.len()];
    for task in tasks {
        for (read, d) in task.await? {
            by_read[read].push(d);
        }
    }
    let wall = started.elapsed();
    let total: usize = by_read.iter().map(Vec::len).sum();
    println!(
        "{total} queue pages (50 items) from {} concurrent verifiers in {:.1} s: {:.0} pages/s",
        options.concurrency,
        wall.as_secs_f64(),
        total as f64 / wall.as_secs_f64()
    );
    println!(
        "{:<22} {:>8} {:>8} {:>8} {:>8}   (ms)",
        "read", "p50", "p90", "p99", "max"
    );
    for (read, mut timings) in READS.iter().zip(by_read) {
        timings.sort_unstable();
        println!(
            "{:<22} {:>8} {:>8} {:>8} {:>8}",
            format!("{read:?}"),
            ms(percentile(&timings, 0.50)),
            ms(percentile(&timings, 0.90)),
            ms(percentile(&timings, 0.99)),
            ms(*timings.last().unwrap())
        );
    }
    for (name, inbox) in [("agency", agency_inboxes[0].0), ("BKN Pusat", pusat)] {
        let t = Instant::now();
        store::summary(&pool, inbox).await?;
        let counts = t.elapsed();
        let t = Instant::now();
        store::backlog(&pool, inbox).await?;
        println!(
            "{name}: counts per status {} ms, backlog per level and place {} ms (one read each, idle)",
            ms(counts),
            ms(t.elapsed())
        );
    }
    Ok(())
}
