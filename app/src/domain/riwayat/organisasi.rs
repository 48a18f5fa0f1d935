use serde::{Deserialize, Serialize};
use time::Date;

/// Membership of an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatOrganisasi {
    pub id: i64,
    #[serde(rename = "name")]
    pub nama: String,
    #[serde(rename = "role")]
    pub jabatan: String,
    #[serde(rename = "start")]
    pub tanggal_mulai: Date,
    /// None while still a member.
    #[serde(rename = "end")]
    pub tanggal_selesai: Option<Date>,
}
