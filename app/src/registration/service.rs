//! The self-registration flows: register, then a verifier grants or refuses.
//! Each checks, writes in one transaction with its audit entry, and says why
//! when it refuses.

use std::net::IpAddr;

use rand::TryRngCore;
use sqlx::PgPool;

use super::problem::{RegistrationError, RegistrationProblem as P};
use super::{store, ActivationMode, Proof, RegistrationNumber};
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::auth::access::{authorize, Action, Principal, Subject};
use crate::auth::hashing;
use crate::auth::settings::AuthSettings;
use crate::domain::Nik;
use crate::edge::error::{internal, FieldError};

fn new_number() -> RegistrationNumber {
    let mut bytes = [0u8; 8];
    rand::rngs::OsRng
        .try_fill_bytes(&mut bytes)
        .expect("the operating system's random source");
    RegistrationNumber::from_bits(u64::from_le_bytes(bytes))
}

/// How many registrations one employee may send in a day: enough to replace a
/// lost printout, too few to keep someone else's printout from ever working.
const REGISTRATIONS_PER_DAY: i64 = 3;

/// Registers: NIP and NIK must match the record (the NIK, unlike the birth date,
/// cannot be read off the NIP), the agency must use self-registration, the
/// account must not be active, the password must pass the policy. A newer
/// registration replaces a waiting one.
pub async fn register(
    pool: &PgPool,
    settings: &AuthSettings,
    nomor_induk: &str,
    nik: &Nik,
    password: &str,
    ip: Option<IpAddr>,
) -> Result<Proof, RegistrationError> {
    let found = store::registrant(pool, nomor_induk)
        .await
        .map_err(internal("looking up the employee"))?;
    let refusal = match &found {
        // An unknown NIP and a wrong NIK answer alike.
        None => Some(("mismatch", P::Mismatch.into())),
        Some(r) if r.nik.trim() != nik.as_str() => Some(("mismatch", P::Mismatch.into())),
        Some(r) if r.mode != Some(ActivationMode::SelfRegistration) => {
            Some(("token_email_agency", P::TokenEmailAgency.into()))
        }
        Some(r) if r.activated => Some(("already_active", P::AlreadyActive.into())),
        Some(r) if r.recent >= REGISTRATIONS_PER_DAY => Some(("too_many", P::TooManyToday.into())),
        Some(_) => None,
    };
    if let Some((why, refusal)) = refusal {
        audit::record(
            pool,
            AuditEvent::RegistrationRefused,
            AuditEntry {
                actor: None,
                subject: found.as_ref().map(|r| r.pegawai_id),
                ip,
                detail: serde_json::json!({ "identifier": nomor_induk, "why": why }),
            },
        )
        .await
        .map_err(internal("auditing"))?;
        return Err(refusal);
    }
    let registrant = found.expect("refused above when absent");
    let problems = settings.password.problems(password, nomor_induk);
    if !problems.is_empty() {
        return Err(RegistrationError::Invalid(vec![FieldError::all(
            "kata_sandi",
            &problems,
        )]));
    }
    // Hashed before the transaction: it may queue behind a sign-in storm.
    let hash = hashing::hash_password(password.to_owned())
        .await
        .map_err(internal("password hashing"))?;
    let nomor = new_number();
    let mut tx = pool
        .begin()
        .await
        .map_err(internal("starting a transaction"))?;
    let registered_at = match store::insert(&mut tx, registrant.pegawai_id, &nomor, &hash).await {
        Ok(Some(at)) => at,
        // Granted or activated while the password was being hashed.
        Ok(None) => return Err(P::AlreadyActive.into()),
        Err(sqlx::Error::Database(e)) if e.constraint() == Some("registrasi_one_open_idx") => {
            return Err(P::Collided.into());
        }
        Err(e) => return Err(internal("storing a registration")(e).into()),
    };
    audit::record(
        &mut *tx,
        AuditEvent::RegistrationSubmitted,
        AuditEntry {
            actor: Some(registrant.pegawai_id),
            subject: Some(registrant.pegawai_id),
            ip,
            detail: serde_json::json!({ "nomor": nomor.as_str() }),
        },
    )
    .await
    .map_err(internal("auditing"))?;
    tx.commit()
        .await
        .map_err(internal("committing a registration"))?;
    Ok(Proof {
        nomor,
        nama: registrant.nama,
        identifier: nomor_induk.to_owned(),
        unit_kerja: registrant.unit_kerja,
        instansi: registrant.instansi,
        registered_at,
    })
}

