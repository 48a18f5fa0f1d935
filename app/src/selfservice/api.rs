//! Self-service server functions: the caller acts on their own record only.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::confirmation::Progress;
use crate::auth::error::AuthError;

/// The confirmation progress of the profile `nomor_induk`, if it is the signed-in
/// employee's own (anyone else, or nobody signed in: None; only the owner confirms).
#[server(prefix = "/api", endpoint = "progres_konfirmasi", input = GetUrl)]
pub async fn progres_konfirmasi(nomor_induk: String) -> Result<Option<Progress>, AuthError> {
    use crate::auth::api::{current_user, edge};

    let Some(user) = current_user().await? else {
        return Ok(None);
    };
    if user.nomor_induk.as_deref() != Some(nomor_induk.trim()) {
        return Ok(None);
    }
    super::store::progress(&edge::pool(), user.principal.pegawai_id)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "reading confirmations");
            edge::refuse(AuthError::Server("confirmations".into()))
        })
}

/// "Data sudah sesuai" for one section (`bagian`: "data_personal" or a history's
/// code) of the caller's own record. Answers the new progress.
#[server(prefix = "/api", endpoint = "konfirmasi_data")]
pub async fn konfirmasi_data(bagian: String) -> Result<Progress, AuthError> {
    use super::confirmation::Section;
    use crate::auth::api::{edge, signed_in_user};
    use crate::auth::error::{FieldError, Message};

    let user = signed_in_user().await?;
    let pool = edge::pool();
    let server = |e: sqlx::Error| {
        tracing::error!(error = %e, "confirming data");
        edge::refuse(AuthError::Server("confirmations".into()))
    };
    let id = user.principal.pegawai_id;
    let progress = super::store::progress(&pool, id)
        .await
        .map_err(server)?
        .ok_or_else(|| edge::refuse(AuthError::Forbidden))?;
    // Only the sections this employee has: a PPPK has no rank history to confirm.
    let section = Section::parse(bagian.trim())
        .filter(|s| progress.sections.iter().any(|(own, _)| own == s))
        .ok_or_else(|| {
            edge::refuse(AuthError::Invalid(vec![FieldError {
                field: "bagian".into(),
                messages: vec![Message::new(
                    "Bagian data ini tidak ada pada data Anda.",
                    "Your record has no such section.",
                )],
            }]))
        })?;
    super::store::confirm(&pool, id, section, edge::client_ip().await)
        .await
        .map_err(server)?;
    super::store::progress(&pool, id)
        .await
        .map_err(server)?
        .ok_or_else(|| edge::refuse(AuthError::Forbidden))
}

/// The signed-in employee's own confirmation progress.
#[server(prefix = "/api", endpoint = "konfirmasi_saya", input = GetUrl)]
pub async fn konfirmasi_saya() -> Result<Progress, AuthError> {
    use crate::auth::api::{edge, signed_in_user};

    let user = signed_in_user().await?;
    super::store::progress(&edge::pool(), user.principal.pegawai_id)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "reading confirmations");
            edge::refuse(AuthError::Server("confirmations".into()))
        })?
        .ok_or_else(|| edge::refuse(AuthError::Forbidden))
}
