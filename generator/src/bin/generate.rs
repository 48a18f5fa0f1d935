//! `mutakhir-generate`: fills the database with synthetic employees.
//!
//! ```text
//! mutakhir-generate [--employees N] [--seed S] [--bulk] [--demo]
//!                   [--chunk N] [--writers N] [--threads N]
//! ```
//! Reads DATABASE_URL, runs the migrations, then loads `N` generated employees after
//! those already present (`--demo`: the demo set instead, only into an empty
//! database). Prints the elapsed time and the rows written per table.

use std::process::ExitCode;
use std::time::Instant;

use generator::{demo, LoadOptions};
use sqlx::postgres::PgPoolOptions;

const USAGE: &str = "usage: mutakhir-generate [--employees N] [--seed S] [--bulk] [--demo] \
                     [--chunk N] [--writers N] [--threads N]";

fn parse_args() -> Result<(LoadOptions, bool), String> {
    let mut options = LoadOptions {
        progress: true,
        ..LoadOptions::default()
    };
    let mut demo = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            let value = args.next().ok_or(format!("{name} needs a value"))?;
            value
                .replace('_', "")
                .parse()
                .map_err(|_| format!("{name}: not a number: {value}"))
        };
        match arg.as_str() {
            "--employees" | "-n" => options.employees = number("--employees")?,
            "--seed" => options.seed = number("--seed")?,
            "--chunk" => options.chunk_size = number("--chunk")?,
            "--writers" => options.writers = number("--writers")? as usize,
            "--threads" => options.generator_threads = number("--threads")? as usize,
            "--bulk" => options.bulk = true,
            "--demo" => demo = true,
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok((options, demo))
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=error".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let (options, demo) = match parse_args() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(options, demo).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mutakhir-generate: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: LoadOptions, demo: bool) -> anyhow::Result<()> {
    let url =
        std::env::var("DATABASE_URL").map_err(|_| anyhow::anyhow!("DATABASE_URL is required"))?;
    let pool = PgPoolOptions::new()
        .max_connections(options.writers as u32 + 2)
        .connect(&url)
        .await?;
    generator::migrate(&pool).await?;
    let started = Instant::now();
    if demo {
        let loaded = demo::load_demo_if_empty(&pool).await?;
        println!(
            "demo: {} in {:.1} s",
            if loaded {
                "loaded"
            } else {
                "skipped (pegawai is not empty)"
            },
            started.elapsed().as_secs_f64()
        );
        println!(
            "demo employees: PNS {} ({}), PPPK {} ({}), PPT Non-ASN NIK {} ({})",
            demo::DEMO_PNS_NIP,
            demo::DEMO_PNS_NAME,
            demo::DEMO_PPPK_NIP,
            demo::DEMO_PPPK_NAME,
            demo::DEMO_PPT_NIK,
            demo::DEMO_PPT_NAME
        );
        return Ok(());
    }
    let report = generator::load(&pool, &options).await?;
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "loaded {} employees (ids {}..={}) in {elapsed:.1} s (COPY {:.1} s, indexes/constraints/analyze {:.1} s)",
        options.employees,
        report.first_index + 1,
        report.first_index + options.employees,
        report.load_time.as_secs_f64(),
        report.finish_time.as_secs_f64()
    );
    let total: u64 = report.rows.iter().map(|(_, n)| n).sum();
    for (table, rows) in &report.rows {
        println!("  {table:<24} {rows:>12}");
    }
    println!("  {:<24} {total:>12}", "total rows");
    Ok(())
}
