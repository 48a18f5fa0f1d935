reference_enum! {
    /// Kind of position; only structural positions carry an eselon.
    pub enum JenisJabatan as JenisJabatan {
        Struktural = "struktural", "Struktural", "Structural";
        Fungsional = "fungsional", "Fungsional", "Functional";
        Pelaksana = "pelaksana", "Pelaksana", "Staff (pelaksana)";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::{Lang, Localized};

    reference_enum_tests!(JenisJabatan);
}
