//! What the account flows refuse, as typed problems that explain themselves in
//! both languages, and the flows' own error. The edge decides the HTTP status
//! from the kind (`From<AccountError> for AppError`), not the flows.

use crate::domain::localized::{Lang, Localized};
use crate::edge::error::{AppError, FieldError, Internal};

/// A refusal the person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountProblem {
    /// The NIP and email do not match (or the NIP is unknown: the same answer).
    Mismatch,
    /// The agency activates accounts by self-registration, not by token.
    SelfRegistration,
    /// Too many tokens sent in the token's lifetime.
    TooManyTokens {
        recent: i64,
        minutes: u64,
    },
    TokenMailFailed,
    LinkInvalid,
    LinkUsed,
    LinkSuperseded,
    LinkExpired,
    /// Used or replaced between the first check and the write.
    LinkJustUsed,
    WrongCredentials,
    Locked {
        minutes: i64,
    },
    SignInInProgress,
    /// The right password of a self-registration that waits for its verifier.
    RegistrationPending,
    PasswordsDiffer,
    UnknownTokenPurpose,
}

impl AccountProblem {
    /// Whether this refusal is about doing something too often (HTTP 429).
    fn too_many(&self) -> bool {
        matches!(
            self,
            AccountProblem::TooManyTokens { .. }
                | AccountProblem::Locked { .. }
                | AccountProblem::SignInInProgress
        )
    }

    /// The form field the problem belongs to, where it is about one.
    fn field(&self) -> Option<&'static str> {
        match self {
            AccountProblem::PasswordsDiffer => Some("ulangi"),
            AccountProblem::UnknownTokenPurpose => Some("tujuan"),
            _ => None,
        }
    }
}

impl Localized for AccountProblem {
    fn message(&self, lang: Lang) -> String {
        let text = match self {
            AccountProblem::Mismatch => lang.pick(
                "NIP dan email tidak sesuai dengan data yang terdaftar. Jika email Anda berubah atau \
                 keliru, hubungi admin kepegawaian instansi Anda untuk memperbaikinya.",
                "The NIP and email do not match our records. If your email has changed or is wrong, \
                 ask your agency's personnel admin to correct it.",
            ),
            AccountProblem::SelfRegistration => lang.pick(
                "Instansi Anda memakai registrasi mandiri: daftar di halaman Registrasi, cetak bukti \
                 registrasi, lalu serahkan lembar pertama kepada verifikator registrasi unit kerja Anda.",
                "Your agency uses self-registration: register on the Registration page, print the \
                 proof, and hand its first part to your work unit's registration verifier.",
            ),
            AccountProblem::TooManyTokens { recent, minutes } => {
                return match lang {
                    Lang::Id => format!(
                        "Token sudah dikirim {recent} kali dalam {minutes} menit terakhir. Periksa kotak \
                         masuk dan folder spam Anda, atau coba lagi nanti."
                    ),
                    Lang::En => format!(
                        "A token was sent {recent} times in the last {minutes} minutes. Check your inbox \
                         and spam folder, or try again later."
                    ),
                }
            }
            AccountProblem::TokenMailFailed => lang.pick(
                "Email token gagal dikirim. Tidak ada yang berubah; silakan coba lagi beberapa saat lagi.",
                "The token email could not be sent. Nothing changed; please try again shortly.",
            ),
            AccountProblem::LinkInvalid => lang.pick(
                "Tautan tidak valid. Minta token baru dari halaman aktivasi.",
                "This link is not valid. Ask for a new token on the activation page.",
            ),
            AccountProblem::LinkUsed => lang.pick(
                "Tautan ini sudah dipakai. Jika Anda lupa kata sandi, minta token baru.",
                "This link has already been used. If you forgot your password, ask for a new token.",
            ),
            AccountProblem::LinkSuperseded => lang.pick(
                "Tautan ini sudah diganti oleh token yang lebih baru. Gunakan email terakhir yang Anda terima.",
                "A newer token replaced this link. Use the most recent email you received.",
            ),
            AccountProblem::LinkExpired => lang.pick(
                "Tautan ini sudah kedaluwarsa. Minta token baru dari halaman aktivasi.",
                "This link has expired. Ask for a new token on the activation page.",
            ),
            AccountProblem::LinkJustUsed => lang.pick(
                "Tautan ini baru saja dipakai atau diganti. Minta token baru jika perlu.",
                "This link was just used or replaced. Ask for a new token if you need one.",
            ),
            AccountProblem::WrongCredentials => lang.pick(
                "NIP atau kata sandi salah. Belum punya kata sandi atau lupa? Gunakan Aktivasi / Lupa kata sandi.",
                "Wrong NIP or password. No password yet, or forgotten it? Use Activate / Forgot password.",
            ),
            AccountProblem::Locked { minutes } => {
                return match lang {
                    Lang::Id => format!(
                        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit, atau atur \
                         ulang kata sandi Anda."
                    ),
                    Lang::En => format!(
                        "Too many failed sign-in attempts. Try again in {minutes} minutes, or reset your password."
                    ),
                }
            }
            AccountProblem::SignInInProgress => lang.pick(
                "Permintaan masuk untuk NIP ini sedang diproses. Tunggu sebentar lalu coba lagi.",
                "A sign-in for this NIP is already in progress. Wait a moment and try again.",
            ),
            AccountProblem::RegistrationPending => lang.pick(
                "Registrasi Anda menunggu persetujuan verifikator registrasi unit kerja. Serahkan \
                 lembar pertama bukti registrasi kepadanya.",
                "Your registration is waiting for the registration verifier of your work unit. Hand \
                 them the first part of your registration proof.",
            ),
            AccountProblem::PasswordsDiffer => lang.pick(
                "Kedua kata sandi tidak sama.",
                "The two passwords are not the same.",
            ),
            AccountProblem::UnknownTokenPurpose => {
                lang.pick("Tujuan token tidak dikenal.", "Unknown token purpose.")
            }
        };
        text.to_owned()
    }
}

