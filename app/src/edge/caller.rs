//! Who is calling: what every server function starts from.

use std::net::IpAddr;

use sqlx::PgPool;

use super::error::AppError;
use super::request;
use crate::auth::access::Principal;
use crate::auth::session::{self, CurrentUser};

/// Any caller, signed in or not.
pub struct Caller {
    pub pool: PgPool,
    pub ip: Option<IpAddr>,
}

/// A signed-in caller.
pub struct SignedIn {
    pub pool: PgPool,
    pub ip: Option<IpAddr>,
    pub principal: Principal,
}

pub async fn caller() -> Caller {
    Caller {
        pool: request::pool(),
        ip: request::client_ip().await,
    }
}

/// The signed-in caller, or 401.
pub async fn signed_in() -> Result<SignedIn, AppError> {
    let user = current_user().await?.ok_or(AppError::Unauthenticated)?;
    Ok(SignedIn {
        pool: request::pool(),
        ip: request::client_ip().await,
        principal: user.principal,
    })
}

/// The caller from the session, if anyone is signed in.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let session = request::session().await?;
    Ok(session::current(&session, &request::pool(), &request::settings()).await?)
}
