//! The admin flows: each checks the caller's role against the organisation tree
//! (a refusal is audited), parses, and writes with an audit entry (in the store).

use sqlx::PgPool;

use super::store::{self, ContactChange};
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::auth::access::{authorize, Action, Principal, Role, Scope, Subject};
use crate::auth::login_id::LoginId;
use crate::domain::localized::{Lang, Localized, Unknown};
use crate::domain::{Email, MobileNumber};
use crate::edge::error::{AppError, FieldError};

/// What an admin is told when a form does not make sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdminProblem {
    NoSuchEmployee,
    NomorIndukNeeded,
    NothingToChange,
    UnknownAgency,
    UnknownRegionalOffice,
    UnknownWorkUnit,
    UnknownScope,
    LevelDoesNotFitScope,
}

impl Localized for AdminProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            AdminProblem::NoSuchEmployee => lang.pick(
                "Pegawai dengan NIP ini tidak ditemukan.",
                "No employee has this NIP.",
            ),
            AdminProblem::NomorIndukNeeded => lang.pick(
                "Masukkan NIP / NI PPPK pegawai.",
                "Enter the employee's NIP / NI PPPK.",
            ),
            AdminProblem::NothingToChange => lang.pick(
                "Isi email atau nomor HP yang baru.",
                "Enter the new email or mobile number.",
            ),
            AdminProblem::UnknownAgency => return Unknown::Agency.message(lang),
            AdminProblem::UnknownRegionalOffice => {
                lang.pick("Kanreg tidak dikenal.", "Unknown regional office.")
            }
            AdminProblem::UnknownWorkUnit => {
                lang.pick("Unit kerja tidak dikenal.", "Unknown work unit.")
            }
            AdminProblem::UnknownScope => lang.pick("Lingkup tidak dikenal.", "Unknown scope."),
            AdminProblem::LevelDoesNotFitScope => lang.pick(
                "Tingkat tidak sesuai lingkup: 1 unit kerja, 2 instansi, 3 Kanreg, 4 BKN Pusat.",
                "The level does not fit the scope: 1 work unit, 2 agency, 3 regional office, 4 BKN.",
            ),
        }
        .to_owned()
    }
}

