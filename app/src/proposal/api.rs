//! Proposal server functions: authorise, call the service, map its errors. The caller
//! acts on their own record only; the period is BKN's to set.

use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};

use super::form::ProposalForm;
use super::period::PeriodState;
use super::submission::{ProposalView, Resubmission, Submission};
use crate::auth::error::AuthError;

#[cfg(feature = "ssr")]
pub(crate) mod edge_errors {
    use super::super::lifecycle::LifecycleError;
    use super::super::service::ProposalError;
    use crate::auth::error::{AuthError, FieldError, Message};
    use crate::proposal::change::ChangeProblem;

    fn field(name: &str, message: Message) -> AuthError {
        AuthError::Invalid(vec![FieldError {
            field: name.to_owned(),
            messages: vec![message],
        }])
    }

    /// Each finding on its field ("pangkat[0].golongan"), so a form can show it
    /// where it belongs.
    pub fn findings_at_fields(findings: &[crate::domain::checks::Finding]) -> AuthError {
        AuthError::Invalid(
            findings
                .iter()
                .map(|f| FieldError {
                    field: f.field.to_string(),
                    messages: vec![Message::of(f)],
                })
                .collect(),
        )
    }

    pub fn to_edge(e: ProposalError) -> AuthError {
        let refused = |id: &str, en: &str| AuthError::Refused(Message::new(id, en));
        match e {
            ProposalError::PeriodClosed(state) => AuthError::Refused(Message::of(&state)),
            ProposalError::Change(ChangeProblem::Inconsistent(findings)) => {
                findings_at_fields(&findings)
            }
            ProposalError::Change(problem) => AuthError::field("usulan", &[problem]),
            ProposalError::DocumentNotFound => field(
                "dokumen_id",
                Message::new(
                    "Dokumen pendukung tidak ditemukan. Unggah dokumennya lagi.",
                    "The supporting document was not found. Upload it again.",
                ),
            ),
            ProposalError::DocumentNotPdf => field(
                "dokumen_id",
                Message::new(
                    "Dokumen pendukung harus berupa PDF.",
                    "The supporting document must be a PDF.",
                ),
            ),
            ProposalError::AlreadyOpen => refused(
                "Data ini masih memiliki usulan yang belum selesai. Tunggu keputusannya atau tarik usulan itu dahulu.",
                "This record already has an unfinished proposal. Wait for its decision or withdraw it first.",
            ),
            ProposalError::KeyReused => refused(
                "Pengajuan ini bertabrakan dengan pengajuan lain. Muat ulang halaman lalu ajukan lagi.",
                "This submission collides with another one. Reload the page and submit again.",
            ),
            ProposalError::NotFound => refused("Usulan tidak ditemukan.", "Proposal not found."),
            ProposalError::Lifecycle(LifecycleError::Decided) => refused(
                "Usulan ini sudah selesai (diterapkan, ditolak atau ditarik).",
                "This proposal is already finished (applied, rejected or withdrawn).",
            ),
            ProposalError::Lifecycle(LifecycleError::NotAllowed) => refused(
                "Langkah ini tidak dapat dilakukan pada usulan ini sekarang.",
                "This step cannot be taken on this proposal now.",
            ),
            ProposalError::Chain(e) => {
                tracing::error!(error = %e, "the approval chain");
                AuthError::Server("proposals".into())
            }
            ProposalError::Profile(e) => {
                tracing::error!(error = %e, "reading the proposer's record");
                AuthError::Server("proposals".into())
            }
            ProposalError::Database(e) => {
                tracing::error!(error = %e, "proposals");
                AuthError::Server("proposals".into())
            }
        }
    }
}

/// Proposes a change to one record of the caller's own history, with an uploaded
/// PDF. Answers the proposal's id (the same id again for a retried submission).
#[server(prefix = "/api", endpoint = "ajukan_usulan", input = Json)]
pub async fn ajukan_usulan(usulan: Submission) -> Result<i64, AuthError> {
    use crate::auth::api::edge;
    let user = crate::auth::api::signed_in_user().await?;
    super::service::submit(
        &edge::pool(),
        &user.principal,
        usulan,
        edge::client_ip().await,
    )
    .await
    .map(|s| s.id())
    .map_err(|e| edge::refuse(edge_errors::to_edge(e)))
}

