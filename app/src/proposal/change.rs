//! What a proposal changes: the new version of one record of one history (or a new
//! record where the history allows more than one), checked against the rest of the
//! employee's record with the same cross-field rules as the master data. Pure: the
//! form runs it while the employee types, the server again on submit.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::checks::{check_pegawai, Finding, Record};
use crate::domain::localized::{Lang, Localized};
use crate::domain::reference::{JenisDokumen, Riwayat};
use crate::domain::riwayat::*;
use crate::domain::Pegawai;

/// A whole record of one history, as proposed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "riwayat", content = "data", rename_all = "snake_case")]
pub enum ProposedRecord {
    Jabatan(RiwayatJabatan),
    Pendidikan(RiwayatPendidikan),
    Diklat(RiwayatDiklat),
    Skp(RiwayatSkp),
    Penghargaan(RiwayatPenghargaan),
    Pangkat(RiwayatPangkat),
    Keluarga(AnggotaKeluarga),
    PeninjauanMasaKerja(RiwayatPeninjauanMasaKerja),
    PindahInstansi(RiwayatPindahInstansi),
    Cltn(RiwayatCltn),
    CpnsPns(RiwayatCpnsPns),
    Organisasi(RiwayatOrganisasi),
}

/// Which record a proposal is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// The record with this id.
    Existing(i64),
    /// The one record of a history that has exactly one (CPNS/PNS).
    Only,
    /// A record that is not there yet.
    New,
}

impl Target {
    /// As the `usulan` table keeps it: `baru`, and the record's id if it has one.
    pub fn stored(baru: bool, record_id: Option<i64>) -> Self {
        match (baru, record_id) {
            (true, _) => Target::New,
            (false, Some(id)) => Target::Existing(id),
            (false, None) => Target::Only,
        }
    }

    /// The id of the record it changes (none for a new record and for CPNS/PNS).
    pub fn record_id(self) -> Option<i64> {
        match self {
            Target::Existing(id) => Some(id),
            Target::Only | Target::New => None,
        }
    }
}

/// Applies `$body` to the list (or single slot) of the history that `$record` belongs to.
macro_rules! each_history {
    ($record:expr, $value:ident => $body:expr) => {
        match $record {
            ProposedRecord::Jabatan($value) => $body,
            ProposedRecord::Pendidikan($value) => $body,
            ProposedRecord::Diklat($value) => $body,
            ProposedRecord::Skp($value) => $body,
            ProposedRecord::Penghargaan($value) => $body,
            ProposedRecord::Pangkat($value) => $body,
            ProposedRecord::PeninjauanMasaKerja($value) => $body,
            ProposedRecord::PindahInstansi($value) => $body,
            ProposedRecord::Cltn($value) => $body,
            ProposedRecord::Organisasi($value) => $body,
            ProposedRecord::Keluarga(_) | ProposedRecord::CpnsPns(_) => unreachable!(),
        }
    };
}

impl ProposedRecord {
    pub fn riwayat(&self) -> Riwayat {
        match self {
            ProposedRecord::Jabatan(_) => Riwayat::Jabatan,
            ProposedRecord::Pendidikan(_) => Riwayat::Pendidikan,
            ProposedRecord::Diklat(_) => Riwayat::Diklat,
            ProposedRecord::Skp(_) => Riwayat::Skp,
            ProposedRecord::Penghargaan(_) => Riwayat::Penghargaan,
            ProposedRecord::Pangkat(_) => Riwayat::Pangkat,
            ProposedRecord::Keluarga(_) => Riwayat::Keluarga,
            ProposedRecord::PeninjauanMasaKerja(_) => Riwayat::PeninjauanMasaKerja,
            ProposedRecord::PindahInstansi(_) => Riwayat::PindahInstansi,
            ProposedRecord::Cltn(_) => Riwayat::Cltn,
            ProposedRecord::CpnsPns(_) => Riwayat::CpnsPns,
            ProposedRecord::Organisasi(_) => Riwayat::Organisasi,
        }
    }

    /// The record's id (CPNS/PNS has none: it is one per employee).
    pub fn id(&self) -> Option<i64> {
        match self {
            ProposedRecord::Keluarga(k) => Some(k.id()),
            ProposedRecord::CpnsPns(_) => None,
            other => Some(each_history!(other, r => r.id)),
        }
    }

