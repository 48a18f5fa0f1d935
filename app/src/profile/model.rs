use serde::{Deserialize, Serialize};

use crate::domain::Pegawai;

/// What the profile page shows: the record plus the names of the places it
/// refers to by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profil {
    pub pegawai: Pegawai,
    pub instansi: String,
    pub unit_kerja: String,
}
