//! The decision email, in both languages, Indonesian first.

use super::headline;
use crate::domain::reference::Riwayat;
use crate::i18n::Locale;
use crate::mail::OutgoingMail;
use crate::proposal::lifecycle::Level;
use crate::proposal::submission::EventKind;

pub struct DecisionMail<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub riwayat: Riwayat,
    pub kind: EventKind,
    pub level: Option<Level>,
    pub reason: Option<&'a str>,
    /// Where the employee follows their proposals.
    pub link: &'a str,
}

fn subject(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Applied => "Usulan Anda diterapkan / Your proposal was applied",
        EventKind::Approved => "Usulan Anda disetujui / Your proposal was approved",
        EventKind::Returned => {
            "Usulan Anda dikembalikan untuk diperbaiki / Your proposal was returned for correction"
        }
        EventKind::Rejected => "Usulan Anda ditolak / Your proposal was rejected",
        _ => "Status usulan Anda berubah / Your proposal changed status",
    }
}

pub fn decision_mail(m: &DecisionMail<'_>) -> OutgoingMail {
    let (id, en) = (
        headline(m.riwayat, m.kind, m.level, Locale::id),
        headline(m.riwayat, m.kind, m.level, Locale::en),
    );
    let (reason_id, reason_en) = match m.reason {
        Some(r) => (format!("\nAlasan: {r}\n"), format!("\nReason: {r}\n")),
        None => (String::new(), String::new()),
    };
    let (todo_id, todo_en) = if m.kind == EventKind::Returned {
        (
            "\nPerbaiki usulan Anda dan ajukan kembali sebelum periode pemutakhiran ditutup.\n",
            "\nCorrect your proposal and submit it again before the update period closes.\n",
        )
    } else {
        ("", "")
    };
    let (name, link) = (m.name, m.link);
    let body = format!(
        "Yth. {name},\n\n{id}\n{reason_id}{todo_id}\nLihat usulan Anda: {link}\n\n\
         ---\n\n\
         Dear {name},\n\n{en}\n{reason_en}{todo_en}\nSee your proposals: {link}\n\n\
         Mutakhir — Pemutakhiran Data Mandiri ASN\n"
    );
    OutgoingMail {
        to: m.to.to_owned(),
        to_name: m.name.to_owned(),
        subject: format!("Mutakhir: {}", subject(m.kind)),
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_returned_proposal_says_why_and_what_to_do_in_both_languages() {
        let mail = decision_mail(&DecisionMail {
            to: "rina@example.go.id",
            name: "Rina",
            riwayat: Riwayat::Pangkat,
            kind: EventKind::Returned,
            level: Some(Level::Instansi),
            reason: Some("SK tidak terbaca"),
            link: "https://mutakhir.example/usulan",
        });
        assert_eq!(mail.to, "rina@example.go.id");
        assert!(mail.subject.contains("dikembalikan"));
        assert!(mail.body.contains("Alasan: SK tidak terbaca"));
        assert!(mail.body.contains("Reason: SK tidak terbaca"));
        assert!(mail.body.contains("ajukan kembali"));
        assert!(mail.body.contains("https://mutakhir.example/usulan"));
        let id_part = mail.body.find("dikembalikan oleh instansi").unwrap();
        let en_part = mail.body.find("returned by the agency").unwrap();
        assert!(id_part < en_part, "Indonesian first");
    }

    #[test]
    fn an_applied_proposal_has_no_reason_line() {
        let mail = decision_mail(&DecisionMail {
            to: "a@b.id",
            name: "A",
            riwayat: Riwayat::Keluarga,
            kind: EventKind::Applied,
            level: None,
            reason: None,
            link: "/usulan",
        });
        assert!(mail.subject.contains("diterapkan"));
        assert!(!mail.body.contains("Alasan"));
        assert!(mail.body.contains("sudah diterapkan ke data Anda"));
    }
}
