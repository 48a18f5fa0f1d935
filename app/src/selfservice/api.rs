//! Self-service server functions: the caller acts on their own record only.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::confirmation::Progress;
use crate::edge::error::AppError;

/// The confirmation progress of the profile `nomor_induk`, if it is the signed-in
/// employee's own (anyone else, or nobody signed in: None; only the owner confirms).
#[server(prefix = "/api", endpoint = "progres_konfirmasi", input = GetUrl)]
pub async fn progres_konfirmasi(nomor_induk: String) -> Result<Option<Progress>, AppError> {
    use crate::edge::{self, request};
    edge::answer(async {
        let Some(user) = edge::current_user().await? else {
            return Ok(None);
        };
        if user.nomor_induk.as_deref() != Some(nomor_induk.trim()) {
            return Ok(None);
        }
        Ok(
            super::store::progress(&request::pool(), user.principal.pegawai_id)
                .await
                .map_err(super::service::ConfirmationError::from)?,
        )
    })
    .await
}

/// "Data sudah sesuai" for one section (`bagian`: "data_personal" or a history's
/// code) of the caller's own record. Answers the new progress.
#[server(prefix = "/api", endpoint = "konfirmasi_data")]
pub async fn konfirmasi_data(bagian: String) -> Result<Progress, AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        Ok(super::service::confirm(&me.pool, me.principal.pegawai_id, &bagian, me.ip).await?)
    })
    .await
}

/// The signed-in employee's own confirmation progress.
#[server(prefix = "/api", endpoint = "konfirmasi_saya", input = GetUrl)]
pub async fn konfirmasi_saya() -> Result<Progress, AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        Ok(super::service::progress(&me.pool, me.principal.pegawai_id).await?)
    })
    .await
}
