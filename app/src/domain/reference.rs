//! Reference data as enums: each value has a stable storage `code()`, a name in
//! Bahasa Indonesia and one in English, and parses back from its code, so stored
//! and submitted values can only be ones the product knows.

use std::fmt;

use super::localized::{error_display_in_english, Lang, Localized};

/// Declares a reference enum with its code, Indonesian and English names.
///
/// The variant order is the declared order of `all()` and of `Ord`, so ranks and
/// levels are declared from lowest to highest where that order means something.
macro_rules! reference_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $id:literal, $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every value, in declared order.
            pub fn all() -> &'static [$name] {
                Self::ALL
            }

            /// The stable code used in storage and on the wire.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn name_id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The English name, or the Indonesian one where a translation would mislead.
            pub fn name_en(self) -> &'static str {
                match self { $($name::$variant => $en),+ }
            }

            pub fn name(self, lang: $crate::domain::localized::Lang) -> &'static str {
                lang.pick(self.name_id(), self.name_en())
            }

            /// Parses a stored code exactly (codes are not names: no case folding).
            pub fn parse(code: &str) -> Result<Self, $crate::domain::reference::UnknownCode> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|value| value.code() == code)
                    .ok_or_else(|| $crate::domain::reference::UnknownCode {
                        kind: $crate::domain::reference::ReferenceKind::$name,
                        found: code.to_owned(),
                    })
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::reference::UnknownCode;

            fn from_str(code: &str) -> Result<Self, Self::Err> {
                Self::parse(code)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::domain::reference::UnknownCode;

            fn try_from(code: String) -> Result<Self, Self::Error> {
                Self::parse(&code)
            }
        }

        impl From<$name> for &'static str {
            fn from(value: $name) -> Self {
                value.code()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

/// Tests every reference enum the same way: codes are unique and round-trip. One
/// module per list, named after its file.
#[cfg(test)]
macro_rules! reference_enum_tests {
    ($($module:ident: $name:ident),+ $(,)?) => {$(
        mod $module {
            use super::super::*;

            #[test]
            fn every_code_round_trips() {
                for &value in $name::all() {
                    assert_eq!($name::parse(value.code()), Ok(value));
                    assert_eq!(value.to_string().parse::<$name>(), Ok(value));
                    let json = serde_json::to_string(&value).unwrap();
                    assert_eq!(json, format!("\"{}\"", value.code()));
                    assert_eq!(serde_json::from_str::<$name>(&json).unwrap(), value);
                    assert!(!value.name_id().is_empty() && !value.name_en().is_empty());
                }
            }

            #[test]
            fn codes_are_unique() {
                let mut codes: Vec<_> = $name::all().iter().map(|v| v.code()).collect();
                codes.sort_unstable();
                codes.dedup();
                assert_eq!(codes.len(), $name::all().len());
            }

            #[test]
            fn unknown_codes_are_refused_in_both_languages() {
                let err = $name::parse("bukan-kode").unwrap_err();
                assert_eq!(err.found, "bukan-kode");
                assert!(err.message(Lang::Id).contains("tidak dikenal"));
                assert!(err.message(Lang::En).contains("Unknown"));
                assert!(serde_json::from_str::<$name>("\"bukan-kode\"").is_err());
            }

            #[test]
            fn names_its_codes_through_its_kind() {
                for &value in $name::all() {
                    assert_eq!(ReferenceKind::$name.name_of(value.code(), Lang::En), Some(value.name_en()));
                }
            }
        }
    )+};
}

// The lists themselves are data: `app/reference/<list>.tsv`, one value a row
// (variant, code, Indonesian name, English name), the file's `#` lines the type's
// doc. The build script turns each into a `reference_enum!` here.
include!(concat!(env!("OUT_DIR"), "/reference.rs"));

// What some values mean, beyond their names.
mod golongan;
mod hubungan;
mod jenis_dokumen;
mod predikat_skp;
mod riwayat;
mod status_hukum;
mod tingkat_pendidikan;

pub use golongan::Golongan;

/// Which reference list a code was looked up in, so the error can name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReferenceKind {
    Agama,
    Ekspektasi,
    Eselon,
    Golongan,
    GolonganPns,
    GolonganPppk,
    Hubungan,
    JenisDokumen,
    JenisJabatan,
    JenisKelamin,
    JenisKenaikanPangkat,
    JenisPegawai,
    PredikatSkp,
    Riwayat,
    StatusAnak,
    StatusHukum,
    StatusPerkawinan,
    TingkatPendidikan,
}

