//! Verification server functions: authorise, call the service, map its errors. A
//! verifier sees and decides only what waits in their scope at their level.

use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};

use super::queue::{Backlog, Case, Decision, QueueFilter, QueuePage, Summary};
use crate::auth::error::AuthError;
use crate::proposal::lifecycle::Status;

#[cfg(feature = "ssr")]
mod edge_errors {
    use super::super::service::VerificationError;
    use crate::auth::error::{AuthError, FieldError, Message};
    use crate::proposal::change::ChangeProblem;
    use crate::proposal::period::WIB;
    use crate::proposal::submission::EventKind;

    fn when(at: time::OffsetDateTime) -> String {
        let at = at.to_offset(WIB);
        format!(
            "{:02}-{:02}-{} {:02}.{:02} WIB",
            at.day(),
            u8::from(at.month()),
            at.year(),
            at.hour(),
            at.minute()
        )
    }

    pub fn to_edge(e: VerificationError) -> AuthError {
        let refused = |id: String, en: String| AuthError::Refused(Message { id, en });
        match e {
            VerificationError::NotFound => refused(
                "Usulan tidak ditemukan dalam wilayah verifikasi Anda.".into(),
                "Proposal not found in your verification scope.".into(),
            ),
            VerificationError::NotYourLevel(_) => refused(
                "Usulan ini tidak sedang menunggu di tingkat verifikasi Anda.".into(),
                "This proposal is not waiting at your verification level.".into(),
            ),
            VerificationError::AlreadyDecided { by, kind, at } => {
                let (id, en) = match kind {
                    EventKind::Withdrawn => ("ditarik", "withdrawn"),
                    EventKind::Returned => ("dikembalikan", "returned"),
                    EventKind::Rejected => ("ditolak", "rejected"),
                    EventKind::Applied => ("disetujui dan diterapkan", "approved and applied"),
                    _ => ("disetujui", "approved"),
                };
                refused(
                    format!("Usulan ini sudah {id} oleh {by} pada {}.", when(at)),
                    format!("This proposal was already {en} by {by} at {}.", when(at)),
                )
            }
            VerificationError::ClaimedBy { by, until } => refused(
                format!("Usulan ini sedang ditangani {by} sampai {}.", when(until)),
                format!("{by} is working on this proposal until {}.", when(until)),
            ),
            VerificationError::NotClaimed => refused(
                "Ambil usulan ini dahulu (tombol \"Tangani\") sebelum memutuskannya.".into(),
                "Claim this proposal first (\"Handle\") before deciding it.".into(),
            ),
            VerificationError::OwnProposal => refused(
                "Anda tidak dapat memverifikasi usulan Anda sendiri.".into(),
                "You cannot verify your own proposal.".into(),
            ),
            VerificationError::Reason(problem) => AuthError::Invalid(vec![FieldError {
                field: "alasan".into(),
                messages: vec![problem.message()],
            }]),
            VerificationError::CorrectionElsewhere => AuthError::Invalid(vec![FieldError {
                field: "koreksi".into(),
                messages: vec![Message::new(
                    "Koreksi harus untuk data yang sama dengan usulan.",
                    "A correction must be for the same record as the proposal.",
                )],
            }]),
            VerificationError::Change(ChangeProblem::Inconsistent(findings)) => {
                crate::proposal::api::edge_errors::findings_at_fields(&findings)
            }
            VerificationError::Change(problem) => AuthError::field("usulan", &[problem]),
            VerificationError::NoInbox => AuthError::Forbidden,
            VerificationError::Corrupt => {
                tracing::error!("a stored proposal does not parse");
                AuthError::Server("verification".into())
            }
            VerificationError::Profile(e) => {
                tracing::error!(error = %e, "reading the proposer's record");
                AuthError::Server("verification".into())
            }
            VerificationError::Database(e) => {
                tracing::error!(error = %e, "verification");
                AuthError::Server("verification".into())
            }
        }
    }
}

