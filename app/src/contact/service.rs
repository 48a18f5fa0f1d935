//! The reconciliation flows: check a NIP in an agency, state a contact behind the
//! captcha (confirmed by emailed link), confirm it, and an admin's decision on it.

use std::net::IpAddr;

use sqlx::PgPool;
use time::OffsetDateTime;

use super::store;
use crate::audit::{self, AuditEntry, AuditEvent};
use crate::auth::access::{authorize, Action, Principal, Role};
use crate::auth::captcha::{self, CaptchaError};
use crate::auth::login_id::LoginId;
use crate::auth::settings::AuthSettings;
use crate::domain::localized::{Lang, Localized};
use crate::domain::{Email, MobileNumber};
use crate::edge::error::{AppError, FieldError};
use crate::mail::Mailer;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactProblem {
    NotInAgency,
    /// A NIK where the form takes a NIP / NI PPPK.
    NomorIndukNeeded,
    WrongCaptcha,
    StaleCaptcha,
    AlreadyActive,
    MailFailed,
    LinkInvalid,
    AlreadyDecided,
    NotConfirmedYet,
}

impl Localized for ContactProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            ContactProblem::NotInAgency => lang.pick(
                "NIP ini tidak terdaftar di instansi yang dipilih. Periksa kembali NIP dan instansinya.",
                "This NIP is not registered with the chosen agency. Check the NIP and the agency.",
            ),
            ContactProblem::NomorIndukNeeded => lang.pick(
                "Masukkan NIP / NI PPPK (18 angka).",
                "Enter the NIP / NI PPPK (18 digits).",
            ),
            ContactProblem::WrongCaptcha => lang.pick(
                "Kode keamanan salah. Coba lagi dengan gambar baru.",
                "Wrong security code. Try again with a new picture.",
            ),
            ContactProblem::StaleCaptcha => lang.pick(
                "Kode keamanan sudah tidak berlaku. Muat gambar baru.",
                "The security code is no longer valid. Load a new picture.",
            ),
            ContactProblem::AlreadyActive => lang.pick(
                "Akun NIP ini sudah aktif. Untuk mengganti email atau nomor HP, hubungi admin kepegawaian instansi Anda.",
                "This NIP's account is already active. To change its email or mobile number, ask your agency's personnel admin.",
            ),
            ContactProblem::MailFailed => lang.pick(
                "Email konfirmasi gagal dikirim; data belum disimpan. Periksa alamat email lalu coba lagi.",
                "The confirmation email could not be sent; nothing was saved. Check the address and try again.",
            ),
            ContactProblem::LinkInvalid => lang.pick(
                "Tautan konfirmasi tidak valid atau sudah kedaluwarsa. Isi ulang data kontak Anda.",
                "The confirmation link is not valid or has expired. Enter your contact again.",
            ),
            ContactProblem::AlreadyDecided => lang.pick(
                "Data kontak ini sudah diputuskan atau diganti.",
                "This contact was already decided or replaced.",
            ),
            ContactProblem::NotConfirmedYet => lang.pick(
                "Email ini belum dikonfirmasi pegawai; setujui setelah dikonfirmasi.",
                "The employee has not confirmed this email yet; approve it once confirmed.",
            ),
        }
        .to_owned()
    }
}

#[derive(Debug)]
pub enum ContactError {
    Refused(ContactProblem),
    Invalid(Vec<FieldError>),
    Forbidden,
    Database(&'static str, sqlx::Error),
}

impl From<ContactProblem> for ContactError {
    fn from(problem: ContactProblem) -> Self {
        ContactError::Refused(problem)
    }
}

impl From<ContactError> for AppError {
    fn from(e: ContactError) -> Self {
        match e {
            ContactError::Refused(problem) => AppError::refused(&problem),
            ContactError::Invalid(fields) => AppError::Invalid(fields),
            ContactError::Forbidden => AppError::Forbidden,
            ContactError::Database(what, e) => AppError::internal(what, e),
        }
    }
}

fn db(what: &'static str) -> impl FnOnce(sqlx::Error) -> ContactError {
    move |e| ContactError::Database(what, e)
}

fn nomor_induk(nomor: &str) -> Result<String, FieldError> {
    match LoginId::parse(nomor) {
        Ok(LoginId::NomorInduk(n)) => Ok(n),
        Ok(LoginId::Nik(_)) => Err(FieldError::of("nomor", &ContactProblem::NomorIndukNeeded)),
        Err(e) => Err(FieldError::of("nomor", &e)),
    }
}

/// "Cek NIP": the name, partly hidden, of the employee with this NIP in this agency.
pub async fn check_nip(
    pool: &PgPool,
    instansi_id: i32,
    nomor: &str,
) -> Result<String, ContactError> {
    let nomor = nomor_induk(nomor).map_err(|f| ContactError::Invalid(vec![f]))?;
    let found = store::in_agency(pool, instansi_id, &nomor)
        .await
        .map_err(db("cek nip"))?;
    found
        .map(|f| crate::contact_types::mask_name(&f.name))
        .ok_or(ContactProblem::NotInAgency.into())
}

/// What the employee states: the form as sent.
pub struct Stated<'a> {
    pub instansi_id: i32,
    pub nomor: &'a str,
    pub email: &'a str,
    pub nomor_hp: &'a str,
    pub captcha_token: &'a str,
    pub captcha: &'a str,
}

