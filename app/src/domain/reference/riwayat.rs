//! Which histories apply to whom, and what documents support them.

use super::{JenisDokumen, JenisPegawai, Riwayat};

impl Riwayat {
    /// Whether an employee of this type keeps this history (domain.md's PNS/PPPK columns).
    ///
    /// PPT Non-ASN (decision, not from a source): they have no rank, CPNS appointment,
    /// SKP, service-period review, transfer or CLTN because those belong to civil-service
    /// careers; they keep what PPPK keep, plus Jabatan and Pendidikan, because they are
    /// in the system *for* a senior position whose appointment and qualification
    /// requirements must be on record.
    pub fn applies_to(self, jenis: JenisPegawai) -> bool {
        use Riwayat::*;
        match jenis {
            JenisPegawai::Pns => true,
            JenisPegawai::Pppk => matches!(self, Diklat | Penghargaan | Keluarga | Organisasi),
            JenisPegawai::PptNonAsn => matches!(
                self,
                Jabatan | Pendidikan | Diklat | Penghargaan | Keluarga | Organisasi
            ),
        }
    }

    /// Whether only the latest record may be the subject of a proposal.
    ///
    /// *Unverified* (community sources): SKP, Keluarga and CLTN allow proposals on older
    /// records too. Callers that need this configurable should treat it as the default.
    pub fn allows_only_latest_proposal(self) -> bool {
        !matches!(self, Riwayat::Skp | Riwayat::Keluarga | Riwayat::Cltn)
    }

    /// The documents that can support a proposal on this history.
    pub fn supporting_documents(self) -> &'static [JenisDokumen] {
        use JenisDokumen as D;
        match self {
            Riwayat::Jabatan => &[D::SkJabatan, D::SkPelantikan],
            Riwayat::Pendidikan => &[D::Ijazah, D::Transkrip],
            Riwayat::Diklat => &[D::Sertifikat],
            Riwayat::Skp => &[D::Skp],
            Riwayat::Penghargaan => &[D::SkPenghargaan],
            Riwayat::Pangkat => &[D::SkKenaikanPangkat],
            Riwayat::Keluarga => &[
                D::AktaNikah,
                D::AktaCerai,
                D::AktaKelahiran,
                D::AktaKematian,
                D::KartuKeluarga,
            ],
            Riwayat::PeninjauanMasaKerja => &[D::SkPmk],
            Riwayat::PindahInstansi => &[D::SkPindah],
            Riwayat::Cltn => &[D::SkCltn, D::SkAktifKembali],
            Riwayat::CpnsPns => &[D::SkCpns, D::SkPns, D::Sttpl, D::Spmt],
            Riwayat::Organisasi => &[D::Lainnya],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn pns_keep_every_history() {
        assert!(Riwayat::all()
            .iter()
            .all(|r| r.applies_to(JenisPegawai::Pns)));
    }

    #[test]
    fn pppk_keep_the_four_shared_histories() {
        let pppk: Vec<_> = Riwayat::all()
            .iter()
            .copied()
            .filter(|r| r.applies_to(JenisPegawai::Pppk))
            .collect();
        assert_eq!(
            pppk,
            [
                Riwayat::Diklat,
                Riwayat::Penghargaan,
                Riwayat::Keluarga,
                Riwayat::Organisasi
            ]
        );
    }

    #[test]
    fn ppt_non_asn_have_no_civil_service_career() {
        for r in [
            Riwayat::Pangkat,
            Riwayat::CpnsPns,
            Riwayat::Skp,
            Riwayat::Cltn,
        ] {
            assert!(!r.applies_to(JenisPegawai::PptNonAsn));
        }
        assert!(Riwayat::Jabatan.applies_to(JenisPegawai::PptNonAsn));
    }

    #[test]
    fn only_skp_keluarga_and_cltn_allow_older_proposals() {
        let many: Vec<_> = Riwayat::all()
            .iter()
            .copied()
            .filter(|r| !r.allows_only_latest_proposal())
            .collect();
        assert_eq!(many, [Riwayat::Skp, Riwayat::Keluarga, Riwayat::Cltn]);
    }

    #[test]
    fn every_history_has_a_document() {
        assert!(Riwayat::all()
            .iter()
            .all(|r| !r.supporting_documents().is_empty()));
    }
}
