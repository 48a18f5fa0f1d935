//! Data Personal against itself: the identifiers encode facts (birth date, gender)
//! that must agree with the recorded ones. A NIP is issued from the personnel data,
//! so a disagreement is an error; a NIK comes from civil registry and may be wrong
//! for life, so a disagreement is only a warning.

use time::Date;

use super::finding::{FieldPath, Finding, Problem};
use crate::domain::data_personal::{DataPersonal, NomorInduk};
use crate::domain::reference::{Golongan, JenisKelamin, JenisPegawai};

pub fn check_personal(personal: &DataPersonal, today: Date) -> Vec<Finding> {
    let mut findings = Vec::new();
    let field = FieldPath::personal;
    if personal.tanggal_lahir > today {
        findings.push(Finding::error(
            field("birth_date"),
            Problem::BirthDateInFuture {
                date: personal.tanggal_lahir,
            },
        ));
    }
    let jenis_pegawai = personal.jenis_pegawai;
    if personal.nomor_induk.jenis_pegawai() != jenis_pegawai {
        findings.push(Finding::error(
            field("nomor_induk"),
            Problem::NomorIndukMismatch { jenis_pegawai },
        ));
    }
    let golongan_fits = matches!(
        (jenis_pegawai, personal.golongan),
        (_, None)
            | (JenisPegawai::Pns, Some(Golongan::Pns(_)))
            | (JenisPegawai::Pppk, Some(Golongan::Pppk(_)))
    );
    if !golongan_fits {
        findings.push(Finding::error(
            field("golongan"),
            Problem::GolonganMismatch { jenis_pegawai },
        ));
    }
    let encoded = match &personal.nomor_induk {
        NomorInduk::Nip(nip) => Some((nip.birth_date(), nip.gender())),
        NomorInduk::NiPppk(ni) => Some((ni.birth_date(), ni.gender())),
        NomorInduk::NonAsn => None,
    };
    if let Some((birth_date, gender)) = encoded {
        check_nomor_induk(personal, birth_date, gender, &mut findings);
    }
    check_nik(personal, &mut findings);
    findings
}

fn check_nomor_induk(
    personal: &DataPersonal,
    birth_date: Date,
    gender: JenisKelamin,
    findings: &mut Vec<Finding>,
) {
    if birth_date != personal.tanggal_lahir {
        findings.push(Finding::error(
            FieldPath::personal("birth_date"),
            Problem::NipBirthDateMismatch {
                nip: birth_date,
                recorded: personal.tanggal_lahir,
            },
        ));
    }
    if gender != personal.jenis_kelamin {
        findings.push(Finding::error(
            FieldPath::personal("gender"),
            Problem::NipGenderMismatch {
                nip: gender,
                recorded: personal.jenis_kelamin,
            },
        ));
    }
}

fn check_nik(personal: &DataPersonal, findings: &mut Vec<Finding>) {
    let nik = &personal.nik;
    if !nik.matches_birth_date(personal.tanggal_lahir) {
        findings.push(Finding::warning(
            FieldPath::personal("nik"),
            Problem::NikBirthDateMismatch {
                nik: nik.birth(),
                recorded: personal.tanggal_lahir,
            },
        ));
    }
    if nik.gender() != personal.jenis_kelamin {
        findings.push(Finding::warning(
            FieldPath::personal("nik"),
            Problem::NikGenderMismatch {
                nik: nik.gender(),
                recorded: personal.jenis_kelamin,
            },
        ));
    }
}
