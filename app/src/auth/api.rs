//! The account server functions. Each one parses its input, calls the flow in
//! `service`, sets the HTTP status of a refusal and maps errors; nothing more.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use super::error::AuthError;

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

#[cfg(feature = "ssr")]
pub(crate) mod edge {
    //! What every account server function needs from the request.
    use std::net::{IpAddr, SocketAddr};

    use axum::extract::ConnectInfo;
    use leptos::prelude::*;
    use tower_sessions::Session;

    use crate::auth::error::AuthError;
    use crate::auth::mail::SharedMailer;
    use crate::auth::settings::AuthSettings;

    /// Sets the response status for a refusal and passes it on. A server function
    /// that a page calls while it renders sets the page's status only for a missing
    /// sign-in: a section the caller may not use (an admin list on the admin page)
    /// does not make the whole page a refusal, and whether it would have depended on
    /// which finished first, the section or the streamed headers.
    pub fn refuse(e: AuthError) -> AuthError {
        let own_request = use_context::<axum::http::request::Parts>()
            .is_none_or(|parts| parts.uri.path().starts_with("/api/"));
        if own_request || matches!(e, AuthError::Unauthenticated) {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(e.status());
            }
        }
        e
    }

    pub fn pool() -> sqlx::PgPool {
        expect_context::<sqlx::PgPool>()
    }

    pub fn settings() -> AuthSettings {
        expect_context::<AuthSettings>()
    }

    pub fn mailer() -> SharedMailer {
        expect_context::<SharedMailer>()
    }

    pub async fn session() -> Result<Session, AuthError> {
        leptos_axum::extract::<Session>().await.map_err(|e| {
            tracing::error!(error = %e, "no session layer");
            AuthError::Server("session".to_owned())
        })
    }

    /// The caller's session as the audit log names it: a digest of its id, never
    /// the id itself (which is a credential).
    pub async fn session_reference() -> Option<String> {
        use sha2::{Digest, Sha256};
        let id = session().await.ok()?.id()?;
        let digest = Sha256::digest(id.to_string().as_bytes());
        Some(digest[..8].iter().map(|b| format!("{b:02x}")).collect())
    }

    pub async fn client_ip() -> Option<IpAddr> {
        leptos_axum::extract::<ConnectInfo<SocketAddr>>()
            .await
            .ok()
            .map(|ConnectInfo(addr)| addr.ip())
    }
}

/// Emails an activation (`tujuan` = "aktivasi") or reset ("reset") token to the
/// registered address, if `email` is it. Answers the masked address.
#[server(prefix = "/api", endpoint = "minta_token")]
pub async fn minta_token(
    nomor: String,
    email: String,
    tujuan: String,
) -> Result<String, AuthError> {
    use super::login_id::LoginId;
    use super::mail::TokenPurpose;
    use super::service;
    use crate::domain::Email;

    let id = LoginId::parse(&nomor);
    let address = Email::parse(&email);
    let mut fields = Vec::new();
    if let Err(e) = &id {
        fields.extend(field_error("nomor", e));
    }
    if let Err(e) = &address {
        fields.extend(field_error("email", e));
    }
    let purpose = match tujuan.as_str() {
        "aktivasi" => TokenPurpose::Aktivasi,
        "reset" => TokenPurpose::Reset,
        _ => {
            return Err(edge::refuse(AuthError::Invalid(vec![
                super::error::FieldError {
                    field: "tujuan".into(),
                    messages: vec![super::error::Message::new(
                        "Tujuan token tidak dikenal.",
                        "Unknown token purpose.",
                    )],
                },
            ])))
        }
    };
    let (Ok(id), Ok(address)) = (id, address) else {
        return Err(edge::refuse(AuthError::Invalid(fields)));
    };
    let mailer = edge::mailer();
    service::request_token(
        &edge::pool(),
        mailer.as_ref(),
        &edge::settings(),
        &id,
        &address,
        purpose,
        edge::client_ip().await,
    )
    .await
    .map_err(edge::refuse)
}

#[cfg(feature = "ssr")]
fn field_error(field: &str, e: &impl crate::domain::Localized) -> Option<super::error::FieldError> {
    Some(super::error::FieldError {
        field: field.to_owned(),
        messages: vec![super::error::Message::of(e)],
    })
}

