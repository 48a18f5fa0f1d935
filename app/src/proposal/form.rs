//! The proposal form's model, shared by the server (which sends what the form starts
//! from) and the browser (which turns what was typed back into a record). Pure: the
//! form is the record's own fields, flattened to `path → text`, so every history gets
//! one without a form per history, and a value the record type refuses is refused
//! at the field that holds it.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::Date;

use super::change::{ProposedRecord, Target};
use super::period::PeriodState;
use crate::domain::localized::Lang;
use crate::domain::reference::{JenisDokumen, Riwayat};
use crate::domain::Pegawai;
use crate::json_paths::leaves;

/// What the form for one history starts from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposalForm {
    pub riwayat: Riwayat,
    /// The employee's record, so the browser runs the same cross-field checks.
    pub pegawai: Pegawai,
    /// The latest record (what a change replaces, and a new record's template).
    pub latest: Option<ProposedRecord>,
    /// The target a change of `latest` has (`Only` for CPNS/PNS).
    pub target: Option<Target>,
    /// Whether the history takes new records as well (SKP, Keluarga, CLTN…).
    pub may_add: bool,
    pub period: PeriodState,
    /// The largest document the server takes, so the browser refuses a bigger one
    /// before uploading it.
    pub max_bytes: u64,
    /// The server's date: the domain never reads the clock.
    #[serde(with = "crate::proposal::form::date_text")]
    pub today: Date,
    /// The employee's proposal on `latest` that a verifier returned for correction:
    /// the form starts from its values and sends it again.
    #[serde(default)]
    pub returned: Option<Returned>,
    /// What the employee typed and has not sent yet, kept on the server.
    #[serde(default)]
    pub draft: Option<super::draft::Draft>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Returned {
    pub id: i64,
    pub record: ProposedRecord,
    pub reason: Option<String>,
}

pub(crate) mod date_text {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::macros::format_description;
    use time::Date;

    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&date.format(FORMAT).map_err(serde::ser::Error::custom)?)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text, FORMAT).map_err(serde::de::Error::custom)
    }
}

impl ProposalForm {
    pub fn documents(&self) -> &'static [JenisDokumen] {
        self.riwayat.supporting_documents()
    }
}

/// One input of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormField {
    /// `golongan`, `sk.nomor`: where the value sits in the record.
    pub path: String,
    /// The value as the current record has it ("" for none).
    pub current: String,
    pub shape: Shape,
}

/// What kind of JSON value the record keeps at a path, so typed text goes back as
/// the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Text,
    Date,
    Number,
    Flag,
    /// Empty in the current record: text if something is typed, null if not.
    Optional,
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Optional groups of fields: a decree or certificate a record may not have yet
/// (`persetujuan_bkn`, `sk_pns`, `akta_nikah`…), each a number and a date. Empty in
/// the record they are still two fields on the form, so they can be filled in; both
/// emptied, the record has none again. Which groups these are is the histories'
/// description's to say (nullable columns under one field).
const GROUP_PARTS: [(&str, Shape); 2] = [("nomor", Shape::Text), ("tanggal", Shape::Date)];

fn is_optional_group(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    crate::domain::riwayat::table::is_optional_group(last)
}

/// The optional group a field belongs to, if it is one of a group's parts.
fn group_of(path: &str) -> Option<&str> {
    let (group, part) = path.rsplit_once('.')?;
    (is_optional_group(group) && GROUP_PARTS.iter().any(|(p, _)| *p == part)).then_some(group)
}

/// The record's fields in a stable order, without its id (the server's to give).
pub fn fields_of(record: &ProposedRecord) -> Vec<FormField> {
    let json = serde_json::to_value(record).unwrap_or_default();
    let mut out = Vec::new();
    for (path, value) in leaves(&json["data"]) {
        if path == "id" {
            continue;
        }
        if value.is_null() && is_optional_group(&path) {
            out.extend(GROUP_PARTS.map(|(part, shape)| FormField {
                path: format!("{path}.{part}"),
                current: String::new(),
                shape,
            }));
            continue;
        }
        let (current, shape) = match value {
            Value::Null => (String::new(), Shape::Optional),
            Value::String(s) if is_date(s) => (s.clone(), Shape::Date),
            Value::String(s) => (s.clone(), Shape::Text),
            Value::Number(n) => (n.to_string(), Shape::Number),
            Value::Bool(b) => (b.to_string(), Shape::Flag),
            Value::Array(_) | Value::Object(_) => (value.to_string(), Shape::Text),
        };
        out.push(FormField {
            path,
            current,
            shape,
        });
    }
    out
}

