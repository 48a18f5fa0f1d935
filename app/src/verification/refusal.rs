//! How the verification service's refusals read, and which kind of edge error each is.

use super::service::VerificationError;
use crate::domain::localized::{Lang, Localized, Unknown};
use crate::edge::error::{AppError, FieldError};
use crate::proposal::change::ChangeProblem;
use crate::proposal::period::WIB;
use crate::proposal::submission::EventKind;

fn when(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(WIB);
    format!(
        "{:02}-{:02}-{} {:02}.{:02} WIB",
        at.day(),
        u8::from(at.month()),
        at.year(),
        at.hour(),
        at.minute()
    )
}

/// The refusals a verifier reads; the others are internal, or carry a problem that
/// explains itself.
impl Localized for VerificationError {
    fn message(&self, lang: Lang) -> String {
        match self {
            VerificationError::NotFound => lang
                .pick(
                    "Usulan tidak ditemukan dalam wilayah verifikasi Anda.",
                    "Proposal not found in your verification scope.",
                )
                .to_owned(),
            VerificationError::NotYourLevel(_) => lang
                .pick(
                    "Usulan ini tidak sedang menunggu di tingkat verifikasi Anda.",
                    "This proposal is not waiting at your verification level.",
                )
                .to_owned(),
            VerificationError::AlreadyDecided { by, kind, at } => {
                let (id, en) = match kind {
                    EventKind::Withdrawn => ("ditarik", "withdrawn"),
                    EventKind::Returned => ("dikembalikan", "returned"),
                    EventKind::Rejected => ("ditolak", "rejected"),
                    EventKind::Applied => ("disetujui dan diterapkan", "approved and applied"),
                    _ => ("disetujui", "approved"),
                };
                match lang {
                    Lang::Id => format!("Usulan ini sudah {id} oleh {by} pada {}.", when(*at)),
                    Lang::En => format!("This proposal was already {en} by {by} at {}.", when(*at)),
                }
            }
            VerificationError::ClaimedBy { by, until } => match lang {
                Lang::Id => format!("Usulan ini sedang ditangani {by} sampai {}.", when(*until)),
                Lang::En => format!("{by} is working on this proposal until {}.", when(*until)),
            },
            VerificationError::NotClaimed => lang
                .pick(
                    "Ambil usulan ini dahulu (tombol \"Tangani\") sebelum memutuskannya.",
                    "Claim this proposal first (\"Handle\") before deciding it.",
                )
                .to_owned(),
            VerificationError::OwnProposal => lang
                .pick(
                    "Anda tidak dapat memverifikasi usulan Anda sendiri.",
                    "You cannot verify your own proposal.",
                )
                .to_owned(),
            VerificationError::Reason(problem) => problem.message(lang),
            VerificationError::CorrectionElsewhere => lang
                .pick(
                    "Koreksi harus untuk data yang sama dengan usulan.",
                    "A correction must be for the same record as the proposal.",
                )
                .to_owned(),
            VerificationError::Change(problem) => problem.message(lang),
            VerificationError::UnknownHistory => Unknown::History.message(lang),
            VerificationError::BadChain => lang
                .pick(
                    "Rantai persetujuan berisi 1 sampai 4 tingkat (1 unit kerja, 2 instansi, 3 Kanreg, 4 BKN Pusat), masing-masing lebih tinggi dari sebelumnya.",
                    "An approval chain has 1 to 4 levels (1 work unit, 2 agency, 3 Kanreg, 4 BKN Pusat), each higher than the one before.",
                )
                .to_owned(),
            // Never shown: these become a bare 403 or 500 at the edge (below).
            VerificationError::NoInbox
            | VerificationError::Forbidden
            | VerificationError::Corrupt
            | VerificationError::Profile(_)
            | VerificationError::Database(_) => self.to_string(),
        }
    }
}

impl From<VerificationError> for AppError {
    fn from(e: VerificationError) -> Self {
        let on =
            |field: &str, e: &VerificationError| AppError::Invalid(vec![FieldError::of(field, e)]);
        match e {
            VerificationError::NotFound
            | VerificationError::NotYourLevel(_)
            | VerificationError::AlreadyDecided { .. }
            | VerificationError::ClaimedBy { .. }
            | VerificationError::NotClaimed
            | VerificationError::OwnProposal => AppError::refused(&e),
            VerificationError::Reason(_) => on("alasan", &e),
            VerificationError::CorrectionElsewhere => on("koreksi", &e),
            VerificationError::UnknownHistory => on("riwayat", &e),
            VerificationError::BadChain => on("tingkat", &e),
            VerificationError::Change(ChangeProblem::Inconsistent(findings)) => {
                crate::proposal::refusal::findings_at_fields(&findings)
            }
            VerificationError::Change(problem) => AppError::field("usulan", &[problem]),
            VerificationError::NoInbox | VerificationError::Forbidden => AppError::Forbidden,
            VerificationError::Corrupt => {
                AppError::internal("verification", "a stored proposal does not parse")
            }
            VerificationError::Profile(e) => AppError::internal("verification", e),
            VerificationError::Database(e) => AppError::internal("verification", e),
        }
    }
}
