//! Proposal server functions: take the caller, call the service, convert its
//! error. The caller acts on their own record only; the period is BKN's to set.

use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};

use super::form::ProposalForm;
use super::period::PeriodState;
use super::submission::{ProposalView, Resubmission, Submission};
use crate::edge::error::AppError;

/// Proposes a change to one record of the caller's own history, with an uploaded
/// PDF. Answers the proposal's id (the same id again for a retried submission).
#[server(prefix = "/api", endpoint = "ajukan_usulan", input = Json)]
pub async fn ajukan_usulan(usulan: Submission) -> Result<i64, AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        let submitted = super::service::submit(&me.pool, &me.principal, usulan, me.ip).await?;
        Ok(submitted.id())
    })
    .await
}

/// Withdraws the caller's own proposal while it is undecided.
#[server(prefix = "/api", endpoint = "tarik_usulan")]
pub async fn tarik_usulan(id: i64) -> Result<(), AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        Ok(super::service::withdraw(&me.pool, &me.principal, id, me.ip).await?)
    })
    .await
}

/// Sends the caller's returned proposal again, corrected (JSON: `usulan`).
#[server(prefix = "/api", endpoint = "ajukan_ulang_usulan", input = Json)]
pub async fn ajukan_ulang_usulan(usulan: Resubmission) -> Result<(), AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        Ok(super::service::resubmit(&me.pool, &me.principal, usulan, me.ip).await?)
    })
    .await
}

/// Every proposal of the caller, newest first, each with its timeline.
#[server(prefix = "/api", endpoint = "usulan_saya", input = GetUrl)]
pub async fn usulan_saya() -> Result<Vec<ProposalView>, AppError> {
    use crate::edge::{self, request};
    edge::as_signed_in(|me| async move {
        let key = request::settings().secret_key;
        Ok(super::service::mine(&me.pool, &me.principal, &key).await?)
    })
    .await
}

/// What the proposal form for one of the caller's histories starts from.
#[server(prefix = "/api", endpoint = "bahan_usulan", input = GetUrl)]
pub async fn bahan_usulan(riwayat: String) -> Result<ProposalForm, AppError> {
    use crate::document::kind::{DocumentLimit, DEFAULT_MAX_BYTES};
    use crate::edge;
    edge::as_signed_in(|me| async move {
        let max_bytes = use_context::<DocumentLimit>().map_or(DEFAULT_MAX_BYTES, |l| l.0);
        Ok(super::service::form_for(&me.pool, &me.principal, &riwayat, max_bytes).await?)
    })
    .await
}

/// Keeps what the caller typed into one history's form (JSON: `draf`), or forgets
/// it when there is nothing left to keep.
#[server(prefix = "/api", endpoint = "simpan_draf", input = Json)]
pub async fn simpan_draf(draf: super::draft::DraftSave) -> Result<(), AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        Ok(super::service::save_draft(&me.pool, &me.principal, &draf).await?)
    })
    .await
}

/// Where the update period stands for the caller's agency.
#[server(prefix = "/api", endpoint = "periode_saya", input = GetUrl)]
pub async fn periode_saya() -> Result<PeriodState, AppError> {
    use crate::edge;
    use crate::proposal::service::ProposalError;
    edge::as_signed_in(|me| async move {
        super::service::period_for(&me.pool, me.principal.placement.instansi_id)
            .await
            .map_err(|e| ProposalError::from(e).into())
    })
    .await
}

/// Sets the national window (`instansi` empty) or one agency's own window (an
/// extension). Times as a `datetime-local` field sends them, in WIB. BKN admins only.
#[server(prefix = "/api", endpoint = "atur_periode")]
pub async fn atur_periode(
    instansi: Option<i32>,
    dibuka: String,
    ditutup: String,
) -> Result<(), AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        let times = (dibuka.as_str(), ditutup.as_str());
        Ok(super::service::set_period(&me.pool, &me.principal, instansi, times, me.ip).await?)
    })
    .await
}
