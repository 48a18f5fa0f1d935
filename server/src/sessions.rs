//! Server-side sessions in PostgreSQL, so any app server can serve any user.

use tower_sessions::{
    cookie::{time::Duration, SameSite},
    Expiry, SessionManagerLayer,
};
use tower_sessions_sqlx_store::PostgresStore;

/// Idle timeout. The absolute (12 h) limit is checked against the login time
/// stored in the session, since tower-sessions has none built in.
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);

pub async fn store(pool: sqlx::PgPool) -> Result<PostgresStore, sqlx::Error> {
    let store = PostgresStore::new(pool);
    store.migrate().await?;
    Ok(store)
}

pub fn layer(store: PostgresStore, secure: bool) -> SessionManagerLayer<PostgresStore> {
    // `__Host-` makes the browser refuse the cookie unless it is Secure, has
    // Path=/ and no Domain: it cannot be planted by a sibling subdomain.
    let name = if secure {
        "__Host-mutakhir"
    } else {
        "mutakhir"
    };
    SessionManagerLayer::new(store)
        .with_name(name)
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(IDLE_TIMEOUT))
}
