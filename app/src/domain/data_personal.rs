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

/// Home address (*alamat*). The district code refers to the region tables (`32.73.05`), which
/// are checked where those tables are loaded, not here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alamat {
    #[serde(rename = "street")]
    pub jalan: String,
    #[serde(rename = "district_code")]
    pub kode_kecamatan: Option<String>,
    #[serde(rename = "postal_code")]
    pub kode_pos: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataPersonal {
    #[serde(rename = "name")]
    pub nama: String,
    /// e.g. `["Dr."]`, `["H.", "Ir."]`
    #[serde(rename = "front_titles")]
    pub gelar_depan: Vec<String>,
    /// e.g. `["S.Kom.", "M.T."]`
    #[serde(rename = "back_titles")]
    pub gelar_belakang: Vec<String>,
    pub nomor_induk: NomorInduk,
    pub nik: Nik,
    #[serde(rename = "birth_place")]
    pub tempat_lahir: String,
    #[serde(rename = "birth_date")]
    pub tanggal_lahir: Date,
    #[serde(rename = "gender")]
    pub jenis_kelamin: JenisKelamin,
    pub agama: Agama,
    pub status_perkawinan: StatusPerkawinan,
    #[serde(rename = "address")]
    pub alamat: Alamat,
    /// Missing until contact reconciliation has collected it.
    pub email: Option<Email>,
    #[serde(rename = "mobile")]
    pub nomor_hp: Option<MobileNumber>,
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
            name: &self.nama,
            front_titles: &self.gelar_depan,
            back_titles: &self.gelar_belakang,
        }
    }
}
