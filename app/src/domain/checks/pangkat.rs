//! Rank history: in TMT order, each TMT is later than the one before and the
//! golongan never goes down. The list may arrive in any order (e.g. entry order),
//! so it is sorted first and findings point back at the original positions.

use super::finding::{FieldPath, Finding, Problem};
use crate::domain::reference::Riwayat;
use crate::domain::riwayat::RiwayatPangkat;

pub fn check_pangkat(pangkat: &[RiwayatPangkat]) -> Vec<Finding> {
    let mut order: Vec<usize> = (0..pangkat.len()).collect();
    order.sort_by_key(|&i| pangkat[i].tmt);
    let mut findings = Vec::new();
    for pair in order.windows(2) {
        let (previous, current) = (&pangkat[pair[0]], &pangkat[pair[1]]);
        if current.tmt == previous.tmt {
            findings.push(Finding::error(
                FieldPath::riwayat(Riwayat::Pangkat, pair[1], "tmt"),
                Problem::PangkatTmtRepeated { tmt: current.tmt },
            ));
        } else if current.golongan < previous.golongan {
            findings.push(Finding::error(
                FieldPath::riwayat(Riwayat::Pangkat, pair[1], "golongan"),
                Problem::GolonganDecreased {
                    previous: previous.golongan,
                    current: current.golongan,
                },
            ));
        }
    }
    findings
}
