//! Reconciliation server functions: thin wrappers that parse, check the captcha
//! or the caller's scope, and call the store.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::auth::error::AuthError;

pub use crate::contact_types::{Captcha, Instansi, OpenStatement};

/// A fresh captcha.
#[server(prefix = "/api", endpoint = "captcha", input = GetUrl)]
pub async fn captcha_baru() -> Result<Captcha, AuthError> {
    let settings = crate::auth::api::edge::settings();
    Ok(crate::auth::captcha::issue(
        &settings.secret_key,
        time::OffsetDateTime::now_utc(),
    ))
}

/// Every agency, by name, for the picker.
#[server(prefix = "/api", endpoint = "instansi", input = GetUrl)]
pub async fn daftar_instansi() -> Result<Vec<Instansi>, AuthError> {
    let pool = crate::auth::api::edge::pool();
    sqlx::query_as!(Instansi, "SELECT id, name FROM instansi ORDER BY name")
        .fetch_all(&pool)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "listing agencies");
            crate::auth::api::edge::refuse(AuthError::Server("instansi".into()))
        })
}

#[cfg(feature = "ssr")]
fn not_in_agency() -> AuthError {
    crate::auth::api::edge::refuse(AuthError::Refused(crate::auth::error::Message::new(
        "NIP ini tidak terdaftar di instansi yang dipilih. Periksa kembali NIP dan instansinya.",
        "This NIP is not registered with the chosen agency. Check the NIP and the agency.",
    )))
}

#[cfg(feature = "ssr")]
fn nomor_induk(nomor: &str) -> Result<String, AuthError> {
    use crate::auth::login_id::LoginId;
    match LoginId::parse(nomor) {
        Ok(LoginId::NomorInduk(n)) => Ok(n),
        Ok(LoginId::Nik(_)) => Err(crate::auth::api::edge::refuse(AuthError::Invalid(vec![
            crate::auth::error::FieldError {
                field: "nomor".into(),
                messages: vec![crate::auth::error::Message::new(
                    "Masukkan NIP / NI PPPK (18 angka).",
                    "Enter the NIP / NI PPPK (18 digits).",
                )],
            },
        ]))),
        Err(e) => Err(crate::auth::api::edge::refuse(AuthError::field(
            "nomor",
            &[e],
        ))),
    }
}

/// "Cek NIP": the name, partly hidden, of the employee with this NIP in this agency.
#[server(prefix = "/api", endpoint = "cek_nip")]
pub async fn cek_nip(instansi_id: i32, nomor: String) -> Result<String, AuthError> {
    let nomor = nomor_induk(&nomor)?;
    let found = super::store::in_agency(&crate::auth::api::edge::pool(), instansi_id, &nomor)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "cek nip");
            crate::auth::api::edge::refuse(AuthError::Server("cek nip".into()))
        })?;
    found
        .map(|f| crate::contact_types::mask_name(&f.name))
        .ok_or_else(not_in_agency)
}