/// The JSON values the typed text could stand for, most likely first: the record
/// type decides which one it takes (an emptied optional field is null, a filled
/// one that was empty may be a number).
fn candidates(shape: Shape, text: &str) -> Vec<Value> {
    let text = text.trim();
    let number = || {
        text.parse::<i64>()
            .ok()
            .map(Value::from)
            .or_else(|| text.parse::<f64>().ok().map(Value::from))
    };
    let mut out = Vec::new();
    match shape {
        // Emptied: none, where the record allows none; else the empty text.
        Shape::Text | Shape::Date => {
            if text.is_empty() {
                out.push(Value::Null);
            }
            out.push(Value::String(text.to_owned()));
        }
        Shape::Optional if text.is_empty() => out.push(Value::Null),
        Shape::Optional => {
            out.push(Value::String(text.to_owned()));
            out.extend(number());
            out.extend(text.parse::<bool>().ok().map(Value::Bool));
        }
        Shape::Number if text.is_empty() => out.push(Value::Null),
        Shape::Number => out.extend(number()),
        Shape::Flag => out.extend(text.parse::<bool>().ok().map(Value::Bool)),
    }
    out
}

fn set_path(data: &mut Value, path: &str, value: Value) {
    let mut at = data;
    for key in path.split('.') {
        at = &mut at[key];
    }
    *at = value;
}

/// An optional group's value from its parts' text: none when every part is empty,
/// else all of them, each part that does not fit blamed on its own field.
fn compose_group(
    base: &Value,
    group: &str,
    parts: &[&(FormField, String)],
) -> Result<Value, Vec<FieldProblem>> {
    let problem = |f: &FormField| FieldProblem {
        path: f.path.clone(),
        shape: f.shape,
    };
    let empty: Vec<&FormField> = parts
        .iter()
        .filter(|(_, text)| text.trim().is_empty())
        .map(|(f, _)| f)
        .collect();
    if empty.len() == parts.len() {
        return Ok(Value::Null);
    }
    // A decree is its number and its date: one without the other is not one, even
    // where the record's type would take an empty number.
    if !empty.is_empty() {
        return Err(empty.into_iter().map(problem).collect());
    }
    let mut value = serde_json::Map::new();
    for (field, text) in parts {
        let part = field.path.rsplit('.').next().unwrap_or_default();
        value.insert(part.to_owned(), Value::String(text.trim().to_owned()));
    }
    let value = Value::Object(value);
    let mut alone = base.clone();
    set_path(&mut alone["data"], group, value.clone());
    if serde_json::from_value::<ProposedRecord>(alone).is_ok() {
        return Ok(value);
    }
    let mut blamed: Vec<FieldProblem> = parts
        .iter()
        .filter(|(f, text)| f.shape == Shape::Date && !is_date(text.trim()))
        .map(|(f, _)| problem(f))
        .collect();
    if blamed.is_empty() {
        blamed = parts.iter().map(|(f, _)| problem(f)).collect();
    }
    Err(blamed)
}

/// Why one field's text is not a value of the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub path: String,
    pub shape: Shape,
}

impl FieldProblem {
    pub fn message(&self, lang: Lang) -> &'static str {
        match self.shape {
            Shape::Date => lang.pick(
                "Isi tanggal dengan format TTTT-BB-HH, misalnya 2024-04-01.",
                "Enter a date as YYYY-MM-DD, e.g. 2024-04-01.",
            ),
            Shape::Number => lang.pick("Isi dengan angka.", "Enter a number."),
            Shape::Flag => lang.pick("Isi dengan true atau false.", "Enter true or false."),
            Shape::Text | Shape::Optional => lang.pick(
                "Isian ini tidak sesuai dengan aturan datanya.",
                "This value does not fit the rules of this field.",
            ),
        }
    }
}

