reference_enum! {
    /// Marital status as recorded on the KTP and in the personnel file.
    pub enum StatusPerkawinan as StatusPerkawinan {
        BelumKawin = "belum_kawin", "Belum Kawin", "Single";
        Kawin = "kawin", "Kawin", "Married";
        CeraiHidup = "cerai_hidup", "Cerai Hidup", "Divorced";
        CeraiMati = "cerai_mati", "Cerai Mati", "Widowed";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::{Lang, Localized};

    reference_enum_tests!(StatusPerkawinan);
}
