//! One model per history (*riwayat*), with the fields of domain.md's table.

mod cltn;
mod cpns_pns;
mod diklat;
mod jabatan;
mod keluarga;
mod organisasi;
mod pangkat;
mod pendidikan;
mod penghargaan;
mod peninjauan_masa_kerja;
mod pindah_instansi;
mod skp;
pub mod table;

pub use cltn::RiwayatCltn;
pub use cpns_pns::RiwayatCpnsPns;
pub use diklat::RiwayatDiklat;
pub use jabatan::RiwayatJabatan;
pub use keluarga::{Akta, Anak, AnggotaKeluarga, Identitas, OrangTua, Pasangan, StatusAnak};
pub use organisasi::RiwayatOrganisasi;
pub use pangkat::RiwayatPangkat;
pub use pendidikan::RiwayatPendidikan;
pub use penghargaan::RiwayatPenghargaan;
pub use peninjauan_masa_kerja::RiwayatPeninjauanMasaKerja;
pub use pindah_instansi::RiwayatPindahInstansi;
pub use skp::RiwayatSkp;
