reference_enum! {
    /// Education level, declared from the lowest so `Ord` compares levels.
    ///
    /// Professional and specialist programmes follow the KKNI qualification levels:
    /// Profesi sits after S-1, Spesialis after S-2 and Subspesialis after S-3
    /// (each is at the level of the degree before it, ordered just above it).
    pub enum TingkatPendidikan as TingkatPendidikan {
        Sd = "sd", "SD", "Primary school";
        Sltp = "sltp", "SLTP", "Junior secondary school";
        SltpKejuruan = "sltp_kejuruan", "SLTP Kejuruan", "Vocational junior secondary school";
        Slta = "slta", "SLTA", "Senior secondary school";
        SltaKejuruan = "slta_kejuruan", "SLTA Kejuruan", "Vocational senior secondary school";
        SltaKeguruan = "slta_keguruan", "SLTA Keguruan", "Teacher-training senior secondary school";
        D1 = "d1", "D-I", "Diploma I";
        D2 = "d2", "D-II", "Diploma II";
        D3 = "d3", "D-III", "Diploma III";
        D4 = "d4", "D-IV", "Diploma IV (applied bachelor)";
        S1 = "s1", "S-1", "Bachelor (S-1)";
        Profesi = "profesi", "Profesi", "Professional programme";
        S2 = "s2", "S-2", "Master (S-2)";
        Spesialis = "spesialis", "Spesialis", "Specialist";
        S3 = "s3", "S-3", "Doctorate (S-3)";
        Subspesialis = "subspesialis", "Subspesialis", "Subspecialist";
    }
}

impl TingkatPendidikan {
    /// Whether the level is a higher-education degree that confers an academic title.
    pub fn is_higher_education(self) -> bool {
        self >= TingkatPendidikan::D1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::{Lang, Localized};

    reference_enum_tests!(TingkatPendidikan);

    #[test]
    fn levels_are_ordered() {
        use TingkatPendidikan::*;
        assert!(Sd < Sltp && Slta < D1 && D4 < S1 && S1 < Profesi && S2 < S3);
        assert!(S3 < Subspesialis);
        assert!(!SltaKeguruan.is_higher_education() && D1.is_higher_education());
    }
}
