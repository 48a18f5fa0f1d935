reference_enum! {
    /// Echelon of a structural position.
    ///
    /// `Ord` follows the numbering: `I.a < V.a`, so a *smaller* value is a *more
    /// senior* position.
    pub enum Eselon as Eselon {
        IA = "I.a", "Eselon I.a", "Echelon I.a";
        IB = "I.b", "Eselon I.b", "Echelon I.b";
        IIA = "II.a", "Eselon II.a", "Echelon II.a";
        IIB = "II.b", "Eselon II.b", "Echelon II.b";
        IIIA = "III.a", "Eselon III.a", "Echelon III.a";
        IIIB = "III.b", "Eselon III.b", "Echelon III.b";
        IVA = "IV.a", "Eselon IV.a", "Echelon IV.a";
        IVB = "IV.b", "Eselon IV.b", "Echelon IV.b";
        VA = "V.a", "Eselon V.a", "Echelon V.a";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::{Lang, Localized};

    reference_enum_tests!(Eselon);

    #[test]
    fn more_senior_compares_smaller() {
        assert!(Eselon::IA < Eselon::VA);
    }
}
