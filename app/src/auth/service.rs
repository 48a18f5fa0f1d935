//! The account flows: send a token, set a password with it, sign in. Each one
//! checks, writes in one transaction and audits; server functions only wrap them.

use std::net::IpAddr;

use sqlx::PgPool;
use time::OffsetDateTime;

use super::hashing;
use super::login_id::LoginId;
use super::mail::{token_mail, TokenPurpose};
use super::problem::{AccountError, AccountProblem};
use super::settings::AuthSettings;
use super::store;
use super::token;
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::domain::Email;
use crate::edge::error::{internal, FieldError};
use crate::mail::Mailer;

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
) -> Result<String, AccountError> {
    let holder = store::holder(pool, id)
        .await
        .map_err(internal("looking up the account"))?;
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
            AuditEntry::own(
                holder.as_ref().map(|h| h.pegawai_id),
                ip,
                serde_json::json!({ "identifier": id.as_str() }),
            ),
        )
        .await
        .map_err(internal("auditing"))?;
        return Err(AccountProblem::Mismatch.into());
    };
    if holder.self_registration && holder.password_hash.is_none() {
        // Only someone who knows the registered email gets this far.
        audit::record(
            pool,
            AuditEvent::TokenRefusedSelfRegistration,
            AuditEntry::own(Some(holder.pegawai_id), ip, serde_json::Value::Null),
        )
        .await
        .map_err(internal("auditing"))?;
        return Err(AccountProblem::SelfRegistration.into());
    }
    let registered = holder.email.clone().unwrap_or_default();

    let now = OffsetDateTime::now_utc();
    let window = now - settings.token_ttl;
    let recent = store::tokens_since(pool, holder.pegawai_id, window)
        .await
        .map_err(internal("counting tokens"))?;
    if recent >= settings.tokens_per_window {
        audit::record(
            pool,
            AuditEvent::TokenRefusedTooMany,
            AuditEntry::own(
                Some(holder.pegawai_id),
                ip,
                serde_json::json!({ "recent": recent }),
            ),
        )
        .await
        .map_err(internal("auditing"))?;
        let minutes = settings.token_ttl.as_secs() / 60;
        return Err(AccountProblem::TooManyTokens { recent, minutes }.into());
    }

    let issued = token::issue();
    let mut tx = pool
        .begin()
        .await
        .map_err(internal("starting a transaction"))?;
    store::insert_token(
        &mut tx,
        holder.pegawai_id,
        purpose,
        &issued.hash,
        now + settings.token_ttl,
    )
    .await
    .map_err(internal("storing a token"))?;
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
            AuditEntry::own(
                Some(holder.pegawai_id),
                ip,
                serde_json::json!({ "error": e.to_string() }),
            ),
        )
        .await
        .map_err(internal("auditing"))?;
        return Err(AccountProblem::TokenMailFailed.into());
    }
    // Last before the commit: an audit entry holds the audit chain's head until then,
    // so it must not wait for the mail server.
    audit::record(
        &mut *tx,
        AuditEvent::TokenIssued,
        AuditEntry::own(
            Some(holder.pegawai_id),
            ip,
            serde_json::json!({ "purpose": purpose.code() }),
        ),
    )
    .await
    .map_err(internal("auditing"))?;
    tx.commit().await.map_err(internal("committing a token"))?;
    Ok(mask_email(&registered))
}