/// Refuses with 403, audited, unless the caller may decide this employee's
/// registration (the registration verifier of their unit, an admin over them).
async fn permit(
    pool: &PgPool,
    who: &Principal,
    registration: &store::OpenRegistration,
    ip: Option<IpAddr>,
    what: &str,
) -> Result<(), RegistrationError> {
    let subject = Subject {
        pegawai_id: registration.pegawai_id,
        placement: registration.placement,
    };
    if authorize(who, &Action::GrantRegistration(subject)).is_ok() {
        return Ok(());
    }
    audit::record(
        pool,
        AuditEvent::AccessDenied,
        AuditEntry {
            actor: Some(who.pegawai_id),
            subject: Some(registration.pegawai_id),
            ip,
            detail: serde_json::json!({ "action": what }),
        },
    )
    .await
    .map_err(internal("auditing"))?;
    Err(RegistrationError::Forbidden)
}

/// A verifier's answer to a registration.
pub enum Decision {
    /// With the NIP the verifier read off the person's own documents: it must be
    /// the registration's, so a doctored printout cannot pass for someone else.
    Grant {
        nomor_induk: String,
    },
    Reject {
        alasan: String,
    },
}

/// Grants or rejects the registration with this number, if the caller may.
pub async fn decide(
    pool: &PgPool,
    who: &Principal,
    nomor: &RegistrationNumber,
    decision: Decision,
    ip: Option<IpAddr>,
) -> Result<(), RegistrationError> {
    let mut tx = pool
        .begin()
        .await
        .map_err(internal("starting a transaction"))?;
    let found = store::for_update(&mut tx, nomor)
        .await
        .map_err(internal("reading a registration"))?;
    let Some(registration) = found else {
        return Err(P::NumberNotFound.into());
    };
    if let Err(denied) = permit(pool, who, &registration, ip, "grant_registration").await {
        drop(tx);
        return Err(denied);
    }
    match registration.status.as_str() {
        "menunggu" => {}
        "diganti" => return Err(P::Superseded.into()),
        status => {
            let by = registration.decided_by.unwrap_or_else(|| "—".to_owned());
            return Err(P::AlreadyDecided {
                granted: status == "disetujui",
                by,
            }
            .into());
        }
    }
    if registration.activated {
        return Err(P::NoLongerNeeded.into());
    }
    let (event, detail) = match &decision {
        Decision::Grant { nomor_induk } => {
            if registration.nomor_induk.as_deref() != Some(nomor_induk.trim()) {
                return Err(RegistrationError::on("nomor_induk", P::NotTheRegistrant));
            }
            if !store::grant(&mut tx, &registration, who.pegawai_id)
                .await
                .map_err(internal("granting a registration"))?
            {
                return Err(P::NoLongerNeeded.into());
            }
            (
                AuditEvent::RegistrationGranted,
                serde_json::json!({ "nomor": nomor.as_str() }),
            )
        }
        Decision::Reject { alasan } => {
            store::reject(&mut tx, &registration, who.pegawai_id, alasan)
                .await
                .map_err(internal("rejecting a registration"))?;
            (
                AuditEvent::RegistrationRejected,
                serde_json::json!({ "nomor": nomor.as_str(), "alasan": alasan }),
            )
        }
    };
    audit::record(
        &mut *tx,
        event,
        AuditEntry {
            actor: Some(who.pegawai_id),
            subject: Some(registration.pegawai_id),
            ip,
            detail,
        },
    )
    .await
    .map_err(internal("auditing"))?;
    Ok(tx
        .commit()
        .await
        .map_err(internal("committing a decision"))?)
}

