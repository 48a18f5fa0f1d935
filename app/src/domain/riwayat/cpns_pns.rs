use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::sk::Sk;

/// Appointment as CPNS and then PNS: one record per employee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatCpnsPns {
    pub sk_cpns: Sk,
    pub tmt_cpns: Date,
    /// None while still a CPNS.
    pub sk_pns: Option<Sk>,
    pub tmt_pns: Option<Date>,
    /// Certificate of the basic training (*latsar*), required before becoming PNS.
    pub sttpl: Option<Sk>,
    /// Statement of assuming duty (*surat pernyataan melaksanakan tugas*).
    pub spmt: Option<Sk>,
}
