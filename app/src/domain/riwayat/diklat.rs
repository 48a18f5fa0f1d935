use serde::{Deserialize, Serialize};
use time::Date;

/// Training or a course (*diklat/kursus*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatDiklat {
    pub id: i64,
    pub name: String,
    pub organiser: String,
    /// Lesson hours (*jam pelajaran*), when the certificate states them.
    pub hours: Option<u32>,
    pub start: Date,
    pub end: Date,
    pub certificate_number: Option<String>,
}
