//! What the browser sends to propose a change and what it gets back to show.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::change::{ProposedRecord, Target};
use super::lifecycle::{Chain, Level, Status};
use crate::domain::reference::{JenisDokumen, Riwayat};

/// Chosen by the client for one submission (a UUID), so that a double tap or a
/// retry over a bad connection finds the proposal the first attempt made.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdempotencyKey(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("an idempotency key is a UUID such as 3f2b6c1e-8a4d-4e0f-9b7a-1c2d3e4f5a6b")]
pub struct InvalidKey;

impl IdempotencyKey {
    pub fn parse(raw: &str) -> Result<Self, InvalidKey> {
        let lower = raw.trim().to_ascii_lowercase();
        let groups: Vec<&str> = lower.split('-').collect();
        let shape_ok = groups.len() == 5
            && groups
                .iter()
                .zip([8, 4, 4, 4, 12])
                .all(|(g, len)| g.len() == len && g.bytes().all(|b| b.is_ascii_hexdigit()));
        if shape_ok {
            Ok(Self(lower))
        } else {
            Err(InvalidKey)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for IdempotencyKey {
    type Error = InvalidKey;

    fn try_from(raw: String) -> Result<Self, InvalidKey> {
        Self::parse(&raw)
    }
}

impl From<IdempotencyKey> for String {
    fn from(key: IdempotencyKey) -> Self {
        key.0
    }
}

/// A proposal as the employee submits it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub kunci: IdempotencyKey,
    pub target: Target,
    pub record: ProposedRecord,
    pub dokumen_id: i64,
    pub jenis_dokumen: JenisDokumen,
}

/// A returned proposal, corrected by the employee and sent again: the whole record
/// as it should be now, with the (possibly new) supporting document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Resubmission {
    pub id: i64,
    pub record: ProposedRecord,
    pub dokumen_id: i64,
    pub jenis_dokumen: JenisDokumen,
}

/// One step of a proposal's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventKind {
    Submitted,
    Approved,
    Returned,
    Resubmitted,
    Applied,
    Rejected,
    Withdrawn,
}

impl EventKind {
    pub const ALL: [EventKind; 7] = [
        EventKind::Submitted,
        EventKind::Approved,
        EventKind::Returned,
        EventKind::Resubmitted,
        EventKind::Applied,
        EventKind::Rejected,
        EventKind::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::Submitted => "diajukan",
            EventKind::Approved => "disetujui",
            EventKind::Returned => "dikembalikan",
            EventKind::Resubmitted => "diajukan_ulang",
            EventKind::Applied => "diterapkan",
            EventKind::Rejected => "ditolak",
            EventKind::Withdrawn => "ditarik",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Also the id of the live event that announced it.
    pub id: i64,
    pub kind: EventKind,
    pub level: Option<Level>,
    pub reason: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// A proposal as its owner sees it: before and after side by side, and its timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposalView {
    pub id: i64,
    pub riwayat: Riwayat,
    pub target: Target,
    pub before: Option<ProposedRecord>,
    pub after: ProposedRecord,
    /// The values as the employee sent them, when a verifier has corrected them
    /// since (`after` is then the corrected record).
    #[serde(default)]
    pub submitted: Option<ProposedRecord>,
    pub status: Status,
    pub chain: Chain,
    pub dokumen_id: i64,
    pub jenis_dokumen: JenisDokumen,
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
    pub timeline: Vec<TimelineEntry>,
    /// The code printed on the proof of submission (filled in by the server's edge,
    /// which holds the key).
    #[serde(default)]
    pub kode_bukti: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn uuids_parse_in_any_case_and_nothing_else_does(
            bytes in proptest::array::uniform16(any::<u8>()),
            upper in any::<bool>(),
            junk in "[g-zG-Z!@#]{1,3}",
        ) {
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            let uuid = format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..]);
            let typed = if upper { uuid.to_uppercase() } else { uuid.clone() };
            let parsed = IdempotencyKey::parse(&typed).unwrap();
            prop_assert_eq!(parsed.as_str(), uuid.as_str());
            let with_junk = format!("{uuid}{junk}");
            prop_assert!(IdempotencyKey::parse(&with_junk).is_err());
            prop_assert!(IdempotencyKey::parse(&hex).is_err());
        }

        #[test]
        fn event_codes_round_trip(kind in proptest::sample::select(EventKind::ALL.to_vec())) {
            prop_assert_eq!(EventKind::from_code(kind.code()), Some(kind));
        }
    }
}
