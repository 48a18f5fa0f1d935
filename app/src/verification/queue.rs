//! What a verifier asks for and gets back: their inboxes, a page of the queue, a
//! proposal to decide, and their decision. Shared by the server and the browser.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::auth::access::{Role, Scope};
use crate::domain::reference::Riwayat;
use crate::edge::error::Message;
use crate::proposal::change::ProposedRecord;
use crate::proposal::lifecycle::Level;
use crate::proposal::submission::ProposalView;

/// One of the caller's verifier roles: the proposals waiting at `level` for an
/// employee inside `scope`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Inbox {
    pub level: Level,
    pub scope: Scope,
}

impl Inbox {
    /// The caller's inboxes, in the order their roles are listed.
    pub fn all_of(roles: &[Role]) -> Vec<Inbox> {
        let mut inboxes: Vec<Inbox> = roles
            .iter()
            .filter_map(|role| match role {
                Role::Verifikator { scope, tingkat } => Some(Inbox {
                    level: Level::from_number(*tingkat)?,
                    scope: *scope,
                }),
                _ => None,
            })
            .collect();
        inboxes.dedup();
        inboxes
    }
}

/// Where the next page starts: after this proposal in queue order (oldest waiting first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    #[serde(with = "time::serde::rfc3339")]
    pub waiting_since: OffsetDateTime,
    pub id: i64,
}

pub const PAGE_SIZE: u32 = 50;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QueueFilter {
    /// Which of the caller's inboxes (an index into `Inbox::all_of`); the first by default.
    #[serde(default)]
    pub inbox: usize,
    /// The employee's NIP (or NI PPPK), exactly.
    #[serde(default)]
    pub nomor_induk: Option<String>,
    /// Part of the employee's name, any case.
    #[serde(default)]
    pub nama: Option<String>,
    #[serde(default)]
    pub riwayat: Option<Riwayat>,
    #[serde(default)]
    pub unit_kerja_id: Option<i64>,
    /// Submitted on or after this day, and on or before `until` (WIB days).
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub until: Option<Date>,
    #[serde(default)]
    pub after: Option<Cursor>,
    #[serde(default)]
    pub limit: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    pub id: i64,
    pub nama: String,
    pub nomor_induk: Option<String>,
    pub unit_kerja: String,
    pub riwayat: Riwayat,
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub waiting_since: OffsetDateTime,
    /// Who holds a live claim on it, if anyone.
    pub claimed_by: Option<String>,
    pub claimed_by_me: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuePage {
    pub inboxes: Vec<Inbox>,
    pub inbox: usize,
    pub items: Vec<QueueItem>,
    pub next: Option<Cursor>,
}

/// How many proposals of the inbox's scope stand where (status codes as stored;
/// `menunggu_di_sini` counts those waiting at the inbox's level).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub waiting_here: i64,
    pub by_status: Vec<(String, i64)>,
}

/// The backlog of one level at one place: how many wait and since when the oldest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backlog {
    pub level: Level,
    pub place: String,
    pub waiting: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub oldest: OffsetDateTime,
}

/// A proposal laid out for its decision: the record as it stands now beside the
/// proposed one, what the record's checks find, and the document to compare.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub proposal: ProposalView,
    pub nama: String,
    pub nomor_induk: Option<String>,
    pub unit_kerja: String,
    /// The record in the master data now (it may differ from the proposal's "before"
    /// if something else changed it since).
    pub current: Option<ProposedRecord>,
    /// Errors that would refuse the approval, then warnings.
    pub findings: Vec<(String, Message)>,
    pub blocking: bool,
    pub claimed_by: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub claim_until: Option<OffsetDateTime>,
    pub claimed_by_me: bool,
    /// The level the caller decides it at, if they may.
    pub my_level: Option<Level>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// To the next level, or applied at the last.
    Approve,
    /// Back to the employee to correct, with a reason.
    Return,
    /// Refused for good, with a reason.
    Reject,
}

/// Longest reason kept.
pub const MAX_REASON: usize = 500;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub verdict: Verdict,
    #[serde(default)]
    pub reason: Option<String>,
    /// The verifier's correction of an obvious typo, with an approval only: the whole
    /// record as it should be applied.
    #[serde(default)]
    pub correction: Option<ProposedRecord>,
}

/// Why a decision's reason is refused, before anything is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReasonProblem {
    Missing,
    TooLong,
}

impl Decision {
    /// The reason as it is kept (trimmed), checked for the verdict: a return or a
    /// rejection must say why, an approval needs no reason.
    pub fn reason(&self) -> Result<Option<String>, ReasonProblem> {
        let reason = self
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty());
        match (self.verdict, reason) {
            (_, Some(r)) if r.chars().count() > MAX_REASON => Err(ReasonProblem::TooLong),
            (Verdict::Return | Verdict::Reject, None) => Err(ReasonProblem::Missing),
            (_, r) => Ok(r.map(str::to_owned)),
        }
    }
}

impl crate::domain::Localized for ReasonProblem {
    fn message(&self, lang: crate::domain::localized::Lang) -> String {
        match self {
            ReasonProblem::Missing => lang.pick(
                "Tuliskan alasannya: pegawai perlu tahu apa yang harus diperbaiki.",
                "Write the reason: the employee needs to know what to fix.",
            ),
            ReasonProblem::TooLong => lang.pick(
                "Alasan paling panjang 500 karakter.",
                "The reason can be at most 500 characters.",
            ),
        }
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(verdict: Verdict, reason: Option<&str>) -> Decision {
        Decision {
            verdict,
            reason: reason.map(str::to_owned),
            correction: None,
        }
    }

    #[test]
    fn a_return_or_rejection_needs_a_reason_and_an_approval_does_not() {
        assert_eq!(decision(Verdict::Approve, None).reason(), Ok(None));
        assert_eq!(
            decision(Verdict::Return, Some("   ")).reason(),
            Err(ReasonProblem::Missing)
        );
        assert_eq!(
            decision(Verdict::Reject, None).reason(),
            Err(ReasonProblem::Missing)
        );
        assert_eq!(
            decision(Verdict::Return, Some("  SK tidak terbaca ")).reason(),
            Ok(Some("SK tidak terbaca".to_owned()))
        );
        let long = "x".repeat(MAX_REASON + 1);
        assert_eq!(
            decision(Verdict::Reject, Some(&long)).reason(),
            Err(ReasonProblem::TooLong)
        );
    }

    #[test]
    fn inboxes_are_the_verifier_roles_only() {
        let roles = [
            Role::AdminBkn,
            Role::Verifikator {
                scope: Scope::Instansi(7),
                tingkat: 2,
            },
            Role::Verifikator {
                scope: Scope::Pusat,
                tingkat: 4,
            },
        ];
        assert_eq!(
            Inbox::all_of(&roles),
            [
                Inbox {
                    level: Level::Instansi,
                    scope: Scope::Instansi(7)
                },
                Inbox {
                    level: Level::Pusat,
                    scope: Scope::Pusat
                },
            ]
        );
    }
}