/// The signed-in verifier and the inbox they ask for (403 for anyone who verifies nothing).
#[cfg(feature = "ssr")]
async fn verifier(
    inbox: usize,
) -> Result<
    (
        crate::auth::session::CurrentUser,
        Vec<super::queue::Inbox>,
        super::queue::Inbox,
    ),
    AuthError,
> {
    use crate::auth::api::edge;
    let user = crate::auth::api::signed_in_user().await?;
    let inboxes = super::queue::Inbox::all_of(&user.principal.roles);
    let chosen = inboxes
        .get(inbox)
        .or(inboxes.first())
        .copied()
        .ok_or_else(|| edge::refuse(AuthError::Forbidden))?;
    Ok((user, inboxes, chosen))
}

/// A page of one of the caller's inboxes, oldest waiting first (JSON: `filter`).
#[server(prefix = "/api", endpoint = "antrian_verifikasi", input = Json)]
pub async fn antrian_verifikasi(filter: QueueFilter) -> Result<QueuePage, AuthError> {
    use crate::auth::api::edge;
    let (user, inboxes, inbox) = verifier(filter.inbox).await?;
    let (items, next) =
        super::store::page(&edge::pool(), inbox, &filter, user.principal.pegawai_id)
            .await
            .map_err(|e| edge::refuse(edge_errors::to_edge(e.into())))?;
    Ok(QueuePage {
        inbox: inboxes.iter().position(|i| *i == inbox).unwrap_or(0),
        inboxes,
        items,
        next,
    })
}

/// How many proposals of the inbox's scope stand where.
#[server(prefix = "/api", endpoint = "ringkasan_verifikasi", input = GetUrl)]
pub async fn ringkasan_verifikasi(inbox: usize) -> Result<Summary, AuthError> {
    use crate::auth::api::edge;
    let (_, _, inbox) = verifier(inbox).await?;
    super::store::summary(&edge::pool(), inbox)
        .await
        .map_err(|e| edge::refuse(edge_errors::to_edge(e.into())))
}

/// The backlog under the inbox's scope: per level and place, the oldest first.
#[server(prefix = "/api", endpoint = "sla_verifikasi", input = GetUrl)]
pub async fn sla_verifikasi(inbox: usize) -> Result<Vec<Backlog>, AuthError> {
    use crate::auth::api::edge;
    let (_, _, inbox) = verifier(inbox).await?;
    super::store::backlog(&edge::pool(), inbox)
        .await
        .map_err(|e| edge::refuse(edge_errors::to_edge(e.into())))
}

/// One proposal laid out for its decision.
#[server(prefix = "/api", endpoint = "berkas_usulan", input = GetUrl)]
pub async fn berkas_usulan(id: i64) -> Result<Case, AuthError> {
    use crate::auth::api::edge;
    let (user, _, _) = verifier(0).await?;
    let key = edge::settings().secret_key;
    super::service::case(&edge::pool(), &user.principal, id, &key)
        .await
        .map_err(|e| edge::refuse(edge_errors::to_edge(e)))
}

/// Takes the lease on a proposal before deciding it; answers the lease's end (RFC 3339).
#[server(prefix = "/api", endpoint = "klaim_usulan")]
pub async fn klaim_usulan(id: i64) -> Result<String, AuthError> {
    use crate::auth::api::edge;
    let (user, _, _) = verifier(0).await?;
    let until = super::service::claim(&edge::pool(), &user.principal, id, edge::client_ip().await)
        .await
        .map_err(|e| edge::refuse(edge_errors::to_edge(e)))?;
    Ok(until
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default())
}

/// Gives the caller's lease on a proposal back.
#[server(prefix = "/api", endpoint = "lepas_klaim")]
pub async fn lepas_klaim(id: i64) -> Result<(), AuthError> {
    use crate::auth::api::edge;
    let (user, _, _) = verifier(0).await?;
    super::service::release(&edge::pool(), &user.principal, id)
        .await
        .map_err(|e| edge::refuse(edge_errors::to_edge(e)))
}

