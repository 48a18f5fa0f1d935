//! Server-side sessions in PostgreSQL, so any app server can serve any user.

use tower_sessions::{
    cookie::{time::Duration, SameSite},
    Expiry, SessionManagerLayer,
};
use tower_sessions_sqlx_store::PostgresStore;

// The idle limit here sets the cookie's and the stored row's expiry; the idle
// and absolute limits themselves are enforced in `app::auth::session`, since
// tower-sessions only extends an expiry when the session is written.

pub async fn store(pool: sqlx::PgPool) -> Result<PostgresStore, sqlx::Error> {
    let store = PostgresStore::new(pool);
    store.migrate().await?;
    Ok(store)
}

pub fn layer(
    store: PostgresStore,
    secure: bool,
    idle: std::time::Duration,
) -> SessionManagerLayer<PostgresStore> {
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
        .with_expiry(Expiry::OnInactivity(Duration::seconds(
            i64::try_from(idle.as_secs()).unwrap_or(i64::MAX),
        )))
}
