//! What a check reports: where, how serious, and what is wrong, in words for people.

use std::fmt;

use serde::Serialize;
use time::Date;

use crate::domain::localized::{format_date, Lang, Localized};
use crate::domain::nik::NikBirth;
use crate::domain::reference::{
    GolonganPns, JenisJabatan, JenisKelamin, JenisPegawai, PredikatSkp, Riwayat,
};
use crate::domain::year_month::YearMonth;

/// `Error` blocks a proposal; `Warning` is shown but lets the employee go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Which record a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    Personal,
    /// `index` is the position in the list as given (not after sorting).
    Riwayat {
        riwayat: Riwayat,
        index: usize,
    },
}

/// A field of a record, e.g. `pangkat[2].tmt`, so the UI can mark the right input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct FieldPath {
    pub record: Record,
    pub field: &'static str,
}

impl FieldPath {
    pub fn personal(field: &'static str) -> Self {
        Self {
            record: Record::Personal,
            field,
        }
    }

    pub fn riwayat(riwayat: Riwayat, index: usize, field: &'static str) -> Self {
        Self {
            record: Record::Riwayat { riwayat, index },
            field,
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Record::Personal => write!(f, "personal.{}", self.field),
            Record::Riwayat { riwayat, index } => {
                write!(f, "{}[{index}].{}", riwayat.code(), self.field)
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub field: FieldPath,
    pub severity: Severity,
    pub problem: Problem,
}

impl Finding {
    pub fn error(field: FieldPath, problem: Problem) -> Self {
        Self {
            field,
            severity: Severity::Error,
            problem,
        }
    }

    pub fn warning(field: FieldPath, problem: Problem) -> Self {
        Self {
            field,
            severity: Severity::Warning,
            problem,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Localized for Finding {
    fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }
}

/// Every inconsistency the checks know, with the values needed to explain it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The civil-service identifier does not belong to the employee type.
    NomorIndukMismatch {
        jenis_pegawai: JenisPegawai,
    },
    /// A golongan of the wrong scheme, or one for a PPT Non-ASN.
    GolonganMismatch {
        jenis_pegawai: JenisPegawai,
    },
    RiwayatNotApplicable {
        riwayat: Riwayat,
        jenis_pegawai: JenisPegawai,
    },
    NipBirthDateMismatch {
        nip: Date,
        recorded: Date,
    },
    NipGenderMismatch {
        nip: JenisKelamin,
        recorded: JenisKelamin,
    },
    NipTmtCpnsMismatch {
        nip: YearMonth,
        recorded: Date,
    },
    NikBirthDateMismatch {
        nik: NikBirth,
        recorded: Date,
    },
    NikGenderMismatch {
        nik: JenisKelamin,
        recorded: JenisKelamin,
    },
    BirthDateInFuture {
        date: Date,
    },
    TmtPnsNotAfterTmtCpns {
        tmt_cpns: Date,
        tmt_pns: Date,
    },
    TooYoungAtTmtCpns {
        age: i32,
    },
    PangkatTmtRepeated {
        tmt: Date,
    },
    GolonganDecreased {
        previous: GolonganPns,
        current: GolonganPns,
    },
    EndBeforeStart {
        start: Date,
        end: Date,
    },
    GraduationInFuture {
        date: Date,
    },
    GraduationBeforeBirth {
        date: Date,
    },
    ChildBornBeforeParent {
        child_birth: Date,
    },
    ParentTooYoungAtChildBirth {
        age: i32,
    },
    /// A child's other parent must be one of the employee's own spouses on record.
    OtherParentNotASpouse,
    EselonOnNonStruktural {
        jenis: JenisJabatan,
    },
    StrukturalWithoutEselon,
    PredikatDisagreesWithMatrix {
        expected: PredikatSkp,
    },
    TransferToSameInstansi,
}

impl Localized for Problem {
    fn message(&self, lang: Lang) -> String {
        use Problem::*;
        let d = |date: &Date| format_date(*date, lang);
        match (self, lang) {
            (NomorIndukMismatch { jenis_pegawai }, Lang::Id) => format!(
                "Nomor induk tidak sesuai jenis pegawai {}: PNS memakai NIP, PPPK memakai NI PPPK, PPT Non-ASN tidak memakai keduanya.",
                jenis_pegawai.name_id()
            ),
            (NomorIndukMismatch { jenis_pegawai }, Lang::En) => format!(
                "The identifier does not fit the employee type {}: PNS have a NIP, PPPK an NI PPPK, PPT Non-ASN neither.",
                jenis_pegawai.name_en()
            ),
            (GolonganMismatch { jenis_pegawai }, Lang::Id) => format!(
                "Golongan tidak sesuai jenis pegawai {}: PNS bergolongan I/a–IV/e, PPPK I–XVII, PPT Non-ASN tanpa golongan.",
                jenis_pegawai.name_id()
            ),
            (GolonganMismatch { jenis_pegawai }, Lang::En) => format!(
                "The grade does not fit the employee type {}: PNS are I/a–IV/e, PPPK I–XVII, PPT Non-ASN have none.",
                jenis_pegawai.name_en()
            ),
            (RiwayatNotApplicable { riwayat, jenis_pegawai }, Lang::Id) => format!(
                "{} tidak berlaku untuk {}.",
                riwayat.name_id(),
                jenis_pegawai.name_id()
            ),
            (RiwayatNotApplicable { riwayat, jenis_pegawai }, Lang::En) => format!(
                "{} does not apply to {}.",
                riwayat.name_en(),
                jenis_pegawai.name_en()
            ),
            (NipBirthDateMismatch { nip, recorded }, Lang::Id) => format!(
                "Tanggal lahir {} tidak sesuai dengan NIP, yang mencatat {}.",
                d(recorded),
                d(nip)
            ),
            (NipBirthDateMismatch { nip, recorded }, Lang::En) => format!(
                "The birth date {} does not match the NIP, which encodes {}.",
                d(recorded),
                d(nip)
            ),
            (NipGenderMismatch { nip, recorded }, Lang::Id) => format!(
                "Jenis kelamin {} tidak sesuai dengan NIP, yang mencatat {}.",
                recorded.name_id(),
                nip.name_id()
            ),
            (NipGenderMismatch { nip, recorded }, Lang::En) => format!(
                "The gender {} does not match the NIP, which encodes {}.",
                recorded.name_en(),
                nip.name_en()
            ),
            (NipTmtCpnsMismatch { nip, recorded }, Lang::Id) => format!(
                "TMT CPNS {} tidak sesuai dengan NIP, yang mencatat bulan {}.",
                d(recorded),
                nip
            ),
            (NipTmtCpnsMismatch { nip, recorded }, Lang::En) => format!(
                "The CPNS start date {} does not match the NIP, which encodes the month {}.",
                d(recorded),
                nip
            ),
            (NikBirthDateMismatch { nik, recorded }, Lang::Id) => format!(
                "Tanggal lahir {} berbeda dengan yang tercatat pada NIK ({:02}-{:02}-{:02}). NIK tidak berubah, jadi ini hanya peringatan; pastikan tanggal lahir benar.",
                d(recorded),
                nik.day,
                nik.month as u8,
                nik.yy
            ),
            (NikBirthDateMismatch { nik, recorded }, Lang::En) => format!(
                "The birth date {} differs from the one in the NIK ({:02}-{:02}-{:02}). NIKs never change, so this is only a warning; make sure the birth date is right.",
                d(recorded),
                nik.day,
                nik.month as u8,
                nik.yy
            ),
            (NikGenderMismatch { nik, recorded }, Lang::Id) => format!(
                "Jenis kelamin {} berbeda dengan yang tercatat pada NIK ({}). Ini hanya peringatan.",
                recorded.name_id(),
                nik.name_id()
            ),
            (NikGenderMismatch { nik, recorded }, Lang::En) => format!(
                "The gender {} differs from the one in the NIK ({}). This is only a warning.",
                recorded.name_en(),
                nik.name_en()
            ),
            (BirthDateInFuture { date }, Lang::Id) => {
                format!("Tanggal lahir {} belum terjadi.", d(date))
            }
            (BirthDateInFuture { date }, Lang::En) => {
                format!("The birth date {} is in the future.", d(date))
            }
            (TmtPnsNotAfterTmtCpns { tmt_cpns, tmt_pns }, Lang::Id) => format!(
                "TMT PNS ({}) harus sesudah TMT CPNS ({}).",
                d(tmt_pns),
                d(tmt_cpns)
            ),
            (TmtPnsNotAfterTmtCpns { tmt_cpns, tmt_pns }, Lang::En) => format!(
                "The PNS start date ({}) must be after the CPNS start date ({}).",
                d(tmt_pns),
                d(tmt_cpns)
            ),
            (TooYoungAtTmtCpns { age }, Lang::Id) => format!(
                "Pada TMT CPNS usia pegawai baru {age} tahun; batas usia pelamar adalah 18 tahun."
            ),
            (TooYoungAtTmtCpns { age }, Lang::En) => format!(
                "The employee was only {age} at the CPNS start date; applicants must be at least 18."
            ),
            (PangkatTmtRepeated { tmt }, Lang::Id) => format!(
                "Dua riwayat pangkat ber-TMT sama ({}); TMT pangkat harus selalu naik.",
                d(tmt)
            ),
            (PangkatTmtRepeated { tmt }, Lang::En) => format!(
                "Two rank records share the start date {}; rank start dates must increase.",
                d(tmt)
            ),
            (GolonganDecreased { previous, current }, Lang::Id) => format!(
                "Golongan turun dari {} menjadi {} menurut urutan TMT; periksa golongan atau TMT-nya.",
                previous.code(),
                current.code()
            ),
            (GolonganDecreased { previous, current }, Lang::En) => format!(
                "The grade goes down from {} to {} in start-date order; check the grade or its start date.",
                previous.code(),
                current.code()
            ),
            (EndBeforeStart { start, end }, Lang::Id) => format!(
                "Tanggal selesai ({}) lebih awal dari tanggal mulai ({}).",
                d(end),
                d(start)
            ),
            (EndBeforeStart { start, end }, Lang::En) => format!(
                "The end date ({}) is before the start date ({}).",
                d(end),
                d(start)
            ),
            (GraduationInFuture { date }, Lang::Id) => {
                format!("Tanggal lulus {} belum terjadi.", d(date))
            }
            (GraduationInFuture { date }, Lang::En) => {
                format!("The graduation date {} is in the future.", d(date))
            }
            (GraduationBeforeBirth { date }, Lang::Id) => {
                format!("Tanggal lulus {} lebih awal dari tanggal lahir pegawai.", d(date))
            }
            (GraduationBeforeBirth { date }, Lang::En) => format!(
                "The graduation date {} is before the employee's birth date.",
                d(date)
            ),
            (ChildBornBeforeParent { child_birth }, Lang::Id) => format!(
                "Anak lahir {}, tidak sesudah tanggal lahir pegawai.",
                d(child_birth)
            ),
            (ChildBornBeforeParent { child_birth }, Lang::En) => format!(
                "The child was born on {}, not after the employee.",
                d(child_birth)
            ),
            (ParentTooYoungAtChildBirth { age }, Lang::Id) => format!(
                "Pegawai baru berusia {age} tahun saat anak ini lahir; periksa tanggal lahirnya."
            ),
            (ParentTooYoungAtChildBirth { age }, Lang::En) => format!(
                "The employee was only {age} when this child was born; check the birth date."
            ),
            (OtherParentNotASpouse, Lang::Id) => {
                "Orang tua lain anak ini harus salah satu pasangan Anda yang tercatat.".to_owned()
            }
            (OtherParentNotASpouse, Lang::En) => {
                "The child's other parent must be one of your spouses on record.".to_owned()
            }
            (EselonOnNonStruktural { jenis }, Lang::Id) => format!(
                "Hanya jabatan struktural yang memiliki eselon, bukan jabatan {}.",
                jenis.name_id().to_lowercase()
            ),
            (EselonOnNonStruktural { jenis }, Lang::En) => format!(
                "Only structural positions have an echelon, not {} ones.",
                jenis.name_en().to_lowercase()
            ),
            (StrukturalWithoutEselon, Lang::Id) => {
                "Jabatan struktural biasanya memiliki eselon; lengkapi bila ada.".into()
            }
            (StrukturalWithoutEselon, Lang::En) => {
                "Structural positions usually have an echelon; add it if there is one.".into()
            }
            (PredikatDisagreesWithMatrix { expected }, Lang::Id) => format!(
                "Menurut matriks hasil kerja dan perilaku kerja, predikatnya adalah {}.",
                expected.name_id()
            ),
            (PredikatDisagreesWithMatrix { expected }, Lang::En) => format!(
                "By the matrix of work results and behaviour, the rating would be {}.",
                expected.name_en()
            ),
            (TransferToSameInstansi, Lang::Id) => {
                "Instansi asal dan instansi tujuan pindah tidak boleh sama.".into()
            }
            (TransferToSameInstansi, Lang::En) => {
                "The agency transferred from and to cannot be the same.".into()
            }
        }
    }
}
