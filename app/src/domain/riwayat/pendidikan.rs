use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::reference::TingkatPendidikan;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPendidikan {
    pub id: i64,
    pub tingkat: TingkatPendidikan,
    /// Primary and junior secondary school have none.
    #[serde(rename = "major")]
    pub jurusan: Option<String>,
    #[serde(rename = "school")]
    pub nama_sekolah: String,
    #[serde(rename = "graduation_date")]
    pub tanggal_lulus: Date,
    #[serde(rename = "certificate_number")]
    pub nomor_ijazah: Option<String>,
    /// The titles this degree confers, e.g. "Dr." before or "S.Kom." after the name.
    #[serde(rename = "front_title")]
    pub gelar_depan: Option<String>,
    #[serde(rename = "back_title")]
    pub gelar_belakang: Option<String>,
}
