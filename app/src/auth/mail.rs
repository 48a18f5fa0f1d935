//! The token email of the account flows.

use crate::mail::OutgoingMail;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    Aktivasi,
    Reset,
}

impl TokenPurpose {
    pub fn code(self) -> &'static str {
        match self {
            TokenPurpose::Aktivasi => "aktivasi",
            TokenPurpose::Reset => "reset",
        }
    }
}

/// The token email, in both languages, Indonesian first.
pub fn token_mail(
    to: &str,
    name: &str,
    purpose: TokenPurpose,
    link: &str,
    minutes: u64,
) -> OutgoingMail {
    let (subject, why_id, why_en) = match purpose {
        TokenPurpose::Aktivasi => (
            "Aktivasi akun Mutakhir / Activate your Mutakhir account",
            "Gunakan tautan berikut untuk mengaktifkan akun Anda dan membuat kata sandi:",
            "Use this link to activate your account and choose a password:",
        ),
        TokenPurpose::Reset => (
            "Atur ulang kata sandi Mutakhir / Reset your Mutakhir password",
            "Gunakan tautan berikut untuk membuat kata sandi baru:",
            "Use this link to choose a new password:",
        ),
    };
    let body = format!(
        "Yth. {name},\n\n{why_id}\n\n{link}\n\n\
         Tautan ini hanya berlaku {minutes} menit dan hanya dapat dipakai sekali. \
         Jika Anda tidak memintanya, abaikan email ini.\n\n\
         ---\n\n\
         Dear {name},\n\n{why_en}\n\n{link}\n\n\
         The link works once, within {minutes} minutes. \
         If you did not ask for it, ignore this email.\n\n\
         Mutakhir — Pemutakhiran Data Mandiri ASN\n"
    );
    OutgoingMail {
        to: to.to_owned(),
        to_name: name.to_owned(),
        subject: subject.to_owned(),
        body,
    }
}
