use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::masa_kerja::MasaKerja;
use crate::domain::reference::{GolonganPns, JenisKenaikanPangkat};
use crate::domain::sk::Sk;

/// A rank held from its TMT (PNS only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPangkat {
    pub id: i64,
    pub golongan: GolonganPns,
    pub jenis_kp: JenisKenaikanPangkat,
    pub sk: Sk,
    pub tmt: Date,
    /// BKN's technical approval (*persetujuan teknis / nota persetujuan*).
    pub persetujuan_bkn: Option<Sk>,
    /// Service counted for this rank (*masa kerja golongan*).
    pub masa_kerja: MasaKerja,
}