#[derive(Debug)]
pub enum AdminError {
    /// Not the caller's to do; the refusal is in the audit log.
    Forbidden,
    NoSuchEmployee,
    /// Input refused, field by field.
    Invalid(Vec<FieldError>),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for AdminError {
    fn from(e: sqlx::Error) -> Self {
        AdminError::Database(e)
    }
}

impl AdminError {
    fn on(field: &str, problem: &impl Localized) -> Self {
        AdminError::Invalid(vec![FieldError::of(field, problem)])
    }
}

impl From<AdminError> for AppError {
    fn from(e: AdminError) -> Self {
        match e {
            AdminError::Forbidden => AppError::Forbidden,
            AdminError::NoSuchEmployee => AppError::refused(&AdminProblem::NoSuchEmployee),
            AdminError::Invalid(fields) => AppError::Invalid(fields),
            AdminError::Database(e) => AppError::internal("admin", e),
        }
    }
}

/// Refuses with 403 and writes the refusal to the audit log.
pub async fn denied(
    pool: &PgPool,
    who: &Principal,
    subject: Option<i64>,
    what: &str,
) -> Result<(), AdminError> {
    audit::record(
        pool,
        AuditEvent::AccessDenied,
        AuditEntry {
            actor: Some(who.pegawai_id),
            subject,
            ip: None,
            detail: serde_json::json!({ "action": what }),
        },
    )
    .await?;
    Err(AdminError::Forbidden)
}

/// The caller must hold an admin role to get further.
pub async fn admin_only(pool: &PgPool, who: &Principal) -> Result<(), AdminError> {
    let admin = who
        .roles
        .iter()
        .any(|r| matches!(r, Role::AdminInstansi { .. } | Role::AdminBkn));
    if admin {
        Ok(())
    } else {
        denied(pool, who, None, "admin").await
    }
}

async fn subject(pool: &PgPool, nomor_induk: &str) -> Result<Subject, AdminError> {
    crate::auth::store::subject_by_nomor_induk(pool, nomor_induk)
        .await?
        .ok_or(AdminError::NoSuchEmployee)
}

async fn permit(
    pool: &PgPool,
    who: &Principal,
    action: Action,
    subject: Option<i64>,
    what: &str,
) -> Result<(), AdminError> {
    match authorize(who, &action) {
        Ok(()) => Ok(()),
        Err(_) => denied(pool, who, subject, what).await,
    }
}

/// Fixes an employee's registered email and/or mobile number (empty: unchanged).
pub async fn fix_contact(
    pool: &PgPool,
    who: &Principal,
    nomor_induk: &str,
    email: &str,
    nomor_hp: &str,
) -> Result<(), AdminError> {
    admin_only(pool, who).await?;
    let mut fields = Vec::new();
    let nomor = match LoginId::parse(nomor_induk) {
        Ok(LoginId::NomorInduk(n)) => Some(n),
        Ok(LoginId::Nik(_)) => None,
        Err(e) => {
            fields.push(FieldError::of("nomor_induk", &e));
            None
        }
    };
    let email = match email.trim() {
        "" => None,
        e => Email::parse(e)
            .map_err(|err| fields.push(FieldError::of("email", &err)))
            .ok(),
    };
    let mobile = match nomor_hp.trim() {
        "" => None,
        m => MobileNumber::parse(m)
            .map_err(|err| fields.push(FieldError::of("nomor_hp", &err)))
            .ok(),
    };
    if !fields.is_empty() {
        return Err(AdminError::Invalid(fields));
    }
    let Some(nomor) = nomor else {
        return Err(AdminError::on(
            "nomor_induk",
            &AdminProblem::NomorIndukNeeded,
        ));
    };
    if email.is_none() && mobile.is_none() {
        return Err(AdminError::on("email", &AdminProblem::NothingToChange));
    }
    let subject = subject(pool, &nomor).await?;
    permit(
        pool,
        who,
        Action::FixContact(subject),
        Some(subject.pegawai_id),
        "fix_contact",
    )
    .await?;
    Ok(store::fix_contact(
        pool,
        ContactChange {
            actor: who.pegawai_id,
            pegawai_id: subject.pegawai_id,
            email: email.as_ref().map(|e| e.as_str()),
            nomor_hp: mobile.as_ref().map(|m| m.as_str()),
        },
    )
    .await?)
}

/// Appoints an employee as verifier at `tingkat` (1 unit kerja … 4 BKN Pusat) for
/// `lingkup` ("unit_kerja", "instansi", "kanreg", "pusat") with its id. Answers
/// whether the appointment is new.
pub async fn appoint_verifier(
    pool: &PgPool,
    who: &Principal,
    nomor_induk: &str,
    (lingkup, lingkup_id): (&str, Option<i64>),
    tingkat: i16,
) -> Result<bool, AdminError> {
    admin_only(pool, who).await?;
    let bad = |field: &str, problem: AdminProblem| AdminError::on(field, &problem);
    let scope = match (lingkup, lingkup_id) {
        ("unit_kerja", Some(id)) => Scope::UnitKerja(id),
        ("instansi", Some(id)) => Scope::Instansi(
            i32::try_from(id).map_err(|_| bad("lingkup_id", AdminProblem::UnknownAgency))?,
        ),
        ("kanreg", Some(id)) => Scope::Kanreg(
            i16::try_from(id)
                .map_err(|_| bad("lingkup_id", AdminProblem::UnknownRegionalOffice))?,
        ),
        ("pusat", _) => Scope::Pusat,
        _ => return Err(bad("lingkup", AdminProblem::UnknownScope)),
    };
    if i16::from(scope.level()) != tingkat {
        return Err(bad("tingkat", AdminProblem::LevelDoesNotFitScope));
    }
    let subject = subject(pool, nomor_induk.trim()).await?;
    let unit_instansi = match scope {
        Scope::UnitKerja(u) => Some(
            store::unit_instansi(pool, u)
                .await?
                .ok_or_else(|| bad("lingkup_id", AdminProblem::UnknownWorkUnit))?,
        ),
        _ => None,
    };
    permit(
        pool,
        who,
        Action::AppointVerifier {
            scope,
            unit_instansi,
            appointee: subject.placement,
        },
        Some(subject.pegawai_id),
        "appoint_verifier",
    )
    .await?;
    Ok(store::appoint_verifier(pool, who.pegawai_id, subject.pegawai_id, scope, tingkat).await?)
}
