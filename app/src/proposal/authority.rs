//! Who approves what (*kewenangan*): the default approval chain of each history.
//!
//! *Unverified*: drawn from how the seeds describe the work (family and training data
//! are the agency's business; rank, appointment, service-period and transfer data
//! need BKN's approval too). A chain is fixed on the proposal when it is submitted,
//! so changing these later never reroutes a proposal already under way.

use super::lifecycle::{Chain, Level};
use crate::domain::reference::Riwayat;

pub fn default_chain(riwayat: Riwayat) -> Chain {
    let levels = match riwayat {
        Riwayat::Pangkat
        | Riwayat::CpnsPns
        | Riwayat::PeninjauanMasaKerja
        | Riwayat::PindahInstansi
        | Riwayat::Cltn => vec![Level::Instansi, Level::Pusat],
        Riwayat::Jabatan
        | Riwayat::Pendidikan
        | Riwayat::Diklat
        | Riwayat::Skp
        | Riwayat::Penghargaan
        | Riwayat::Keluarga
        | Riwayat::Organisasi => vec![Level::Instansi],
    };
    Chain::try_from(levels).expect("the default chains go up the tree")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_history_has_a_chain_that_ends_at_its_authority() {
        for riwayat in Riwayat::all() {
            let chain = default_chain(*riwayat);
            assert_eq!(chain.levels()[0], Level::Instansi, "{riwayat:?}");
        }
        assert_eq!(default_chain(Riwayat::Keluarga).levels(), [Level::Instansi]);
        assert_eq!(
            default_chain(Riwayat::Pangkat).levels(),
            [Level::Instansi, Level::Pusat]
        );
    }
}
