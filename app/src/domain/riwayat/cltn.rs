use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::sk::Sk;

/// Unpaid leave outside the state's responsibility (CLTN).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatCltn {
    pub id: i64,
    pub sk: Sk,
    pub start: Date,
    pub end: Date,
    /// Return to duty, possibly before `end`; none while still on leave.
    pub active_again: Option<Date>,
    pub sk_active_again: Option<Sk>,
}
