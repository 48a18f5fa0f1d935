//! Cross-field checks over an employee's record. Each rule is a pure function that
//! reports *every* problem it finds, so a person sees all of them at once instead of
//! fixing one and meeting the next. The date of "today" is always passed in: the
//! domain never reads the clock, which keeps the rules testable and the server and
//! browser in agreement.
//!
//! Findings are recomputed wherever they are needed (server and WASM share this
//! code), so they serialise for display and logging but are not meant to be sent
//! back and deserialised.

mod applicability;
mod appointment;
mod dates;
mod finding;
mod identity;
mod keluarga;
mod pangkat;
mod pendidikan;
mod periods;
mod records;

use time::Date;

use crate::domain::pegawai::Pegawai;

pub use applicability::check_applicability;
pub use appointment::check_cpns_pns;
pub use finding::{FieldPath, Finding, Problem, Record, Severity};
pub use identity::check_personal;
pub use keluarga::check_keluarga;
pub use pangkat::check_pangkat;
pub use pendidikan::check_pendidikan;
pub use periods::check_periods;
pub use records::{check_jabatan, check_pindah_instansi, check_skp};

/// Every rule over the whole record, errors and warnings together.
pub fn check_pegawai(pegawai: &Pegawai, today: Date) -> Vec<Finding> {
    let personal = &pegawai.personal;
    let mut findings = check_personal(personal, today);
    findings.extend(check_applicability(pegawai));
    if let Some(cpns) = &pegawai.cpns_pns {
        findings.extend(check_cpns_pns(personal, cpns));
    }
    findings.extend(check_pangkat(&pegawai.pangkat));
    findings.extend(check_periods(pegawai));
    findings.extend(check_pendidikan(
        &pegawai.pendidikan,
        personal.tanggal_lahir,
        today,
    ));
    findings.extend(check_keluarga(&pegawai.keluarga, personal.tanggal_lahir));
    findings.extend(check_jabatan(&pegawai.jabatan));
    findings.extend(check_skp(&pegawai.skp));
    findings.extend(check_pindah_instansi(&pegawai.pindah_instansi));
    findings
}

/// Whether any finding blocks the record.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}

#[cfg(test)]
mod tests;
