//! Rules that look at one record of a history on its own.

use super::finding::{FieldPath, Finding, Problem};
use crate::domain::reference::{JenisJabatan, PredikatSkp, Riwayat};
use crate::domain::riwayat::{RiwayatJabatan, RiwayatPindahInstansi, RiwayatSkp};

/// Only structural positions carry an eselon.
pub fn check_jabatan(jabatan: &[RiwayatJabatan]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, j) in jabatan.iter().enumerate() {
        let field = FieldPath::riwayat(Riwayat::Jabatan, i, "eselon");
        match (j.jenis, j.eselon) {
            (JenisJabatan::Struktural, None) => {
                findings.push(Finding::warning(field, Problem::StrukturalWithoutEselon))
            }
            (jenis @ (JenisJabatan::Fungsional | JenisJabatan::Pelaksana), Some(_)) => findings
                .push(Finding::error(
                    field,
                    Problem::EselonOnNonStruktural { jenis },
                )),
            _ => {}
        }
    }
    findings
}

/// The predikat should follow from the two ratings; the matrix is unverified, so a warning.
pub fn check_skp(skp: &[RiwayatSkp]) -> Vec<Finding> {
    skp.iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let expected = PredikatSkp::from_matrix(s.hasil_kerja, s.perilaku_kerja);
            (expected != s.predikat).then(|| {
                Finding::warning(
                    FieldPath::riwayat(Riwayat::Skp, i, "predikat"),
                    Problem::PredikatDisagreesWithMatrix { expected },
                )
            })
        })
        .collect()
}

pub fn check_pindah_instansi(pindah: &[RiwayatPindahInstansi]) -> Vec<Finding> {
    pindah
        .iter()
        .enumerate()
        .filter(|(_, p)| p.instansi_asal_id == p.instansi_tujuan_id)
        .map(|(i, _)| {
            Finding::error(
                FieldPath::riwayat(Riwayat::PindahInstansi, i, "to_instansi_id"),
                Problem::TransferToSameInstansi,
            )
        })
        .collect()
}
