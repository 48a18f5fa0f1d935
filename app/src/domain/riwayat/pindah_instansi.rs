use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::sk::Sk;

/// A transfer between agencies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPindahInstansi {
    pub id: i64,
    #[serde(rename = "from_instansi_id")]
    pub instansi_asal_id: i64,
    #[serde(rename = "to_instansi_id")]
    pub instansi_tujuan_id: i64,
    pub sk: Sk,
    pub tmt: Date,
}
