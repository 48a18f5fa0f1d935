//! Self-registration server functions: parse, call the flow, set the status.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::{AgencyActivation, PendingRegistration, Proof};
use crate::auth::error::AuthError;

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

/// Self-registration is for NIP / NI PPPK holders; PPT Non-ASN (who sign in with
/// their NIK) activate by email.
pub fn parse_registrant(input: &str) -> Result<String, crate::auth::error::Message> {
    use crate::auth::login_id::LoginId;
    match LoginId::parse(input) {
        Ok(LoginId::NomorInduk(n)) => Ok(n),
        Ok(LoginId::Nik(_)) => Err(crate::auth::error::Message::new(
            "Registrasi mandiri memakai NIP / NI PPPK. PPT Non-ASN mengaktifkan akun melalui email.",
            "Self-registration takes a NIP / NI PPPK. PPT Non-ASN activate their account by email.",
        )),
        Err(e) => Err(crate::auth::error::Message::of(&e)),
    }
}

/// Registers for access (agencies that use self-registration) with NIP and NIK;
/// answers what the two-part proof shows.
#[server(prefix = "/api", endpoint = "daftar_registrasi")]
pub async fn daftar_registrasi(
    nomor: String,
    nik: String,
    kata_sandi: String,
    ulangi: String,
) -> Result<Proof, AuthError> {
    use crate::auth::api::edge;
    use crate::auth::error::{FieldError, Message};
    use crate::domain::Nik;

    let nomor_induk = parse_registrant(&nomor);
    let nik = Nik::parse(&nik);
    let mut fields = Vec::new();
    if let Err(m) = &nomor_induk {
        fields.push(FieldError {
            field: "nomor".into(),
            messages: vec![m.clone()],
        });
    }
    if let Err(e) = &nik {
        fields.push(FieldError {
            field: "nik".into(),
            messages: vec![Message::of(e)],
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
    let (Ok(nomor_induk), Ok(nik), true) = (nomor_induk, nik, fields.is_empty()) else {
        return Err(edge::refuse(AuthError::Invalid(fields)));
    };
    super::service::register(
        &edge::pool(),
        &edge::settings(),
        &nomor_induk,
        &nik,
        &kata_sandi,
        edge::client_ip().await,
    )
    .await
    .map_err(edge::refuse)
}

/// What the server knows of the waiting registration with this number, for the
/// verifier to compare with the person in front of them before deciding.
#[server(prefix = "/api", endpoint = "cek_registrasi")]
pub async fn cek_registrasi(nomor: String) -> Result<PendingRegistration, AuthError> {
    use super::RegistrationNumber;
    use crate::auth::api::edge;
    use crate::auth::error::Message;

    let who = signed_in().await?;
    let nomor = RegistrationNumber::parse(&nomor)
        .map_err(|e| edge::refuse(invalid("nomor", Message::of(&e))))?;
    super::service::look_up(&edge::pool(), &who, &nomor, edge::client_ip().await)
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

/// Grants (`setuju`, with the `nomor_induk` read off the person's own documents)
/// or rejects, with `alasan`, the registration numbered on the proof's first part.
#[server(prefix = "/api", endpoint = "putuskan_registrasi")]
pub async fn putuskan_registrasi(
    nomor: String,
    nomor_induk: String,
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
        Decision::Grant { nomor_induk }
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
    fn self_registration_takes_a_nip_not_a_nik() {
        assert_eq!(
            parse_registrant(" 199208172022031901 ").as_deref(),
            Ok("199208172022031901")
        );
        assert!(parse_registrant("7371020106759003")
            .unwrap_err()
            .id
            .contains("PPT Non-ASN"));
        assert!(parse_registrant("12345").is_err());
    }
}
