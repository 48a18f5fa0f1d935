reference_enum! {
    /// Who the person is to the civil service; decides which identifier and which
    /// histories they have (see `Riwayat::applies_to`).
    pub enum JenisPegawai as JenisPegawai {
        Pns = "pns", "PNS", "Civil servant (PNS)";
        Pppk = "pppk", "PPPK", "Contract government employee (PPPK)";
        PptNonAsn = "ppt_non_asn", "PPT Non-ASN", "Senior executive, non-civil-servant (PPT Non-ASN)";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::{Lang, Localized};

    reference_enum_tests!(JenisPegawai);
}
