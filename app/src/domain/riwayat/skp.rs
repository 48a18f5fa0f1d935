use serde::{Deserialize, Serialize};

use crate::domain::nip::Nip;
use crate::domain::reference::{Ekspektasi, PredikatSkp};

/// A yearly performance appraisal (SKP) in the 2022 scheme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatSkp {
    pub id: i64,
    #[serde(rename = "year")]
    pub tahun: i32,
    pub hasil_kerja: Ekspektasi,
    pub perilaku_kerja: Ekspektasi,
    pub predikat: PredikatSkp,
    #[serde(rename = "appraiser_name")]
    pub penilai_nama: String,
    /// The appraiser may not be a PNS (e.g. a PPT Non-ASN).
    #[serde(rename = "appraiser_nip")]
    pub penilai_nip: Option<Nip>,
}
