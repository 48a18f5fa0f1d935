//! The one description of each history (*riwayat*): its table, its columns with
//! their SQL types, the field of the record each column holds, and each field's
//! name for people in both languages. Every reader and writer derives from it:
//! the profile read (`profile::store`), the write to the master record and its
//! kept version (`verification::master`, `riwayat_tulis`), the generator's COPY
//! rows, the form's and compare tables' labels (`proposal::labels`); a test
//! compares it with the migrated schema (`server/tests/api/history_tables.rs`), so
//! the two cannot drift.
//!
//! A column maps to a **path** in the record's JSON (`sk.nomor`, `masa_kerja.years`),
//! which is the shape records are kept in (`usulan.nilai_*`, `riwayat_versi`,
//! drafts) and that the proof code is computed over: the JSON names stay as they
//! are however the Rust fields are named. Rows travel as `to_jsonb` gives them
//! (dates as `YYYY-MM-DD`, reference values as their codes), which is also how the
//! record types (de)serialise their values, so a row becomes a record by moving
//! each column's value to its path, and back.
//!
//! Adding a column to a history means the migration plus one line here.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::domain::localized::{format_date, Lang};
use crate::domain::reference::{ReferenceKind, Riwayat};
use crate::domain::riwayat::*;

/// A column's type as PostgreSQL names it (`pg_type.typname`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sql {
    Text,
    /// `char(n)`: fixed-length codes (NIK, NIP, gender).
    Char,
    Date,
    SmallInt,
    Int,
    Bool,
    /// The id of another row of the same table (a child's other parent): a loader
    /// that chooses ids must move it with them.
    RowId,
}

impl Sql {
    pub fn type_name(self) -> &'static str {
        match self {
            Sql::Text => "text",
            Sql::Char => "bpchar",
            Sql::Date => "date",
            Sql::SmallInt => "int2",
            Sql::Int => "int4",
            Sql::Bool => "bool",
            Sql::RowId => "int8",
        }
    }
}

/// One column of a history's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The column's name in the table.
    pub name: &'static str,
    /// Where its value sits in the record's JSON: `golongan`, `sk.nomor`.
    pub path: &'static str,
    pub sql: Sql,
    pub nullable: bool,
    /// The field's name for people: Indonesian, English.
    pub label: (&'static str, &'static str),
    pub shown: Shown,
}

/// How a column's value reads for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// As stored, dates written out ("1 Maret 2010").
    AsStored,
    /// A reference code, by its name ("reguler" reads "Reguler").
    Named(ReferenceKind),
    /// A reference code by its name, the code after it: "Penata (III/c)".
    NamedWithCode(ReferenceKind),
}

impl Column {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label.0, self.label.1)
    }

    const fn named(self, kind: ReferenceKind) -> Column {
        Column {
            shown: Shown::Named(kind),
            ..self
        }
    }

    const fn named_with_code(self, kind: ReferenceKind) -> Column {
        Column {
            shown: Shown::NamedWithCode(kind),
            ..self
        }
    }

    /// The value as people read it; "-" for none. A flag stays `true`/`false`:
    /// wording it ("Ya") is page text, the locale files' to say.
    pub fn show(&self, value: &Value, lang: Lang) -> String {
        let text = match value {
            Value::Null => return "-".to_owned(),
            Value::String(text) => text.as_str(),
            other => return other.to_string(),
        };
        match self.shown {
            Shown::Named(kind) => kind.name_of(text, lang).unwrap_or(text).to_owned(),
            Shown::NamedWithCode(kind) => match kind.name_of(text, lang) {
                Some(name) => format!("{name} ({text})"),
                None => text.to_owned(),
            },
            Shown::AsStored if self.sql == Sql::Date => {
                let format = time::macros::format_description!("[year]-[month]-[day]");
                time::Date::parse(text, format)
                    .map(|date| format_date(date, lang))
                    .unwrap_or_else(|_| text.to_owned())
            }
            Shown::AsStored => text.to_owned(),
        }
    }
}

const fn req(
    name: &'static str,
    path: &'static str,
    sql: Sql,
    id: &'static str,
    en: &'static str,
) -> Column {
    Column {
        name,
        path,
        sql,
        nullable: false,
        label: (id, en),
        shown: Shown::AsStored,
    }
}

const fn opt(
    name: &'static str,
    path: &'static str,
    sql: Sql,
    id: &'static str,
    en: &'static str,
) -> Column {
    Column {
        nullable: true,
        ..req(name, path, sql, id, en)
    }
}

