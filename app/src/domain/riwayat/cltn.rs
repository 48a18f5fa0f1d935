use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::sk::Sk;

/// Unpaid leave outside the state's responsibility (CLTN).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatCltn {
    pub id: i64,
    pub sk: Sk,
    #[serde(rename = "start")]
    pub tanggal_mulai: Date,
    #[serde(rename = "end")]
    pub tanggal_selesai: Date,
    /// Return to duty, possibly before `end`; none while still on leave.
    #[serde(rename = "active_again")]
    pub tanggal_aktif_kembali: Option<Date>,
    #[serde(rename = "sk_active_again")]
    pub sk_aktif_kembali: Option<Sk>,
}