/// Approves (to the next level, or applied at the last), returns or rejects a
/// proposal the caller holds (JSON: `id`, `keputusan`). Answers its new status.
#[server(prefix = "/api", endpoint = "putuskan_usulan", input = Json)]
pub async fn putuskan_usulan(id: i64, keputusan: Decision) -> Result<Status, AuthError> {
    use crate::auth::api::edge;
    let (user, _, _) = verifier(0).await?;
    let session = edge::session_reference().await;
    super::service::decide(
        &edge::pool(),
        &user.principal,
        id,
        keputusan,
        session,
        edge::client_ip().await,
    )
    .await
    .map_err(|e| edge::refuse(edge_errors::to_edge(e)))
}

/// Every configured approval chain: history code and levels (1 unit kerja … 4 BKN Pusat).
#[server(prefix = "/api", endpoint = "rantai_persetujuan", input = GetUrl)]
pub async fn rantai_persetujuan() -> Result<Vec<(String, Vec<i16>)>, AuthError> {
    use crate::auth::api::edge;
    use crate::proposal::authority::{all_chains, numbers_of};
    crate::auth::api::signed_in_user().await?;
    let chains = all_chains(&edge::pool()).await.map_err(|e| {
        tracing::error!(error = %e, "reading approval chains");
        edge::refuse(AuthError::Server("chains".into()))
    })?;
    Ok(chains
        .into_iter()
        .map(|(subject, chain)| (subject, numbers_of(&chain)))
        .collect())
}

/// Sets the approval chain of a history (or `data_personal`): levels in order, going
/// up (e.g. `[2, 4]`, or the ePUPNS `[1, 2, 3, 4]`). BKN admins only; proposals
/// already submitted keep their chain.
#[server(prefix = "/api", endpoint = "atur_rantai", input = Json)]
pub async fn atur_rantai(riwayat: String, tingkat: Vec<i16>) -> Result<(), AuthError> {
    use crate::audit::{self, AuditEntry, AuditEvent};
    use crate::auth::access::{authorize, Action};
    use crate::auth::api::edge;
    use crate::auth::error::Message;
    use crate::proposal::authority::{chain_of_numbers, set_chain, ChainSubject};

    let user = crate::auth::api::signed_in_user().await?;
    if authorize(&user.principal, &Action::ManagePeriod).is_err() {
        return Err(edge::refuse(AuthError::Forbidden));
    }
    let subject = ChainSubject::parse(&riwayat).ok_or_else(|| {
        edge::refuse(AuthError::Invalid(vec![crate::auth::error::FieldError {
            field: "riwayat".into(),
            messages: vec![Message::new("Riwayat tidak dikenal.", "Unknown history.")],
        }]))
    })?;
    let chain = chain_of_numbers(&tingkat).ok_or_else(|| {
        edge::refuse(AuthError::Invalid(vec![crate::auth::error::FieldError {
            field: "tingkat".into(),
            messages: vec![Message::new(
                "Rantai persetujuan berisi 1 sampai 4 tingkat (1 unit kerja, 2 instansi, 3 Kanreg, 4 BKN Pusat), masing-masing lebih tinggi dari sebelumnya.",
                "An approval chain has 1 to 4 levels (1 work unit, 2 agency, 3 Kanreg, 4 BKN Pusat), each higher than the one before.",
            )],
        }]))
    })?;
    let failed = |e: sqlx::Error| {
        tracing::error!(error = %e, "setting an approval chain");
        edge::refuse(AuthError::Server("chains".into()))
    };
    let pool = edge::pool();
    let mut tx = pool.begin().await.map_err(failed)?;
    let old = set_chain(&mut tx, subject, &chain, user.principal.pegawai_id)
        .await
        .map_err(failed)?;
    audit::record(
        &mut *tx,
        AuditEvent::ApprovalChainChanged,
        AuditEntry {
            actor: Some(user.principal.pegawai_id),
            subject: None,
            ip: edge::client_ip().await,
            detail: serde_json::json!({ "riwayat": subject.code(), "old": old, "new": tingkat }),
        },
    )
    .await
    .map_err(failed)?;
    tx.commit().await.map_err(failed)
}