/// How a history's rows are told apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Its own `id` (a bigint identity), besides `pegawai_id`.
    Id,
    /// One row per employee, keyed by `pegawai_id` (CPNS/PNS).
    Employee,
}

impl Key {
    /// The column a row is found by.
    pub fn column(self) -> &'static str {
        match self {
            Key::Id => "id",
            Key::Employee => "pegawai_id",
        }
    }
}

/// One history's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Table {
    pub riwayat: Riwayat,
    pub name: &'static str,
    pub key: Key,
    /// The order the profile lists the records in, newest first.
    pub order_by: &'static str,
    /// Columns that are unique per employee (one SKP per year, one rank per TMT).
    pub unique: &'static [&'static str],
    /// Every column but the key and `pegawai_id`, in the table's order.
    pub columns: &'static [Column],
}

use Sql::*;

/// Every history, in `Riwayat::all()` order.
#[rustfmt::skip]
pub const TABLES: [Table; 12] = [
    Table {
        riwayat: Riwayat::Jabatan, name: "riwayat_jabatan", key: Key::Id, order_by: "tmt DESC", unique: &[],
        columns: &[
            req("jenis_jabatan", "jenis", Text, "Jenis", "Kind").named(ReferenceKind::JenisJabatan),
            req("unit_kerja", "unit_kerja", Text, "Unit kerja", "Work unit"),
            req("nama_jabatan", "jabatan", Text, "Jabatan", "Position"),
            opt("eselon", "eselon", Text, "Eselon", "Echelon").named(ReferenceKind::Eselon),
            req("sk_nomor", "sk.nomor", Text, "SK · Nomor", "Decree (SK) · Number"),
            req("sk_tanggal", "sk.tanggal", Date, "SK · Tanggal", "Decree (SK) · Date"),
            req("tmt", "tmt", Date, "TMT", "Effective date (TMT)"),
            opt("tanggal_pelantikan", "tanggal_pelantikan", Date, "Tanggal pelantikan", "Inauguration date"),
        ],
    },
    Table {
        riwayat: Riwayat::Pendidikan, name: "riwayat_pendidikan", key: Key::Id, order_by: "tanggal_lulus DESC", unique: &[],
        columns: &[
            req("tingkat", "tingkat", Text, "Tingkat", "Level").named(ReferenceKind::TingkatPendidikan),
            opt("jurusan", "major", Text, "Jurusan", "Major"),
            req("nama_sekolah", "school", Text, "Sekolah/perguruan tinggi", "School or university"),
            req("tanggal_lulus", "graduation_date", Date, "Tanggal lulus", "Graduation date"),
            opt("nomor_ijazah", "certificate_number", Text, "Nomor ijazah/sertifikat", "Certificate number"),
            opt("gelar_depan", "front_title", Text, "Gelar depan", "Title before the name"),
            opt("gelar_belakang", "back_title", Text, "Gelar belakang", "Title after the name"),
        ],
    },
    Table {
        riwayat: Riwayat::Diklat, name: "riwayat_diklat", key: Key::Id, order_by: "tanggal_mulai DESC", unique: &[],
        columns: &[
            req("nama", "name", Text, "Nama", "Name"),
            req("penyelenggara", "organiser", Text, "Penyelenggara", "Organiser"),
            opt("jumlah_jam", "hours", Int, "Jumlah jam", "Hours"),
            req("tanggal_mulai", "start", Date, "Tanggal mulai", "Start date"),
            req("tanggal_selesai", "end", Date, "Tanggal selesai", "End date"),
            opt("nomor_sertifikat", "certificate_number", Text, "Nomor ijazah/sertifikat", "Certificate number"),
        ],
    },
    Table {
        riwayat: Riwayat::Skp, name: "riwayat_skp", key: Key::Id, order_by: "tahun DESC", unique: &["tahun"],
        columns: &[
            req("tahun", "year", Int, "Tahun", "Year"),
            req("hasil_kerja", "hasil_kerja", Text, "Hasil kerja", "Work results").named(ReferenceKind::Ekspektasi),
            req("perilaku_kerja", "perilaku_kerja", Text, "Perilaku kerja", "Work behaviour").named(ReferenceKind::Ekspektasi),
            req("predikat", "predikat", Text, "Predikat", "Rating").named(ReferenceKind::PredikatSkp),
            req("penilai_nama", "appraiser_name", Text, "Nama pejabat penilai", "Appraiser's name"),
            opt("penilai_nip", "appraiser_nip", Char, "NIP pejabat penilai", "Appraiser's NIP"),
        ],
    },
    Table {
        riwayat: Riwayat::Penghargaan, name: "riwayat_penghargaan", key: Key::Id, order_by: "sk_tanggal DESC", unique: &[],
        columns: &[
            req("nama", "name", Text, "Nama", "Name"),
            req("sk_nomor", "sk.nomor", Text, "SK · Nomor", "Decree (SK) · Number"),
            req("sk_tanggal", "sk.tanggal", Date, "SK · Tanggal", "Decree (SK) · Date"),
            req("tahun", "year", Int, "Tahun", "Year"),
        ],
    },
    Table {
        riwayat: Riwayat::Pangkat, name: "riwayat_pangkat", key: Key::Id, order_by: "tmt DESC", unique: &["tmt"],
        columns: &[
            req("golongan", "golongan", Text, "Golongan", "Rank (golongan)").named_with_code(ReferenceKind::GolonganPns),
            req("jenis_kenaikan", "jenis_kp", Text, "Jenis kenaikan pangkat", "Kind of promotion").named(ReferenceKind::JenisKenaikanPangkat),
            req("sk_nomor", "sk.nomor", Text, "SK · Nomor", "Decree (SK) · Number"),
            req("sk_tanggal", "sk.tanggal", Date, "SK · Tanggal", "Decree (SK) · Date"),
            req("tmt", "tmt", Date, "TMT", "Effective date (TMT)"),
            opt("pertek_bkn_nomor", "persetujuan_bkn.nomor", Text, "Persetujuan teknis BKN · Nomor", "BKN technical approval · Number"),
            opt("pertek_bkn_tanggal", "persetujuan_bkn.tanggal", Date, "Persetujuan teknis BKN · Tanggal", "BKN technical approval · Date"),
            req("masa_kerja_tahun", "masa_kerja.years", SmallInt, "Masa kerja golongan · Tahun", "Service counted for the rank · Years"),
            req("masa_kerja_bulan", "masa_kerja.months", SmallInt, "Masa kerja golongan · Bulan", "Service counted for the rank · Months"),
        ],
    },
    Table {
        riwayat: Riwayat::Keluarga, name: "riwayat_keluarga", key: Key::Id, order_by: "id", unique: &[],
        columns: &[
            req("anggota", "kind", Text, "Anggota keluarga", "Family member"),
            req("nama", "name", Text, "Nama", "Name"),
            opt("nik", "nik", Char, "NIK", "NIK"),
            opt("tempat_lahir", "birth_place", Text, "Tempat lahir", "Place of birth"),
            opt("tanggal_lahir", "birth_date", Date, "Tanggal lahir", "Date of birth"),
            req("jenis_kelamin", "gender", Char, "Jenis kelamin", "Gender").named(ReferenceKind::JenisKelamin),
            req("masih_hidup", "alive", Bool, "Masih hidup", "Alive"),
            opt("akta_nikah_nomor", "akta_nikah.nomor", Text, "Akta nikah · Nomor", "Marriage certificate · Number"),
            opt("akta_nikah_tanggal", "akta_nikah.tanggal", Date, "Akta nikah · Tanggal", "Marriage certificate · Date"),
            opt("akta_cerai_nomor", "akta_cerai.nomor", Text, "Akta cerai · Nomor", "Divorce certificate · Number"),
            opt("akta_cerai_tanggal", "akta_cerai.tanggal", Date, "Akta cerai · Tanggal", "Divorce certificate · Date"),
            opt("status_anak", "status", Text, "Status", "Status").named(ReferenceKind::StatusAnak),
            opt("pasangan_id", "pasangan_id", RowId, "Orang tua lain (pasangan)", "Other parent (spouse)"),
        ],
    },
    Table {
        riwayat: Riwayat::PeninjauanMasaKerja, name: "riwayat_pmk", key: Key::Id, order_by: "tanggal_mulai DESC", unique: &[],
        columns: &[
            req("pemberi_kerja", "employer", Text, "Tempat bekerja", "Employer"),
            req("tanggal_mulai", "start", Date, "Tanggal mulai", "Start date"),
            req("tanggal_selesai", "end", Date, "Tanggal selesai", "End date"),
            req("sk_nomor", "sk.nomor", Text, "SK · Nomor", "Decree (SK) · Number"),
            req("sk_tanggal", "sk.tanggal", Date, "SK · Tanggal", "Decree (SK) · Date"),
            opt("pertek_bkn_nomor", "persetujuan_bkn.nomor", Text, "Persetujuan teknis BKN · Nomor", "BKN technical approval · Number"),
            opt("pertek_bkn_tanggal", "persetujuan_bkn.tanggal", Date, "Persetujuan teknis BKN · Tanggal", "BKN technical approval · Date"),
            req("masa_kerja_tahun", "masa_kerja.years", SmallInt, "Masa kerja golongan · Tahun", "Service counted for the rank · Years"),
            req("masa_kerja_bulan", "masa_kerja.months", SmallInt, "Masa kerja golongan · Bulan", "Service counted for the rank · Months"),
        ],
    },
    Table {
        riwayat: Riwayat::PindahInstansi, name: "riwayat_pindah_instansi", key: Key::Id, order_by: "tmt DESC", unique: &[],
        columns: &[
            req("instansi_asal_id", "from_instansi_id", Int, "Instansi asal", "From agency"),
            req("instansi_tujuan_id", "to_instansi_id", Int, "Instansi tujuan", "To agency"),
            req("sk_nomor", "sk.nomor", Text, "SK · Nomor", "Decree (SK) · Number"),
            req("sk_tanggal", "sk.tanggal", Date, "SK · Tanggal", "Decree (SK) · Date"),
            req("tmt", "tmt", Date, "TMT", "Effective date (TMT)"),
        ],
    },
    Table {
        riwayat: Riwayat::Cltn, name: "riwayat_cltn", key: Key::Id, order_by: "tanggal_mulai DESC", unique: &[],
        columns: &[
            req("sk_nomor", "sk.nomor", Text, "SK · Nomor", "Decree (SK) · Number"),
            req("sk_tanggal", "sk.tanggal", Date, "SK · Tanggal", "Decree (SK) · Date"),
            req("tanggal_mulai", "start", Date, "Tanggal mulai", "Start date"),
            req("tanggal_selesai", "end", Date, "Tanggal selesai", "End date"),
            opt("tanggal_aktif_kembali", "active_again", Date, "Tanggal aktif kembali", "Back at work on"),
            opt("sk_aktif_kembali_nomor", "sk_active_again.nomor", Text, "SK aktif kembali · Nomor", "Decree of return to work · Number"),
            opt("sk_aktif_kembali_tanggal", "sk_active_again.tanggal", Date, "SK aktif kembali · Tanggal", "Decree of return to work · Date"),
        ],
    },
    Table {
        riwayat: Riwayat::CpnsPns, name: "riwayat_cpns_pns", key: Key::Employee, order_by: "", unique: &[],
        columns: &[
            req("sk_cpns_nomor", "sk_cpns.nomor", Text, "SK CPNS · Nomor", "CPNS decree · Number"),
            req("sk_cpns_tanggal", "sk_cpns.tanggal", Date, "SK CPNS · Tanggal", "CPNS decree · Date"),
            req("tmt_cpns", "tmt_cpns", Date, "TMT CPNS", "CPNS effective date"),
            opt("sk_pns_nomor", "sk_pns.nomor", Text, "SK PNS · Nomor", "PNS decree · Number"),
            opt("sk_pns_tanggal", "sk_pns.tanggal", Date, "SK PNS · Tanggal", "PNS decree · Date"),
            opt("tmt_pns", "tmt_pns", Date, "TMT PNS", "PNS effective date"),
            opt("sttpl_nomor", "sttpl.nomor", Text, "STTPL · Nomor", "STTPL (training certificate) · Number"),
            opt("sttpl_tanggal", "sttpl.tanggal", Date, "STTPL · Tanggal", "STTPL (training certificate) · Date"),
            opt("spmt_nomor", "spmt.nomor", Text, "SPMT · Nomor", "SPMT (start of duty) · Number"),
            opt("spmt_tanggal", "spmt.tanggal", Date, "SPMT · Tanggal", "SPMT (start of duty) · Date"),
        ],
    },
    Table {
        riwayat: Riwayat::Organisasi, name: "riwayat_organisasi", key: Key::Id, order_by: "tanggal_mulai DESC", unique: &[],
        columns: &[
            req("nama_organisasi", "name", Text, "Nama", "Name"),
            req("jabatan", "role", Text, "Peran", "Role"),
            req("tanggal_mulai", "start", Date, "Tanggal mulai", "Start date"),
            opt("tanggal_selesai", "end", Date, "Tanggal selesai", "End date"),
        ],
    },
];

