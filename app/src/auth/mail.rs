//! Outgoing email as the account flows see it. The server supplies the transport
//! (SMTP through lettre, or the development mailbox), so `app` stays free of it.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub to_name: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
#[error("could not send mail: {0}")]
pub struct MailError(pub String);

pub type MailFuture<'a> = Pin<Box<dyn Future<Output = Result<(), MailError>> + Send + 'a>>;

pub trait Mailer: Send + Sync + 'static {
    fn send(&self, mail: OutgoingMail) -> MailFuture<'_>;
}

/// The context value server functions look up.
pub type SharedMailer = Arc<dyn Mailer>;

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

/// The reconciliation confirmation email, in both languages.
pub fn contact_confirmation_mail(to: &str, name: &str, link: &str, hours: u64) -> OutgoingMail {
    let body = format!(
        "Yth. {name},\n\nAnda (atau seseorang) mendaftarkan alamat email ini sebagai kontak aktif \
         Anda di Mutakhir. Konfirmasikan dengan membuka tautan berikut:\n\n{link}\n\n\
         Tautan berlaku {hours} jam. Setelah dikonfirmasi, admin instansi Anda akan menyetujuinya. \
         Jika bukan Anda, abaikan email ini.\n\n---\n\n\
         Dear {name},\n\nYou (or someone) registered this address as your active contact in \
         Mutakhir. Confirm it by opening this link:\n\n{link}\n\n\
         The link works for {hours} hours. Once confirmed, your agency's admin will approve it. \
         If this was not you, ignore this email.\n\nMutakhir — Pemutakhiran Data Mandiri ASN\n"
    );
    OutgoingMail {
        to: to.to_owned(),
        to_name: name.to_owned(),
        subject: "Konfirmasi email Mutakhir / Confirm your Mutakhir email".to_owned(),
        body,
    }
}
