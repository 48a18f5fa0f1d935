//! The account flows: send a token, set a password with it, sign in. Each one
//! checks, writes in one transaction and audits; server functions only wrap them.

use std::net::IpAddr;

use sqlx::PgPool;
use time::OffsetDateTime;

use super::error::{AuthError, Message};
use super::hashing;
use super::login_id::LoginId;
use super::mail::{token_mail, Mailer, TokenPurpose};
use super::settings::AuthSettings;
use super::store;
use super::token;
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::domain::Email;

pub(crate) fn server_error(what: &'static str) -> impl FnOnce(sqlx::Error) -> AuthError {
    move |e| {
        tracing::error!(error = %e, "{what}");
        AuthError::Server(what.to_owned())
    }
}

pub(crate) fn hashing_error(e: hashing::HashingError) -> AuthError {
    tracing::error!(error = %e, "password hashing");
    AuthError::Server("password hashing".to_owned())
}

/// An entry for something a person did to their own record (actor and subject alike).
pub(crate) fn entry(
    subject: Option<i64>,
    ip: Option<IpAddr>,
    detail: serde_json::Value,
) -> AuditEntry {
    AuditEntry {
        actor: subject,
        subject,
        ip,
        detail,
    }
}

/// `rina.sari@example.go.id` → `r********@example.go.id`: enough to recognise
/// one's own address, not enough to harvest it.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            let rest = local.chars().count().saturating_sub(1).max(3);
            format!("{first}{}@{domain}", "*".repeat(rest))
        }
        None => "***".to_owned(),
    }
}

pub fn mismatch_message() -> Message {
    Message::new(
        "NIP dan email tidak sesuai dengan data yang terdaftar. Jika email Anda berubah atau \
         keliru, hubungi admin kepegawaian instansi Anda untuk memperbaikinya.",
        "The NIP and email do not match our records. If your email has changed or is wrong, \
         ask your agency's personnel admin to correct it.",
    )
}

