//! For plain axum routes (uploads, event streams): the signed-in caller, or the
//! refusal a server function would give, as JSON with its status.

use axum::{
    response::{IntoResponse, Response},
    Json,
};
use sqlx::PgPool;
use tower_sessions::Session;

use app::auth::session::{current, CurrentUser};
use app::auth::settings::AuthSettings;
use app::edge::error::AppError;

pub fn refusal(e: AppError) -> Response {
    (e.status(), Json(e)).into_response()
}

pub async fn signed_in(
    session: &Session,
    pool: &PgPool,
    settings: &AuthSettings,
) -> Result<CurrentUser, Response> {
    match current(session, pool, settings).await {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err(refusal(AppError::Unauthenticated)),
        Err(e) => Err(refusal(e.into())),
    }
}
