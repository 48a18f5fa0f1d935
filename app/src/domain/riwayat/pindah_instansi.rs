use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::sk::Sk;

/// A transfer between agencies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPindahInstansi {
    pub id: i64,
    pub from_instansi_id: i64,
    pub to_instansi_id: i64,
    pub sk: Sk,
    pub tmt: Date,
}
