use serde::{Deserialize, Serialize};
use time::Date;

/// Training or a course (*diklat/kursus*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatDiklat {
    pub id: i64,
    #[serde(rename = "name")]
    pub nama: String,
    #[serde(rename = "organiser")]
    pub penyelenggara: String,
    /// Lesson hours (*jam pelajaran*), when the certificate states them.
    #[serde(rename = "hours")]
    pub jumlah_jam: Option<u32>,
    #[serde(rename = "start")]
    pub tanggal_mulai: Date,
    #[serde(rename = "end")]
    pub tanggal_selesai: Date,
    #[serde(rename = "certificate_number")]
    pub nomor_sertifikat: Option<String>,
}
