//! PostgreSQL COPY text format for employees and their histories: one buffer per
//! table, filled row by row. The histories' columns and values come from their one
//! description (`app::domain::riwayat::table`), as the profile read and the master
//! write take them.
//!
//! Ids are explicit (the identities are `BY DEFAULT`): the employee's id is given,
//! and a history row's id is `riwayat_base + local id`, where the caller reserves
//! `RIWAYAT_SLOTS` ids per employee. Children reference their parent's spouse
//! row by that id, which is why the ids cannot be left to the sequences.

use std::io::Write;

use serde_json::Value;
use time::Date;

use app::domain::riwayat::table::{Key, Sql, TABLES};
use app::domain::Pegawai;
use app::proposal::change::records_of;

/// Ids reserved per employee in every history table; no history of one employee
/// may hold more records than this.
pub const RIWAYAT_SLOTS: i64 = 64;

/// The employee's columns, in COPY order (`Batch::push`).
const PEGAWAI_COLUMNS: &str = "id, jenis, nomor_induk, nik, nama, gelar_depan, gelar_belakang, \
    tempat_lahir, tanggal_lahir, jenis_kelamin, agama, status_perkawinan, alamat, kecamatan_code, \
    kode_pos, email, nomor_hp, npwp, nomor_bpjs, nomor_taspen, status_hukum, instansi_id, \
    unit_kerja_id, golongan, jabatan";

/// How many tables a batch fills: the employees, then every described history.
pub const TABLE_COUNT: usize = 1 + TABLES.len();

/// The tables in load order (parents first), with the columns COPY writes.
pub fn tables() -> [(&'static str, String); TABLE_COUNT] {
    std::array::from_fn(|i| match i {
        0 => ("pegawai", PEGAWAI_COLUMNS.to_owned()),
        i => (TABLES[i - 1].name, TABLES[i - 1].column_names().join(", ")),
    })
}

/// The history tables whose rows have ids of their own (every one but CPNS/PNS).
pub fn tables_with_id() -> impl Iterator<Item = &'static str> {
    TABLES.iter().filter(|t| t.key == Key::Id).map(|t| t.name)
}

/// One COPY text row being written.
struct Row<'a> {
    buf: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Row<'a> {
    fn new(buf: &'a mut Vec<u8>) -> Self {
        Self { buf, first: true }
    }

    fn sep(&mut self) {
        if !self.first {
            self.buf.push(b'\t');
        }
        self.first = false;
    }

    fn text(&mut self, s: &str) -> &mut Self {
        self.sep();
        escape_into(self.buf, s);
        self
    }

    fn opt_text(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.text(s),
            None => self.null(),
        }
    }

    fn null(&mut self) -> &mut Self {
        self.sep();
        self.buf.extend_from_slice(b"\\N");
        self
    }

    fn int(&mut self, n: i64) -> &mut Self {
        self.sep();
        let _ = write!(self.buf, "{n}");
        self
    }

    fn bool(&mut self, b: bool) -> &mut Self {
        self.sep();
        self.buf.push(if b { b't' } else { b'f' });
        self
    }

    fn date(&mut self, d: Date) -> &mut Self {
        self.sep();
        let (y, m, day) = (d.year(), d.month() as u8, d.day());
        let digits = [
            b'0' + (y / 1000 % 10) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
            b'-',
            b'0' + m / 10,
            b'0' + m % 10,
            b'-',
            b'0' + day / 10,
            b'0' + day % 10,
        ];
        self.buf.extend_from_slice(&digits);
        self
    }

    /// A `text[]` literal with every element quoted.
    fn text_array(&mut self, items: &[String]) -> &mut Self {
        let mut literal = String::from("{");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                literal.push(',');
            }
            literal.push('"');
            for c in item.chars() {
                if c == '"' || c == '\\' {
                    literal.push('\\');
                }
                literal.push(c);
            }
            literal.push('"');
        }
        literal.push('}');
        self.text(&literal)
    }

    /// A column's value as the record's JSON has it; ids of this table's rows are
    /// local to the employee and move by `base`.
    fn value(&mut self, value: &Value, sql: Sql, base: i64) -> &mut Self {
        match (value, sql) {
            (Value::Null, _) => self.null(),
            (Value::Number(n), Sql::RowId) => self.int(base + n.as_i64().unwrap_or_default()),
            (Value::Number(n), _) => {
                self.sep();
                let _ = write!(self.buf, "{n}");
                self
            }
            (Value::Bool(b), _) => self.bool(*b),
            (Value::String(s), _) => self.text(s),
            (other, _) => self.text(&other.to_string()),
        }
    }

    fn end(&mut self) {
        self.buf.push(b'\n');
    }
}

