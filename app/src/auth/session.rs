//! The signed-in user in the session. tower-sessions keeps the row in PostgreSQL
//! and sets the cookie; here are the rules it does not have: an absolute limit
//! from sign-in, an idle limit checked on every request (the session is rewritten
//! at most every few seconds to a minute, not on every request), and the account's
//! epoch, which "log out everywhere" and a password change move on.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use time::OffsetDateTime;
use tower_sessions::Session;

use super::access::Principal;
use super::problem::AccountError;
use super::settings::AuthSettings;
use super::store;
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::edge::error::internal;

const KEY: &str = "akun";

#[derive(Clone, Debug, Serialize, Deserialize)]
struct SessionUser {
    pegawai_id: i64,
    epoch: i32,
    /// Unix seconds.
    login_at: i64,
    last_seen: i64,
}

/// Who is signed in, as a server function sees them.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub principal: Principal,
    pub name: String,
    pub nomor_induk: Option<String>,
}

fn session_error(e: tower_sessions::session::Error) -> AccountError {
    internal("session store")(e).into()
}

fn db_error(e: sqlx::Error) -> AccountError {
    internal("account")(e).into()
}

/// Signs `pegawai_id` in: a new session id (so an id planted before sign-in is
/// worthless), stamped with the account's current epoch.
pub async fn begin(session: &Session, pool: &PgPool, pegawai_id: i64) -> Result<(), AccountError> {
    let epoch = store::session_epoch(pool, pegawai_id)
        .await
        .map_err(db_error)?
        .ok_or(AccountError::SignedOut)?;
    session.cycle_id().await.map_err(session_error)?;
    let now = OffsetDateTime::now_utc().unix_timestamp();
    session
        .insert(
            KEY,
            SessionUser {
                pegawai_id,
                epoch,
                login_at: now,
                last_seen: now,
            },
        )
        .await
        .map_err(session_error)
}

/// How often a still-active session is rewritten to push its idle expiry on.
fn touch_every(idle: Duration) -> i64 {
    (idle.as_secs() as i64 / 4).clamp(1, 60)
}

pub async fn current(
    session: &Session,
    pool: &PgPool,
    settings: &AuthSettings,
) -> Result<Option<CurrentUser>, AccountError> {
    let Some(mut user) = session
        .get::<SessionUser>(KEY)
        .await
        .map_err(session_error)?
    else {
        return Ok(None);
    };
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let absolute = settings.absolute_timeout.as_secs() as i64;
    let idle = settings.idle_timeout.as_secs() as i64;
    let reason = if now - user.login_at > absolute {
        Some("absolute")
    } else if now - user.last_seen > idle {
        Some("idle")
    } else {
        None
    };
    if let Some(reason) = reason {
        session.flush().await.map_err(session_error)?;
        audit::record(
            pool,
            AuditEvent::SessionExpired,
            AuditEntry {
                actor: Some(user.pegawai_id),
                subject: Some(user.pegawai_id),
                ip: None,
                detail: serde_json::json!({ "reason": reason }),
            },
        )
        .await
        .map_err(db_error)?;
        return Ok(None);
    }
    let Some(holder) = store::principal(pool, user.pegawai_id, user.epoch)
        .await
        .map_err(db_error)?
    else {
        // Logged out everywhere, password changed, or account gone.
        session.flush().await.map_err(session_error)?;
        return Ok(None);
    };
    if now - user.last_seen >= touch_every(settings.idle_timeout) {
        user.last_seen = now;
        session.insert(KEY, user).await.map_err(session_error)?;
    }
    Ok(Some(CurrentUser {
        principal: holder.principal,
        name: holder.name,
        nomor_induk: holder.nomor_induk,
    }))
}

pub async fn end(session: &Session) -> Result<(), AccountError> {
    session.flush().await.map_err(session_error)
}
