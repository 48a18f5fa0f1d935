//! Which education levels confer academic titles.

use super::TingkatPendidikan;

impl TingkatPendidikan {
    /// Whether the level is a higher-education degree that confers an academic title.
    pub fn is_higher_education(self) -> bool {
        self >= TingkatPendidikan::D1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn levels_are_ordered() {
        use TingkatPendidikan::*;
        assert!(Sd < Sltp && Slta < D1 && D4 < S1 && S1 < Profesi && S2 < S3);
        assert!(S3 < Subspesialis);
        assert!(!SltaKeguruan.is_higher_education() && D1.is_higher_education());
    }
}
