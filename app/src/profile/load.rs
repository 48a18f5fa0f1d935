use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::Profil;
use crate::edge::AppError;

/// Reads one employee's profile by NIP / NI PPPK: the caller's own, or one
/// their role covers (`auth::access`). A demo server (`ProfileAccess::Demo`)
/// also shows profiles without sign-in.
#[server(prefix = "/api", endpoint = "profil", input = GetUrl)]
pub async fn load_profil(nomor_induk: String) -> Result<Option<Profil>, AppError> {
    use super::store::{self, ProfileAccess};
    use crate::audit::{self, AuditEntry, AuditEvent};
    use crate::auth::access::{authorize, Action};
    use crate::edge::{answer, current_user, error::internal};

    answer(async move {
        let pool = expect_context::<sqlx::PgPool>();
        let access = use_context::<ProfileAccess>().unwrap_or(ProfileAccess::Closed);
        if access != ProfileAccess::Demo {
            let Some(user) = current_user().await? else {
                return Err(AppError::Unauthenticated);
            };
            let who = &user.principal;
            let subject = crate::auth::store::subject_by_nomor_induk(&pool, &nomor_induk)
                .await
                .map_err(internal("finding a profile's owner"))?;
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
                .map_err(internal("auditing a refused profile read"))?;
                return Err(AppError::Forbidden);
            }
        }
        Ok(store::profil_by_nomor_induk(&pool, &nomor_induk)
            .await
            .map_err(internal("loading a profile"))?)
    })
    .await
}
