//! The employee's side of a proposal: submit, withdraw, resubmit after a return.
//! Each step is one transaction: a proposal is stored whole, with its first
//! timeline entry and audit entry, or not at all.

use sqlx::types::Uuid;
use sqlx::{PgPool, Postgres, Transaction};
use time::OffsetDateTime;

use super::authority::{chain_for, ChainError, ChainSubject};
use super::change::{prepare, ChangeProblem, Prepared, ProposedRecord, Target};
use super::draft::{DraftProblem, DraftSave};
use super::form::{ProposalForm, Returned};
use super::lifecycle::{next, Actor, LifecycleError, Status, Transition};
use super::period::{self, parse_time, PeriodState, Window};
use super::store::{self, NewProposal};
use super::submission::{EventKind, Resubmission, Submission};
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::auth::access::Principal;

use crate::document::kind::DocumentKind;
use crate::profile::store::{profil_by_id, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ProposalError {
    #[error("the update period is not open: {0:?}")]
    PeriodClosed(PeriodState),
    #[error("the change is refused: {0:?}")]
    Change(ChangeProblem),
    #[error("no such document of the caller's")]
    DocumentNotFound,
    #[error("the document is not a PDF")]
    DocumentNotPdf,
    #[error("the record already has an open proposal")]
    AlreadyOpen,
    #[error("the idempotency key was used for another proposal")]
    KeyReused,
    #[error("no such proposal of the caller's")]
    NotFound,
    #[error(transparent)]
    Lifecycle(LifecycleError),
    #[error("no such history")]
    UnknownHistory,
    #[error("not permitted")]
    Forbidden,
    #[error("the draft is refused: {0:?}")]
    Draft(DraftProblem),
    #[error("the window is not valid: {0:?}")]
    Window(Vec<(&'static str, WindowProblem)>),
    #[error("no such agency")]
    UnknownAgency,
    #[error(transparent)]
    Chain(#[from] ChainError),
    #[error(transparent)]
    Profile(#[from] StoreError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Why a period's window was refused, per field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowProblem {
    /// Not a `datetime-local` value.
    BadTime,
    ClosesBeforeOpens,
}

/// Whether the submission made a proposal or found the one an earlier attempt made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Submitted {
    Created(i64),
    Repeated(i64),
}

impl Submitted {
    pub fn id(self) -> i64 {
        match self {
            Submitted::Created(id) | Submitted::Repeated(id) => id,
        }
    }
}

/// Where the period stands for the caller's agency, by the database's clock.
pub async fn period_for(pool: &PgPool, instansi_id: i32) -> Result<PeriodState, sqlx::Error> {
    Ok(period_at_now(pool, instansi_id).await?.0)
}

async fn period_at_now(
    pool: &PgPool,
    instansi_id: i32,
) -> Result<(PeriodState, OffsetDateTime), sqlx::Error> {
    let (national, agency) = store::windows(pool, instansi_id).await?;
    let now = store::now(pool).await?;
    Ok((period::state(national, agency, now), now))
}

fn key_of(submission: &Submission) -> Uuid {
    Uuid::parse_str(submission.kunci.as_str()).expect("IdempotencyKey holds a UUID")
}

/// The earlier proposal made with this key, if this is a retry of it.
async fn repeated(
    pool: &PgPool,
    who: &Principal,
    submission: &Submission,
) -> Result<Option<i64>, ProposalError> {
    let Some(earlier) = store::by_key(pool, who.pegawai_id, key_of(submission)).await? else {
        return Ok(None);
    };
    let record_id = submission.target.record_id();
    // The server gives new records id 0; compare what the client chose.
    let same = earlier.riwayat == submission.record.riwayat().code()
        && earlier.record_id == record_id
        && earlier.dokumen_id == submission.dokumen_id
        && serde_json::from_value::<ProposedRecord>(earlier.nilai_baru.clone())
            .is_ok_and(|stored| same_values(&stored, &submission.record));
    if same {
        Ok(Some(earlier.id))
    } else {
        Err(ProposalError::KeyReused)
    }
}

/// Equal but for the id, which is the server's to set.
fn same_values(stored: &ProposedRecord, sent: &ProposedRecord) -> bool {
    let strip = |r: &ProposedRecord| {
        let mut v = serde_json::to_value(r).unwrap_or_default();
        if let Some(data) = v.get_mut("data").and_then(|d| d.as_object_mut()) {
            data.remove("id");
        }
        v
    };
    strip(stored) == strip(sent)
}

async fn prepared(
    db: &mut sqlx::PgConnection,
    who: &Principal,
    target: Target,
    record: ProposedRecord,
    jenis: crate::domain::reference::JenisDokumen,
    dokumen_id: i64,
    now: OffsetDateTime,
) -> Result<Prepared, ProposalError> {
    let profil = profil_by_id(&mut *db, who.pegawai_id)
        .await?
        .ok_or(ProposalError::NotFound)?;
    let prepared = prepare(
        &profil.pegawai,
        target,
        record,
        jenis,
        now.to_offset(period::WIB).date(),
    )
    .map_err(ProposalError::Change)?;
    let document = crate::document::store::find(&mut *db, dokumen_id)
        .await?
        .filter(|d| d.owner.pegawai_id == who.pegawai_id)
        .ok_or(ProposalError::DocumentNotFound)?;
    if document.kind != DocumentKind::Pdf {
        return Err(ProposalError::DocumentNotPdf);
    }
    Ok(prepared)
}

/// The database's "now", if the period is open for the caller's agency then.
async fn open_period(pool: &PgPool, who: &Principal) -> Result<OffsetDateTime, ProposalError> {
    let (state, now) = period_at_now(pool, who.placement.instansi_id).await?;
    match state {
        PeriodState::Open { .. } => Ok(now),
        closed => Err(ProposalError::PeriodClosed(closed)),
    }
}

fn is_open_proposal_conflict(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .and_then(|d| d.constraint())
        .is_some_and(|c| c == "usulan_one_open_per_record")
}

pub async fn submit(
    pool: &PgPool,
    who: &Principal,
    submission: Submission,
    ip: Option<std::net::IpAddr>,
) -> Result<Submitted, ProposalError> {
    // A retry of a submission that went through succeeds again, whatever has
    // changed since (the period closed, the record is now held by it).
    if let Some(id) = repeated(pool, who, &submission).await? {
        return Ok(Submitted::Repeated(id));
    }
    let now = open_period(pool, who).await?;
    let riwayat = submission.record.riwayat();
    let prepared = prepared(
        &mut *pool.acquire().await?,
        who,
        submission.target,
        submission.record.clone(),
        submission.jenis_dokumen,
        submission.dokumen_id,
        now,
    )
    .await?;
    let chain = chain_for(pool, ChainSubject::Riwayat(riwayat)).await?;
    let to_json = |r: &ProposedRecord| serde_json::to_value(r).expect("records serialise");
    let (record_id, new_record) = (
        submission.target.record_id(),
        submission.target == Target::New,
    );
    let mut tx = pool.begin().await?;
    let inserted = store::insert(
        &mut tx,
        NewProposal {
            pegawai_id: who.pegawai_id,
            riwayat,
            record_id,
            new_record,
            before: prepared.before.as_ref().map(to_json),
            after: to_json(&prepared.after),
            dokumen_id: submission.dokumen_id,
            jenis_dokumen: submission.jenis_dokumen,
            chain: &chain,
            key: key_of(&submission),
        },
    )
    .await;
    let id = match inserted {
        Ok(Some(id)) => id,
        // The same key raced in from a second attempt and won.
        Ok(None) => {
            drop(tx);
            return match repeated(pool, who, &submission).await? {
                Some(id) => Ok(Submitted::Repeated(id)),
                None => Err(ProposalError::KeyReused),
            };
        }
        // Either another proposal holds the record, or the same key raced in and
        // both passed the key check: then this is a retry after all.
        Err(e) if is_open_proposal_conflict(&e) => {
            drop(tx);
            return match repeated(pool, who, &submission).await? {
                Some(id) => Ok(Submitted::Repeated(id)),
                None => Err(ProposalError::AlreadyOpen),
            };
        }
        Err(e) => return Err(e.into()),
    };
    super::draft::store::forget(&mut *tx, who.pegawai_id, riwayat).await?;
    store::insert_event(
        &mut tx,
        id,
        who.pegawai_id,
        EventKind::Submitted,
        None,
        Some(who.pegawai_id),
        None,
    )
    .await?;
    audit::record(
        &mut *tx,
        AuditEvent::ProposalSubmitted,
        AuditEntry::own(
            Some(who.pegawai_id),
            ip,
            serde_json::json!({
                "usulan_id": id,
                "riwayat": riwayat.code(),
                "record_id": record_id,
                "dokumen_id": submission.dokumen_id,
            }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Submitted::Created(id))
}

/// Locks the caller's own proposal and says where `step` takes it; refused when
/// it is not theirs or the step does not apply to its status.
async fn owner_steps(
    tx: &mut Transaction<'_, Postgres>,
    who: &Principal,
    id: i64,
    step: Transition,
) -> Result<(store::Locked, Status), ProposalError> {
    let locked = store::lock_own(tx, id, who.pegawai_id)
        .await?
        .ok_or(ProposalError::NotFound)?;
    let status =
        next(&locked.chain, locked.status, Actor::Owner, step).map_err(ProposalError::Lifecycle)?;
    Ok((locked, status))
}

/// Withdraws the caller's own proposal while it is undecided.
pub async fn withdraw(
    pool: &PgPool,
    who: &Principal,
    id: i64,
    ip: Option<std::net::IpAddr>,
) -> Result<(), ProposalError> {
    let mut tx = pool.begin().await?;
    let (locked, status) = owner_steps(&mut tx, who, id, Transition::Withdraw).await?;
    store::set_status(&mut tx, id, status).await?;
    store::insert_event(
        &mut tx,
        id,
        who.pegawai_id,
        EventKind::Withdrawn,
        None,
        Some(who.pegawai_id),
        None,
    )
    .await?;
    audit::record(
        &mut *tx,
        AuditEvent::ProposalWithdrawn,
        AuditEntry::own(
            Some(who.pegawai_id),
            ip,
            serde_json::json!({ "usulan_id": id, "riwayat": locked.riwayat }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sends a returned proposal again, corrected: the same proposal (its timeline
/// kept), checked like a new one, back to the first level of the chain it was
/// submitted with.
pub async fn resubmit(
    pool: &PgPool,
    who: &Principal,
    resubmission: Resubmission,
    ip: Option<std::net::IpAddr>,
) -> Result<(), ProposalError> {
    let now = open_period(pool, who).await?;
    let id = resubmission.id;
    let mut tx = pool.begin().await?;
    let (locked, status) = owner_steps(&mut tx, who, id, Transition::Resubmit).await?;
    let riwayat = resubmission.record.riwayat();
    if riwayat.code() != locked.riwayat {
        return Err(ProposalError::Lifecycle(LifecycleError::NotAllowed));
    }
    // On the transaction's own connection: a second one, waited for while holding
    // the row lock, could starve the pool under many concurrent resubmissions.
    let prepared = prepared(
        &mut tx,
        who,
        locked.target,
        resubmission.record,
        resubmission.jenis_dokumen,
        resubmission.dokumen_id,
        now,
    )
    .await?;
    let to_json = |r: &ProposedRecord| serde_json::to_value(r).expect("records serialise");
    store::resubmitted(
        &mut tx,
        id,
        prepared.before.as_ref().map(to_json),
        to_json(&prepared.after),
        resubmission.dokumen_id,
        resubmission.jenis_dokumen,
    )
    .await?;
    debug_assert_eq!(status, super::lifecycle::submitted());
    super::draft::store::forget(&mut *tx, who.pegawai_id, riwayat).await?;
    store::insert_event(
        &mut tx,
        id,
        who.pegawai_id,
        EventKind::Resubmitted,
        None,
        Some(who.pegawai_id),
        None,
    )
    .await?;
    audit::record(
        &mut *tx,
        AuditEvent::ProposalResubmitted,
        AuditEntry::own(
            Some(who.pegawai_id),
            ip,
            serde_json::json!({
                "usulan_id": id,
                "riwayat": locked.riwayat,
                "dokumen_id": resubmission.dokumen_id,
            }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the national window (`instansi_id` None) or an agency's own (an
/// extension), from times as a `datetime-local` field sends them, in WIB; audited
/// with the old and new windows. BKN admins only: anyone else is refused, audited.
pub async fn set_period(
    pool: &PgPool,
    who: &Principal,
    instansi_id: Option<i32>,
    (dibuka, ditutup): (&str, &str),
    ip: Option<std::net::IpAddr>,
) -> Result<(), ProposalError> {
    use crate::auth::access::{authorize, Action};
    let actor = who.pegawai_id;
    if authorize(who, &Action::ManagePeriod).is_err() {
        let _ = audit::record(
            pool,
            AuditEvent::AccessDenied,
            AuditEntry {
                actor: Some(actor),
                subject: None,
                ip,
                detail: serde_json::json!({ "action": "manage_period", "instansi_id": instansi_id }),
            },
        )
        .await;
        return Err(ProposalError::Forbidden);
    }
    let (opens, closes) = (parse_time(dibuka), parse_time(ditutup));
    let mut problems = Vec::new();
    if opens.is_none() {
        problems.push(("dibuka", WindowProblem::BadTime));
    }
    if closes.is_none() {
        problems.push(("ditutup", WindowProblem::BadTime));
    }
    let window = match (opens, closes) {
        (Some(o), Some(c)) => Window::new(o, c).ok(),
        _ => None,
    };
    let Some(window) = window else {
        if problems.is_empty() {
            problems.push(("ditutup", WindowProblem::ClosesBeforeOpens));
        }
        return Err(ProposalError::Window(problems));
    };
    write_window(pool, actor, instansi_id, window, ip)
        .await
        .map_err(|e| {
            let unknown_agency = e
                .as_database_error()
                .is_some_and(|d| d.is_foreign_key_violation());
            if unknown_agency {
                ProposalError::UnknownAgency
            } else {
                e.into()
            }
        })
}

async fn write_window(
    pool: &PgPool,
    actor: i64,
    instansi_id: Option<i32>,
    window: Window,
    ip: Option<std::net::IpAddr>,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let old = store::set_window(&mut tx, instansi_id, window, actor).await?;
    audit::record(
        &mut *tx,
        AuditEvent::PeriodChanged,
        AuditEntry {
            actor: Some(actor),
            subject: None,
            ip,
            detail: serde_json::json!({ "instansi_id": instansi_id, "old": old, "new": window }),
        },
    )
    .await?;
    tx.commit().await
}

/// Every proposal of the employee, newest first, each with its timeline and the
/// proof code of its receipt.
pub async fn mine(
    pool: &PgPool,
    who: &Principal,
    secret_key: &[u8],
) -> Result<Vec<super::submission::ProposalView>, ProposalError> {
    let mut list = store::list(pool, who.pegawai_id).await?;
    for view in &mut list {
        view.kode_bukti = super::proof::code_of(secret_key, view, who.pegawai_id);
    }
    Ok(list)
}

/// Keeps what the employee typed into one history's form, or forgets it when
/// there is nothing left to keep. Open or closed period alike: a draft is not a
/// proposal.
pub async fn save_draft(
    pool: &PgPool,
    who: &Principal,
    draf: &DraftSave,
) -> Result<(), ProposalError> {
    if let Some(draft) = &draf.draft {
        draft.check().map_err(ProposalError::Draft)?;
    }
    Ok(super::draft::store::save(pool, who.pegawai_id, draf).await?)
}

/// What the proposal form for one of the employee's histories starts from: the
/// latest record, a returned proposal of it, a kept draft, the period.
pub async fn form_for(
    pool: &PgPool,
    who: &Principal,
    riwayat: &str,
    max_bytes: u64,
) -> Result<ProposalForm, ProposalError> {
    use super::change::records_of;
    use crate::domain::reference::Riwayat;

    let riwayat = Riwayat::parse(riwayat).map_err(|_| ProposalError::UnknownHistory)?;
    let profil = profil_by_id(pool, who.pegawai_id)
        .await?
        .ok_or(ProposalError::NotFound)?;
    if !riwayat.applies_to(profil.pegawai.personal.nomor_induk.jenis_pegawai()) {
        return Err(ProposalError::Change(ChangeProblem::NotApplicable));
    }
    let latest = records_of(&profil.pegawai, riwayat).into_iter().next();
    let target = latest.as_ref().map(|r| match r.id() {
        Some(id) => Target::Existing(id),
        None => Target::Only,
    });
    let returned = store::list(pool, who.pegawai_id)
        .await?
        .into_iter()
        .find(|p| {
            p.riwayat == riwayat
                && matches!(p.status, super::lifecycle::Status::Returned { .. })
                && Some(p.target) == target
        })
        .map(|p| Returned {
            id: p.id,
            record: p.after,
            reason: p.timeline.iter().rev().find_map(|e| e.reason.clone()),
        });
    let draft = super::draft::store::find(
        pool,
        who.pegawai_id,
        riwayat,
        latest.as_ref().and_then(|r| r.id()),
    )
    .await?;
    let now = store::now(pool).await?;
    let period = period_for(pool, who.placement.instansi_id).await?;
    Ok(ProposalForm {
        riwayat,
        may_add: !riwayat.allows_only_latest_proposal() && riwayat != Riwayat::CpnsPns,
        pegawai: profil.pegawai,
        latest,
        target,
        period,
        max_bytes,
        today: now.to_offset(period::WIB).date(),
        returned,
        draft,
    })
}
