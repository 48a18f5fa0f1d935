reference_enum! {
    /// Legal status (*kedudukan hukum*) of an employee.
    ///
    /// A deliberately small set covering the situations that change what an employee
    /// may do in the product: in service, on leave or study outside the workplace,
    /// suspended, preparing for or in retirement, and out of service. SIASN keeps a
    /// longer list (e.g. "pegawai titipan"); add values here when one is needed,
    /// never remove or recode one that has been stored.
    pub enum StatusHukum as StatusHukum {
        Aktif = "aktif", "Aktif", "Active";
        Cltn = "cltn", "Cuti di Luar Tanggungan Negara (CLTN)", "Unpaid leave (CLTN)";
        TugasBelajar = "tugas_belajar", "Tugas Belajar", "Study assignment";
        DiberhentikanSementara = "diberhentikan_sementara", "Diberhentikan Sementara", "Temporarily suspended";
        PenerimaUangTunggu = "penerima_uang_tunggu", "Penerima Uang Tunggu", "On waiting allowance";
        MasaPersiapanPensiun = "masa_persiapan_pensiun", "Masa Persiapan Pensiun", "Pre-retirement leave";
        Pensiun = "pensiun", "Pensiun", "Retired";
        Diberhentikan = "diberhentikan", "Diberhentikan", "Dismissed";
        Meninggal = "meninggal", "Meninggal Dunia", "Deceased";
    }
}

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
    use crate::domain::localized::{Lang, Localized};

    reference_enum_tests!(StatusHukum);

    #[test]
    fn leave_is_still_employment_but_retirement_is_not() {
        assert!(StatusHukum::Cltn.is_employed());
        assert!(!StatusHukum::Pensiun.is_employed());
    }
}
