//! Reconciliation server functions: take the caller, call the service, convert
//! its error.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::edge::error::AppError;

pub use crate::contact_types::{Captcha, Instansi, OpenStatement};

/// A fresh captcha.
#[server(prefix = "/api", endpoint = "captcha", input = GetUrl)]
pub async fn captcha_baru() -> Result<Captcha, AppError> {
    let settings = crate::edge::request::settings();
    Ok(crate::auth::captcha::issue(
        &settings.secret_key,
        time::OffsetDateTime::now_utc(),
    ))
}

/// Every agency, by name, for the picker.
#[server(prefix = "/api", endpoint = "instansi", input = GetUrl)]
pub async fn daftar_instansi() -> Result<Vec<Instansi>, AppError> {
    use crate::edge;
    edge::answer(async {
        let caller = edge::caller().await;
        sqlx::query_as!(Instansi, "SELECT id, name FROM instansi ORDER BY name")
            .fetch_all(&caller.pool)
            .await
            .map_err(|e| AppError::internal("instansi", e))
    })
    .await
}

/// "Cek NIP": the name, partly hidden, of the employee with this NIP in this agency.
#[server(prefix = "/api", endpoint = "cek_nip")]
pub async fn cek_nip(instansi_id: i32, nomor: String) -> Result<String, AppError> {
    use crate::edge;
    edge::answer(async {
        let caller = edge::caller().await;
        Ok(super::service::check_nip(&caller.pool, instansi_id, &nomor).await?)
    })
    .await
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
) -> Result<String, AppError> {
    use super::service::{state_contact, Stated};
    use crate::edge::{self, request};
    edge::answer(async {
        let caller = edge::caller().await;
        let form = Stated {
            instansi_id,
            nomor: &nomor,
            email: &email,
            nomor_hp: &nomor_hp,
            captcha_token: &captcha_token,
            captcha: &captcha,
        };
        let mailer = request::mailer();
        Ok(state_contact(
            &caller.pool,
            &request::settings(),
            mailer.as_ref(),
            form,
            caller.ip,
        )
        .await?)
    })
    .await
}

/// Confirms the email from the link in the confirmation mail.
#[server(prefix = "/api", endpoint = "konfirmasi_kontak")]
pub async fn konfirmasi_kontak(token: String) -> Result<(), AppError> {
    use crate::edge;
    edge::answer(async {
        let caller = edge::caller().await;
        Ok(super::service::confirm(&caller.pool, &token).await?)
    })
    .await
}

/// Open statements of the admin's agency (a BKN admin names the agency).
#[server(prefix = "/api", endpoint = "rekonsiliasi_terbuka", input = GetUrl)]
pub async fn rekonsiliasi_terbuka(
    instansi_id: Option<i32>,
) -> Result<Vec<OpenStatement>, AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        Ok(super::service::open_statements(&me.pool, &me.principal, instansi_id).await?)
    })
    .await
}

/// Approves (into the record) or rejects an open statement, within scope.
#[server(prefix = "/api", endpoint = "putuskan_rekonsiliasi")]
pub async fn putuskan_rekonsiliasi(id: i64, setuju: bool) -> Result<(), AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        Ok(super::service::decide(&me.pool, &me.principal, id, setuju).await?)
    })
    .await
}
