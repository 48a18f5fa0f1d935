//! The verifier's steps: claim a proposal, decide it. A decision is one transaction
//! on the locked proposal row: the lifecycle's next state, the timeline step, the
//! master record written at the last approval (its previous version kept), and the
//! audit entry. Of concurrent decisions on one proposal the first to lock it wins;
//! the others find it moved on and are told by whom.

use sqlx::PgPool;
use time::{Duration, OffsetDateTime};

use super::queue::{Case, Decision, Inbox, ReasonProblem, Verdict};
use super::store::{self, Held};
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::auth::access::{Placement, Principal};
use crate::domain::reference::{JenisDokumen, Riwayat};
use crate::edge::error::Message;
use crate::profile::store::{profil_by_id, StoreError};
use crate::proposal::authority::chain_of_numbers;
use crate::proposal::change::{prepare, records_of, ChangeProblem, ProposedRecord, Target};
use crate::proposal::lifecycle::{next, Actor, Chain, Level, LifecycleError, Status, Transition};
use crate::proposal::period::WIB;
use crate::proposal::store as proposals;
use crate::proposal::submission::EventKind;

/// How long a claim holds a proposal for its verifier.
pub const CLAIM_LEASE: Duration = Duration::minutes(15);

#[derive(Debug, thiserror::Error)]
pub enum VerificationError {
    /// Not there, or outside every scope of the caller's (the same answer, so that
    /// a verifier cannot probe for proposals outside their scope).
    #[error("no such proposal in the caller's scope")]
    NotFound,
    /// In scope, but waiting at a level the caller does not verify.
    #[error("the proposal waits at another level")]
    NotYourLevel(Option<Level>),
    #[error("already decided by {by}")]
    AlreadyDecided {
        by: String,
        kind: EventKind,
        at: OffsetDateTime,
    },
    #[error("claimed by {by} until {until}")]
    ClaimedBy { by: String, until: OffsetDateTime },
    #[error("claim the proposal before deciding it")]
    NotClaimed,
    #[error("a verifier does not decide their own proposal")]
    OwnProposal,
    #[error("the reason is refused")]
    Reason(ReasonProblem),
    /// The correction is for another history or record.
    #[error("the correction is for another record")]
    CorrectionElsewhere,
    /// The (corrected) proposal does not fit the record as it stands now.
    #[error("the proposal does not fit the record now: {0:?}")]
    Change(ChangeProblem),
    #[error("the caller verifies nothing")]
    NoInbox,
    #[error("not permitted")]
    Forbidden,
    #[error("no such history")]
    UnknownHistory,
    /// Not 1 to 4 levels, each higher than the one before.
    #[error("not a valid approval chain")]
    BadChain,
    #[error("a stored proposal does not parse")]
    Corrupt,
    #[error(transparent)]
    Profile(#[from] StoreError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// The level at which `who` may decide a proposal of `placement` waiting at
/// `waiting_at`: one of their verifier roles covers the employee at that level.
fn acting_level(who: &Principal, placement: &Placement, waiting_at: Option<i16>) -> Option<Level> {
    let waiting = Level::from_number(u8::try_from(waiting_at?).ok()?)?;
    Inbox::all_of(&who.roles)
        .into_iter()
        .any(|inbox| inbox.level == waiting && inbox.scope.covers(placement))
        .then_some(waiting)
}

fn in_scope(who: &Principal, placement: &Placement) -> bool {
    Inbox::all_of(&who.roles)
        .iter()
        .any(|inbox| inbox.scope.covers(placement))
}

/// Why a verifier in scope cannot act on it now: someone decided (or the owner
/// withdrew) it, or it is not at their level yet.
async fn why_not(
    db: impl sqlx::PgExecutor<'_>,
    id: i64,
    waiting_at: Option<i16>,
) -> Result<VerificationError, sqlx::Error> {
    let last = store::last_step(db, id).await?;
    Ok(match last {
        Some((by, kind, at)) if kind != EventKind::Submitted && kind != EventKind::Resubmitted => {
            VerificationError::AlreadyDecided { by, kind, at }
        }
        _ => VerificationError::NotYourLevel(
            waiting_at.and_then(|l| Level::from_number(u8::try_from(l).ok()?)),
        ),
    })
}

/// The proposal, locked, and the level the caller acts at: refused when it is
/// outside their scope, their own, or not (any more) waiting at one of their levels.
async fn held_at_my_level(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    who: &Principal,
    id: i64,
) -> Result<(Held, Level), VerificationError> {
    let held = store::lock(tx, id)
        .await?
        .filter(|h| in_scope(who, &h.placement))
        .ok_or(VerificationError::NotFound)?;
    if held.pegawai_id == who.pegawai_id {
        return Err(VerificationError::OwnProposal);
    }
    match acting_level(who, &held.placement, held.waiting_at) {
        Some(level) => Ok((held, level)),
        None => Err(why_not(&mut **tx, id, held.waiting_at).await?),
    }
}

/// Why the caller holds no lease: a colleague's live one, or none at all.
async fn claim_problem(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    id: i64,
) -> Result<VerificationError, sqlx::Error> {
    Ok(match store::holder(&mut **tx, id).await? {
        Some((_, by, until)) => VerificationError::ClaimedBy { by, until },
        None => VerificationError::NotClaimed,
    })
}

/// Takes the lease on a proposal waiting at one of the caller's levels.
pub async fn claim(
    pool: &PgPool,
    who: &Principal,
    id: i64,
    ip: Option<std::net::IpAddr>,
) -> Result<OffsetDateTime, VerificationError> {
    let mut tx = pool.begin().await?;
    let (held, level) = held_at_my_level(&mut tx, who, id).await?;
    let Some(until) = store::claim(&mut *tx, id, level, who.pegawai_id, CLAIM_LEASE).await? else {
        return Err(claim_problem(&mut tx, id).await?);
    };
    audit::record(
        &mut *tx,
        AuditEvent::ProposalClaimed,
        AuditEntry {
            actor: Some(who.pegawai_id),
            subject: Some(held.pegawai_id),
            ip,
            detail: serde_json::json!({ "usulan_id": id, "tingkat": level.number() }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(until)
}

/// Gives the caller's lease back.
pub async fn release(pool: &PgPool, who: &Principal, id: i64) -> Result<(), VerificationError> {
    store::release(pool, id, who.pegawai_id).await?;
    Ok(())
}

struct Parsed {
    riwayat: Riwayat,
    chain: Chain,
    status: Status,
    target: Target,
    after: ProposedRecord,
    jenis: JenisDokumen,
}

fn parse(held: &Held) -> Result<Parsed, VerificationError> {
    let corrupt = |_| VerificationError::Corrupt;
    Ok(Parsed {
        riwayat: Riwayat::parse(&held.riwayat).map_err(corrupt)?,
        chain: chain_of_numbers(&held.rantai).ok_or(VerificationError::Corrupt)?,
        status: held.status.ok_or(VerificationError::Corrupt)?,
        target: Target::stored(held.baru, held.record_id),
        after: serde_json::from_value(held.nilai_baru.clone())
            .map_err(|_| VerificationError::Corrupt)?,
        jenis: JenisDokumen::parse(&held.jenis_dokumen).map_err(corrupt)?,
    })
}

/// Decides a proposal the caller holds the lease on.
pub async fn decide(
    pool: &PgPool,
    who: &Principal,
    id: i64,
    decision: Decision,
    session: Option<String>,
    ip: Option<std::net::IpAddr>,
) -> Result<Status, VerificationError> {
    let reason = decision.reason().map_err(VerificationError::Reason)?;
    let mut tx = pool.begin().await?;
    let (held, level) = held_at_my_level(&mut tx, who, id).await?;
    if !(held.claim_live && held.claimed_by == Some(who.pegawai_id)) {
        return Err(claim_problem(&mut tx, id).await?);
    }
    let parsed = parse(&held)?;
    let transition = match decision.verdict {
        Verdict::Approve => Transition::Approve,
        Verdict::Return => Transition::Return,
        Verdict::Reject => Transition::Reject,
    };
    let status = next(
        &parsed.chain,
        parsed.status,
        Actor::Verifier(level),
        transition,
    )
    .map_err(|e| match e {
        LifecycleError::Decided | LifecycleError::NotAllowed => {
            VerificationError::NotYourLevel(None)
        }
    })?;

    // A correction goes with an approval only, for the same record, and must pass the
    // same checks as the employee's proposal did.
    let correction = match (&decision.correction, decision.verdict) {
        (Some(c), Verdict::Approve) if *c != parsed.after => Some(c.clone()),
        _ => None,
    };
    if let Some(c) = &correction {
        if c.riwayat() != parsed.riwayat
            || (c.id() != parsed.after.id() && parsed.target != Target::New)
        {
            return Err(VerificationError::CorrectionElsewhere);
        }
    }
    let mut values = correction.clone().unwrap_or_else(|| parsed.after.clone());
    let mut written = None;
    if decision.verdict == Verdict::Approve {
        // Checked against the record as it stands now, with this employee's other
        // applies waiting (so that each sees the record as the one before left it).
        if status == Status::Applied {
            store::serialize_applies(&mut tx, held.pegawai_id).await?;
        }
        // Read on this transaction's own connection: waiting for a second one while
        // the concurrent deciders hold the rest of the pool would starve it.
        let today = proposals::now(&mut *tx).await?.to_offset(WIB).date();
        let profil = profil_by_id(&mut *tx, held.pegawai_id)
            .await?
            .ok_or(VerificationError::Corrupt)?;
        let prepared = prepare(&profil.pegawai, parsed.target, values, parsed.jenis, today)
            .map_err(VerificationError::Change)?;
        values = prepared.after;
        if status == Status::Applied {
            let record_id = parsed.target.record_id();
            written =
                Some(store::write_master(&mut tx, held.pegawai_id, record_id, &values, id).await?);
        }
    }
    let values_json = serde_json::to_value(&values).map_err(|_| VerificationError::Corrupt)?;
    store::decided(
        &mut tx,
        id,
        status,
        correction.as_ref().map(|_| &values_json),
    )
    .await?;
    let kind = match decision.verdict {
        Verdict::Approve => EventKind::Approved,
        Verdict::Return => EventKind::Returned,
        Verdict::Reject => EventKind::Rejected,
    };
    let step = proposals::insert_event(
        &mut tx,
        id,
        held.pegawai_id,
        kind,
        Some(level),
        Some(who.pegawai_id),
        reason.as_deref(),
    )
    .await?;
    let correction_json = correction
        .as_ref()
        .map(|_| serde_json::json!({ "sebelum": held.nilai_baru, "sesudah": values_json }));
    if let Some(c) = &correction_json {
        store::note_correction(&mut tx, step, c).await?;
    }
    // One email per decision: at the last level the one saying it is applied.
    let mut mailed_step = step;
    if status == Status::Applied {
        mailed_step = proposals::insert_event(
            &mut tx,
            id,
            held.pegawai_id,
            EventKind::Applied,
            None,
            Some(who.pegawai_id),
            None,
        )
        .await?;
    }
    crate::notification::store::enqueue_mail(&mut *tx, mailed_step).await?;
    let event = match (decision.verdict, status) {
        (Verdict::Approve, Status::Applied) => AuditEvent::ProposalApplied,
        (Verdict::Approve, _) => AuditEvent::ProposalApproved,
        (Verdict::Return, _) => AuditEvent::ProposalReturned,
        (Verdict::Reject, _) => AuditEvent::ProposalRejected,
    };
    // Last in the transaction: the audit chain's head stays locked until commit.
    audit::record(
        &mut *tx,
        event,
        AuditEntry {
            actor: Some(who.pegawai_id),
            subject: Some(held.pegawai_id),
            ip,
            detail: serde_json::json!({
                "usulan_id": id,
                "riwayat": parsed.riwayat.code(),
                "tingkat": level.number(),
                "status": status.code(),
                "alasan": reason,
                "sebelum": held.nilai_lama,
                "sesudah": values_json,
                "koreksi": correction_json,
                "record_id": written.flatten(),
                "sesi": session,
            }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(status)
}

/// A proposal laid out for the verifier: only inside their scope.
/// `proof_key` derives the proposal's proof code, for checking a printout.
pub async fn case(
    pool: &PgPool,
    who: &Principal,
    id: i64,
    proof_key: &[u8],
) -> Result<Case, VerificationError> {
    let (pegawai_id, placement) = store::placement(pool, id)
        .await?
        .filter(|(_, p)| in_scope(who, p))
        .ok_or(VerificationError::NotFound)?;
    let mut proposal = proposals::list(pool, pegawai_id)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(VerificationError::Corrupt)?;
    proposal.kode_bukti = crate::proposal::proof::code_of(proof_key, &proposal, pegawai_id);
    let (nama, nomor_induk, unit_kerja) = store::who_proposed(pool, id)
        .await?
        .ok_or(VerificationError::NotFound)?;
    let profil = profil_by_id(pool, pegawai_id)
        .await?
        .ok_or(VerificationError::Corrupt)?;
    let current = match proposal.target {
        Target::Existing(record) => records_of(&profil.pegawai, proposal.riwayat)
            .into_iter()
            .find(|r| r.id() == Some(record)),
        Target::Only => records_of(&profil.pegawai, proposal.riwayat)
            .into_iter()
            .next(),
        Target::New => None,
    };
    let today = proposals::now(pool).await?.to_offset(WIB).date();
    let (findings, blocking) = if proposal.status.is_open() {
        match prepare(
            &profil.pegawai,
            proposal.target,
            proposal.after.clone(),
            proposal.jenis_dokumen,
            today,
        ) {
            Ok(p) => (
                p.warnings
                    .iter()
                    .map(|f| (f.field.to_string(), Message::of(f)))
                    .collect(),
                false,
            ),
            Err(ChangeProblem::Inconsistent(errors)) => (
                errors
                    .iter()
                    .map(|f| (f.field.to_string(), Message::of(f)))
                    .collect(),
                true,
            ),
            Err(problem) => (vec![("usulan".to_owned(), Message::of(&problem))], true),
        }
    } else {
        (vec![], false)
    };
    let waiting_at = match proposal.status {
        Status::Pending { step } => proposal.chain.at(step).map(|l| i16::from(l.number())),
        _ => None,
    };
    let holder = store::holder(pool, id).await?;
    Ok(Case {
        my_level: acting_level(who, &placement, waiting_at)
            .filter(|_| pegawai_id != who.pegawai_id),
        claimed_by_me: holder
            .as_ref()
            .is_some_and(|(by, _, _)| *by == who.pegawai_id),
        claimed_by: holder.as_ref().map(|(_, name, _)| name.clone()),
        claim_until: holder.map(|(_, _, until)| until),
        proposal,
        nama,
        nomor_induk,
        unit_kerja,
        current,
        findings,
        blocking,
    })
}

/// The caller's inboxes, and the one they ask for (the first when that one is not
/// theirs); `NoInbox` for anyone who verifies nothing.
pub fn inbox_of(who: &Principal, asked: usize) -> Result<(Vec<Inbox>, Inbox), VerificationError> {
    let inboxes = Inbox::all_of(&who.roles);
    let chosen = inboxes
        .get(asked)
        .or(inboxes.first())
        .copied()
        .ok_or(VerificationError::NoInbox)?;
    Ok((inboxes, chosen))
}

/// Every configured approval chain: history code and levels (1 unit kerja … 4 BKN Pusat).
pub async fn chains(pool: &PgPool) -> Result<Vec<(String, Vec<i16>)>, VerificationError> {
    use crate::proposal::authority::{all_chains, numbers_of};
    Ok(all_chains(pool)
        .await?
        .into_iter()
        .map(|(subject, chain)| (subject, numbers_of(&chain)))
        .collect())
}

/// Sets the approval chain of a history (or `data_personal`), audited with the old
/// and new levels. BKN admins only; proposals already submitted keep their chain.
pub async fn set_approval_chain(
    pool: &PgPool,
    who: &Principal,
    riwayat: &str,
    tingkat: &[i16],
    ip: Option<std::net::IpAddr>,
) -> Result<(), VerificationError> {
    use crate::auth::access::{authorize, Action};
    use crate::proposal::authority::{set_chain, ChainSubject};
    if authorize(who, &Action::ManagePeriod).is_err() {
        return Err(VerificationError::Forbidden);
    }
    let subject = ChainSubject::parse(riwayat).ok_or(VerificationError::UnknownHistory)?;
    let chain = chain_of_numbers(tingkat).ok_or(VerificationError::BadChain)?;
    let mut tx = pool.begin().await?;
    let old = set_chain(&mut tx, subject, &chain, who.pegawai_id).await?;
    audit::record(
        &mut *tx,
        AuditEvent::ApprovalChainChanged,
        AuditEntry {
            actor: Some(who.pegawai_id),
            subject: None,
            ip,
            detail: serde_json::json!({ "riwayat": subject.code(), "old": old, "new": tingkat }),
        },
    )
    .await?;
    Ok(tx.commit().await?)
}