/// Withdraws the caller's own proposal while it is undecided.
#[server(prefix = "/api", endpoint = "tarik_usulan")]
pub async fn tarik_usulan(id: i64) -> Result<(), AuthError> {
    use crate::auth::api::edge;
    let user = crate::auth::api::signed_in_user().await?;
    super::service::withdraw(&edge::pool(), &user.principal, id, edge::client_ip().await)
        .await
        .map_err(|e| edge::refuse(edge_errors::to_edge(e)))
}

/// Sends the caller's returned proposal again, corrected (JSON: `usulan`).
#[server(prefix = "/api", endpoint = "ajukan_ulang_usulan", input = Json)]
pub async fn ajukan_ulang_usulan(usulan: Resubmission) -> Result<(), AuthError> {
    use crate::auth::api::edge;
    let user = crate::auth::api::signed_in_user().await?;
    super::service::resubmit(
        &edge::pool(),
        &user.principal,
        usulan,
        edge::client_ip().await,
    )
    .await
    .map_err(|e| edge::refuse(edge_errors::to_edge(e)))
}

/// Every proposal of the caller, newest first, each with its timeline.
#[server(prefix = "/api", endpoint = "usulan_saya", input = GetUrl)]
pub async fn usulan_saya() -> Result<Vec<ProposalView>, AuthError> {
    use crate::auth::api::edge;
    let user = crate::auth::api::signed_in_user().await?;
    let key = edge::settings().secret_key;
    let mut list = super::store::list(&edge::pool(), user.principal.pegawai_id)
        .await
        .map_err(|e| edge::refuse(edge_errors::to_edge(e.into())))?;
    for view in &mut list {
        view.kode_bukti = super::proof::code_of(&key, view, user.principal.pegawai_id);
    }
    Ok(list)
}

/// What the proposal form for one of the caller's histories starts from.
#[server(prefix = "/api", endpoint = "bahan_usulan", input = GetUrl)]
pub async fn bahan_usulan(riwayat: String) -> Result<ProposalForm, AuthError> {
    use crate::auth::api::edge;
    use crate::auth::error::Message;
    use crate::domain::reference::Riwayat;
    use crate::proposal::change::{records_of, Target};
    use crate::proposal::service::ProposalError;
    use crate::proposal::store;

    let user = crate::auth::api::signed_in_user().await?;
    let pool = edge::pool();
    let Ok(riwayat) = Riwayat::parse(&riwayat) else {
        return Err(edge::refuse(AuthError::Refused(Message::new(
            "Riwayat tidak dikenal.",
            "Unknown history.",
        ))));
    };
    let fail = |e: ProposalError| edge::refuse(edge_errors::to_edge(e));
    let profil = crate::profile::store::profil_by_id(&pool, user.principal.pegawai_id)
        .await
        .map_err(|e| fail(e.into()))?
        .ok_or_else(|| fail(ProposalError::NotFound))?;
    if !riwayat.applies_to(profil.pegawai.personal.nomor_induk.jenis_pegawai()) {
        return Err(fail(ProposalError::Change(
            super::change::ChangeProblem::NotApplicable,
        )));
    }
    let latest = records_of(&profil.pegawai, riwayat).into_iter().next();
    let target = latest.as_ref().map(|r| match r.id() {
        Some(id) => Target::Existing(id),
        None => Target::Only,
    });
    let returned = store::list(&pool, user.principal.pegawai_id)
        .await
        .map_err(|e| fail(e.into()))?
        .into_iter()
        .find(|p| {
            p.riwayat == riwayat
                && matches!(p.status, super::lifecycle::Status::Returned { .. })
                && Some(p.target) == target
        })
        .map(|p| super::form::Returned {
            id: p.id,
            record: p.after,
            reason: p.timeline.iter().rev().find_map(|e| e.reason.clone()),
        });
    let draft = super::draft::store::find(
        &pool,
        user.principal.pegawai_id,
        riwayat,
        latest.as_ref().and_then(|r| r.id()),
    )
    .await
    .map_err(|e| fail(e.into()))?;
    let now = store::now(&pool).await.map_err(|e| fail(e.into()))?;
    let period = super::service::period_for(&pool, user.principal.placement.instansi_id)
        .await
        .map_err(|e| fail(e.into()))?;
    Ok(ProposalForm {
        riwayat,
        may_add: !riwayat.allows_only_latest_proposal() && riwayat != Riwayat::CpnsPns,
        pegawai: profil.pegawai,
        latest,
        target,
        period,
        max_bytes: use_context::<crate::document::kind::DocumentLimit>()
            .map_or(crate::document::kind::DEFAULT_MAX_BYTES, |l| l.0),
        today: now.to_offset(super::period::WIB).date(),
        returned,
        draft,
    })
}

