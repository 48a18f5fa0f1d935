//! The pure domain: values that parse once (NIP, NIK, e-mail…), reference data as
//! enums, the personnel models and the cross-field checks. No I/O, no clock, no
//! database, so the server and the browser apply exactly the same rules.
//!
//! **Naming.** The personnel models' fields are named in Indonesian, with the words
//! of the table columns that hold them (`jurusan`, `tanggal_lulus`, `nomor_hp`), so
//! that a row, a record and a form speak one language and nothing translates
//! between them; a field may drop what its struct already says (`jenis` in
//! `RiwayatJabatan` for the column `jenis_jabatan`, `nama` in `RiwayatOrganisasi`
//! for `nama_organisasi`). Their JSON names are kept as first published, with
//! `#[serde(rename = "…")]` where they differ: records are stored as JSON
//! (`usulan.nilai_*`, `riwayat_versi`, drafts on devices) and a proof code is a
//! keyed hash over that JSON (`proposal::proof`), so a JSON name never changes
//! without a migration of what is stored. Methods and the code around the models
//! stay in English, as Rust's own vocabulary is.

pub mod checks;
pub mod data_personal;
mod digits;
pub mod display_name;
pub mod email;
pub mod localized;
pub mod masa_kerja;
pub mod mobile_number;
pub mod ni_pppk;
pub mod nik;
pub mod nip;
mod nomor_induk_layout;
pub mod npwp;
pub mod pegawai;
pub mod reference;
pub mod riwayat;
pub mod sk;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
mod text_value;
pub mod year_month;

pub use checks::{check_pegawai, Finding, Problem, Severity};
pub use data_personal::{DataPersonal, NomorInduk};
pub use email::{Email, EmailError};
pub use localized::{Lang, Localized};
pub use mobile_number::{MobileNumber, MobileNumberError};
pub use ni_pppk::{NiPppk, NiPppkError};
pub use nik::{Nik, NikError};
pub use nip::{Nip, NipError};
pub use npwp::{Npwp, NpwpError};
pub use pegawai::Pegawai;