/// Spends a token to set the account's password.
pub async fn set_password(
    pool: &PgPool,
    settings: &AuthSettings,
    secret: &str,
    password: &str,
    ip: Option<IpAddr>,
) -> Result<(), AccountError> {
    let invalid = || AccountError::from(AccountProblem::LinkInvalid);
    if !token::looks_like_token(secret) {
        return Err(invalid());
    }
    let mut tx = pool
        .begin()
        .await
        .map_err(internal("starting a transaction"))?;
    let found = store::token_for_update(&mut tx, &token::hash(secret))
        .await
        .map_err(internal("reading a token"))?;
    let refusal = match &found {
        None => Some(invalid()),
        Some(t) if t.used => Some(AccountProblem::LinkUsed.into()),
        Some(t) if t.superseded => Some(AccountProblem::LinkSuperseded.into()),
        Some(t) if t.expired => Some(AccountProblem::LinkExpired.into()),
        // The agency switched to self-registration after this token was sent.
        Some(t) if t.needs_registration => Some(AccountProblem::SelfRegistration.into()),
        Some(_) => None,
    };
    if let Some(refusal) = refusal {
        drop(tx);
        audit::record(
            pool,
            AuditEvent::TokenRedeemFailed,
            AuditEntry::own(
                found.as_ref().map(|t| t.pegawai_id),
                ip,
                serde_json::Value::Null,
            ),
        )
        .await
        .map_err(internal("auditing"))?;
        return Err(refusal);
    }
    let token = found.expect("refused above when absent");
    let problems = settings.password.problems(password, &token.identifier);
    if !problems.is_empty() {
        return Err(AccountError::Invalid(vec![FieldError::all(
            "kata_sandi",
            &problems,
        )]));
    }
    // Hashing takes a while and may queue behind a sign-in storm: not while
    // holding the token's row and a pooled connection. The token is checked
    // again, locked, once the hash is ready.
    drop(tx);
    let hash = hashing::hash_password(password.to_owned())
        .await
        .map_err(internal("password hashing"))?;
    let mut tx = pool
        .begin()
        .await
        .map_err(internal("starting a transaction"))?;
    let still = store::token_for_update(&mut tx, &token::hash(secret))
        .await
        .map_err(internal("reading a token"))?;
    if !still.is_some_and(|t| !t.used && !t.superseded && !t.expired && !t.needs_registration) {
        return Err(AccountProblem::LinkJustUsed.into());
    }
    store::set_password(&mut tx, token.id, token.pegawai_id, &hash)
        .await
        .map_err(internal("setting a password"))?;
    store::clear_failures(&mut *tx, &token.identifier)
        .await
        .map_err(internal("clearing failures"))?;
    audit::record(
        &mut *tx,
        AuditEvent::PasswordSet,
        AuditEntry::own(Some(token.pegawai_id), ip, serde_json::Value::Null),
    )
    .await
    .map_err(internal("auditing"))?;
    tx.commit()
        .await
        .map_err(internal("committing a password"))?;
    Ok(())
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
) -> Result<i64, AccountError> {
    let identifier = id.as_str();
    if let Some(until) = store::locked_until(pool, identifier)
        .await
        .map_err(internal("reading a lock"))?
    {
        audit::record(
            pool,
            AuditEvent::LoginLocked,
            AuditEntry::own(None, ip, serde_json::json!({ "identifier": identifier })),
        )
        .await
        .map_err(internal("auditing"))?;
        return Err(locked(until));
    }
    // One check at a time per identifier (in this process): a burst of guesses
    // sent at once cannot all slip past the lock before the first failure counts.
    let Some(_guard) = gate.claim(identifier) else {
        return Err(AccountProblem::SignInInProgress.into());
    };
    let holder = store::holder(pool, id)
        .await
        .map_err(internal("looking up the account"))?;
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
        .map_err(internal("password hashing"))?;
    let subject = holder.as_ref().map(|h| h.pegawai_id);
    if ok && waiting {
        audit::record(
            pool,
            AuditEvent::LoginPendingRegistration,
            AuditEntry::own(subject, ip, serde_json::Value::Null),
        )
        .await
        .map_err(internal("auditing"))?;
        return Err(AccountProblem::RegistrationPending.into());
    }
    if !ok {
        let failures = store::record_failure(pool, identifier)
            .await
            .map_err(internal("counting a failure"))?;
        if let Some(duration) = settings.lock_for(failures) {
            store::lock(pool, identifier, duration.as_secs_f64())
                .await
                .map_err(internal("locking"))?;
        }
        audit::record(
            pool,
            AuditEvent::LoginFailed,
            AuditEntry::own(
                subject,
                ip,
                serde_json::json!({ "identifier": identifier, "failures": failures }),
            ),
        )
        .await
        .map_err(internal("auditing"))?;
        return Err(AccountProblem::WrongCredentials.into());
    }
    let pegawai_id = subject.expect("a matching password means the account exists");
    store::clear_failures(pool, identifier)
        .await
        .map_err(internal("clearing failures"))?;
    audit::record(
        pool,
        AuditEvent::LoginSucceeded,
        AuditEntry::own(Some(pegawai_id), ip, serde_json::Value::Null),
    )
    .await
    .map_err(internal("auditing"))?;
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

fn locked(until: OffsetDateTime) -> AccountError {
    let minutes = ((until - OffsetDateTime::now_utc()).whole_seconds().max(1) + 59) / 60;
    AccountError::Refused(AccountProblem::Locked { minutes })
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