/// The description of one history.
pub fn table(riwayat: Riwayat) -> &'static Table {
    TABLES
        .iter()
        .find(|t| t.riwayat == riwayat)
        .expect("every history is described in TABLES")
}

impl Table {
    /// The column that holds the record's field at `path`.
    pub fn column_at(&self, path: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.path == path)
    }

    /// Every column a loader writes, in order: the key, the employee, the rest.
    pub fn column_names(&self) -> Vec<&'static str> {
        let mut names = match self.key {
            Key::Id => vec!["id", "pegawai_id"],
            Key::Employee => vec!["pegawai_id"],
        };
        names.extend(self.columns.iter().map(|c| c.name));
        names
    }

    /// The record's columns (its JSON as the record types write it), key and
    /// employee excluded: those are the database's to keep. A field the record
    /// does not have (a child's marriage certificate) is null.
    pub fn row_of(&self, record: &Value) -> Map<String, Value> {
        self.values(record)
            .map(|(c, value)| (c.name.to_owned(), value.clone()))
            .collect()
    }

    /// Each column with the record's value for it (null where the record has
    /// none), in the table's order.
    pub fn values<'a>(
        &'a self,
        record: &'a Value,
    ) -> impl Iterator<Item = (&'a Column, &'a Value)> {
        self.columns
            .iter()
            .map(move |c| (c, value_at(record, c.path).unwrap_or(&Value::Null)))
    }

    /// The record's JSON from a row as `to_jsonb` of the table gives it, ready for
    /// the record type to parse (and refuse, if the stored values do not fit it). A
    /// group of fields with every part empty (an SK the record does not have) is
    /// none.
    pub fn record_of(&self, row: &Map<String, Value>) -> Value {
        let mut record = Map::new();
        if self.key == Key::Id {
            record.insert("id".into(), row.get("id").cloned().unwrap_or(Value::Null));
        }
        for c in self.columns {
            let value = row.get(c.name).cloned().unwrap_or(Value::Null);
            set_at(&mut record, c.path, value);
        }
        for value in record.values_mut() {
            if let Value::Object(group) = value {
                if group.values().all(Value::is_null) {
                    *value = Value::Null;
                }
            }
        }
        Value::Object(record)
    }
}

