//! What the server puts in every request's context: the pool, the settings, the
//! mailer, the session and the client's address.

use std::net::IpAddr;

use leptos::prelude::*;
use tower_sessions::Session;

use super::error::AppError;
use crate::auth::settings::AuthSettings;
use crate::mail::SharedMailer;

pub fn pool() -> sqlx::PgPool {
    expect_context::<sqlx::PgPool>()
}

pub fn settings() -> AuthSettings {
    expect_context::<AuthSettings>()
}

pub fn mailer() -> SharedMailer {
    expect_context::<SharedMailer>()
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|e| AppError::internal("no session layer", e))
}

/// The caller's session as the audit log names it: a digest of its id, never
/// the id itself (which is a credential).
pub async fn session_reference() -> Option<String> {
    use sha2::{Digest, Sha256};
    let id = session().await.ok()?.id()?;
    let digest = Sha256::digest(id.to_string().as_bytes());
    Some(digest[..8].iter().map(|b| format!("{b:02x}")).collect())
}

/// The client's address as the server worked it out from the connection and,
/// behind a trusted proxy, its forwarding headers (`server::client_address`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// The caller's address for the audit log: the client's, not a proxy's, as the
/// server's `client_address::identify` put it on the request.
pub async fn client_ip() -> Option<IpAddr> {
    leptos_axum::extract::<axum::Extension<ClientAddress>>()
        .await
        .ok()
        .map(|axum::Extension(ClientAddress(ip))| ip)
}