/// What the server knows of a waiting registration, for the verifier to compare
/// with the person and the printout before deciding.
pub async fn look_up(
    pool: &PgPool,
    who: &Principal,
    nomor: &RegistrationNumber,
    ip: Option<IpAddr>,
) -> Result<super::PendingRegistration, RegistrationError> {
    let mut tx = pool
        .begin()
        .await
        .map_err(internal("starting a transaction"))?;
    let found = store::for_update(&mut tx, nomor)
        .await
        .map_err(internal("reading a registration"))?;
    drop(tx);
    let Some(registration) = found.filter(|r| r.status == "menunggu" && !r.activated) else {
        return Err(P::NoWaitingNumber.into());
    };
    permit(pool, who, &registration, ip, "look_up_registration").await?;
    Ok(super::PendingRegistration {
        nomor_akhir: super::PendingRegistration::tail(nomor.as_str()),
        nama: registration.nama,
        identifier: registration.nomor_induk.unwrap_or_default(),
        unit_kerja: registration.unit_kerja,
        registered_at: registration.created_at,
    })
}

/// Sets how an agency's employees get in, if the caller may.
pub async fn set_mode(
    pool: &PgPool,
    who: &Principal,
    instansi_id: i32,
    mode: ActivationMode,
    ip: Option<IpAddr>,
) -> Result<(), RegistrationError> {
    if authorize(who, &Action::SetActivationMode(instansi_id)).is_err() {
        audit::record(
            pool,
            AuditEvent::AccessDenied,
            AuditEntry {
                actor: Some(who.pegawai_id),
                subject: None,
                ip,
                detail: serde_json::json!({ "action": "set_activation_mode", "instansi_id": instansi_id }),
            },
        )
        .await
        .map_err(internal("auditing"))?;
        return Err(RegistrationError::Forbidden);
    }
    let mut tx = pool
        .begin()
        .await
        .map_err(internal("starting a transaction"))?;
    let previous = store::set_mode(&mut tx, instansi_id, mode)
        .await
        .map_err(internal("setting the activation mode"))?
        .ok_or(RegistrationError::from(P::UnknownAgency))?;
    audit::record(
        &mut *tx,
        AuditEvent::ActivationModeChanged,
        AuditEntry {
            actor: Some(who.pegawai_id),
            subject: None,
            ip,
            detail: serde_json::json!({ "instansi_id": instansi_id, "old": previous, "new": mode.code() }),
        },
    )
    .await
    .map_err(internal("auditing"))?;
    Ok(tx
        .commit()
        .await
        .map_err(internal("committing the activation mode"))?)
}

/// Registrations waiting for the caller: the registration verifier of a work unit
/// sees that unit's, an agency admin the agency's, a BKN admin all; anyone else 403.
pub async fn pending(
    pool: &PgPool,
    who: &Principal,
) -> Result<Vec<super::PendingRegistration>, RegistrationError> {
    use crate::auth::access::RegistrationReach;
    let reach = RegistrationReach::of(who);
    if reach.is_empty() {
        return Err(RegistrationError::Forbidden);
    }
    Ok(store::pending(pool, &reach)
        .await
        .map_err(internal("listing registrations"))?)
}

/// The caller's own agency and how its employees get in, if the caller may change it.
pub async fn activation_of(
    pool: &PgPool,
    who: &Principal,
) -> Result<Option<super::AgencyActivation>, RegistrationError> {
    let instansi_id = who.placement.instansi_id;
    if authorize(who, &Action::SetActivationMode(instansi_id)).is_err() {
        return Ok(None);
    }
    let found = store::mode_of(pool, instansi_id)
        .await
        .map_err(internal("reading the activation mode"))?;
    Ok(found.map(|(nama, mode)| super::AgencyActivation {
        instansi_id,
        nama,
        mode,
    }))
}
