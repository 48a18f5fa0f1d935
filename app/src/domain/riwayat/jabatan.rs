use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::reference::{Eselon, JenisJabatan};
use crate::domain::sk::Sk;

/// A position held, from its TMT until the next record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatJabatan {
    pub id: i64,
    pub jenis: JenisJabatan,
    pub unit_kerja: String,
    pub jabatan: String,
    /// Structural positions only.
    pub eselon: Option<Eselon>,
    pub sk: Sk,
    pub tmt: Date,
    /// Structural positions start with an inauguration (*pelantikan*).
    pub tanggal_pelantikan: Option<Date>,
}