    /// The same values under another id: the id is the server's to give, never the form's.
    fn with_id(mut self, id: i64) -> Self {
        match &mut self {
            ProposedRecord::Keluarga(AnggotaKeluarga::Pasangan(p)) => p.id = id,
            ProposedRecord::Keluarga(AnggotaKeluarga::Anak(a)) => a.id = id,
            ProposedRecord::Keluarga(AnggotaKeluarga::OrangTua(o)) => o.id = id,
            ProposedRecord::CpnsPns(_) => {}
            other => each_history!(other, r => r.id = id),
        }
        self
    }
}

/// The records of one history as they stand, newest first (the order the profile
/// store reads them in), as proposals would see them.
pub fn records_of(pegawai: &Pegawai, riwayat: Riwayat) -> Vec<ProposedRecord> {
    fn all<T: Clone>(list: &[T], wrap: fn(T) -> ProposedRecord) -> Vec<ProposedRecord> {
        list.iter().cloned().map(wrap).collect()
    }
    match riwayat {
        Riwayat::Jabatan => all(&pegawai.jabatan, ProposedRecord::Jabatan),
        Riwayat::Pendidikan => all(&pegawai.pendidikan, ProposedRecord::Pendidikan),
        Riwayat::Diklat => all(&pegawai.diklat, ProposedRecord::Diklat),
        Riwayat::Skp => all(&pegawai.skp, ProposedRecord::Skp),
        Riwayat::Penghargaan => all(&pegawai.penghargaan, ProposedRecord::Penghargaan),
        Riwayat::Pangkat => all(&pegawai.pangkat, ProposedRecord::Pangkat),
        Riwayat::Keluarga => all(&pegawai.keluarga, ProposedRecord::Keluarga),
        Riwayat::PeninjauanMasaKerja => all(
            &pegawai.peninjauan_masa_kerja,
            ProposedRecord::PeninjauanMasaKerja,
        ),
        Riwayat::PindahInstansi => all(&pegawai.pindah_instansi, ProposedRecord::PindahInstansi),
        Riwayat::Cltn => all(&pegawai.cltn, ProposedRecord::Cltn),
        Riwayat::CpnsPns => pegawai
            .cpns_pns
            .iter()
            .cloned()
            .map(ProposedRecord::CpnsPns)
            .collect(),
        Riwayat::Organisasi => all(&pegawai.organisasi, ProposedRecord::Organisasi),
    }
}

/// The record as it would be with the proposal applied, and where the record sits.
fn applied(pegawai: &Pegawai, target: Target, record: &ProposedRecord) -> (Pegawai, usize) {
    let mut after = pegawai.clone();
    macro_rules! place {
        ($list:ident, $value:expr) => {
            place!($list, $value, r => r.id)
        };
        ($list:ident, $value:expr, $r:ident => $id_of:expr) => {{
            let value = $value.clone();
            match target {
                Target::Existing(id) => {
                    let index = after.$list.iter().position(|$r| $id_of == id).unwrap_or(0);
                    after.$list[index] = value;
                    index
                }
                Target::Only | Target::New => {
                    after.$list.push(value);
                    after.$list.len() - 1
                }
            }
        }};
    }
    let index = match record {
        ProposedRecord::Jabatan(r) => place!(jabatan, r),
        ProposedRecord::Pendidikan(r) => place!(pendidikan, r),
        ProposedRecord::Diklat(r) => place!(diklat, r),
        ProposedRecord::Skp(r) => place!(skp, r),
        ProposedRecord::Penghargaan(r) => place!(penghargaan, r),
        ProposedRecord::Pangkat(r) => place!(pangkat, r),
        ProposedRecord::PeninjauanMasaKerja(r) => place!(peninjauan_masa_kerja, r),
        ProposedRecord::PindahInstansi(r) => place!(pindah_instansi, r),
        ProposedRecord::Cltn(r) => place!(cltn, r),
        ProposedRecord::Organisasi(r) => place!(organisasi, r),
        ProposedRecord::Keluarga(k) => place!(keluarga, k, r => r.id()),
        ProposedRecord::CpnsPns(c) => {
            after.cpns_pns = Some(c.clone());
            0
        }
    };
    (after, index)
}

