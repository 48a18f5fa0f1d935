//! Data Personal: who the employee is, as kept in the master record.

use serde::{Deserialize, Serialize};
use time::Date;

use super::display_name::DisplayName;
use super::email::Email;
use super::mobile_number::MobileNumber;
use super::ni_pppk::NiPppk;
use super::nik::Nik;
use super::nip::Nip;
use super::npwp::Npwp;
use super::reference::{
    Agama, Golongan, JenisKelamin, JenisPegawai, StatusHukum, StatusPerkawinan,
};

/// The civil-service identifier, which depends on the kind of employee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum NomorInduk {
    Nip(Nip),
    NiPppk(NiPppk),
    /// PPT Non-ASN have no civil-service number.
    NonAsn,
}

impl NomorInduk {
    /// The identifier as stored, if any.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            NomorInduk::Nip(nip) => Some(nip.as_str()),
            NomorInduk::NiPppk(ni) => Some(ni.as_str()),
            NomorInduk::NonAsn => None,
        }
    }

    /// The employee type this identifier belongs to.
    pub fn jenis_pegawai(&self) -> JenisPegawai {
        match self {
            NomorInduk::Nip(_) => JenisPegawai::Pns,
            NomorInduk::NiPppk(_) => JenisPegawai::Pppk,
            NomorInduk::NonAsn => JenisPegawai::PptNonAsn,
        }
    }
}

/// Home address. The district code refers to the region tables (`32.73.05`), which
/// are checked where those tables are loaded, not here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    pub district_code: Option<String>,
    pub postal_code: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataPersonal {
    pub name: String,
    /// e.g. `["Dr."]`, `["H.", "Ir."]`
    pub front_titles: Vec<String>,
    /// e.g. `["S.Kom.", "M.T."]`
    pub back_titles: Vec<String>,
    pub nomor_induk: NomorInduk,
    pub nik: Nik,
    pub birth_place: String,
    pub birth_date: Date,
    pub gender: JenisKelamin,
    pub agama: Agama,
    pub status_perkawinan: StatusPerkawinan,
    pub address: Address,
    /// Missing until contact reconciliation has collected it.
    pub email: Option<Email>,
    pub mobile: Option<MobileNumber>,
    pub npwp: Option<Npwp>,
    pub bpjs: Option<String>,
    /// PNS only.
    pub taspen: Option<String>,
    pub jenis_pegawai: JenisPegawai,
    pub status_hukum: StatusHukum,
    pub instansi_id: i64,
    pub unit_kerja_id: i64,
    /// None for PPT Non-ASN.
    pub golongan: Option<Golongan>,
    /// The name of the current position, as shown on the profile.
    pub jabatan: String,
}

impl DataPersonal {
    /// The full name with titles, e.g. "Dr. Siti Aminah, S.Kom., M.T.".
    pub fn display_name(&self) -> DisplayName<'_> {
        DisplayName {
            name: &self.name,
            front_titles: &self.front_titles,
            back_titles: &self.back_titles,
        }
    }
}