/// Whether `group` is a field of some history made of nullable parts (an SK or a
/// certificate the record may not have yet: `persetujuan_bkn`, `akta_nikah`…).
pub fn is_optional_group(group: &str) -> bool {
    TABLES.iter().flat_map(|t| t.columns).any(|c| {
        c.nullable
            && c.path
                .strip_prefix(group)
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

fn value_at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |at, key| at.get(key))
}

fn set_at(record: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            record.insert(path.to_owned(), value);
        }
        Some((group, rest)) => {
            let inner = record
                .entry(group.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if !inner.is_object() {
                *inner = Value::Object(Map::new());
            }
            if let Value::Object(map) = inner {
                set_at(map, rest, value);
            }
        }
    }
}

/// A history's record type, with its description: a stored row to the record.
/// (The way back goes through `ProposedRecord`: `verification::master::columns`.)
pub trait History: Serialize + DeserializeOwned {
    const RIWAYAT: Riwayat;

    fn table() -> &'static Table {
        table(Self::RIWAYAT)
    }

    /// The record from its row, as `to_jsonb` of the table gives it.
    fn from_row(row: &Map<String, Value>) -> Result<Self, serde_json::Error> {
        serde_json::from_value(Self::table().record_of(row))
    }
}

macro_rules! histories {
    ($($record:ty => $riwayat:ident),* $(,)?) => {
        $(impl History for $record {
            const RIWAYAT: Riwayat = Riwayat::$riwayat;
        })*
    };
}

