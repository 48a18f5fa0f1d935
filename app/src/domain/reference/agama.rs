reference_enum! {
    /// Religion. `Kepercayaan` (belief in God outside the six religions) is recognised
    /// by some systems since the 2017 Constitutional Court ruling, so it is kept.
    pub enum Agama as Agama {
        Islam = "islam", "Islam", "Islam";
        Kristen = "kristen", "Kristen", "Christian (Protestant)";
        Katolik = "katolik", "Katolik", "Catholic";
        Hindu = "hindu", "Hindu", "Hindu";
        Buddha = "buddha", "Buddha", "Buddhist";
        Konghucu = "konghucu", "Konghucu", "Confucian";
        Kepercayaan = "kepercayaan", "Kepercayaan terhadap Tuhan YME", "Belief in God (Kepercayaan)";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::{Lang, Localized};

    reference_enum_tests!(Agama);
}
