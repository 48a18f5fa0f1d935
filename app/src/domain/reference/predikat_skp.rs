//! How an SKP's rating follows from its two dimensions.

use super::{Ekspektasi, PredikatSkp};

impl PredikatSkp {
    /// The rating implied by the two dimensions, per the 2022 matrix
    /// (PermenPANRB 6/2022; *unverified*, so checks only warn on a mismatch).
    pub fn from_matrix(hasil_kerja: Ekspektasi, perilaku_kerja: Ekspektasi) -> Self {
        use Ekspektasi::*;
        match (hasil_kerja, perilaku_kerja) {
            (DiAtas, DiAtas) => PredikatSkp::SangatBaik,
            (DiAtas | Sesuai, DiAtas | Sesuai) => PredikatSkp::Baik,
            (DiBawah, DiAtas | Sesuai) => PredikatSkp::ButuhPerbaikan,
            (DiAtas | Sesuai, DiBawah) => PredikatSkp::Kurang,
            (DiBawah, DiBawah) => PredikatSkp::SangatKurang,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_corners() {
        use Ekspektasi::*;
        assert_eq!(
            PredikatSkp::from_matrix(DiAtas, DiAtas),
            PredikatSkp::SangatBaik
        );
        assert_eq!(PredikatSkp::from_matrix(Sesuai, Sesuai), PredikatSkp::Baik);
        assert_eq!(
            PredikatSkp::from_matrix(DiBawah, Sesuai),
            PredikatSkp::ButuhPerbaikan
        );
        assert_eq!(
            PredikatSkp::from_matrix(DiAtas, DiBawah),
            PredikatSkp::Kurang
        );
        assert_eq!(
            PredikatSkp::from_matrix(DiBawah, DiBawah),
            PredikatSkp::SangatKurang
        );
    }
}
