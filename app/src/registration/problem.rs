//! What the self-registration flows refuse, as typed problems in both languages,
//! and the flows' own error.

use crate::auth::login_id::LoginIdError;
use crate::domain::localized::{Lang, Localized};
use crate::edge::error::{AppError, FieldError, Internal};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegistrationProblem {
    /// The NIP is unknown or the NIK is not its (the same answer).
    Mismatch,
    TokenEmailAgency,
    AlreadyActive,
    TooManyToday,
    /// Another registration for the NIP arrived while this one was hashed.
    Collided,
    NumberNotFound,
    NoWaitingNumber,
    Superseded,
    AlreadyDecided {
        granted: bool,
        by: String,
    },
    /// Activated meanwhile: the registration is no longer needed.
    NoLongerNeeded,
    NotTheRegistrant,
    UnknownAgency,
    /// A NIK given where self-registration takes a NIP / NI PPPK.
    NikNotNomorInduk,
    NomorInduk(LoginIdError),
    PasswordsDiffer,
    ReasonMissing,
    ReasonTooLong,
    UnknownMode,
}

impl Localized for RegistrationProblem {
    fn message(&self, lang: Lang) -> String {
        use RegistrationProblem::*;
        let text = match self {
            Mismatch => lang.pick(
                "NIP dan NIK tidak cocok dengan data kepegawaian. Periksa kembali, atau hubungi admin \
                 kepegawaian instansi Anda.",
                "The NIP and NIK do not match the personnel records. Check them, or ask your agency's \
                 personnel admin.",
            ),
            TokenEmailAgency => lang.pick(
                "Instansi Anda memakai aktivasi melalui email, bukan registrasi mandiri. \
                 Gunakan halaman Aktivasi.",
                "Your agency activates accounts by email, not by self-registration. Use the \
                 Activate page.",
            ),
            AlreadyActive => lang.pick(
                "Akun Anda sudah aktif. Silakan masuk, atau gunakan Lupa kata sandi.",
                "Your account is already active. Sign in, or use Forgot password.",
            ),
            TooManyToday => lang.pick(
                "NIP ini sudah didaftarkan 3 kali dalam 24 jam terakhir. Gunakan bukti registrasi \
                 terakhir, atau hubungi verifikator registrasi unit kerja Anda.",
                "This NIP was registered 3 times in the last 24 hours. Use the latest proof, or \
                 ask your work unit's registration verifier.",
            ),
            Collided => lang.pick(
                "Registrasi lain untuk NIP ini baru saja dikirim. Muat ulang halaman lalu coba lagi.",
                "Another registration for this NIP was just sent. Reload the page and try again.",
            ),
            NumberNotFound => lang.pick(
                "Nomor registrasi tidak ditemukan. Periksa nomor pada lembar pertama bukti registrasi.",
                "No registration has this number. Check the number on the first part of the proof.",
            ),
            NoWaitingNumber => lang.pick(
                "Tidak ada registrasi menunggu dengan nomor ini. Periksa nomor pada lembar pertama.",
                "No waiting registration has this number. Check the number on the first part.",
            ),
            Superseded => lang.pick(
                "Registrasi ini sudah diganti oleh registrasi yang lebih baru. Minta lembar \
                 bukti registrasi terbaru.",
                "A newer registration replaced this one. Ask for the latest registration proof.",
            ),
            AlreadyDecided { granted, by } => {
                let (id, en) = if *granted {
                    ("disetujui", "granted")
                } else {
                    ("ditolak", "rejected")
                };
                return match lang {
                    Lang::Id => format!("Registrasi ini sudah {id} oleh {by}."),
                    Lang::En => format!("This registration was already {en} by {by}."),
                };
            }
            NoLongerNeeded => lang.pick(
                "Akun pegawai ini sudah aktif; registrasi tidak diperlukan lagi.",
                "This employee's account is already active; the registration is no longer needed.",
            ),
            NotTheRegistrant => lang.pick(
                "NIP ini bukan NIP pendaftar. Periksa identitas orang yang menyerahkan bukti.",
                "This is not the registrant's NIP. Check who handed in the proof.",
            ),
            UnknownAgency => return crate::domain::localized::Unknown::Agency.message(lang),
            NikNotNomorInduk => lang.pick(
                "Registrasi mandiri memakai NIP / NI PPPK. PPT Non-ASN mengaktifkan akun melalui email.",
                "Self-registration takes a NIP / NI PPPK. PPT Non-ASN activate their account by email.",
            ),
            NomorInduk(e) => return e.message(lang),
            PasswordsDiffer => lang.pick(
                "Kedua kata sandi tidak sama.",
                "The two passwords are not the same.",
            ),
            ReasonMissing => lang.pick(
                "Tuliskan alasan penolakan; pegawai akan membacanya.",
                "Give the reason for rejecting; the employee will read it.",
            ),
            ReasonTooLong => lang.pick(
                "Alasan paling panjang 500 karakter.",
                "The reason has at most 500 characters.",
            ),
            UnknownMode => lang.pick(
                "Pilih aktivasi melalui email atau registrasi mandiri.",
                "Choose activation by email or self-registration.",
            ),
        };
        text.to_owned()
    }
}

/// The self-registration flows' error.
#[derive(Debug)]
pub enum RegistrationError {
    Refused(RegistrationProblem),
    /// Input refused, field by field.
    Invalid(Vec<FieldError>),
    Forbidden,
    /// Failed on our side; logged where it happened, named here for the log.
    Internal(Internal),
}

impl RegistrationError {
    pub fn on(field: &str, problem: RegistrationProblem) -> Self {
        RegistrationError::Invalid(vec![FieldError::of(field, &problem)])
    }
}

impl From<RegistrationProblem> for RegistrationError {
    fn from(problem: RegistrationProblem) -> Self {
        RegistrationError::Refused(problem)
    }
}

impl From<RegistrationError> for AppError {
    fn from(e: RegistrationError) -> Self {
        match e {
            RegistrationError::Refused(p @ RegistrationProblem::TooManyToday) => {
                AppError::too_many(&p)
            }
            RegistrationError::Refused(p) => AppError::refused(&p),
            RegistrationError::Invalid(fields) => AppError::Invalid(fields),
            RegistrationError::Forbidden => AppError::Forbidden,
            RegistrationError::Internal(e) => e.into(),
        }
    }
}

impl From<Internal> for RegistrationError {
    fn from(e: Internal) -> Self {
        RegistrationError::Internal(e)
    }
}
