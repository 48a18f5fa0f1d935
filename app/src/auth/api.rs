//! The account server functions that need no session: ask for a token, set a
//! password with it. Signing in and out is in `crate::me`.

use leptos::prelude::*;

use crate::edge::error::AppError;

/// Emails an activation (`tujuan` = "aktivasi") or reset ("reset") token to the
/// registered address, if `email` is it. Answers the masked address.
#[server(prefix = "/api", endpoint = "minta_token")]
pub async fn minta_token(nomor: String, email: String, tujuan: String) -> Result<String, AppError> {
    use super::login_id::LoginId;
    use super::mail::TokenPurpose;
    use super::problem::{AccountError, AccountProblem};
    use super::service;
    use crate::domain::Email;
    use crate::edge::{self, request, FieldError};

    edge::answer(async {
        let id = LoginId::parse(&nomor);
        let address = Email::parse(&email);
        let mut fields = Vec::new();
        if let Err(e) = &id {
            fields.push(FieldError::of("nomor", e));
        }
        if let Err(e) = &address {
            fields.push(FieldError::of("email", e));
        }
        let purpose = match tujuan.as_str() {
            "aktivasi" => TokenPurpose::Aktivasi,
            "reset" => TokenPurpose::Reset,
            _ => return Err(AccountError::from(AccountProblem::UnknownTokenPurpose).into()),
        };
        let (Ok(id), Ok(address)) = (id, address) else {
            return Err(AppError::Invalid(fields));
        };
        let caller = edge::caller().await;
        Ok(service::request_token(
            &caller.pool,
            request::mailer().as_ref(),
            &request::settings(),
            &id,
            &address,
            purpose,
            caller.ip,
        )
        .await?)
    })
    .await
}

/// Sets a password with the emailed token.
#[server(prefix = "/api", endpoint = "setel_kata_sandi")]
pub async fn setel_kata_sandi(
    token: String,
    kata_sandi: String,
    ulangi: String,
) -> Result<(), AppError> {
    use super::problem::{AccountError, AccountProblem};
    use super::service;
    use crate::edge::{self, request};

    edge::answer(async {
        if kata_sandi != ulangi {
            return Err(AccountError::from(AccountProblem::PasswordsDiffer).into());
        }
        let caller = edge::caller().await;
        Ok(service::set_password(
            &caller.pool,
            &request::settings(),
            &token,
            &kata_sandi,
            caller.ip,
        )
        .await?)
    })
    .await
}
