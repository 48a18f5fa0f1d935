use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::masa_kerja::MasaKerja;
use crate::domain::sk::Sk;

/// Prior service counted towards the civil-service career (*peninjauan masa kerja*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPeninjauanMasaKerja {
    pub id: i64,
    /// Where the prior service was, e.g. a private hospital.
    pub employer: String,
    pub start: Date,
    pub end: Date,
    pub sk: Sk,
    pub persetujuan_bkn: Option<Sk>,
    /// The part of that service which counts.
    pub masa_kerja: MasaKerja,
}
