//! Self-registration server functions: parse, call the flow, set the status.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::problem::RegistrationProblem;
use super::{AgencyActivation, PendingRegistration, Proof};
use crate::edge::error::AppError;

/// Self-registration is for NIP / NI PPPK holders; PPT Non-ASN (who sign in with
/// their NIK) activate by email.
pub fn parse_registrant(input: &str) -> Result<String, RegistrationProblem> {
    use crate::auth::login_id::LoginId;
    match LoginId::parse(input) {
        Ok(LoginId::NomorInduk(n)) => Ok(n),
        Ok(LoginId::Nik(_)) => Err(RegistrationProblem::NikNotNomorInduk),
        Err(e) => Err(RegistrationProblem::NomorInduk(e)),
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
) -> Result<Proof, AppError> {
    use crate::domain::Nik;
    use crate::edge::{self, request, FieldError};

    edge::answer(async {
        let nomor_induk = parse_registrant(&nomor);
        let nik = Nik::parse(&nik);
        let mut fields = Vec::new();
        if let Err(problem) = &nomor_induk {
            fields.push(FieldError::of("nomor", problem));
        }
        if let Err(e) = &nik {
            fields.push(FieldError::of("nik", e));
        }
        if kata_sandi != ulangi {
            fields.push(FieldError::of(
                "ulangi",
                &RegistrationProblem::PasswordsDiffer,
            ));
        }
        let (Ok(nomor_induk), Ok(nik), true) = (nomor_induk, nik, fields.is_empty()) else {
            return Err(AppError::Invalid(fields));
        };
        let caller = edge::caller().await;
        Ok(super::service::register(
            &caller.pool,
            &request::settings(),
            &nomor_induk,
            &nik,
            &kata_sandi,
            caller.ip,
        )
        .await?)
    })
    .await
}

/// What the server knows of the waiting registration with this number, for the
/// verifier to compare with the person in front of them before deciding.
#[server(prefix = "/api", endpoint = "cek_registrasi")]
pub async fn cek_registrasi(nomor: String) -> Result<PendingRegistration, AppError> {
    use super::RegistrationNumber;
    use crate::edge::{self, FieldError};

    edge::as_signed_in(|me| async move {
        let nomor = RegistrationNumber::parse(&nomor)
            .map_err(|e| AppError::Invalid(vec![FieldError::of("nomor", &e)]))?;
        Ok(super::service::look_up(&me.pool, &me.principal, &nomor, me.ip).await?)
    })
    .await
}

/// Registrations waiting for the caller: the registration verifier of a work
/// unit sees that unit's, an agency admin the agency's, a BKN admin all.
#[server(prefix = "/api", endpoint = "registrasi_menunggu", input = GetUrl)]
pub async fn registrasi_menunggu() -> Result<Vec<PendingRegistration>, AppError> {
    use crate::edge;
    edge::as_signed_in(
        |me| async move { Ok(super::service::pending(&me.pool, &me.principal).await?) },
    )
    .await
}

/// Grants (`setuju`, with the `nomor_induk` read off the person's own documents)
/// or rejects, with `alasan`, the registration numbered on the proof's first part.
#[server(prefix = "/api", endpoint = "putuskan_registrasi")]
pub async fn putuskan_registrasi(
    nomor: String,
    nomor_induk: String,
    setuju: bool,
    alasan: String,
) -> Result<(), AppError> {
    use super::problem::RegistrationError;
    use super::service::{decide, Decision};
    use super::RegistrationNumber;
    use crate::edge::{self, FieldError};

    edge::as_signed_in(|me| async move {
        let nomor = RegistrationNumber::parse(&nomor)
            .map_err(|e| AppError::Invalid(vec![FieldError::of("nomor", &e)]))?;
        let alasan = alasan.trim();
        let refuse_reason = |problem| Err(RegistrationError::on("alasan", problem).into());
        let decision = if setuju {
            Decision::Grant { nomor_induk }
        } else if alasan.is_empty() {
            return refuse_reason(RegistrationProblem::ReasonMissing);
        } else if alasan.chars().count() > 500 {
            return refuse_reason(RegistrationProblem::ReasonTooLong);
        } else {
            Decision::Reject {
                alasan: alasan.to_owned(),
            }
        };
        Ok(decide(&me.pool, &me.principal, &nomor, decision, me.ip).await?)
    })
    .await
}

/// The caller's own agency and how its employees get in, if the caller may change it.
#[server(prefix = "/api", endpoint = "cara_aktivasi", input = GetUrl)]
pub async fn cara_aktivasi() -> Result<Option<AgencyActivation>, AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        Ok(super::service::activation_of(&me.pool, &me.principal).await?)
    })
    .await
}

/// Chooses how an agency's employees get in: `cara` is "token_email" or
/// "registrasi_mandiri".
#[server(prefix = "/api", endpoint = "ubah_cara_aktivasi")]
pub async fn ubah_cara_aktivasi(instansi_id: i32, cara: String) -> Result<(), AppError> {
    use super::problem::RegistrationError;
    use super::ActivationMode;
    use crate::edge;

    edge::as_signed_in(|me| async move {
        let mode = ActivationMode::from_code(&cara)
            .ok_or_else(|| RegistrationError::on("cara", RegistrationProblem::UnknownMode))?;
        Ok(super::service::set_mode(&me.pool, &me.principal, instansi_id, mode, me.ip).await?)
    })
    .await
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
        let nik = parse_registrant("7371020106759003").unwrap_err();
        assert!(
            crate::domain::Localized::message(&nik, crate::domain::localized::Lang::Id)
                .contains("PPT Non-ASN")
        );
        assert!(parse_registrant("12345").is_err());
    }
}