histories! {
    RiwayatJabatan => Jabatan,
    RiwayatPendidikan => Pendidikan,
    RiwayatDiklat => Diklat,
    RiwayatSkp => Skp,
    RiwayatPenghargaan => Penghargaan,
    RiwayatPangkat => Pangkat,
    AnggotaKeluarga => Keluarga,
    RiwayatPeninjauanMasaKerja => PeninjauanMasaKerja,
    RiwayatPindahInstansi => PindahInstansi,
    RiwayatCltn => Cltn,
    RiwayatCpnsPns => CpnsPns,
    RiwayatOrganisasi => Organisasi,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;
    use time::macros::date;

    use super::*;
    use crate::domain::testing::pegawai_pns;
    use crate::proposal::change::{records_of, ProposedRecord};

    #[test]
    fn values_read_as_people_read_them() {
        let pangkat = table(Riwayat::Pangkat);
        let column = |path| pangkat.column_at(path).unwrap();
        assert_eq!(
            column("golongan").show(&json!("III/c"), Lang::Id),
            "Penata (III/c)"
        );
        assert_eq!(
            column("jenis_kp").show(&json!("reguler"), Lang::En),
            "Regular"
        );
        assert_eq!(
            column("tmt").show(&json!("2010-03-01"), Lang::Id),
            "1 Maret 2010"
        );
        assert_eq!(
            column("persetujuan_bkn.nomor").show(&Value::Null, Lang::Id),
            "-"
        );
        assert_eq!(column("masa_kerja.years").show(&json!(4), Lang::Id), "4");
        // A code outside its list (older data) still shows, as it is.
        assert_eq!(column("jenis_kp").show(&json!("lama"), Lang::Id), "lama");
    }

    proptest! {
        /// Each column said to hold a reference code names the list its values
        /// come from: every such value of a record has a name there.
        #[test]
        fn named_columns_name_their_lists(pegawai in pegawai_pns(date!(2026 - 12 - 01))) {
            for t in &TABLES {
                for record in records_of(&pegawai, t.riwayat) {
                    let json = serde_json::to_value(&record).unwrap();
                    for (column, value) in t.values(&json["data"]) {
                        let (Shown::Named(kind) | Shown::NamedWithCode(kind)) = column.shown else {
                            continue;
                        };
                        let Some(code) = value.as_str() else { continue };
                        prop_assert!(
                            kind.name_of(code, Lang::Id).is_some(),
                            "{}.{}: {} is not a {:?}", t.name, column.name, code, kind
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_history_is_described_once_in_its_own_order() {
        let described: Vec<Riwayat> = TABLES.iter().map(|t| t.riwayat).collect();
        assert_eq!(described, Riwayat::all().to_vec());
        for t in &TABLES {
            let mut names = t.column_names();
            names.sort_unstable();
            names.dedup();
            assert_eq!(
                names.len(),
                t.column_names().len(),
                "{} repeats a column",
                t.name
            );
            for u in t.unique {
                assert!(t.columns.iter().any(|c| c.name == *u), "{}: {u}", t.name);
            }
        }
    }

    #[test]
    fn the_optional_groups_are_the_nullable_decrees_and_certificates() {
        let mut groups: Vec<&str> = TABLES
            .iter()
            .flat_map(|t| t.columns)
            .filter_map(|c| c.path.split_once('.').map(|(group, _)| group))
            .filter(|group| is_optional_group(group))
            .collect();
        groups.sort_unstable();
        groups.dedup();
        assert_eq!(
            groups,
            [
                "akta_cerai",
                "akta_nikah",
                "persetujuan_bkn",
                "sk_active_again",
                "sk_pns",
                "spmt",
                "sttpl"
            ]
        );
        assert!(!is_optional_group("sk") && !is_optional_group("masa_kerja"));
    }

    proptest! {
        /// Record → row → record is the identity for every record of every history,
        /// and the row holds exactly the table's columns.
        #[test]
        fn every_record_survives_its_row(pegawai in pegawai_pns(date!(2026 - 12 - 01))) {
            for t in &TABLES {
                for record in records_of(&pegawai, t.riwayat) {
                    let json = serde_json::to_value(&record).unwrap()["data"].clone();
                    let mut row = t.row_of(&json);
                    let keys: Vec<&str> = row.keys().map(String::as_str).collect();
                    let mut columns: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
                    columns.sort_unstable();
                    let mut keys = keys;
                    keys.sort_unstable();
                    prop_assert_eq!(keys, columns);
                    if t.key == Key::Id {
                        row.insert("id".into(), json["id"].clone());
                    }
                    // Typed, not as JSON: a parent's row has a child's columns, empty.
                    let back: ProposedRecord = serde_json::from_value(serde_json::json!({
                        "riwayat": t.riwayat.code(),
                        "data": t.record_of(&row),
                    }))
                    .unwrap();
                    prop_assert_eq!(back, record, "{}", t.name);
                }
            }
        }
    }
}
