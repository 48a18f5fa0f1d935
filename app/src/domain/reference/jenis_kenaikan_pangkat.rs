reference_enum! {
    /// Why a rank record exists: the kinds of promotion (*kenaikan pangkat*) of PP 99/2000
    /// and its amendments, plus the initial rank given at appointment as CPNS, which
    /// is the first record of every rank history.
    pub enum JenisKenaikanPangkat as JenisKenaikanPangkat {
        PengangkatanCpns = "pengangkatan_cpns", "Pengangkatan CPNS", "Initial rank (CPNS appointment)";
        Reguler = "reguler", "Reguler", "Regular";
        PilihanStruktural = "pilihan_struktural", "Pilihan (Jabatan Struktural)", "Elective (structural position)";
        PilihanFungsional = "pilihan_fungsional", "Pilihan (Jabatan Fungsional)", "Elective (functional position)";
        PenyesuaianIjazah = "penyesuaian_ijazah", "Penyesuaian Ijazah", "Adjustment to qualification";
        TugasBelajar = "tugas_belajar", "Pilihan (Tugas Belajar)", "Elective (study assignment)";
        PenemuanBaru = "penemuan_baru", "Pilihan (Penemuan Baru)", "Elective (new invention)";
        Istimewa = "istimewa", "Istimewa (Prestasi Luar Biasa)", "Exceptional (outstanding achievement)";
        Penghargaan = "penghargaan", "Penghargaan", "Award";
        Pengabdian = "pengabdian", "Pengabdian", "Long service (before retirement)";
        Anumerta = "anumerta", "Anumerta", "Posthumous";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::{Lang, Localized};

    reference_enum_tests!(JenisKenaikanPangkat);
}
