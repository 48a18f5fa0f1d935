//! Most history records rest on a numbered, dated letter (SK, STTPL, SPMT, BKN approval);
//! pairing number and date keeps one from being recorded without the other.

use serde::{Deserialize, Serialize};
use time::Date;

/// A numbered, dated letter: a decree (*surat keputusan*) or a similar official document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sk {
    pub nomor: String,
    pub tanggal: Date,
}
