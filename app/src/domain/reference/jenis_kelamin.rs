reference_enum! {
    /// Gender, with the one-letter codes of Indonesian forms (L/P).
    pub enum JenisKelamin as JenisKelamin {
        LakiLaki = "L", "Laki-laki", "Male";
        Perempuan = "P", "Perempuan", "Female";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::{Lang, Localized};

    reference_enum_tests!(JenisKelamin);
}
