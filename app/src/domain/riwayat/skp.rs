use serde::{Deserialize, Serialize};

use crate::domain::nip::Nip;
use crate::domain::reference::{Ekspektasi, PredikatSkp};

/// A yearly performance appraisal (SKP) in the 2022 scheme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatSkp {
    pub id: i64,
    pub year: i32,
    pub hasil_kerja: Ekspektasi,
    pub perilaku_kerja: Ekspektasi,
    pub predikat: PredikatSkp,
    pub appraiser_name: String,
    /// The appraiser may not be a PNS (e.g. a PPT Non-ASN).
    pub appraiser_nip: Option<Nip>,
}