impl ReferenceKind {
    fn name(self, lang: Lang) -> &'static str {
        use ReferenceKind::*;
        match self {
            Agama => lang.pick("agama", "religion"),
            Ekspektasi => lang.pick("rating SKP", "SKP rating"),
            Eselon => lang.pick("eselon", "echelon"),
            Golongan => lang.pick("golongan", "grade"),
            GolonganPns => lang.pick("golongan PNS", "civil servant grade"),
            GolonganPppk => lang.pick("golongan PPPK", "PPPK grade"),
            Hubungan => lang.pick("hubungan keluarga", "family relationship"),
            JenisDokumen => lang.pick("jenis dokumen", "document type"),
            JenisJabatan => lang.pick("jenis jabatan", "position type"),
            JenisKelamin => lang.pick("jenis kelamin", "gender"),
            JenisKenaikanPangkat => lang.pick("jenis kenaikan pangkat", "promotion type"),
            JenisPegawai => lang.pick("jenis pegawai", "employee type"),
            PredikatSkp => lang.pick("predikat SKP", "SKP rating"),
            Riwayat => lang.pick("jenis riwayat", "history type"),
            StatusAnak => lang.pick("status anak", "child's status"),
            StatusHukum => lang.pick("kedudukan hukum", "legal status"),
            StatusPerkawinan => lang.pick("status perkawinan", "marital status"),
            TingkatPendidikan => lang.pick("tingkat pendidikan", "education level"),
        }
    }
}

impl ReferenceKind {
    /// The name of `code` in this list, or None when the list has no such code.
    pub fn name_of(self, code: &str, lang: Lang) -> Option<&'static str> {
        fn named<T: std::str::FromStr>(
            code: &str,
            name: impl Fn(T) -> &'static str,
        ) -> Option<&'static str> {
            code.parse::<T>().ok().map(name)
        }
        use ReferenceKind as K;
        match self {
            K::Agama => named(code, |v: Agama| v.name(lang)),
            K::Ekspektasi => named(code, |v: Ekspektasi| v.name(lang)),
            K::Eselon => named(code, |v: Eselon| v.name(lang)),
            K::Golongan => named(code, |v: Golongan| v.name(lang)),
            K::GolonganPns => named(code, |v: GolonganPns| v.name(lang)),
            K::GolonganPppk => named(code, |v: GolonganPppk| v.name(lang)),
            K::Hubungan => named(code, |v: Hubungan| v.name(lang)),
            K::JenisDokumen => named(code, |v: JenisDokumen| v.name(lang)),
            K::JenisJabatan => named(code, |v: JenisJabatan| v.name(lang)),
            K::JenisKelamin => named(code, |v: JenisKelamin| v.name(lang)),
            K::JenisKenaikanPangkat => named(code, |v: JenisKenaikanPangkat| v.name(lang)),
            K::JenisPegawai => named(code, |v: JenisPegawai| v.name(lang)),
            K::PredikatSkp => named(code, |v: PredikatSkp| v.name(lang)),
            K::Riwayat => named(code, |v: Riwayat| v.name(lang)),
            K::StatusAnak => named(code, |v: StatusAnak| v.name(lang)),
            K::StatusHukum => named(code, |v: StatusHukum| v.name(lang)),
            K::StatusPerkawinan => named(code, |v: StatusPerkawinan| v.name(lang)),
            K::TingkatPendidikan => named(code, |v: TingkatPendidikan| v.name(lang)),
        }
    }
}

/// A code that is not in the reference list it was looked up in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCode {
    pub kind: ReferenceKind,
    pub found: String,
}

impl Localized for UnknownCode {
    fn message(&self, lang: Lang) -> String {
        let kind = self.kind.name(lang);
        let found = Quoted(&self.found);
        match lang {
            Lang::Id => format!("Kode {kind} {found} tidak dikenal."),
            Lang::En => format!("Unknown {kind} code {found}."),
        }
    }
}

error_display_in_english!(UnknownCode);

/// Shows user input in quotes, shortened so a pasted essay does not flood the message.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const LIMIT: usize = 40;
        match self.0.char_indices().nth(LIMIT) {
            Some((cut, _)) => write!(f, "\"{}…\"", &self.0[..cut]),
            None => write!(f, "\"{}\"", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    reference_enum_tests! {
        agama: Agama,
        ekspektasi: Ekspektasi,
        eselon: Eselon,
        golongan_pns: GolonganPns,
        golongan_pppk: GolonganPppk,
        hubungan: Hubungan,
        jenis_dokumen: JenisDokumen,
        jenis_jabatan: JenisJabatan,
        jenis_kelamin: JenisKelamin,
        jenis_kenaikan_pangkat: JenisKenaikanPangkat,
        jenis_pegawai: JenisPegawai,
        predikat_skp: PredikatSkp,
        riwayat: Riwayat,
        status_anak: StatusAnak,
        status_hukum: StatusHukum,
        status_perkawinan: StatusPerkawinan,
        tingkat_pendidikan: TingkatPendidikan,
    }

    #[test]
    fn a_more_senior_echelon_compares_smaller() {
        assert!(Eselon::IA < Eselon::VA);
    }

    #[test]
    fn long_input_is_shortened_in_messages() {
        let err = Agama::parse(&"x".repeat(500)).unwrap_err();
        assert!(err.message(Lang::En).len() < 100);
    }
}
