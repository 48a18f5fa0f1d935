//! Notification server functions: the caller's own decisions only.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::NotificationPage;
use crate::auth::error::AuthError;

/// How many notifications a page holds.
pub const PAGE: i64 = 30;

#[cfg(feature = "ssr")]
fn failed(e: sqlx::Error) -> AuthError {
    tracing::error!(error = %e, "notifications");
    crate::auth::api::edge::refuse(AuthError::Server("notifications".into()))
}

/// The caller's notifications, newest first; `sebelum` pages to older ones.
#[server(prefix = "/api", endpoint = "notifikasi", input = GetUrl)]
pub async fn notifikasi(sebelum: Option<i64>) -> Result<NotificationPage, AuthError> {
    use crate::auth::api::edge;
    let user = crate::auth::api::signed_in_user().await?;
    super::store::page(&edge::pool(), user.principal.pegawai_id, sebelum, PAGE)
        .await
        .map_err(failed)
}

/// Marks the caller's notifications read up to `sampai` (a notification's id);
/// answers how many are still unread.
#[server(prefix = "/api", endpoint = "tandai_notifikasi_dibaca")]
pub async fn tandai_notifikasi_dibaca(sampai: i64) -> Result<i64, AuthError> {
    use crate::auth::api::edge;
    let user = crate::auth::api::signed_in_user().await?;
    super::store::mark_read(&edge::pool(), user.principal.pegawai_id, sampai)
        .await
        .map_err(failed)
}
