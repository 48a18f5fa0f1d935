//! The employee's side of a proposal: submit, withdraw, resubmit after a return.
//! Each step is one transaction: a proposal is stored whole, with its first
//! timeline entry and audit entry, or not at all.

use sqlx::types::Uuid;
use sqlx::PgPool;
use time::OffsetDateTime;

use super::authority::{chain_for, ChainError, ChainSubject};
use super::change::{prepare, ChangeProblem, Prepared, ProposedRecord, Target};
use super::lifecycle::{next, Actor, LifecycleError, Transition};
use super::period::{self, PeriodState, Window};
use super::store::{self, NewProposal};
use super::submission::{EventKind, Resubmission, Submission};
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::auth::access::Principal;
use crate::auth::service::entry;
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
    #[error(transparent)]
    Chain(#[from] ChainError),
    #[error(transparent)]
    Profile(#[from] StoreError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
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
        entry(
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

/// Withdraws the caller's own proposal while it is undecided.
pub async fn withdraw(
    pool: &PgPool,
    who: &Principal,
    id: i64,
    ip: Option<std::net::IpAddr>,
) -> Result<(), ProposalError> {
    let mut tx = pool.begin().await?;
    let locked = store::lock_own(&mut tx, id, who.pegawai_id)
        .await?
        .ok_or(ProposalError::NotFound)?;
    let status = next(
        &locked.chain,
        locked.status,
        Actor::Owner,
        Transition::Withdraw,
    )
    .map_err(ProposalError::Lifecycle)?;
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
        entry(
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
    let locked = store::lock_own(&mut tx, id, who.pegawai_id)
        .await?
        .ok_or(ProposalError::NotFound)?;
    let status = next(
        &locked.chain,
        locked.status,
        Actor::Owner,
        Transition::Resubmit,
    )
    .map_err(ProposalError::Lifecycle)?;
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
        entry(
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

/// Sets the national window (`instansi_id` None) or an agency's own, audited with
/// the old and new windows. The caller has been authorised to manage the period.
pub async fn set_period(
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