/// Emails a single-use token to the registered address, if `email` is it.
/// Returns the masked address it went to.
pub async fn request_token(
    pool: &PgPool,
    mailer: &dyn Mailer,
    settings: &AuthSettings,
    id: &LoginId,
    email: &Email,
    purpose: TokenPurpose,
    ip: Option<IpAddr>,
) -> Result<String, AuthError> {
    let holder = store::holder(pool, id)
        .await
        .map_err(server_error("looking up the account"))?;
    let matched = holder.as_ref().filter(|h| {
        h.email
            .as_deref()
            .is_some_and(|registered| registered.trim().eq_ignore_ascii_case(email.as_str()))
    });
    let Some(holder) = matched else {
        // The same answer whether the NIP is unknown or the email differs: only
        // someone who already knows both learns anything.
        audit::record(
            pool,
            AuditEvent::TokenRefusedMismatch,
            entry(
                holder.as_ref().map(|h| h.pegawai_id),
                ip,
                serde_json::json!({ "identifier": id.as_str() }),
            ),
        )
        .await
        .map_err(server_error("auditing"))?;
        return Err(AuthError::Refused(mismatch_message()));
    };
    if holder.self_registration && holder.password_hash.is_none() {
        // Only someone who knows the registered email gets this far.
        audit::record(
            pool,
            AuditEvent::TokenRefusedSelfRegistration,
            entry(Some(holder.pegawai_id), ip, serde_json::Value::Null),
        )
        .await
        .map_err(server_error("auditing"))?;
        return Err(self_registration_refusal());
    }
    let registered = holder.email.clone().unwrap_or_default();

    let now = OffsetDateTime::now_utc();
    let window = now - settings.token_ttl;
    let recent = store::tokens_since(pool, holder.pegawai_id, window)
        .await
        .map_err(server_error("counting tokens"))?;
    if recent >= settings.tokens_per_window {
        audit::record(
            pool,
            AuditEvent::TokenRefusedTooMany,
            entry(
                Some(holder.pegawai_id),
                ip,
                serde_json::json!({ "recent": recent }),
            ),
        )
        .await
        .map_err(server_error("auditing"))?;
        let minutes = settings.token_ttl.as_secs() / 60;
        return Err(AuthError::TooMany(Message {
            id: format!(
                "Token sudah dikirim {recent} kali dalam {minutes} menit terakhir. Periksa kotak \
                 masuk dan folder spam Anda, atau coba lagi nanti."
            ),
            en: format!(
                "A token was sent {recent} times in the last {minutes} minutes. Check your inbox \
                 and spam folder, or try again later."
            ),
        }));
    }

    let issued = token::issue();
    let mut tx = pool
        .begin()
        .await
        .map_err(server_error("starting a transaction"))?;
    store::insert_token(
        &mut tx,
        holder.pegawai_id,
        purpose,
        &issued.hash,
        now + settings.token_ttl,
    )
    .await
    .map_err(server_error("storing a token"))?;
    let link = format!(
        "{}/kata-sandi?token={}",
        settings.base_url.trim_end_matches('/'),
        issued.secret
    );
    let mail = token_mail(
        &registered,
        &holder.name,
        purpose,
        &link,
        settings.token_ttl.as_secs() / 60,
    );
    // Sent before the commit: if the mail server refuses, no token is left
    // behind that nobody received, and the user is told the truth.
    if let Err(e) = mailer.send(mail).await {
        tracing::warn!(error = %e, "token mail not sent");
        drop(tx);
        audit::record(
            pool,
            AuditEvent::TokenMailFailed,
            entry(
                Some(holder.pegawai_id),
                ip,
                serde_json::json!({ "error": e.to_string() }),
            ),
        )
        .await
        .map_err(server_error("auditing"))?;
        return Err(AuthError::Refused(Message::new(
            "Email token gagal dikirim. Tidak ada yang berubah; silakan coba lagi beberapa saat lagi.",
            "The token email could not be sent. Nothing changed; please try again shortly.",
        )));
    }
    // Last before the commit: an audit entry holds the audit chain's head until then,
    // so it must not wait for the mail server.
    audit::record(
        &mut *tx,
        AuditEvent::TokenIssued,
        entry(
            Some(holder.pegawai_id),
            ip,
            serde_json::json!({ "purpose": purpose.code() }),
        ),
    )
    .await
    .map_err(server_error("auditing"))?;
    tx.commit()
        .await
        .map_err(server_error("committing a token"))?;
    Ok(mask_email(&registered))
}

fn self_registration_refusal() -> AuthError {
    AuthError::Refused(Message::new(
        "Instansi Anda memakai registrasi mandiri: daftar di halaman Registrasi, cetak bukti \
         registrasi, lalu serahkan lembar pertama kepada verifikator registrasi unit kerja Anda.",
        "Your agency uses self-registration: register on the Registration page, print the \
         proof, and hand its first part to your work unit's registration verifier.",
    ))
}

fn link_refused(id: &str, en: &str) -> AuthError {
    AuthError::Refused(Message::new(id, en))
}

