//! The reconciliation confirmation email.

use crate::mail::OutgoingMail;

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