/// Sets a password with the emailed token.
#[server(prefix = "/api", endpoint = "setel_kata_sandi")]
pub async fn setel_kata_sandi(
    token: String,
    kata_sandi: String,
    ulangi: String,
) -> Result<(), AuthError> {
    use super::error::Message;
    use super::service;

    if kata_sandi != ulangi {
        return Err(edge::refuse(AuthError::Invalid(vec![
            super::error::FieldError {
                field: "ulangi".into(),
                messages: vec![Message::new(
                    "Kedua kata sandi tidak sama.",
                    "The two passwords are not the same.",
                )],
            },
        ])));
    }
    service::set_password(
        &edge::pool(),
        &edge::settings(),
        &token,
        &kata_sandi,
        edge::client_ip().await,
    )
    .await
    .map_err(edge::refuse)
}

/// Signs in with NIP (or NIK for PPT Non-ASN) and password.
#[server(prefix = "/api", endpoint = "masuk")]
pub async fn masuk(nomor: String, kata_sandi: String) -> Result<Me, AuthError> {
    use super::login_id::LoginId;
    use super::{service, session};

    let id = LoginId::parse(&nomor).map_err(|e| {
        edge::refuse(AuthError::Invalid(
            field_error("nomor", &e).into_iter().collect(),
        ))
    })?;
    let pool = edge::pool();
    let settings = edge::settings();
    let gate = expect_context::<service::SignInGate>();
    let pegawai_id = service::login(
        &pool,
        &settings,
        &gate,
        &id,
        &kata_sandi,
        edge::client_ip().await,
    )
    .await
    .map_err(edge::refuse)?;
    let session = edge::session().await?;
    session::begin(&session, &pool, pegawai_id)
        .await
        .map_err(edge::refuse)?;
    let user = session::current(&session, &pool, &settings)
        .await?
        .ok_or_else(|| edge::refuse(AuthError::Unauthenticated))?;
    me(&user).await
}

#[cfg(feature = "ssr")]
async fn me(user: &super::session::CurrentUser) -> Result<Me, AuthError> {
    use super::access::Role;
    let roles = &user.principal.roles;
    let notifikasi_baru =
        crate::notification::store::unread(&edge::pool(), user.principal.pegawai_id)
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "counting notifications");
                edge::refuse(AuthError::Server("notifications".into()))
            })?;
    Ok(Me {
        name: user.name.clone(),
        // PPT Non-ASN sign in with their NIK and have no profile address yet.
        nomor_induk: user.nomor_induk.clone(),
        is_verifier: roles.iter().any(|r| matches!(r, Role::Verifikator { .. })),
        is_admin: roles
            .iter()
            .any(|r| matches!(r, Role::AdminInstansi { .. } | Role::AdminBkn)),
        registration_desk: !super::access::RegistrationReach::of(&user.principal).is_empty(),
        notifikasi_baru,
    })
}

/// The signed-in user, or `None`.
#[server(prefix = "/api", endpoint = "saya", input = GetUrl)]
pub async fn saya() -> Result<Option<Me>, AuthError> {
    let user = current_user().await?;
    let Some(user) = user else { return Ok(None) };
    me(&user).await.map(Some)
}

/// Signs out here, or (`semua`) on every device.
#[server(prefix = "/api", endpoint = "keluar")]
pub async fn keluar(semua: bool) -> Result<(), AuthError> {
    use super::{session, store};
    use crate::audit::{self, AuditEntry, AuditEvent};

    let pool = edge::pool();
    let session_handle = edge::session().await?;
    let user = session::current(&session_handle, &pool, &edge::settings()).await?;
    if let Some(user) = user {
        let id = user.principal.pegawai_id;
        if semua {
            store::bump_epoch(&pool, id).await.map_err(|e| {
                tracing::error!(error = %e, "log out everywhere");
                edge::refuse(AuthError::Server("account".into()))
            })?;
        }
        audit::record(
            &pool,
            if semua {
                AuditEvent::LogoutEverywhere
            } else {
                AuditEvent::Logout
            },
            AuditEntry {
                actor: Some(id),
                subject: Some(id),
                ip: edge::client_ip().await,
                detail: serde_json::Value::Null,
            },
        )
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "auditing");
            edge::refuse(AuthError::Server("audit".into()))
        })?;
    }
    session::end(&session_handle).await.map_err(edge::refuse)
}

/// For server functions that need a caller: the signed-in user, or 401.
#[cfg(feature = "ssr")]
pub async fn signed_in_user() -> Result<super::session::CurrentUser, AuthError> {
    current_user()
        .await?
        .ok_or_else(|| edge::refuse(AuthError::Unauthenticated))
}

/// For other server functions: the caller, from the session.
#[cfg(feature = "ssr")]
pub async fn current_user() -> Result<Option<super::session::CurrentUser>, AuthError> {
    let session = edge::session().await?;
    super::session::current(&session, &edge::pool(), &edge::settings())
        .await
        .map_err(edge::refuse)
}
