//! The whole record of one employee: Data Personal and every history, the unit the
//! cross-field checks look at.

use serde::{Deserialize, Serialize};

use super::data_personal::DataPersonal;
use super::reference::Riwayat;
use super::riwayat::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pegawai {
    pub personal: DataPersonal,
    pub jabatan: Vec<RiwayatJabatan>,
    pub pendidikan: Vec<RiwayatPendidikan>,
    pub diklat: Vec<RiwayatDiklat>,
    pub skp: Vec<RiwayatSkp>,
    pub penghargaan: Vec<RiwayatPenghargaan>,
    pub pangkat: Vec<RiwayatPangkat>,
    pub keluarga: Vec<AnggotaKeluarga>,
    pub peninjauan_masa_kerja: Vec<RiwayatPeninjauanMasaKerja>,
    pub pindah_instansi: Vec<RiwayatPindahInstansi>,
    pub cltn: Vec<RiwayatCltn>,
    pub cpns_pns: Option<RiwayatCpnsPns>,
    pub organisasi: Vec<RiwayatOrganisasi>,
}

impl Pegawai {
    /// An employee with no history yet.
    pub fn new(personal: DataPersonal) -> Self {
        Self {
            personal,
            jabatan: Vec::new(),
            pendidikan: Vec::new(),
            diklat: Vec::new(),
            skp: Vec::new(),
            penghargaan: Vec::new(),
            pangkat: Vec::new(),
            keluarga: Vec::new(),
            peninjauan_masa_kerja: Vec::new(),
            pindah_instansi: Vec::new(),
            cltn: Vec::new(),
            cpns_pns: None,
            organisasi: Vec::new(),
        }
    }

    /// How many records a history has.
    pub fn count(&self, riwayat: Riwayat) -> usize {
        match riwayat {
            Riwayat::Jabatan => self.jabatan.len(),
            Riwayat::Pendidikan => self.pendidikan.len(),
            Riwayat::Diklat => self.diklat.len(),
            Riwayat::Skp => self.skp.len(),
            Riwayat::Penghargaan => self.penghargaan.len(),
            Riwayat::Pangkat => self.pangkat.len(),
            Riwayat::Keluarga => self.keluarga.len(),
            Riwayat::PeninjauanMasaKerja => self.peninjauan_masa_kerja.len(),
            Riwayat::PindahInstansi => self.pindah_instansi.len(),
            Riwayat::Cltn => self.cltn.len(),
            Riwayat::CpnsPns => usize::from(self.cpns_pns.is_some()),
            Riwayat::Organisasi => self.organisasi.len(),
        }
    }
}