/// Saves an active email and mobile number for the employee, after the captcha,
/// and emails a confirmation link. Answers the masked address. Nothing is kept
/// if the mail cannot be sent.
pub async fn state_contact(
    pool: &PgPool,
    settings: &AuthSettings,
    mailer: &dyn Mailer,
    form: Stated<'_>,
    ip: Option<IpAddr>,
) -> Result<String, ContactError> {
    let mut fields = Vec::new();
    let nomor = nomor_induk(form.nomor).map_err(|f| fields.push(f)).ok();
    let email = Email::parse(form.email)
        .map_err(|e| fields.push(FieldError::of("email", &e)))
        .ok();
    let mobile = MobileNumber::parse(form.nomor_hp)
        .map_err(|e| fields.push(FieldError::of("nomor_hp", &e)))
        .ok();
    let now = OffsetDateTime::now_utc();
    // Every sealed attempt spends the captcha, right or wrong: one picture, one guess.
    let fresh = match captcha::sealed_nonce(&settings.secret_key, form.captcha_token) {
        Some(nonce) => store::spend_captcha(pool, &nonce)
            .await
            .map_err(db("captcha"))?,
        None => false,
    };
    let captcha_problem =
        match captcha::check(&settings.secret_key, form.captcha_token, form.captcha, now) {
            Ok(_) if fresh => None,
            Ok(_) => Some(CaptchaError::Expired),
            Err(e) => Some(e),
        };
    if let Some(problem) = captcha_problem {
        let problem = match problem {
            CaptchaError::Wrong => ContactProblem::WrongCaptcha,
            CaptchaError::Expired | CaptchaError::Malformed => ContactProblem::StaleCaptcha,
        };
        fields.push(FieldError::of("captcha", &problem));
    }
    let (Some(nomor), Some(email), Some(mobile), true) = (nomor, email, mobile, fields.is_empty())
    else {
        return Err(ContactError::Invalid(fields));
    };

    let found = store::in_agency(pool, form.instansi_id, &nomor)
        .await
        .map_err(db("reconciliation lookup"))?
        .ok_or(ContactProblem::NotInAgency)?;
    if found.activated {
        return Err(ContactProblem::AlreadyActive.into());
    }
    let issued = crate::auth::token::issue();
    let mut tx = pool.begin().await.map_err(db("transaction"))?;
    let statement = store::Statement {
        pegawai_id: found.pegawai_id,
        email: email.as_str(),
        nomor_hp: mobile.as_str(),
        token_hash: &issued.hash,
        expires_at: now + time::Duration::hours(48),
        ip,
    };
    store::insert(&mut tx, &statement)
        .await
        .map_err(db("saving a reconciliation"))?;
    let link = format!(
        "{}/rekonsiliasi/konfirmasi?token={}",
        settings.base_url.trim_end_matches('/'),
        issued.secret
    );
    // The address is the caller's to choose, so the email names the employee
    // only as far as "Cek NIP" already did.
    let greeting = crate::contact_types::mask_name(&found.name);
    let mail = super::mail::contact_confirmation_mail(email.as_str(), &greeting, &link, 48);
    if let Err(e) = mailer.send(mail).await {
        tracing::warn!(error = %e, "reconciliation mail not sent");
        return Err(ContactProblem::MailFailed.into());
    }
    store::stated(&mut tx, &statement)
        .await
        .map_err(db("auditing a reconciliation"))?;
    tx.commit().await.map_err(db("commit"))?;
    Ok(crate::auth::service::mask_email(email.as_str()))
}

/// Confirms the email from the link in the confirmation mail.
pub async fn confirm(pool: &PgPool, token: &str) -> Result<(), ContactError> {
    if !crate::auth::token::looks_like_token(token) {
        return Err(ContactProblem::LinkInvalid.into());
    }
    let confirmed = store::confirm(pool, &crate::auth::token::hash(token))
        .await
        .map_err(db("confirm"))?;
    if confirmed {
        Ok(())
    } else {
        Err(ContactProblem::LinkInvalid.into())
    }
}

/// Open statements of the admin's agency (a BKN admin names the agency).
pub async fn open_statements(
    pool: &PgPool,
    who: &Principal,
    instansi_id: Option<i32>,
) -> Result<Vec<crate::contact_types::OpenStatement>, ContactError> {
    let agency = who.roles.iter().find_map(|r| match r {
        Role::AdminInstansi { instansi } => Some(*instansi),
        _ => None,
    });
    let is_bkn = who.roles.contains(&Role::AdminBkn);
    let target = match (instansi_id, agency, is_bkn) {
        (Some(i), _, true) => i,
        (Some(i), Some(own), false) if i == own => i,
        (None, Some(own), _) => own,
        _ => return Err(ContactError::Forbidden),
    };
    store::open_in(pool, target).await.map_err(db("list"))
}

/// Approves (into the record) or rejects an open statement, within scope.
pub async fn decide(
    pool: &PgPool,
    who: &Principal,
    id: i64,
    approve: bool,
) -> Result<(), ContactError> {
    let (nomor, confirmed) = store::open_subject(pool, id)
        .await
        .map_err(db("decide"))?
        .ok_or(ContactProblem::AlreadyDecided)?;
    let subject = crate::auth::store::subject_by_nomor_induk(pool, &nomor)
        .await
        .map_err(db("decide"))?
        .ok_or(ContactProblem::AlreadyDecided)?;
    if authorize(who, &Action::FixContact(subject)).is_err() {
        audit::record(
            pool,
            AuditEvent::AccessDenied,
            AuditEntry {
                actor: Some(who.pegawai_id),
                subject: Some(subject.pegawai_id),
                ip: None,
                detail: serde_json::json!({ "action": "decide_reconciliation", "id": id }),
            },
        )
        .await
        .map_err(db("decide"))?;
        return Err(ContactError::Forbidden);
    }
    if approve && !confirmed {
        return Err(ContactProblem::NotConfirmedYet.into());
    }
    if store::decide(pool, id, who.pegawai_id, approve)
        .await
        .map_err(db("decide"))?
    {
        Ok(())
    } else {
        Err(ContactProblem::AlreadyDecided.into())
    }
}
