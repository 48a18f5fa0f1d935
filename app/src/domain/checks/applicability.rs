//! Histories an employee of this type does not keep must be empty (see `Riwayat::applies_to`).

use super::finding::{FieldPath, Finding, Problem};
use crate::domain::pegawai::Pegawai;
use crate::domain::reference::Riwayat;

pub fn check_applicability(pegawai: &Pegawai) -> Vec<Finding> {
    let jenis_pegawai = pegawai.personal.jenis_pegawai;
    Riwayat::all()
        .iter()
        .copied()
        .filter(|&riwayat| !riwayat.applies_to(jenis_pegawai) && pegawai.count(riwayat) > 0)
        .map(|riwayat| {
            Finding::error(
                FieldPath::riwayat(riwayat, 0, "*"),
                Problem::RiwayatNotApplicable {
                    riwayat,
                    jenis_pegawai,
                },
            )
        })
        .collect()
}
