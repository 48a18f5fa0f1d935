//! The pure domain: values that parse once (NIP, NIK, e-mail…), reference data as
//! enums, the personnel models and the cross-field checks. No I/O, no clock, no
//! database, so the server and the browser apply exactly the same rules.

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
