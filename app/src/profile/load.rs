use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::Profil;

/// Reads one employee's profile by NIP / NI PPPK: the caller's own, or one
/// their role covers (`auth::access`). A demo server (`ProfileAccess::Demo`)
/// also shows profiles without sign-in.
#[server(prefix = "/api", endpoint = "profil", input = GetUrl)]
pub async fn load_profil(nomor_induk: String) -> Result<Option<Profil>, ServerFnError> {
    use super::store::{self, ProfileAccess};
    use crate::audit::{self, AuditEntry, AuditEvent};
    use crate::auth::access::{authorize, Action};
    use crate::edge::current_user;
    use axum::http::StatusCode;

    fn refuse(status: StatusCode, message: &str) -> ServerFnError {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(status);
        }
        ServerFnError::new(message)
    }
    fn failed(e: impl std::fmt::Display) -> ServerFnError {
        tracing::error!(error = %e, "loading a profile");
        refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "gagal memuat profil / could not load the profile",
        )
    }

    let pool = expect_context::<sqlx::PgPool>();
    let access = use_context::<ProfileAccess>().unwrap_or(ProfileAccess::Closed);
    if access != ProfileAccess::Demo {
        let Some(user) = current_user().await.map_err(failed)? else {
            return Err(refuse(
                StatusCode::UNAUTHORIZED,
                "silakan masuk / sign in required",
            ));
        };
        let who = &user.principal;
        let subject = crate::auth::store::subject_by_nomor_induk(&pool, &nomor_induk)
            .await
            .map_err(failed)?;
        let permitted = match &subject {
            Some(subject) => authorize(who, &Action::ReadProfile(*subject)).is_ok(),
            // Only someone who may look people up learns that a number is unknown.
            None => !who.roles.is_empty(),
        };
        if !permitted {
            audit::record(
                &pool,
                AuditEvent::AccessDenied,
                AuditEntry {
                    actor: Some(who.pegawai_id),
                    subject: subject.map(|s| s.pegawai_id),
                    ip: None,
                    detail: serde_json::json!({ "action": "read_profile", "nomor_induk": nomor_induk }),
                },
            )
            .await
            .map_err(failed)?;
            return Err(refuse(
                StatusCode::FORBIDDEN,
                "tidak berwenang / not permitted",
            ));
        }
    }
    store::profil_by_nomor_induk(&pool, &nomor_induk)
        .await
        .map_err(failed)
}
