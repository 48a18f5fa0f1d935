//! Every from/to pair in the histories: the end may equal the start (a one-day
//! course) but never precede it.

use time::Date;

use super::finding::{FieldPath, Finding, Problem};
use crate::domain::pegawai::Pegawai;
use crate::domain::reference::Riwayat;
use crate::domain::riwayat::AnggotaKeluarga;

pub fn check_periods(pegawai: &Pegawai) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut check = |riwayat, index, end_field, start: Date, end: Option<Date>| {
        if let Some(end) = end.filter(|&end| end < start) {
            findings.push(Finding::error(
                FieldPath::riwayat(riwayat, index, end_field),
                Problem::EndBeforeStart { start, end },
            ));
        }
    };
    for (i, d) in pegawai.diklat.iter().enumerate() {
        check(
            Riwayat::Diklat,
            i,
            "end",
            d.tanggal_mulai,
            Some(d.tanggal_selesai),
        );
    }
    for (i, p) in pegawai.peninjauan_masa_kerja.iter().enumerate() {
        check(
            Riwayat::PeninjauanMasaKerja,
            i,
            "end",
            p.tanggal_mulai,
            Some(p.tanggal_selesai),
        );
    }
    for (i, c) in pegawai.cltn.iter().enumerate() {
        check(
            Riwayat::Cltn,
            i,
            "end",
            c.tanggal_mulai,
            Some(c.tanggal_selesai),
        );
        check(
            Riwayat::Cltn,
            i,
            "active_again",
            c.tanggal_mulai,
            c.tanggal_aktif_kembali,
        );
    }
    for (i, o) in pegawai.organisasi.iter().enumerate() {
        check(
            Riwayat::Organisasi,
            i,
            "end",
            o.tanggal_mulai,
            o.tanggal_selesai,
        );
    }
    for (i, member) in pegawai.keluarga.iter().enumerate() {
        if let AnggotaKeluarga::Pasangan(p) = member {
            if let (Some(nikah), Some(cerai)) = (&p.akta_nikah, &p.akta_cerai) {
                check(
                    Riwayat::Keluarga,
                    i,
                    "akta_cerai",
                    nikah.tanggal,
                    Some(cerai.tanggal),
                );
            }
        }
    }
    findings
}
