//! The self-registration flows: register, then a verifier grants or refuses.
//! Each checks, writes in one transaction with its audit entry, and says why
//! when it refuses.

use std::net::IpAddr;

use rand::TryRngCore;
use sqlx::PgPool;

use super::{store, ActivationMode, Proof, RegistrationNumber};
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::auth::access::{authorize, Action, Principal, Subject};
use crate::auth::error::{AuthError, Message};
use crate::auth::hashing;
use crate::auth::service::{hashing_error, server_error};
use crate::auth::settings::AuthSettings;
use crate::domain::Nik;

fn refused(id: &str, en: &str) -> AuthError {
    AuthError::Refused(Message::new(id, en))
}

pub fn mismatch_message() -> Message {
    Message::new(
        "NIP dan NIK tidak cocok dengan data kepegawaian. Periksa kembali, atau hubungi admin \
         kepegawaian instansi Anda.",
        "The NIP and NIK do not match the personnel records. Check them, or ask your agency's \
         personnel admin.",
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
) -> Result<Proof, AuthError> {
    let found = store::registrant(pool, nomor_induk)
        .await
        .map_err(server_error("looking up the employee"))?;
    let refusal = match &found {
        // An unknown NIP and a wrong NIK answer alike.
        None => Some(("mismatch", AuthError::Refused(mismatch_message()))),
        Some(r) if r.nik.trim() != nik.as_str() => {
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
        Some(r) if r.activated => Some(("already_active", already_active())),
        Some(r) if r.recent >= REGISTRATIONS_PER_DAY => Some((
            "too_many",
            AuthError::TooMany(Message::new(
                "NIP ini sudah didaftarkan 3 kali dalam 24 jam terakhir. Gunakan bukti registrasi \
                 terakhir, atau hubungi verifikator registrasi unit kerja Anda.",
                "This NIP was registered 3 times in the last 24 hours. Use the latest proof, or \
                 ask your work unit's registration verifier.",
            )),
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
                detail: serde_json::json!({ "identifier": nomor_induk, "why": why }),
            },
        )
        .await
        .map_err(server_error("auditing"))?;
        return Err(refusal);
    }
    let registrant = found.expect("refused above when absent");
    let problems = settings.password.problems(password, nomor_induk);
    if !problems.is_empty() {
        return Err(AuthError::field("kata_sandi", &problems));
    }
    // Hashed before the transaction: it may queue behind a sign-in storm.
    let hash = hashing::hash_password(password.to_owned())
        .await
        .map_err(hashing_error)?;
    let nomor = new_number();
    let mut tx = pool
        .begin()
        .await
        .map_err(server_error("starting a transaction"))?;
    let registered_at = match store::insert(&mut tx, registrant.pegawai_id, &nomor, &hash).await {
        Ok(Some(at)) => at,
        // Granted or activated while the password was being hashed.
        Ok(None) => return Err(already_active()),
        Err(sqlx::Error::Database(e)) if e.constraint() == Some("registrasi_one_open_idx") => {
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
        identifier: nomor_induk.to_owned(),
        unit_kerja: registrant.unit_kerja,
        instansi: registrant.instansi,
        registered_at,
    })
}

fn already_active() -> AuthError {
    refused(
        "Akun Anda sudah aktif. Silakan masuk, atau gunakan Lupa kata sandi.",
        "Your account is already active. Sign in, or use Forgot password.",
    )
}

/// Refuses with 403, audited, unless the caller may decide this employee's
/// registration (the registration verifier of their unit, an admin over them).
async fn permit(
    pool: &PgPool,
    who: &Principal,
    registration: &store::OpenRegistration,
    ip: Option<IpAddr>,
    what: &str,
) -> Result<(), AuthError> {
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
    .map_err(server_error("auditing"))?;
    Err(AuthError::Forbidden)
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
    if let Err(denied) = permit(pool, who, &registration, ip, "grant_registration").await {
        drop(tx);
        return Err(denied);
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
            let by = registration.decided_by.unwrap_or_else(|| "—".to_owned());
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
        Decision::Grant { nomor_induk } => {
            if registration.nomor_induk.as_deref() != Some(nomor_induk.trim()) {
                return Err(AuthError::Invalid(vec![crate::auth::error::FieldError {
                    field: "nomor_induk".into(),
                    messages: vec![Message::new(
                        "NIP ini bukan NIP pendaftar. Periksa identitas orang yang menyerahkan bukti.",
                        "This is not the registrant's NIP. Check who handed in the proof.",
                    )],
                }]));
            }
            if !store::grant(&mut tx, &registration, who.pegawai_id)
                .await
                .map_err(server_error("granting a registration"))?
            {
                return Err(refused(
                    "Akun pegawai ini sudah aktif; registrasi tidak diperlukan lagi.",
                    "This employee's account is already active; the registration is no longer needed.",
                ));
            }
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

/// What the server knows of a waiting registration, for the verifier to compare
/// with the person and the printout before deciding.
pub async fn look_up(
    pool: &PgPool,
    who: &Principal,
    nomor: &RegistrationNumber,
    ip: Option<IpAddr>,
) -> Result<super::PendingRegistration, AuthError> {
    let mut tx = pool
        .begin()
        .await
        .map_err(server_error("starting a transaction"))?;
    let found = store::for_update(&mut tx, nomor)
        .await
        .map_err(server_error("reading a registration"))?;
    drop(tx);
    let Some(registration) = found.filter(|r| r.status == "menunggu" && !r.activated) else {
        return Err(refused(
            "Tidak ada registrasi menunggu dengan nomor ini. Periksa nomor pada lembar pertama.",
            "No waiting registration has this number. Check the number on the first part.",
        ));
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