/// Spends a token to set the account's password.
pub async fn set_password(
    pool: &PgPool,
    settings: &AuthSettings,
    secret: &str,
    password: &str,
    ip: Option<IpAddr>,
) -> Result<(), AuthError> {
    let invalid = || {
        link_refused(
            "Tautan tidak valid. Minta token baru dari halaman aktivasi.",
            "This link is not valid. Ask for a new token on the activation page.",
        )
    };
    if !token::looks_like_token(secret) {
        return Err(invalid());
    }
    let mut tx = pool
        .begin()
        .await
        .map_err(server_error("starting a transaction"))?;
    let found = store::token_for_update(&mut tx, &token::hash(secret))
        .await
        .map_err(server_error("reading a token"))?;
    let refusal = match &found {
        None => Some(invalid()),
        Some(t) if t.used => Some(link_refused(
            "Tautan ini sudah dipakai. Jika Anda lupa kata sandi, minta token baru.",
            "This link has already been used. If you forgot your password, ask for a new token.",
        )),
        Some(t) if t.superseded => Some(link_refused(
            "Tautan ini sudah diganti oleh token yang lebih baru. Gunakan email terakhir yang Anda terima.",
            "A newer token replaced this link. Use the most recent email you received.",
        )),
        Some(t) if t.expired => Some(link_refused(
            "Tautan ini sudah kedaluwarsa. Minta token baru dari halaman aktivasi.",
            "This link has expired. Ask for a new token on the activation page.",
        )),
        // The agency switched to self-registration after this token was sent.
        Some(t) if t.needs_registration => Some(self_registration_refusal()),
        Some(_) => None,
    };
    if let Some(refusal) = refusal {
        drop(tx);
        audit::record(
            pool,
            AuditEvent::TokenRedeemFailed,
            entry(
                found.as_ref().map(|t| t.pegawai_id),
                ip,
                serde_json::Value::Null,
            ),
        )
        .await
        .map_err(server_error("auditing"))?;
        return Err(refusal);
    }
    let token = found.expect("refused above when absent");
    let problems = settings.password.problems(password, &token.identifier);
    if !problems.is_empty() {
        return Err(AuthError::field("kata_sandi", &problems));
    }
    // Hashing takes a while and may queue behind a sign-in storm: not while
    // holding the token's row and a pooled connection. The token is checked
    // again, locked, once the hash is ready.
    drop(tx);
    let hash = hashing::hash_password(password.to_owned())
        .await
        .map_err(hashing_error)?;
    let mut tx = pool
        .begin()
        .await
        .map_err(server_error("starting a transaction"))?;
    let still = store::token_for_update(&mut tx, &token::hash(secret))
        .await
        .map_err(server_error("reading a token"))?;
    if !still.is_some_and(|t| !t.used && !t.superseded && !t.expired && !t.needs_registration) {
        return Err(link_refused(
            "Tautan ini baru saja dipakai atau diganti. Minta token baru jika perlu.",
            "This link was just used or replaced. Ask for a new token if you need one.",
        ));
    }
    store::set_password(&mut tx, token.id, token.pegawai_id, &hash)
        .await
        .map_err(server_error("setting a password"))?;
    store::clear_failures(&mut *tx, &token.identifier)
        .await
        .map_err(server_error("clearing failures"))?;
    audit::record(
        &mut *tx,
        AuditEvent::PasswordSet,
        entry(Some(token.pegawai_id), ip, serde_json::Value::Null),
    )
    .await
    .map_err(server_error("auditing"))?;
    tx.commit()
        .await
        .map_err(server_error("committing a password"))?;
    Ok(())
}

pub fn wrong_credentials() -> Message {
    Message::new(
        "NIP atau kata sandi salah. Belum punya kata sandi atau lupa? Gunakan Aktivasi / Lupa kata sandi.",
        "Wrong NIP or password. No password yet, or forgotten it? Use Activate / Forgot password.",
    )
}

