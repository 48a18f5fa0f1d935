//! The CPNS/PNS appointment against the NIP and the calendar.

use super::dates::age_on;
use super::finding::{FieldPath, Finding, Problem};
use crate::domain::data_personal::{DataPersonal, NomorInduk};
use crate::domain::reference::Riwayat;
use crate::domain::riwayat::RiwayatCpnsPns;

/// Applicants must be 18; younger at TMT CPNS suggests a wrong date (a warning, as
/// special appointments have existed).
const MINIMUM_AGE: i32 = 18;

pub fn check_cpns_pns(personal: &DataPersonal, cpns: &RiwayatCpnsPns) -> Vec<Finding> {
    let mut findings = Vec::new();
    let field = |name| FieldPath::riwayat(Riwayat::CpnsPns, 0, name);
    if let NomorInduk::Nip(nip) = &personal.nomor_induk {
        if !nip.tmt_cpns().contains(cpns.tmt_cpns) {
            findings.push(Finding::error(
                field("tmt_cpns"),
                Problem::NipTmtCpnsMismatch {
                    nip: nip.tmt_cpns(),
                    recorded: cpns.tmt_cpns,
                },
            ));
        }
    }
    if let Some(tmt_pns) = cpns.tmt_pns {
        if tmt_pns <= cpns.tmt_cpns {
            findings.push(Finding::error(
                field("tmt_pns"),
                Problem::TmtPnsNotAfterTmtCpns {
                    tmt_cpns: cpns.tmt_cpns,
                    tmt_pns,
                },
            ));
        }
    }
    let age = age_on(personal.tanggal_lahir, cpns.tmt_cpns);
    if age < MINIMUM_AGE {
        findings.push(Finding::warning(
            field("tmt_cpns"),
            Problem::TooYoungAtTmtCpns { age },
        ));
    }
    findings
}
