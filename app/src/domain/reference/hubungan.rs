//! What a family relationship implies.

use super::Hubungan;

impl Hubungan {
    pub fn is_spouse(self) -> bool {
        matches!(self, Hubungan::Suami | Hubungan::Istri)
    }

    pub fn is_child(self) -> bool {
        matches!(
            self,
            Hubungan::AnakKandung | Hubungan::AnakTiri | Hubungan::AnakAngkat
        )
    }

    pub fn is_parent(self) -> bool {
        matches!(self, Hubungan::Ayah | Hubungan::Ibu)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn each_relationship_is_exactly_one_kind() {
        for &h in Hubungan::all() {
            let kinds = [h.is_spouse(), h.is_child(), h.is_parent()];
            assert_eq!(kinds.iter().filter(|&&k| k).count(), 1, "{h:?}");
        }
    }
}