/// Checks the password; returns the employee's id. Unknown identifiers take the
/// same time, count failures and lock exactly like real ones.
pub async fn login(
    pool: &PgPool,
    settings: &AuthSettings,
    gate: &SignInGate,
    id: &LoginId,
    password: &str,
    ip: Option<IpAddr>,
) -> Result<i64, AuthError> {
    let identifier = id.as_str();
    if let Some(until) = store::locked_until(pool, identifier)
        .await
        .map_err(server_error("reading a lock"))?
    {
        audit::record(
            pool,
            AuditEvent::LoginLocked,
            entry(None, ip, serde_json::json!({ "identifier": identifier })),
        )
        .await
        .map_err(server_error("auditing"))?;
        return Err(locked(until));
    }
    // One check at a time per identifier (in this process): a burst of guesses
    // sent at once cannot all slip past the lock before the first failure counts.
    let Some(_guard) = gate.claim(identifier) else {
        return Err(AuthError::TooMany(Message::new(
            "Permintaan masuk untuk NIP ini sedang diproses. Tunggu sebentar lalu coba lagi.",
            "A sign-in for this NIP is already in progress. Wait a moment and try again.",
        )));
    };
    let holder = store::holder(pool, id)
        .await
        .map_err(server_error("looking up the account"))?;
    let active = holder.as_ref().and_then(|h| h.password_hash.clone());
    // Before access is granted, the password chosen at self-registration is
    // checked, so its owner (and only they) learns that it waits for the verifier.
    let waiting = active.is_none()
        && holder
            .as_ref()
            .is_some_and(|h| h.pending_registration_hash.is_some());
    let stored = active.or_else(|| {
        holder
            .as_ref()
            .and_then(|h| h.pending_registration_hash.clone())
    });
    let ok = hashing::verify_password(password.to_owned(), stored)
        .await
        .map_err(hashing_error)?;
    let subject = holder.as_ref().map(|h| h.pegawai_id);
    if ok && waiting {
        audit::record(
            pool,
            AuditEvent::LoginPendingRegistration,
            entry(subject, ip, serde_json::Value::Null),
        )
        .await
        .map_err(server_error("auditing"))?;
        return Err(AuthError::Refused(
            crate::registration::service::pending_message(),
        ));
    }
    if !ok {
        let failures = store::record_failure(pool, identifier)
            .await
            .map_err(server_error("counting a failure"))?;
        if let Some(duration) = settings.lock_for(failures) {
            store::lock(pool, identifier, duration.as_secs_f64())
                .await
                .map_err(server_error("locking"))?;
        }
        audit::record(
            pool,
            AuditEvent::LoginFailed,
            entry(
                subject,
                ip,
                serde_json::json!({ "identifier": identifier, "failures": failures }),
            ),
        )
        .await
        .map_err(server_error("auditing"))?;
        return Err(AuthError::Refused(wrong_credentials()));
    }
    let pegawai_id = subject.expect("a matching password means the account exists");
    store::clear_failures(pool, identifier)
        .await
        .map_err(server_error("clearing failures"))?;
    audit::record(
        pool,
        AuditEvent::LoginSucceeded,
        entry(Some(pegawai_id), ip, serde_json::Value::Null),
    )
    .await
    .map_err(server_error("auditing"))?;
    Ok(pegawai_id)
}

/// Identifiers whose password is being checked right now by this server.
/// One per application (handed to [`login`]), not per process, so that several
/// applications in one process (the tests) do not see each other's sign-ins.
#[derive(Clone, Default)]
pub struct SignInGate(std::sync::Arc<std::sync::Mutex<std::collections::HashSet<String>>>);

struct InFlight {
    gate: SignInGate,
    identifier: String,
}

impl SignInGate {
    fn claim(&self, identifier: &str) -> Option<InFlight> {
        let mut set = self.0.lock().unwrap_or_else(|e| e.into_inner());
        set.insert(identifier.to_owned()).then(|| InFlight {
            gate: self.clone(),
            identifier: identifier.to_owned(),
        })
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.gate
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.identifier);
    }
}

fn locked(until: OffsetDateTime) -> AuthError {
    let minutes = ((until - OffsetDateTime::now_utc()).whole_seconds().max(1) + 59) / 60;
    AuthError::TooMany(Message {
        id: format!(
            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit, atau atur \
             ulang kata sandi Anda."
        ),
        en: format!(
            "Too many failed sign-in attempts. Try again in {minutes} minutes, or reset your password."
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_emails_keep_the_first_letter_and_the_domain() {
        assert_eq!(
            mask_email("rina.sari@example.go.id"),
            "r********@example.go.id"
        );
        assert_eq!(mask_email("a@b.id"), "a***@b.id");
    }
}
