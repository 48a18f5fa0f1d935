//! Graduation dates lie between the employee's birth and today.

use time::Date;

use super::finding::{FieldPath, Finding, Problem};
use crate::domain::reference::Riwayat;
use crate::domain::riwayat::RiwayatPendidikan;

pub fn check_pendidikan(
    pendidikan: &[RiwayatPendidikan],
    birth_date: Date,
    today: Date,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, p) in pendidikan.iter().enumerate() {
        let field = FieldPath::riwayat(Riwayat::Pendidikan, i, "graduation_date");
        let date = p.tanggal_lulus;
        if date > today {
            findings.push(Finding::error(field, Problem::GraduationInFuture { date }));
        } else if date < birth_date {
            findings.push(Finding::error(
                field,
                Problem::GraduationBeforeBirth { date },
            ));
        }
    }
    findings
}
