//! What the tests read from the database themselves.

use sqlx::PgPool;

/// How many times `event` is in the audit log.
pub async fn audit_count(pool: &PgPool, event: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE event = $1")
        .bind(event)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The URL of the per-test database, from the server's DATABASE_URL: for a process
/// started apart from the test, such as the server binary itself.
pub fn database_url(pool: &PgPool) -> String {
    let name = pool.connect_options().get_database().unwrap().to_owned();
    let base = std::env::var("DATABASE_URL").unwrap();
    let (server, _) = base.rsplit_once('/').unwrap();
    format!("{server}/{name}")
}
