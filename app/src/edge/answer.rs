//! Where a refusal gets its HTTP status: once, around the whole server function.

use std::future::Future;

use leptos::prelude::*;

use super::caller::{signed_in, SignedIn};
use super::error::AppError;

/// Runs a server function's body and sets the response status if it refuses.
pub async fn answer<T>(body: impl Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    body.await.map_err(refuse)
}

/// `answer` for a server function of the signed-in: their caller first (no
/// session is refused like any refusal), then the body with it.
pub async fn as_signed_in<T, F>(body: impl FnOnce(SignedIn) -> F) -> Result<T, AppError>
where
    F: Future<Output = Result<T, AppError>>,
{
    answer(async { body(signed_in().await?).await }).await
}

/// Sets the response status for a refusal and passes it on. A server function
/// that a page calls while it renders sets the page's status only for a missing
/// sign-in: a section the caller may not use (an admin list on the admin page)
/// does not make the whole page a refusal, and whether it would have depended on
/// which finished first, the section or the streamed headers.
pub fn refuse(e: AppError) -> AppError {
    let own_request = use_context::<axum::http::request::Parts>()
        .is_none_or(|parts| parts.uri.path().starts_with("/api/"));
    if own_request || matches!(e, AppError::Unauthenticated) {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(e.status());
        }
    }
    e
}