/// Keeps what the caller typed into one history's form (JSON: `draf`), or forgets
/// it when there is nothing left to keep. Open or closed period alike: a draft is
/// not a proposal.
#[server(prefix = "/api", endpoint = "simpan_draf", input = Json)]
pub async fn simpan_draf(draf: super::draft::DraftSave) -> Result<(), AuthError> {
    use crate::auth::api::edge;
    let user = crate::auth::api::signed_in_user().await?;
    if let Some(draft) = &draf.draft {
        draft
            .check()
            .map_err(|problem| edge::refuse(AuthError::field("draf", &[problem])))?;
    }
    super::draft::store::save(&edge::pool(), user.principal.pegawai_id, &draf)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "saving a draft");
            edge::refuse(AuthError::Server("drafts".into()))
        })
}

/// Where the update period stands for the caller's agency.
#[server(prefix = "/api", endpoint = "periode_saya", input = GetUrl)]
pub async fn periode_saya() -> Result<PeriodState, AuthError> {
    use crate::auth::api::edge;
    let user = crate::auth::api::signed_in_user().await?;
    super::service::period_for(&edge::pool(), user.principal.placement.instansi_id)
        .await
        .map_err(|e| edge::refuse(edge_errors::to_edge(e.into())))
}

/// Sets the national window (`instansi` empty) or one agency's own window (an
/// extension). Times as a `datetime-local` field sends them, in WIB. BKN admins only.
#[server(prefix = "/api", endpoint = "atur_periode")]
pub async fn atur_periode(
    instansi: Option<i32>,
    dibuka: String,
    ditutup: String,
) -> Result<(), AuthError> {
    use super::period::{parse_time, Window};
    use crate::audit::{self, AuditEntry, AuditEvent};
    use crate::auth::access::{authorize, Action};
    use crate::auth::api::edge;
    use crate::auth::error::{FieldError, Message};

    let user = crate::auth::api::signed_in_user().await?;
    let pool = edge::pool();
    let ip = edge::client_ip().await;
    if authorize(&user.principal, &Action::ManagePeriod).is_err() {
        let _ = audit::record(
            &pool,
            AuditEvent::AccessDenied,
            AuditEntry {
                actor: Some(user.principal.pegawai_id),
                subject: None,
                ip,
                detail: serde_json::json!({ "action": "manage_period", "instansi_id": instansi }),
            },
        )
        .await;
        return Err(edge::refuse(AuthError::Forbidden));
    }
    let bad_time = |name: &str| FieldError {
        field: name.to_owned(),
        messages: vec![Message::new(
            "Isi tanggal dan jam, misalnya 2026-12-01T08:00 (WIB).",
            "Enter a date and time, e.g. 2026-12-01T08:00 (WIB).",
        )],
    };
    let (opens, closes) = (parse_time(&dibuka), parse_time(&ditutup));
    let mut problems = Vec::new();
    if opens.is_none() {
        problems.push(bad_time("dibuka"));
    }
    if closes.is_none() {
        problems.push(bad_time("ditutup"));
    }
    let window = match (opens, closes) {
        (Some(o), Some(c)) => Window::new(o, c).ok(),
        _ => None,
    };
    let Some(window) = window else {
        if problems.is_empty() {
            problems.push(FieldError {
                field: "ditutup".into(),
                messages: vec![Message::new(
                    "Waktu tutup harus sesudah waktu buka.",
                    "The closing time must be after the opening time.",
                )],
            });
        }
        return Err(edge::refuse(AuthError::Invalid(problems)));
    };
    super::service::set_period(&pool, user.principal.pegawai_id, instansi, window, ip)
        .await
        .map_err(|e| {
            let unknown_agency = e
                .as_database_error()
                .is_some_and(|d| d.is_foreign_key_violation());
            if unknown_agency {
                edge::refuse(AuthError::Invalid(vec![FieldError {
                    field: "instansi".into(),
                    messages: vec![Message::new("Instansi tidak dikenal.", "Unknown agency.")],
                }]))
            } else {
                edge::refuse(edge_errors::to_edge(e.into()))
            }
        })
}