/// Saves an active email and mobile number for the employee, after the captcha,
/// and emails a confirmation link. Answers the masked address.
#[server(prefix = "/api", endpoint = "simpan_kontak")]
pub async fn simpan_kontak(
    instansi_id: i32,
    nomor: String,
    email: String,
    nomor_hp: String,
    captcha_token: String,
    captcha: String,
) -> Result<String, AuthError> {
    use crate::auth::api::edge;
    use crate::auth::captcha::{check, CaptchaError};
    use crate::auth::error::{FieldError, Message};
    use crate::domain::{Email, MobileNumber};

    let server = |what: &'static str| {
        move |e: sqlx::Error| {
            tracing::error!(error = %e, "{what}");
            edge::refuse(AuthError::Server(what.into()))
        }
    };
    let mut fields = Vec::new();
    let nomor = match nomor_induk(&nomor) {
        Ok(n) => Some(n),
        Err(AuthError::Invalid(mut f)) => {
            fields.append(&mut f);
            None
        }
        Err(e) => return Err(e),
    };
    let email = Email::parse(&email)
        .map_err(|e| {
            fields.push(FieldError {
                field: "email".into(),
                messages: vec![Message::of(&e)],
            })
        })
        .ok();
    let mobile = MobileNumber::parse(&nomor_hp)
        .map_err(|e| {
            fields.push(FieldError {
                field: "nomor_hp".into(),
                messages: vec![Message::of(&e)],
            })
        })
        .ok();
    let settings = edge::settings();
    let now = time::OffsetDateTime::now_utc();
    // Every sealed attempt spends the captcha, right or wrong: one picture, one guess.
    let pool = edge::pool();
    let fresh = match crate::auth::captcha::sealed_nonce(&settings.secret_key, &captcha_token) {
        Some(nonce) => super::store::spend_captcha(&pool, &nonce)
            .await
            .map_err(server("captcha"))?,
        None => false,
    };
    let captcha_problem = match check(&settings.secret_key, &captcha_token, &captcha, now) {
        Ok(_) if fresh => None,
        Ok(_) => Some(CaptchaError::Expired),
        Err(e) => Some(e),
    };
    if let Some(problem) = captcha_problem {
        let (id, en) = match problem {
            CaptchaError::Wrong => (
                "Kode keamanan salah. Coba lagi dengan gambar baru.",
                "Wrong security code. Try again with a new picture.",
            ),
            CaptchaError::Expired | CaptchaError::Malformed => (
                "Kode keamanan sudah tidak berlaku. Muat gambar baru.",
                "The security code is no longer valid. Load a new picture.",
            ),
        };
        fields.push(FieldError {
            field: "captcha".into(),
            messages: vec![Message::new(id, en)],
        });
    }
    let (Some(nomor), Some(email), Some(mobile), true) = (nomor, email, mobile, fields.is_empty())
    else {
        return Err(edge::refuse(AuthError::Invalid(fields)));
    };

    let found = super::store::in_agency(&pool, instansi_id, &nomor)
        .await
        .map_err(server("reconciliation lookup"))?
        .ok_or_else(not_in_agency)?;
    if found.activated {
        return Err(edge::refuse(AuthError::Refused(Message::new(
            "Akun NIP ini sudah aktif. Untuk mengganti email atau nomor HP, hubungi admin kepegawaian instansi Anda.",
            "This NIP's account is already active. To change its email or mobile number, ask your agency's personnel admin.",
        ))));
    }
    let issued = crate::auth::token::issue();
    let mut tx = pool.begin().await.map_err(server("transaction"))?;
    let statement = super::store::Statement {
        pegawai_id: found.pegawai_id,
        email: email.as_str(),
        nomor_hp: mobile.as_str(),
        token_hash: &issued.hash,
        expires_at: now + time::Duration::hours(48),
        ip: edge::client_ip().await,
    };
    super::store::insert(&mut tx, &statement)
        .await
        .map_err(server("saving a reconciliation"))?;
    let link = format!(
        "{}/rekonsiliasi/konfirmasi?token={}",
        settings.base_url.trim_end_matches('/'),
        issued.secret
    );
    // The address is the caller's to choose, so the email names the employee
    // only as far as "Cek NIP" already did.
    let greeting = crate::contact_types::mask_name(&found.name);
    let mail = crate::auth::mail::contact_confirmation_mail(email.as_str(), &greeting, &link, 48);
    if let Err(e) = edge::mailer().send(mail).await {
        tracing::warn!(error = %e, "reconciliation mail not sent");
        return Err(edge::refuse(AuthError::Refused(Message::new(
            "Email konfirmasi gagal dikirim; data belum disimpan. Periksa alamat email lalu coba lagi.",
            "The confirmation email could not be sent; nothing was saved. Check the address and try again.",
        ))));
    }
    super::store::stated(&mut tx, &statement)
        .await
        .map_err(server("auditing a reconciliation"))?;
    tx.commit().await.map_err(server("commit"))?;
    Ok(crate::auth::service::mask_email(email.as_str()))
}

