//! Verification server functions: take the caller, call the service, convert its
//! error. A verifier sees and decides only what waits in their scope at their level.

use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};

use super::queue::{Backlog, Case, Decision, QueueFilter, QueuePage, Summary};
use crate::edge::error::AppError;
use crate::proposal::lifecycle::Status;

/// A page of one of the caller's inboxes, oldest waiting first (JSON: `filter`).
#[server(prefix = "/api", endpoint = "antrian_verifikasi", input = Json)]
pub async fn antrian_verifikasi(filter: QueueFilter) -> Result<QueuePage, AppError> {
    use super::service::{inbox_of, VerificationError};
    use crate::edge;
    edge::as_signed_in(|me| async move {
        let (inboxes, inbox) = inbox_of(&me.principal, filter.inbox)?;
        let (items, next) = super::store::page(&me.pool, inbox, &filter, me.principal.pegawai_id)
            .await
            .map_err(VerificationError::from)?;
        Ok(QueuePage {
            inbox: inboxes.iter().position(|i| *i == inbox).unwrap_or(0),
            inboxes,
            items,
            next,
        })
    })
    .await
}

/// How many proposals of the inbox's scope stand where.
#[server(prefix = "/api", endpoint = "ringkasan_verifikasi", input = GetUrl)]
pub async fn ringkasan_verifikasi(inbox: usize) -> Result<Summary, AppError> {
    use super::service::{inbox_of, VerificationError};
    use crate::edge;
    edge::as_signed_in(|me| async move {
        let (_, inbox) = inbox_of(&me.principal, inbox)?;
        Ok(super::store::summary(&me.pool, inbox)
            .await
            .map_err(VerificationError::from)?)
    })
    .await
}

/// The backlog under the inbox's scope: per level and place, the oldest first.
#[server(prefix = "/api", endpoint = "sla_verifikasi", input = GetUrl)]
pub async fn sla_verifikasi(inbox: usize) -> Result<Vec<Backlog>, AppError> {
    use super::service::{inbox_of, VerificationError};
    use crate::edge;
    edge::as_signed_in(|me| async move {
        let (_, inbox) = inbox_of(&me.principal, inbox)?;
        Ok(super::store::backlog(&me.pool, inbox)
            .await
            .map_err(VerificationError::from)?)
    })
    .await
}

/// One proposal laid out for its decision.
#[server(prefix = "/api", endpoint = "berkas_usulan", input = GetUrl)]
pub async fn berkas_usulan(id: i64) -> Result<Case, AppError> {
    use super::service::inbox_of;
    use crate::edge::{self, request};
    edge::as_signed_in(|me| async move {
        inbox_of(&me.principal, 0)?;
        let key = request::settings().secret_key;
        Ok(super::service::case(&me.pool, &me.principal, id, &key).await?)
    })
    .await
}

/// Takes the lease on a proposal before deciding it; answers the lease's end (RFC 3339).
#[server(prefix = "/api", endpoint = "klaim_usulan")]
pub async fn klaim_usulan(id: i64) -> Result<String, AppError> {
    use super::service::inbox_of;
    use crate::edge;
    edge::as_signed_in(|me| async move {
        inbox_of(&me.principal, 0)?;
        let until = super::service::claim(&me.pool, &me.principal, id, me.ip).await?;
        Ok(until
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default())
    })
    .await
}

/// Gives the caller's lease on a proposal back.
#[server(prefix = "/api", endpoint = "lepas_klaim")]
pub async fn lepas_klaim(id: i64) -> Result<(), AppError> {
    use super::service::inbox_of;
    use crate::edge;
    edge::as_signed_in(|me| async move {
        inbox_of(&me.principal, 0)?;
        Ok(super::service::release(&me.pool, &me.principal, id).await?)
    })
    .await
}

/// Approves (to the next level, or applied at the last), returns or rejects a
/// proposal the caller holds (JSON: `id`, `keputusan`). Answers its new status.
#[server(prefix = "/api", endpoint = "putuskan_usulan", input = Json)]
pub async fn putuskan_usulan(id: i64, keputusan: Decision) -> Result<Status, AppError> {
    use super::service::inbox_of;
    use crate::edge::{self, request};
    edge::as_signed_in(|me| async move {
        inbox_of(&me.principal, 0)?;
        let session = request::session_reference().await;
        Ok(super::service::decide(&me.pool, &me.principal, id, keputusan, session, me.ip).await?)
    })
    .await
}

/// Every configured approval chain: history code and levels (1 unit kerja … 4 BKN Pusat).
#[server(prefix = "/api", endpoint = "rantai_persetujuan", input = GetUrl)]
pub async fn rantai_persetujuan() -> Result<Vec<(String, Vec<i16>)>, AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move { Ok(super::service::chains(&me.pool).await?) }).await
}

/// Sets the approval chain of a history (or `data_personal`): levels in order, going
/// up (e.g. `[2, 4]`, or the ePUPNS `[1, 2, 3, 4]`). BKN admins only; proposals
/// already submitted keep their chain.
#[server(prefix = "/api", endpoint = "atur_rantai", input = Json)]
pub async fn atur_rantai(riwayat: String, tingkat: Vec<i16>) -> Result<(), AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        Ok(
            super::service::set_approval_chain(&me.pool, &me.principal, &riwayat, &tingkat, me.ip)
                .await?,
        )
    })
    .await
}
