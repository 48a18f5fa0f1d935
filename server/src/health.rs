//! Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the
//! database answers too), for load balancers and orchestrators.

use std::time::Duration;

use axum::{extract::State, http::StatusCode, routing::get, Router};
use sqlx::PgPool;

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    PgPool: axum::extract::FromRef<S>,
{
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
}

async fn readyz(State(pool): State<PgPool>) -> (StatusCode, &'static str) {
    // A short timeout: a probe that hangs is as bad as one that fails.
    let probe = tokio::time::timeout(
        Duration::from_secs(2),
        sqlx::query_scalar!(r#"SELECT 1 AS "one!""#).fetch_one(&pool),
    )
    .await;
    match probe {
        Ok(Ok(1)) => (StatusCode::OK, "ready"),
        Ok(Ok(_)) | Ok(Err(_)) | Err(_) => {
            tracing::warn!("readiness probe: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
