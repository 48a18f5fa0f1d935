//! Notification server functions: the caller's own decisions only. They read and
//! mark the store directly: there is no rule between them to put in a service.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::NotificationPage;
use crate::edge::error::AppError;

/// How many notifications a page holds.
pub const PAGE: i64 = 30;

#[cfg(feature = "ssr")]
fn failed(e: sqlx::Error) -> AppError {
    AppError::internal("notifications", e)
}

/// The caller's notifications, newest first; `sebelum` pages to older ones.
#[server(prefix = "/api", endpoint = "notifikasi", input = GetUrl)]
pub async fn notifikasi(sebelum: Option<i64>) -> Result<NotificationPage, AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        super::store::page(&me.pool, me.principal.pegawai_id, sebelum, PAGE)
            .await
            .map_err(failed)
    })
    .await
}

/// Marks the caller's notifications read up to `sampai` (a notification's id);
/// answers how many are still unread.
#[server(prefix = "/api", endpoint = "tandai_notifikasi_dibaca")]
pub async fn tandai_notifikasi_dibaca(sampai: i64) -> Result<i64, AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        super::store::mark_read(&me.pool, me.principal.pegawai_id, sampai)
            .await
            .map_err(failed)
    })
    .await
}