/// A proposal that passed every check: the record before (none for a new one), after,
/// and the warnings the employee should see (they do not block).
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    pub before: Option<ProposedRecord>,
    pub after: ProposedRecord,
    pub warnings: Vec<Finding>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ChangeProblem {
    /// The history is not kept for this type of employee.
    NotApplicable,
    /// No record with that id in this history.
    NoSuchRecord,
    /// Only the latest record of this history may be proposed.
    NotLatest,
    /// This history takes no new records from a proposal (it has one already).
    NewNotAllowed,
    /// The proposed values are the ones on record.
    NoChange,
    /// The document kind does not support this history.
    WrongDocument,
    /// The change would make the record inconsistent (errors only, in the
    /// proposed record's fields or elsewhere).
    Inconsistent(Vec<Finding>),
}

impl Localized for ChangeProblem {
    fn message(&self, lang: Lang) -> String {
        let text = match self {
            ChangeProblem::NotApplicable => lang.pick(
                "Riwayat ini tidak berlaku untuk jenis kepegawaian Anda.",
                "This history does not apply to your type of employment.",
            ),
            ChangeProblem::NoSuchRecord => lang.pick(
                "Data yang diusulkan untuk diubah tidak ditemukan.",
                "The record proposed for change was not found.",
            ),
            ChangeProblem::NotLatest => lang.pick(
                "Hanya data terakhir riwayat ini yang dapat diusulkan perubahannya.",
                "Only the latest record of this history can be proposed for change.",
            ),
            ChangeProblem::NewNotAllowed => lang.pick(
                "Riwayat ini tidak menerima data baru melalui usulan.",
                "This history takes no new records through a proposal.",
            ),
            ChangeProblem::NoChange => lang.pick(
                "Tidak ada yang berubah dari data saat ini.",
                "Nothing differs from the current data.",
            ),
            ChangeProblem::WrongDocument => lang.pick(
                "Jenis dokumen ini bukan dokumen pendukung riwayat ini.",
                "This kind of document does not support this history.",
            ),
            ChangeProblem::Inconsistent(findings) => {
                return findings
                    .iter()
                    .map(|f| f.message(lang))
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        text.to_owned()
    }
}

/// Checks a proposal against the current record. `today` is passed in: the domain
/// never reads the clock.
pub fn prepare(
    current: &Pegawai,
    target: Target,
    proposed: ProposedRecord,
    document: JenisDokumen,
    today: Date,
) -> Result<Prepared, ChangeProblem> {
    let riwayat = proposed.riwayat();
    if !riwayat.applies_to(current.personal.nomor_induk.jenis_pegawai()) {
        return Err(ChangeProblem::NotApplicable);
    }
    if !riwayat.supporting_documents().contains(&document) {
        return Err(ChangeProblem::WrongDocument);
    }
    let records = records_of(current, riwayat);
    let (before, proposed) = match target {
        Target::Existing(id) => {
            let position = records
                .iter()
                .position(|r| r.id() == Some(id))
                .ok_or(ChangeProblem::NoSuchRecord)?;
            if position != 0 && riwayat.allows_only_latest_proposal() {
                return Err(ChangeProblem::NotLatest);
            }
            (Some(records[position].clone()), proposed.with_id(id))
        }
        Target::Only => {
            if riwayat != Riwayat::CpnsPns {
                return Err(ChangeProblem::NoSuchRecord);
            }
            (records.first().cloned(), proposed)
        }
        Target::New => {
            let may_add = !riwayat.allows_only_latest_proposal() || records.is_empty();
            if riwayat == Riwayat::CpnsPns || !may_add {
                return Err(ChangeProblem::NewNotAllowed);
            }
            (None, proposed.with_id(0))
        }
    };
    if before.as_ref() == Some(&proposed) {
        return Err(ChangeProblem::NoChange);
    }
    let (after, index) = applied(current, target, &proposed);
    let existing = check_pegawai(current, today);
    let introduced: Vec<Finding> = check_pegawai(&after, today)
        .into_iter()
        .filter(|f| !existing.contains(f) || touches(f, riwayat, index))
        .collect();
    let (errors, warnings): (Vec<_>, Vec<_>) = introduced.into_iter().partition(Finding::is_error);
    if !errors.is_empty() {
        return Err(ChangeProblem::Inconsistent(errors));
    }
    Ok(Prepared {
        before,
        after: proposed,
        warnings,
    })
}

/// Whether a finding points at the proposed record itself (a problem there is the
/// proposal's to fix even if the current record already had it).
fn touches(finding: &Finding, riwayat: Riwayat, index: usize) -> bool {
    finding.field.record == Record::Riwayat { riwayat, index }
}

#[cfg(test)]
mod tests;
