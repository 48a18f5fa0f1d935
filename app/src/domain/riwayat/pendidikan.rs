use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::reference::TingkatPendidikan;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiwayatPendidikan {
    pub id: i64,
    pub tingkat: TingkatPendidikan,
    /// Primary and junior secondary school have none.
    pub major: Option<String>,
    pub school: String,
    pub graduation_date: Date,
    pub certificate_number: Option<String>,
    /// The titles this degree confers, e.g. "Dr." before or "S.Kom." after the name.
    pub front_title: Option<String>,
    pub back_title: Option<String>,
}
