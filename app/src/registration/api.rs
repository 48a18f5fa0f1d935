//! Self-registration server functions: parse, call the flow, set the status.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::{AgencyActivation, PendingRegistration, Proof};
use crate::auth::error::AuthError;

/// `<input type="date">` sends `YYYY-MM-DD`.
pub fn parse_birth_date(input: &str) -> Result<time::Date, crate::auth::error::Message> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match input.trim() {
        "" => Err(crate::auth::error::Message::new(
            "Tanggal lahir wajib diisi.",
            "The date of birth is required.",
        )),
        s => time::Date::parse(s, &format).map_err(|_| {
            crate::auth::error::Message::new(
                "Tanggal lahir tidak valid (format TTTT-BB-HH).",
                "The date of birth is not a valid date (YYYY-MM-DD).",
            )
        }),
    }
}

#[cfg(feature = "ssr")]
fn invalid(field: &str, message: crate::auth::error::Message) -> AuthError {
    AuthError::Invalid(vec![crate::auth::error::FieldError {
        field: field.to_owned(),
        messages: vec![message],
    }])
}

#[cfg(feature = "ssr")]
async fn signed_in() -> Result<crate::auth::access::Principal, AuthError> {
    use crate::auth::api::{current_user, edge::refuse};
    Ok(current_user()
        .await?
        .ok_or_else(|| refuse(AuthError::Unauthenticated))?
        .principal)
}

/// Registers for access (agencies that use self-registration); answers what the
/// two-part proof shows.
#[server(prefix = "/api", endpoint = "daftar_registrasi")]
pub async fn daftar_registrasi(
    nomor: String,
    tanggal_lahir: String,
    kata_sandi: String,
    ulangi: String,
) -> Result<Proof, AuthError> {
    use crate::auth::api::edge;
    use crate::auth::error::{FieldError, Message};
    use crate::auth::login_id::LoginId;

    let id = LoginId::parse(&nomor);
    let born = parse_birth_date(&tanggal_lahir);
    let mut fields = Vec::new();
    if let Err(e) = &id {
        fields.push(FieldError {
            field: "nomor".into(),
            messages: vec![Message::of(e)],
        });
    }
    if let Err(m) = &born {
        fields.push(FieldError {
            field: "tanggal_lahir".into(),
            messages: vec![m.clone()],
        });
    }
    if kata_sandi != ulangi {
        fields.push(FieldError {
            field: "ulangi".into(),
            messages: vec![Message::new(
                "Kedua kata sandi tidak sama.",
                "The two passwords are not the same.",
            )],
        });
    }
    let (Ok(id), Ok(born), true) = (id, born, fields.is_empty()) else {
        return Err(edge::refuse(AuthError::Invalid(fields)));
    };
    super::service::register(
        &edge::pool(),
        &edge::settings(),
        &id,
        born,
        &kata_sandi,
        edge::client_ip().await,
    )
    .await
    .map_err(edge::refuse)
}

/// Registrations waiting for the caller: the registration verifier of a work
/// unit sees that unit's, an agency admin the agency's, a BKN admin all.
#[server(prefix = "/api", endpoint = "registrasi_menunggu", input = GetUrl)]
pub async fn registrasi_menunggu() -> Result<Vec<PendingRegistration>, AuthError> {
    use crate::auth::access::RegistrationReach;
    use crate::auth::api::edge;

    let who = signed_in().await?;
    let reach = RegistrationReach::of(&who);
    if reach.is_empty() {
        return Err(edge::refuse(AuthError::Forbidden));
    }
    super::store::pending(&edge::pool(), &reach)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "listing registrations");
            edge::refuse(AuthError::Server("registrations".into()))
        })
}

/// Grants (`setuju`) or rejects, with `alasan`, the registration numbered on the
/// proof's first part.
#[server(prefix = "/api", endpoint = "putuskan_registrasi")]
pub async fn putuskan_registrasi(
    nomor: String,
    setuju: bool,
    alasan: String,
) -> Result<(), AuthError> {
    use super::service::{decide, Decision};
    use super::RegistrationNumber;
    use crate::auth::api::edge;
    use crate::auth::error::Message;

    let who = signed_in().await?;
    let nomor = RegistrationNumber::parse(&nomor)
        .map_err(|e| edge::refuse(invalid("nomor", Message::of(&e))))?;
    let alasan = alasan.trim();
    let decision = if setuju {
        Decision::Grant
    } else if alasan.is_empty() {
        return Err(edge::refuse(invalid(
            "alasan",
            Message::new(
                "Tuliskan alasan penolakan; pegawai akan membacanya.",
                "Give the reason for rejecting; the employee will read it.",
            ),
        )));
    } else if alasan.chars().count() > 500 {
        return Err(edge::refuse(invalid(
            "alasan",
            Message::new(
                "Alasan paling panjang 500 karakter.",
                "The reason has at most 500 characters.",
            ),
        )));
    } else {
        Decision::Reject {
            alasan: alasan.to_owned(),
        }
    };
    decide(
        &edge::pool(),
        &who,
        &nomor,
        decision,
        edge::client_ip().await,
    )
    .await
    .map_err(edge::refuse)
}

/// The caller's own agency and how its employees get in, if the caller may change it.
#[server(prefix = "/api", endpoint = "cara_aktivasi", input = GetUrl)]
pub async fn cara_aktivasi() -> Result<Option<AgencyActivation>, AuthError> {
    use crate::auth::access::{authorize, Action};
    use crate::auth::api::edge;

    let who = signed_in().await?;
    let instansi_id = who.placement.instansi_id;
    if authorize(&who, &Action::SetActivationMode(instansi_id)).is_err() {
        return Ok(None);
    }
    let found = super::store::mode_of(&edge::pool(), instansi_id)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "reading the activation mode");
            edge::refuse(AuthError::Server("agency".into()))
        })?;
    Ok(found.map(|(nama, mode)| AgencyActivation {
        instansi_id,
        nama,
        mode,
    }))
}

/// Chooses how an agency's employees get in: `cara` is "token_email" or
/// "registrasi_mandiri".
#[server(prefix = "/api", endpoint = "ubah_cara_aktivasi")]
pub async fn ubah_cara_aktivasi(instansi_id: i32, cara: String) -> Result<(), AuthError> {
    use super::ActivationMode;
    use crate::auth::api::edge;
    use crate::auth::error::Message;

    let who = signed_in().await?;
    let mode = ActivationMode::from_code(&cara).ok_or_else(|| {
        edge::refuse(invalid(
            "cara",
            Message::new(
                "Pilih aktivasi melalui email atau registrasi mandiri.",
                "Choose activation by email or self-registration.",
            ),
        ))
    })?;
    super::service::set_mode(
        &edge::pool(),
        &who,
        instansi_id,
        mode,
        edge::client_ip().await,
    )
    .await
    .map_err(edge::refuse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birth_dates_come_as_the_date_input_sends_them() {
        assert_eq!(
            parse_birth_date("1990-02-28"),
            Ok(time::macros::date!(1990 - 02 - 28))
        );
        assert!(parse_birth_date("1990-02-30").is_err());
        assert!(parse_birth_date("28/02/1990").is_err());
        assert_eq!(
            parse_birth_date(" ").unwrap_err().id,
            "Tanggal lahir wajib diisi."
        );
    }
}
