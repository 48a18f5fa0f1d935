//! `mutakhir-audit verify`: walks the audit log's hash chain (DATABASE_URL) and says
//! whether it is intact. Exit status 0 when it is, 1 when a row was changed, removed
//! or reordered (the first such row is named), 2 when it could not be checked.

use std::process::ExitCode;

use app::audit::chain::{verify, Verdict};
use sqlx::postgres::PgPoolOptions;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() != Some("verify") || args.next().is_some() {
        eprintln!("usage: mutakhir-audit verify   (reads DATABASE_URL)");
        return ExitCode::from(2);
    }
    let Ok(url) = std::env::var("DATABASE_URL") else {
        eprintln!("DATABASE_URL is not set");
        return ExitCode::from(2);
    };
    let pool = match PgPoolOptions::new().max_connections(1).connect(&url).await {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("cannot connect: {e}");
            return ExitCode::from(2);
        }
    };
    match verify(&pool).await {
        Ok(Verdict::Intact { rows }) => {
            println!("audit chain intact: {rows} rows");
            ExitCode::SUCCESS
        }
        Ok(Verdict::Broken { urutan, id, why }) => {
            println!("audit chain BROKEN at position {urutan} (row id {id}): {why}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("cannot read the audit log: {e}");
            ExitCode::from(2)
        }
    }
}
