//! The self-registration flows: register, then a verifier grants or refuses.
//! Each checks, writes in one transaction with its audit entry, and says why
//! when it refuses.

use std::net::IpAddr;

use rand::TryRngCore;
use sqlx::PgPool;
use time::Date;

use super::{store, ActivationMode, Proof, RegistrationNumber};
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::auth::access::{authorize, Action, Principal, Subject};
use crate::auth::error::{AuthError, Message};
use crate::auth::hashing;
use crate::auth::login_id::LoginId;
use crate::auth::settings::AuthSettings;

fn server_error(what: &'static str) -> impl FnOnce(sqlx::Error) -> AuthError {
    move |e| {
        tracing::error!(error = %e, "{what}");
        AuthError::Server(what.to_owned())
    }
}

fn refused(id: &str, en: &str) -> AuthError {
    AuthError::Refused(Message::new(id, en))
}

pub fn mismatch_message() -> Message {
    Message::new(
        "NIP dan tanggal lahir tidak cocok dengan data kepegawaian. Periksa kembali, atau \
         hubungi admin kepegawaian instansi Anda.",
        "The NIP and date of birth do not match the personnel records. Check them, or ask \
         your agency's personnel admin.",
    )
}

pub fn pending_message() -> Message {
    Message::new(
        "Registrasi Anda menunggu persetujuan verifikator registrasi unit kerja. Serahkan \
         lembar pertama bukti registrasi kepadanya.",
        "Your registration is waiting for the registration verifier of your work unit. Hand \
         them the first part of your registration proof.",
    )
}

fn new_number() -> RegistrationNumber {
    let mut bytes = [0u8; 8];
    rand::rngs::OsRng
        .try_fill_bytes(&mut bytes)
        .expect("the operating system's random source");
    RegistrationNumber::from_bits(u64::from_le_bytes(bytes))
}

/// Registers: identifier and birth date must match the record, the agency must
/// use self-registration, the account must not be active yet, the password must
/// pass the policy. A newer registration replaces a waiting one.
pub async fn register(
    pool: &PgPool,
    settings: &AuthSettings,
    id: &LoginId,
    born: Date,
    password: &str,
    ip: Option<IpAddr>,
) -> Result<Proof, AuthError> {
    let found = store::registrant(pool, id)
        .await
        .map_err(server_error("looking up the employee"))?;
    let refusal = match &found {
        // Unknown identifier and wrong birth date answer alike.
        None => Some(("mismatch", AuthError::Refused(mismatch_message()))),
        Some(r) if r.tanggal_lahir != born => {
            Some(("mismatch", AuthError::Refused(mismatch_message())))
        }
        Some(r) if r.mode != Some(ActivationMode::SelfRegistration) => Some((
            "token_email_agency",
            refused(
                "Instansi Anda memakai aktivasi melalui email, bukan registrasi mandiri. \
                 Gunakan halaman Aktivasi.",
                "Your agency activates accounts by email, not by self-registration. Use the \
                 Activate page.",
            ),
        )),
        Some(r) if r.activated => Some((
            "already_active",
            refused(
                "Akun Anda sudah aktif. Silakan masuk, atau gunakan Lupa kata sandi.",
                "Your account is already active. Sign in, or use Forgot password.",
            ),
        )),
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
                detail: serde_json::json!({ "identifier": id.as_str(), "why": why }),
            },
        )
        .await
        .map_err(server_error("auditing"))?;
        return Err(refusal);
    }
    let registrant = found.expect("refused above when absent");
    let problems = settings.password.problems(password, id.as_str());
    if !problems.is_empty() {
        return Err(AuthError::field("kata_sandi", &problems));
    }
    // Hashed before the transaction: it may queue behind a sign-in storm.
    let hash = hashing::hash_password(password.to_owned())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing");
            AuthError::Server("password hashing".to_owned())
        })?;
    let nomor = new_number();
    let mut tx = pool
        .begin()
        .await
        .map_err(server_error("starting a transaction"))?;
    let registered_at = match store::insert(&mut tx, registrant.pegawai_id, &nomor, &hash).await {
        Ok(at) => at,
        Err(sqlx::Error::Database(e)) if e.constraint() == Some("registrasi_one_open_idx") => {
            // Another registration of the same employee committed in between.
            return Err(refused(
                "Registrasi lain untuk NIP ini baru saja dikirim. Muat ulang halaman lalu coba lagi.",
                "Another registration for this NIP was just sent. Reload the page and try again.",
            ));
        }
        Err(e) => return Err(server_error("storing a registration")(e)),
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
    .map_err(server_error("auditing"))?;
    tx.commit()
        .await
        .map_err(server_error("committing a registration"))?;
    Ok(Proof {
        nomor,
        nama: registrant.nama,
        identifier: id.as_str().to_owned(),
        unit_kerja: registrant.unit_kerja,
        instansi: registrant.instansi,
        registered_at,
    })
}

