reference_enum! {
    /// Performance rating of an SKP since 2022, from the best.
    ///
    /// `Ord` follows the declaration: `SangatBaik` is the *smallest*.
    pub enum PredikatSkp as PredikatSkp {
        SangatBaik = "sangat_baik", "Sangat Baik", "Outstanding";
        Baik = "baik", "Baik", "Good";
        ButuhPerbaikan = "butuh_perbaikan", "Butuh Perbaikan", "Needs improvement";
        Kurang = "kurang", "Kurang/Misconduct", "Poor/Misconduct";
        SangatKurang = "sangat_kurang", "Sangat Kurang", "Very poor";
    }
}

reference_enum! {
    /// The rating of one SKP dimension (work results, work behaviour) against expectations.
    pub enum Ekspektasi as Ekspektasi {
        DiAtas = "di_atas", "Di Atas Ekspektasi", "Above expectations";
        Sesuai = "sesuai", "Sesuai Ekspektasi", "As expected";
        DiBawah = "di_bawah", "Di Bawah Ekspektasi", "Below expectations";
    }
}

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
    use crate::domain::localized::{Lang, Localized};

    mod predikat {
        use super::*;
        reference_enum_tests!(PredikatSkp);
    }

    mod ekspektasi {
        use super::*;
        reference_enum_tests!(Ekspektasi);
    }

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