/// The account flows' error.
#[derive(Debug)]
pub enum AccountError {
    Refused(AccountProblem),
    /// Input that does not parse or pass the rules, per form field.
    Invalid(Vec<FieldError>),
    /// No account behind the session any more.
    SignedOut,
    /// Failed on our side; logged where it happened, named here for the log.
    Internal(Internal),
}

impl From<Internal> for AccountError {
    fn from(e: Internal) -> Self {
        AccountError::Internal(e)
    }
}

impl From<AccountProblem> for AccountError {
    fn from(problem: AccountProblem) -> Self {
        AccountError::Refused(problem)
    }
}

impl From<AccountError> for AppError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Refused(problem) => match problem.field() {
                Some(field) => AppError::field(field, &[problem]),
                None if problem.too_many() => AppError::too_many(&problem),
                None => AppError::refused(&problem),
            },
            AccountError::Invalid(fields) => AppError::Invalid(fields),
            AccountError::SignedOut => AppError::Unauthenticated,
            AccountError::Internal(e) => e.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_are_429_and_field_problems_sit_on_their_field() {
        assert!(matches!(
            AppError::from(AccountError::Refused(AccountProblem::Locked { minutes: 3 })),
            AppError::TooMany(m) if m.id.contains("3 menit") && m.en.contains("3 minutes")
        ));
        assert!(matches!(
            AppError::from(AccountError::Refused(AccountProblem::WrongCredentials)),
            AppError::Refused(_)
        ));
        let e = AppError::from(AccountError::Refused(AccountProblem::PasswordsDiffer));
        assert_eq!(
            e.for_field("ulangi", Lang::Id),
            vec!["Kedua kata sandi tidak sama.".to_owned()]
        );
    }
}
