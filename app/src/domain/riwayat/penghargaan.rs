use serde::{Deserialize, Serialize};

use crate::domain::sk::Sk;

/// An award (*penghargaan*), e.g. Satyalancana Karya Satya.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPenghargaan {
    pub id: i64,
    #[serde(rename = "name")]
    pub nama: String,
    pub sk: Sk,
    #[serde(rename = "year")]
    pub tahun: i32,
}
