//! Signing in and out, and who is signed in as the browser sees them. These
//! endpoints compose the account (`auth`) with what other features add to it (the
//! count of unread notifications), so that `auth` itself depends on no feature.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::edge::error::AppError;

/// The signed-in user as the browser sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub name: String,
    pub nomor_induk: Option<String>,
    pub is_verifier: bool,
    pub is_admin: bool,
    /// May grant self-registrations (a unit's verifier, an admin).
    pub registration_desk: bool,
    /// Decisions on the user's proposals they have not seen yet.
    #[serde(default)]
    pub notifikasi_baru: i64,
}

/// Signs in with NIP (or NIK for PPT Non-ASN) and password.
#[server(prefix = "/api", endpoint = "masuk")]
pub async fn masuk(nomor: String, kata_sandi: String) -> Result<Me, AppError> {
    use crate::auth::login_id::LoginId;
    use crate::auth::{service, session};
    use crate::edge::{self, request, FieldError};

    edge::answer(async {
        let id = LoginId::parse(&nomor)
            .map_err(|e| AppError::Invalid(vec![FieldError::of("nomor", &e)]))?;
        let caller = edge::caller().await;
        let settings = request::settings();
        let gate = expect_context::<service::SignInGate>();
        let pegawai_id =
            service::login(&caller.pool, &settings, &gate, &id, &kata_sandi, caller.ip).await?;
        let session = request::session().await?;
        session::begin(&session, &caller.pool, pegawai_id).await?;
        let user = session::current(&session, &caller.pool, &settings)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        describe(&caller.pool, &user).await
    })
    .await
}

#[cfg(feature = "ssr")]
async fn describe(
    pool: &sqlx::PgPool,
    user: &crate::auth::session::CurrentUser,
) -> Result<Me, AppError> {
    use crate::auth::access::{RegistrationReach, Role};
    let roles = &user.principal.roles;
    let notifikasi_baru = crate::notification::store::unread(pool, user.principal.pegawai_id)
        .await
        .map_err(|e| AppError::internal("counting notifications", e))?;
    Ok(Me {
        name: user.name.clone(),
        // PPT Non-ASN sign in with their NIK and have no profile address yet.
        nomor_induk: user.nomor_induk.clone(),
        is_verifier: roles.iter().any(|r| matches!(r, Role::Verifikator { .. })),
        is_admin: roles
            .iter()
            .any(|r| matches!(r, Role::AdminInstansi { .. } | Role::AdminBkn)),
        registration_desk: !RegistrationReach::of(&user.principal).is_empty(),
        notifikasi_baru,
    })
}

/// The signed-in user, or `None`.
#[server(prefix = "/api", endpoint = "saya", input = GetUrl)]
pub async fn saya() -> Result<Option<Me>, AppError> {
    use crate::edge::{self, request};
    edge::answer(async {
        let Some(user) = edge::current_user().await? else {
            return Ok(None);
        };
        describe(&request::pool(), &user).await.map(Some)
    })
    .await
}

/// Signs out here, or (`semua`) on every device.
#[server(prefix = "/api", endpoint = "keluar")]
pub async fn keluar(semua: bool) -> Result<(), AppError> {
    use crate::audit::{self, AuditEntry, AuditEvent};
    use crate::auth::{session, store};
    use crate::edge::{self, request};

    edge::answer(async {
        let caller = edge::caller().await;
        let pool = &caller.pool;
        let session_handle = request::session().await?;
        let user = session::current(&session_handle, pool, &request::settings()).await?;
        if let Some(user) = user {
            let id = user.principal.pegawai_id;
            if semua {
                store::bump_epoch(pool, id)
                    .await
                    .map_err(|e| AppError::internal("log out everywhere", e))?;
            }
            let event = if semua {
                AuditEvent::LogoutEverywhere
            } else {
                AuditEvent::Logout
            };
            audit::record(
                pool,
                event,
                AuditEntry::own(Some(id), caller.ip, serde_json::Value::Null),
            )
            .await
            .map_err(|e| AppError::internal("auditing", e))?;
        }
        Ok(session::end(&session_handle).await?)
    })
    .await
}