/// The record the form describes: `template` with each field's text put back at its
/// path. A field whose text the record type refuses is reported at that field (each
/// is tried alone on the template, so one bad field does not blame the others).
pub fn compose(
    template: &ProposedRecord,
    inputs: &[(FormField, String)],
) -> Result<ProposedRecord, Vec<FieldProblem>> {
    let base = serde_json::to_value(template).unwrap_or_default();
    let mut all = base.clone();
    let mut problems = Vec::new();
    let mut groups: Vec<&str> = inputs
        .iter()
        .filter_map(|(f, _)| group_of(&f.path))
        .collect();
    groups.sort_unstable();
    groups.dedup();
    for group in groups {
        let parts: Vec<&(FormField, String)> = inputs
            .iter()
            .filter(|(f, _)| group_of(&f.path) == Some(group))
            .collect();
        match compose_group(&base, group, &parts) {
            Ok(value) => set_path(&mut all["data"], group, value),
            Err(blamed) => problems.extend(blamed),
        }
    }
    for (field, text) in inputs.iter().filter(|(f, _)| group_of(&f.path).is_none()) {
        let problem = || FieldProblem {
            path: field.path.clone(),
            shape: field.shape,
        };
        let accepted = candidates(field.shape, text).into_iter().find(|value| {
            let mut alone = base.clone();
            set_path(&mut alone["data"], &field.path, value.clone());
            serde_json::from_value::<ProposedRecord>(alone).is_ok()
        });
        let Some(value) = accepted else {
            problems.push(problem());
            continue;
        };
        set_path(&mut all["data"], &field.path, value);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Each field alone was fine; together they may still not be (a period whose end
    // is before its start, in types that check that themselves).
    serde_json::from_value(all).map_err(|_| {
        inputs
            .iter()
            .map(|(f, _)| FieldProblem {
                path: f.path.clone(),
                shape: f.shape,
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::pegawai_pns;
    use proptest::prelude::*;
    use time::macros::date;

    fn latest_rank(p: &Pegawai) -> Option<ProposedRecord> {
        p.pangkat.first().cloned().map(ProposedRecord::Pangkat)
    }

    proptest! {
        #[test]
        fn untouched_fields_give_back_the_record(p in pegawai_pns(date!(2026 - 11 - 23))) {
            let records: Vec<ProposedRecord> = Riwayat::all()
                .iter()
                .flat_map(|r| super::super::change::records_of(&p, *r))
                .collect();
            for record in records {
                let inputs: Vec<(FormField, String)> = fields_of(&record)
                    .into_iter()
                    .map(|f| { let text = f.current.clone(); (f, text) })
                    .collect();
                prop_assert_eq!(compose(&record, &inputs), Ok(record.clone()));
            }
        }

        #[test]
        fn a_bad_value_is_blamed_on_its_own_field(p in pegawai_pns(date!(2026 - 11 - 23)), junk in "[a-z]{1,6}") {
            let Some(record) = latest_rank(&p) else { return Ok(()) };
            let inputs: Vec<(FormField, String)> = fields_of(&record)
                .into_iter()
                .map(|f| {
                    let text = if f.path == "golongan" || f.path == "tmt" { junk.clone() } else { f.current.clone() };
                    (f, text)
                })
                .collect();
            let problems = compose(&record, &inputs).unwrap_err();
            let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
            prop_assert_eq!(paths, vec!["golongan", "tmt"]);
            prop_assert_eq!(problems[1].shape, Shape::Date);
        }
    }

    fn diklat(hours: Option<u32>, certificate: Option<&str>) -> ProposedRecord {
        ProposedRecord::Diklat(crate::domain::riwayat::RiwayatDiklat {
            id: 3,
            nama: "Latsar CPNS".into(),
            penyelenggara: "BKPSDM".into(),
            jumlah_jam: hours,
            tanggal_mulai: date!(2011 - 03 - 01),
            tanggal_selesai: date!(2011 - 04 - 30),
            nomor_sertifikat: certificate.map(str::to_owned),
        })
    }

    fn typing(record: &ProposedRecord, path: &str, text: &str) -> Vec<(FormField, String)> {
        fields_of(record)
            .into_iter()
            .map(|f| {
                let typed = if f.path == path {
                    text.to_owned()
                } else {
                    f.current.clone()
                };
                (f, typed)
            })
            .collect()
    }

    #[test]
    fn an_empty_optional_field_takes_a_number_or_text_and_a_filled_one_can_be_emptied() {
        let empty = diklat(None, None);
        let hours = typing(&empty, "hours", "40");
        assert_eq!(compose(&empty, &hours), Ok(diklat(Some(40), None)));
        let number = typing(&empty, "certificate_number", "DL-123");
        assert_eq!(compose(&empty, &number), Ok(diklat(None, Some("DL-123"))));

        let filled = diklat(Some(40), Some("DL-123"));
        let cleared = typing(&filled, "certificate_number", "  ");
        assert_eq!(compose(&filled, &cleared), Ok(diklat(Some(40), None)));
        let no_hours = typing(&filled, "hours", "");
        assert_eq!(
            compose(&filled, &no_hours),
            Ok(diklat(None, Some("DL-123")))
        );
        let wrong = typing(&empty, "hours", "empat puluh");
        assert_eq!(compose(&empty, &wrong).unwrap_err()[0].path, "hours");
    }

    fn typing_all(record: &ProposedRecord, typed: &[(&str, &str)]) -> Vec<(FormField, String)> {
        fields_of(record)
            .into_iter()
            .map(|f| {
                let text = typed
                    .iter()
                    .find(|(p, _)| *p == f.path)
                    .map_or_else(|| f.current.clone(), |(_, t)| (*t).to_owned());
                (f, text)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn an_empty_decree_can_be_filled_in_and_a_filled_one_emptied(
            p in pegawai_pns(date!(2026 - 11 - 23)),
            nomor in "[A-Z0-9/.-]{3,20}",
        ) {
            let Some(ProposedRecord::Pangkat(mut rank)) = latest_rank(&p) else { return Ok(()) };
            rank.persetujuan_bkn = None;
            let empty = ProposedRecord::Pangkat(rank.clone());
            let paths: Vec<String> = fields_of(&empty).into_iter().map(|f| f.path).collect();
            prop_assert!(paths.contains(&"persetujuan_bkn.nomor".to_owned()), "{:?}", paths);
            prop_assert!(paths.contains(&"persetujuan_bkn.tanggal".to_owned()));

            let filled = typing_all(&empty, &[
                ("persetujuan_bkn.nomor", nomor.as_str()),
                ("persetujuan_bkn.tanggal", "2024-03-01"),
            ]);
            let mut with = rank.clone();
            with.persetujuan_bkn = Some(crate::domain::sk::Sk {
                nomor: nomor.clone(),
                tanggal: date!(2024 - 03 - 01),
            });
            let with = ProposedRecord::Pangkat(with);
            prop_assert_eq!(compose(&empty, &filled), Ok(with.clone()));

            // Half filled: the missing part and the bad date are blamed, nothing else.
            let half = typing_all(&empty, &[("persetujuan_bkn.nomor", nomor.as_str())]);
            let blamed: Vec<String> = compose(&empty, &half).unwrap_err().into_iter().map(|p| p.path).collect();
            prop_assert_eq!(blamed, vec!["persetujuan_bkn.tanggal".to_owned()]);
            let bad_date = typing_all(&empty, &[
                ("persetujuan_bkn.nomor", nomor.as_str()),
                ("persetujuan_bkn.tanggal", "1 Maret 2024"),
            ]);
            let blamed: Vec<String> = compose(&empty, &bad_date).unwrap_err().into_iter().map(|p| p.path).collect();
            prop_assert_eq!(blamed, vec!["persetujuan_bkn.tanggal".to_owned()]);

            let date_only = typing_all(&empty, &[("persetujuan_bkn.tanggal", "2024-03-01")]);
            let blamed: Vec<String> = compose(&empty, &date_only).unwrap_err().into_iter().map(|p| p.path).collect();
            prop_assert_eq!(blamed, vec!["persetujuan_bkn.nomor".to_owned()]);

            // Both emptied: none again.
            let emptied = typing_all(&with, &[("persetujuan_bkn.nomor", " "), ("persetujuan_bkn.tanggal", "")]);
            prop_assert_eq!(compose(&with, &emptied), Ok(empty));
        }
    }
}
