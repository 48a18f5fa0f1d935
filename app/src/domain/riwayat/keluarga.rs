//! Family members. Each kind is its own struct so that a spouse cannot be recorded
//! without marriage data nor a child without saying whose child it is; the
//! `Hubungan` is derived, never stored apart from the data that implies it.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::nik::Nik;
pub use crate::domain::reference::StatusAnak;
use crate::domain::reference::{Hubungan, JenisKelamin};

/// A numbered civil-registry deed (marriage, divorce, birth…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Akta {
    pub nomor: String,
    pub tanggal: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnggotaKeluarga {
    Pasangan(Pasangan),
    Anak(Anak),
    OrangTua(OrangTua),
}

/// The fields every family member has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identitas {
    #[serde(rename = "name")]
    pub nama: String,
    /// Older records and members abroad may have none.
    pub nik: Option<Nik>,
    #[serde(rename = "birth_place")]
    pub tempat_lahir: Option<String>,
    #[serde(rename = "birth_date")]
    pub tanggal_lahir: Option<Date>,
    #[serde(rename = "gender")]
    pub jenis_kelamin: JenisKelamin,
    #[serde(rename = "alive")]
    pub masih_hidup: bool,
}

/// A spouse, current or former.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pasangan {
    pub id: i64,
    #[serde(flatten)]
    pub identitas: Identitas,
    pub akta_nikah: Option<Akta>,
    /// Present when divorced.
    pub akta_cerai: Option<Akta>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anak {
    pub id: i64,
    #[serde(flatten)]
    pub identitas: Identitas,
    pub status: StatusAnak,
    /// The `Pasangan::id` of the other parent, when that spouse is on record.
    pub pasangan_id: Option<i64>,
}

/// Father or mother, told apart by `gender`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrangTua {
    pub id: i64,
    #[serde(flatten)]
    pub identitas: Identitas,
}

impl AnggotaKeluarga {
    pub fn id(&self) -> i64 {
        match self {
            AnggotaKeluarga::Pasangan(p) => p.id,
            AnggotaKeluarga::Anak(a) => a.id,
            AnggotaKeluarga::OrangTua(o) => o.id,
        }
    }

    pub fn identitas(&self) -> &Identitas {
        match self {
            AnggotaKeluarga::Pasangan(p) => &p.identitas,
            AnggotaKeluarga::Anak(a) => &a.identitas,
            AnggotaKeluarga::OrangTua(o) => &o.identitas,
        }
    }

    pub fn hubungan(&self) -> Hubungan {
        let male = self.identitas().jenis_kelamin == JenisKelamin::LakiLaki;
        match self {
            AnggotaKeluarga::Pasangan(_) if male => Hubungan::Suami,
            AnggotaKeluarga::Pasangan(_) => Hubungan::Istri,
            AnggotaKeluarga::Anak(a) => match a.status {
                StatusAnak::Kandung => Hubungan::AnakKandung,
                StatusAnak::Tiri => Hubungan::AnakTiri,
                StatusAnak::Angkat => Hubungan::AnakAngkat,
            },
            AnggotaKeluarga::OrangTua(_) if male => Hubungan::Ayah,
            AnggotaKeluarga::OrangTua(_) => Hubungan::Ibu,
        }
    }
}