/// A verifier's answer to a registration.
pub enum Decision {
    Grant,
    Reject { alasan: String },
}

/// Grants or rejects the registration with this number, if the caller may.
pub async fn decide(
    pool: &PgPool,
    who: &Principal,
    nomor: &RegistrationNumber,
    decision: Decision,
    ip: Option<IpAddr>,
) -> Result<(), AuthError> {
    let mut tx = pool
        .begin()
        .await
        .map_err(server_error("starting a transaction"))?;
    let found = store::for_update(&mut tx, nomor)
        .await
        .map_err(server_error("reading a registration"))?;
    let Some(registration) = found else {
        return Err(refused(
            "Nomor registrasi tidak ditemukan. Periksa nomor pada lembar pertama bukti registrasi.",
            "No registration has this number. Check the number on the first part of the proof.",
        ));
    };
    let subject = Subject {
        pegawai_id: registration.pegawai_id,
        placement: registration.placement,
    };
    if authorize(who, &Action::GrantRegistration(subject)).is_err() {
        drop(tx);
        audit::record(
            pool,
            AuditEvent::AccessDenied,
            AuditEntry {
                actor: Some(who.pegawai_id),
                subject: Some(registration.pegawai_id),
                ip,
                detail: serde_json::json!({ "action": "grant_registration" }),
            },
        )
        .await
        .map_err(server_error("auditing"))?;
        return Err(AuthError::Forbidden);
    }
    match registration.status.as_str() {
        "menunggu" => {}
        "diganti" => {
            return Err(refused(
                "Registrasi ini sudah diganti oleh registrasi yang lebih baru. Minta lembar \
                 bukti registrasi terbaru.",
                "A newer registration replaced this one. Ask for the latest registration proof.",
            ))
        }
        status => {
            let by = registration.decided_by.unwrap_or_default();
            let (id, en) = if status == "disetujui" {
                ("disetujui", "granted")
            } else {
                ("ditolak", "rejected")
            };
            return Err(AuthError::Refused(Message {
                id: format!("Registrasi ini sudah {id} oleh {by}."),
                en: format!("This registration was already {en} by {by}."),
            }));
        }
    }
    if registration.activated {
        return Err(refused(
            "Akun pegawai ini sudah aktif; registrasi tidak diperlukan lagi.",
            "This employee's account is already active; the registration is no longer needed.",
        ));
    }
    let (event, detail) = match &decision {
        Decision::Grant => {
            store::grant(&mut tx, &registration, who.pegawai_id)
                .await
                .map_err(server_error("granting a registration"))?;
            (
                AuditEvent::RegistrationGranted,
                serde_json::json!({ "nomor": nomor.as_str() }),
            )
        }
        Decision::Reject { alasan } => {
            store::reject(&mut tx, &registration, who.pegawai_id, alasan)
                .await
                .map_err(server_error("rejecting a registration"))?;
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
    .map_err(server_error("auditing"))?;
    tx.commit()
        .await
        .map_err(server_error("committing a decision"))
}

/// Sets how an agency's employees get in, if the caller may.
pub async fn set_mode(
    pool: &PgPool,
    who: &Principal,
    instansi_id: i32,
    mode: ActivationMode,
    ip: Option<IpAddr>,
) -> Result<(), AuthError> {
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
        .map_err(server_error("auditing"))?;
        return Err(AuthError::Forbidden);
    }
    let mut tx = pool
        .begin()
        .await
        .map_err(server_error("starting a transaction"))?;
    let previous = store::set_mode(&mut tx, instansi_id, mode)
        .await
        .map_err(server_error("setting the activation mode"))?
        .ok_or_else(|| refused("Instansi tidak dikenal.", "Unknown agency."))?;
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
    .map_err(server_error("auditing"))?;
    tx.commit()
        .await
        .map_err(server_error("committing the activation mode"))
}
