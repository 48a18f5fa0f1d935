//! Children against the employee's age. A biological child born before the employee
//! is impossible (error); a step- or adopted child can be older in rare cases, and
//! an employee under 12 at a child's birth is implausible but not impossible, so
//! those are warnings. A child's other parent is one of the employee's own spouses:
//! the link is a row id, and another employee's spouse must never be reachable
//! through it.

use time::Date;

use super::dates::age_on;
use super::finding::{FieldPath, Finding, Problem};
use crate::domain::reference::Riwayat;
use crate::domain::riwayat::{AnggotaKeluarga, StatusAnak};

const MINIMUM_PARENT_AGE: i32 = 12;

pub fn check_keluarga(keluarga: &[AnggotaKeluarga], employee_birth: Date) -> Vec<Finding> {
    let mut findings = Vec::new();
    let spouses: Vec<i64> = keluarga
        .iter()
        .filter_map(|m| match m {
            AnggotaKeluarga::Pasangan(p) => Some(p.id),
            _ => None,
        })
        .collect();
    for (i, member) in keluarga.iter().enumerate() {
        let AnggotaKeluarga::Anak(anak) = member else {
            continue;
        };
        if anak.pasangan_id.is_some_and(|id| !spouses.contains(&id)) {
            findings.push(Finding::error(
                FieldPath::riwayat(Riwayat::Keluarga, i, "pasangan_id"),
                Problem::OtherParentNotASpouse,
            ));
        }
        let Some(child_birth) = anak.identitas.tanggal_lahir else {
            continue;
        };
        let field = FieldPath::riwayat(Riwayat::Keluarga, i, "birth_date");
        if child_birth <= employee_birth {
            let problem = Problem::ChildBornBeforeParent { child_birth };
            findings.push(match anak.status {
                StatusAnak::Kandung => Finding::error(field, problem),
                StatusAnak::Tiri | StatusAnak::Angkat => Finding::warning(field, problem),
            });
        } else if anak.status == StatusAnak::Kandung {
            let age = age_on(employee_birth, child_birth);
            if age < MINIMUM_PARENT_AGE {
                findings.push(Finding::warning(
                    field,
                    Problem::ParentTooYoungAtChildBirth { age },
                ));
            }
        }
    }
    findings
}
