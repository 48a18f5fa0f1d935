//! What a legal status means for employment.

use super::StatusHukum;

impl StatusHukum {
    /// Still employed, even if not at work right now (leave, study, suspension).
    pub fn is_employed(self) -> bool {
        !matches!(
            self,
            StatusHukum::Pensiun | StatusHukum::Diberhentikan | StatusHukum::Meninggal
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn leave_is_still_employment_but_retirement_is_not() {
        assert!(StatusHukum::Cltn.is_employed());
        assert!(!StatusHukum::Pensiun.is_employed());
    }
}
