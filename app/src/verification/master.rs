//! A proposed record as the columns of its history's table: what the master record
//! becomes when a proposal is applied. Derived from the history's one description
//! (`domain::riwayat::table`), the same one the profile store reads rows with; the
//! round trip through the database, and the description against the migrated
//! schema, are tested for every described history (`server/tests/api/history_tables.rs`).

use serde_json::{Map, Value};

use crate::domain::riwayat::table::{table, Table};
use crate::proposal::change::ProposedRecord;

/// The record's history's table.
pub fn table_of(record: &ProposedRecord) -> &'static Table {
    table(record.riwayat())
}

/// The record's columns by name, the record's id and employee excluded (those are
/// the database's to keep).
pub fn columns(record: &ProposedRecord) -> Value {
    let json = serde_json::to_value(record).unwrap_or_default();
    let row: Map<String, Value> = table_of(record).row_of(&json["data"]);
    Value::Object(row)
}
