//! Self-registration, the older ePUPNS way in, for agencies that choose it over the
//! emailed token: the employee registers and prints a two-part proof; the
//! registration verifier of their work unit checks who they are and grants access.

pub mod api;
pub mod number;
pub mod problem;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

pub use number::{RegistrationNumber, RegistrationNumberError};

/// How an agency's employees get their first password.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActivationMode {
    /// A token emailed to the registered address (the default).
    TokenEmail,
    /// Self-registration, a printed proof, and the work unit's verifier's grant.
    SelfRegistration,
}

impl ActivationMode {
    pub fn code(self) -> &'static str {
        match self {
            ActivationMode::TokenEmail => "token_email",
            ActivationMode::SelfRegistration => "registrasi_mandiri",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "token_email" => Some(ActivationMode::TokenEmail),
            "registrasi_mandiri" => Some(ActivationMode::SelfRegistration),
            _ => None,
        }
    }
}

/// What both parts of the printed proof show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proof {
    pub nomor: RegistrationNumber,
    pub nama: String,
    /// NIP / NI PPPK, or the NIK of PPT Non-ASN: what they will sign in with.
    pub identifier: String,
    pub unit_kerja: String,
    pub instansi: String,
    pub registered_at: OffsetDateTime,
}

/// A registration waiting for the verifier. Lists show only the number's last
/// group: the full number comes from the paper the person hands in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingRegistration {
    pub nomor_akhir: String,
    pub nama: String,
    pub identifier: String,
    pub unit_kerja: String,
    pub registered_at: OffsetDateTime,
}

impl PendingRegistration {
    /// `7K3Q-MX2D-9FTB` → `••••-••••-9FTB`.
    pub fn tail(nomor: &str) -> String {
        format!("••••-••••-{}", nomor.rsplit('-').next().unwrap_or_default())
    }
}

/// An agency's current choice, for its admin's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyActivation {
    pub instansi_id: i32,
    pub nama: String,
    pub mode: ActivationMode,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mode_codes_are_the_database_values_and_round_trip() {
        for mode in [ActivationMode::TokenEmail, ActivationMode::SelfRegistration] {
            assert_eq!(ActivationMode::from_code(mode.code()), Some(mode));
        }
        assert_eq!(
            ActivationMode::SelfRegistration.code(),
            "registrasi_mandiri"
        );
        assert_eq!(ActivationMode::from_code("email"), None);
    }
}
