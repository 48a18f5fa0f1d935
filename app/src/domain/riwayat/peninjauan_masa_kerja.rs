use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::masa_kerja::MasaKerja;
use crate::domain::sk::Sk;

/// Prior service counted towards the civil-service career (*peninjauan masa kerja*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPeninjauanMasaKerja {
    pub id: i64,
    /// Where the prior service was, e.g. a private hospital.
    #[serde(rename = "employer")]
    pub pemberi_kerja: String,
    #[serde(rename = "start")]
    pub tanggal_mulai: Date,
    #[serde(rename = "end")]
    pub tanggal_selesai: Date,
    pub sk: Sk,
    pub persetujuan_bkn: Option<Sk>,
    /// The part of that service which counts.
    pub masa_kerja: MasaKerja,
}