/// COPY text escaping: backslash, and the delimiter and line breaks.
fn escape_into(buf: &mut Vec<u8>, s: &str) {
    if !s
        .bytes()
        .any(|b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r'))
    {
        buf.extend_from_slice(s.as_bytes());
        return;
    }
    for b in s.bytes() {
        match b {
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            _ => buf.push(b),
        }
    }
}

/// The COPY data of a chunk: one buffer per table of `tables()`.
pub struct Batch {
    pub buffers: [Vec<u8>; TABLE_COUNT],
    pub rows: [u64; TABLE_COUNT],
}

impl Default for Batch {
    fn default() -> Self {
        Self {
            buffers: std::array::from_fn(|_| Vec::new()),
            rows: [0; TABLE_COUNT],
        }
    }
}

impl Batch {
    pub fn with_capacity(employees: usize) -> Self {
        let mut b = Self::default();
        // Rough bytes per employee: the employee's row, then a few rows per history.
        b.buffers[0].reserve(employees * 420);
        for (buf, t) in b.buffers[1..].iter_mut().zip(&TABLES) {
            buf.reserve(employees * 40 * t.columns.len());
        }
        b
    }

    pub fn employees(&self) -> u64 {
        self.rows[0]
    }

    /// Appends one employee and all histories. `riwayat_base + local id` is each
    /// history row's id; `local id` must stay below `RIWAYAT_SLOTS`.
    pub fn push(&mut self, p: &Pegawai, pegawai_id: i64, riwayat_base: i64) {
        let id = |local: i64| {
            debug_assert!((0..RIWAYAT_SLOTS).contains(&local));
            riwayat_base + local
        };
        let d = &p.personal;
        Row::new(&mut self.buffers[0])
            .int(pegawai_id)
            .text(d.jenis_pegawai.code())
            .opt_text(d.nomor_induk.as_str())
            .text(d.nik.as_str())
            .text(&d.nama)
            .text_array(&d.gelar_depan)
            .text_array(&d.gelar_belakang)
            .text(&d.tempat_lahir)
            .date(d.tanggal_lahir)
            .text(d.jenis_kelamin.code())
            .text(d.agama.code())
            .text(d.status_perkawinan.code())
            .text(&d.alamat.jalan)
            .opt_text(d.alamat.kode_kecamatan.as_deref())
            .opt_text(d.alamat.kode_pos.as_deref())
            .opt_text(d.email.as_ref().map(|e| e.as_str()))
            .opt_text(d.nomor_hp.as_ref().map(|m| m.as_str()))
            .opt_text(d.npwp.as_ref().map(|n| n.as_str()))
            .opt_text(d.bpjs.as_deref())
            .opt_text(d.taspen.as_deref())
            .text(d.status_hukum.code())
            .int(d.instansi_id)
            .int(d.unit_kerja_id)
            .opt_text(d.golongan.map(|g| g.code()))
            .text(&d.jabatan)
            .end();
        self.rows[0] += 1;
        for (i, t) in TABLES.iter().enumerate() {
            let buffer = &mut self.buffers[i + 1];
            for record in records_of(p, t.riwayat) {
                let json = serde_json::to_value(&record).unwrap_or_default();
                let data = &json["data"];
                let mut row = Row::new(buffer);
                if t.key == Key::Id {
                    row.int(id(data["id"].as_i64().unwrap_or_default()));
                }
                row.int(pegawai_id);
                for (column, value) in t.values(data) {
                    row.value(value, column.sql, riwayat_base);
                }
                row.end();
                self.rows[i + 1] += 1;
            }
        }
    }
}