/// Confirms the email from the link in the confirmation mail.
#[server(prefix = "/api", endpoint = "konfirmasi_kontak")]
pub async fn konfirmasi_kontak(token: String) -> Result<(), AuthError> {
    use crate::auth::api::edge;
    use crate::auth::error::Message;
    let invalid = || {
        edge::refuse(AuthError::Refused(Message::new(
            "Tautan konfirmasi tidak valid atau sudah kedaluwarsa. Isi ulang data kontak Anda.",
            "The confirmation link is not valid or has expired. Enter your contact again.",
        )))
    };
    if !crate::auth::token::looks_like_token(&token) {
        return Err(invalid());
    }
    let confirmed = super::store::confirm(&edge::pool(), &crate::auth::token::hash(&token))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "confirming a contact");
            edge::refuse(AuthError::Server("confirm".into()))
        })?;
    if confirmed {
        Ok(())
    } else {
        Err(invalid())
    }
}

/// Open statements of the admin's agency (a BKN admin names the agency).
#[server(prefix = "/api", endpoint = "rekonsiliasi_terbuka", input = GetUrl)]
pub async fn rekonsiliasi_terbuka(
    instansi_id: Option<i32>,
) -> Result<Vec<OpenStatement>, AuthError> {
    use crate::auth::access::Role;
    use crate::auth::api::{edge, signed_in_user};
    let user = signed_in_user().await?;
    let agency = user.principal.roles.iter().find_map(|r| match r {
        Role::AdminInstansi { instansi } => Some(*instansi),
        _ => None,
    });
    let is_bkn = user.principal.roles.contains(&Role::AdminBkn);
    let target = match (instansi_id, agency, is_bkn) {
        (Some(i), _, true) => i,
        (Some(i), Some(own), false) if i == own => i,
        (None, Some(own), _) => own,
        _ => return Err(edge::refuse(AuthError::Forbidden)),
    };
    super::store::open_in(&edge::pool(), target)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "listing reconciliations");
            edge::refuse(AuthError::Server("list".into()))
        })
}

/// Approves (into the record) or rejects an open statement, within scope.
#[server(prefix = "/api", endpoint = "putuskan_rekonsiliasi")]
pub async fn putuskan_rekonsiliasi(id: i64, setuju: bool) -> Result<(), AuthError> {
    use crate::audit::{self, AuditEntry, AuditEvent};
    use crate::auth::access::{authorize, Action};
    use crate::auth::api::{edge, signed_in_user};
    use crate::auth::error::Message;

    let server = |e: sqlx::Error| {
        tracing::error!(error = %e, "deciding a reconciliation");
        edge::refuse(AuthError::Server("decide".into()))
    };
    let user = signed_in_user().await?;
    let pool = edge::pool();
    let gone = || {
        edge::refuse(AuthError::Refused(Message::new(
            "Data kontak ini sudah diputuskan atau diganti.",
            "This contact was already decided or replaced.",
        )))
    };
    let (nomor, confirmed) = super::store::open_subject(&pool, id)
        .await
        .map_err(server)?
        .ok_or_else(gone)?;
    let subject = crate::auth::store::subject_by_nomor_induk(&pool, &nomor)
        .await
        .map_err(server)?
        .ok_or_else(gone)?;
    if authorize(&user.principal, &Action::FixContact(subject)).is_err() {
        audit::record(
            &pool,
            AuditEvent::AccessDenied,
            AuditEntry {
                actor: Some(user.principal.pegawai_id),
                subject: Some(subject.pegawai_id),
                ip: None,
                detail: serde_json::json!({ "action": "decide_reconciliation", "id": id }),
            },
        )
        .await
        .map_err(server)?;
        return Err(edge::refuse(AuthError::Forbidden));
    }
    if setuju && !confirmed {
        return Err(edge::refuse(AuthError::Refused(Message::new(
            "Email ini belum dikonfirmasi pegawai; setujui setelah dikonfirmasi.",
            "The employee has not confirmed this email yet; approve it once confirmed.",
        ))));
    }
    if super::store::decide(&pool, id, user.principal.pegawai_id, setuju)
        .await
        .map_err(server)?
    {
        Ok(())
    } else {
        Err(gone())
    }
}
