use serde::{Deserialize, Serialize};
use time::Date;

/// Membership of an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatOrganisasi {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub start: Date,
    /// None while still a member.
    pub end: Option<Date>,
}
