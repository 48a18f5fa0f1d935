//! How the proposal service's refusals read, and which kind of edge error each is.

use super::change::ChangeProblem;
use super::lifecycle::LifecycleError;
use super::service::{ProposalError, WindowProblem};
use crate::domain::localized::{Lang, Localized, Unknown};
use crate::edge::error::{AppError, FieldError, Message};

/// The refusals that are sentences of their own (the others carry a problem that
/// explains itself: the period's state, the change's problem, the draft's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Refusal {
    DocumentNotFound,
    DocumentNotPdf,
    AlreadyOpen,
    KeyReused,
    NotFound,
    Decided,
    NotAllowed,
}

impl Localized for Refusal {
    fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::DocumentNotFound => lang.pick(
                "Dokumen pendukung tidak ditemukan. Unggah dokumennya lagi.",
                "The supporting document was not found. Upload it again.",
            ),
            Refusal::DocumentNotPdf => lang.pick(
                "Dokumen pendukung harus berupa PDF.",
                "The supporting document must be a PDF.",
            ),
            Refusal::AlreadyOpen => lang.pick(
                "Data ini masih memiliki usulan yang belum selesai. Tunggu keputusannya atau tarik usulan itu dahulu.",
                "This record already has an unfinished proposal. Wait for its decision or withdraw it first.",
            ),
            Refusal::KeyReused => lang.pick(
                "Pengajuan ini bertabrakan dengan pengajuan lain. Muat ulang halaman lalu ajukan lagi.",
                "This submission collides with another one. Reload the page and submit again.",
            ),
            Refusal::NotFound => lang.pick("Usulan tidak ditemukan.", "Proposal not found."),
            Refusal::Decided => lang.pick(
                "Usulan ini sudah selesai (diterapkan, ditolak atau ditarik).",
                "This proposal is already finished (applied, rejected or withdrawn).",
            ),
            Refusal::NotAllowed => lang.pick(
                "Langkah ini tidak dapat dilakukan pada usulan ini sekarang.",
                "This step cannot be taken on this proposal now.",
            ),
        }
        .to_owned()
    }
}

impl Localized for WindowProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            WindowProblem::BadTime => lang.pick(
                "Isi tanggal dan jam, misalnya 2026-12-01T08:00 (WIB).",
                "Enter a date and time, e.g. 2026-12-01T08:00 (WIB).",
            ),
            WindowProblem::ClosesBeforeOpens => lang.pick(
                "Waktu tutup harus sesudah waktu buka.",
                "The closing time must be after the opening time.",
            ),
        }
        .to_owned()
    }
}

/// Each finding on its field ("pangkat[0].golongan"), so a form can show it
/// where it belongs.
pub fn findings_at_fields(findings: &[crate::domain::checks::Finding]) -> AppError {
    AppError::Invalid(
        findings
            .iter()
            .map(|f| FieldError {
                field: f.field.to_string(),
                messages: vec![Message::of(f)],
            })
            .collect(),
    )
}

impl From<ProposalError> for AppError {
    fn from(e: ProposalError) -> Self {
        let refused = |r: Refusal| AppError::refused(&r);
        match e {
            ProposalError::PeriodClosed(state) => AppError::refused(&state),
            ProposalError::Change(ChangeProblem::Inconsistent(findings)) => {
                findings_at_fields(&findings)
            }
            ProposalError::Change(problem) => AppError::field("usulan", &[problem]),
            ProposalError::DocumentNotFound => AppError::Invalid(vec![FieldError::of(
                "dokumen_id",
                &Refusal::DocumentNotFound,
            )]),
            ProposalError::DocumentNotPdf => {
                AppError::Invalid(vec![FieldError::of("dokumen_id", &Refusal::DocumentNotPdf)])
            }
            ProposalError::AlreadyOpen => refused(Refusal::AlreadyOpen),
            ProposalError::KeyReused => refused(Refusal::KeyReused),
            ProposalError::NotFound => refused(Refusal::NotFound),
            ProposalError::Lifecycle(LifecycleError::Decided) => refused(Refusal::Decided),
            ProposalError::Lifecycle(LifecycleError::NotAllowed) => refused(Refusal::NotAllowed),
            ProposalError::UnknownHistory => AppError::refused(&Unknown::History),
            ProposalError::Forbidden => AppError::Forbidden,
            ProposalError::Draft(problem) => AppError::field("draf", &[problem]),
            ProposalError::Window(problems) => AppError::Invalid(
                problems
                    .iter()
                    .map(|(field, problem)| FieldError::of(field, problem))
                    .collect(),
            ),
            ProposalError::UnknownAgency => {
                AppError::Invalid(vec![FieldError::of("instansi", &Unknown::Agency)])
            }
            ProposalError::Chain(e) => AppError::internal("proposals", e),
            ProposalError::Profile(e) => AppError::internal("proposals", e),
            ProposalError::Database(e) => AppError::internal("proposals", e),
        }
    }
}
