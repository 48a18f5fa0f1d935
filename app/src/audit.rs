//! The audit trail: every authentication event, failed authorisation and decision,
//! appended in the same transaction as the change it records where there is one.

pub mod chain;

use std::net::IpAddr;

use sqlx::PgExecutor;

/// What happened. The code is what is stored and queried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditEvent {
    TokenIssued,
    TokenMailFailed,
    TokenRefusedMismatch,
    TokenRefusedTooMany,
    TokenRefusedSelfRegistration,
    TokenRedeemFailed,
    PasswordSet,
    LoginSucceeded,
    LoginFailed,
    LoginLocked,
    Logout,
    LogoutEverywhere,
    SessionExpired,
    AccessDenied,
    ContactFixed,
    VerifierAppointed,
    ContactStated,
    ContactConfirmed,
    ContactApproved,
    ContactRejected,
    LoginPendingRegistration,
    RegistrationSubmitted,
    RegistrationRefused,
    RegistrationGranted,
    RegistrationRejected,
    ActivationModeChanged,
    DataConfirmed,
    DocumentUploaded,
    ProposalSubmitted,
    ProposalWithdrawn,
    ProposalResubmitted,
    PeriodChanged,
    ProposalClaimed,
    ProposalApproved,
    ProposalReturned,
    ProposalRejected,
    ProposalApplied,
    ApprovalChainChanged,
}

impl AuditEvent {
    pub fn code(self) -> &'static str {
        use AuditEvent::*;
        match self {
            TokenIssued => "token.issued",
            TokenMailFailed => "token.mail_failed",
            TokenRefusedMismatch => "token.refused_mismatch",
            TokenRefusedTooMany => "token.refused_too_many",
            TokenRefusedSelfRegistration => "token.refused_self_registration",
            TokenRedeemFailed => "token.redeem_failed",
            PasswordSet => "password.set",
            LoginSucceeded => "login.succeeded",
            LoginFailed => "login.failed",
            LoginLocked => "login.locked",
            Logout => "logout",
            LogoutEverywhere => "logout.everywhere",
            SessionExpired => "session.expired",
            AccessDenied => "access.denied",
            ContactFixed => "contact.fixed",
            VerifierAppointed => "verifier.appointed",
            ContactStated => "contact.stated",
            ContactConfirmed => "contact.confirmed",
            ContactApproved => "contact.approved",
            ContactRejected => "contact.rejected",
            LoginPendingRegistration => "login.pending_registration",
            RegistrationSubmitted => "registration.submitted",
            RegistrationRefused => "registration.refused",
            RegistrationGranted => "registration.granted",
            RegistrationRejected => "registration.rejected",
            ActivationModeChanged => "agency.activation_mode",
            DataConfirmed => "data.confirmed",
            DocumentUploaded => "document.uploaded",
            ProposalSubmitted => "proposal.submitted",
            ProposalWithdrawn => "proposal.withdrawn",
            ProposalResubmitted => "proposal.resubmitted",
            PeriodChanged => "period.changed",
            ProposalClaimed => "proposal.claimed",
            ProposalApproved => "proposal.approved",
            ProposalReturned => "proposal.returned",
            ProposalRejected => "proposal.rejected",
            ProposalApplied => "proposal.applied",
            ApprovalChainChanged => "approval_chain.changed",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct AuditEntry {
    pub actor: Option<i64>,
    pub subject: Option<i64>,
    pub ip: Option<IpAddr>,
    pub detail: serde_json::Value,
}

impl AuditEntry {
    /// An entry for something a person did to their own record (actor and subject alike).
    pub fn own(subject: Option<i64>, ip: Option<IpAddr>, detail: serde_json::Value) -> Self {
        AuditEntry {
            actor: subject,
            subject,
            ip,
            detail,
        }
    }
}

/// Appends an entry. Its row locks the audit chain's head until the transaction
/// ends, so every other audited write waits: record it last, just before the
/// commit, never before slow work (mail, other services).
pub async fn record(
    db: impl PgExecutor<'_>,
    event: AuditEvent,
    entry: AuditEntry,
) -> Result<(), sqlx::Error> {
    let ip = entry.ip.map(sqlx::types::ipnetwork::IpNetwork::from);
    let detail = if entry.detail.is_null() {
        serde_json::json!({})
    } else {
        entry.detail
    };
    sqlx::query!(
        "INSERT INTO audit_log (event, actor_id, subject_id, ip, detail) VALUES ($1, $2, $3, $4, $5)",
        event.code(),
        entry.actor,
        entry.subject,
        ip,
        detail,
    )
    .execute(db)
    .await?;
    Ok(())
}
