reference_enum! {
    /// Supporting documents attached to a proposal.
    pub enum JenisDokumen as JenisDokumen {
        SkCpns = "sk_cpns", "SK CPNS", "CPNS appointment decree";
        SkPns = "sk_pns", "SK PNS", "PNS appointment decree";
        Sttpl = "sttpl", "STTPL (Latsar)", "Basic training certificate (STTPL)";
        Spmt = "spmt", "SPMT", "Statement of assuming duty (SPMT)";
        PerjanjianKerjaPppk = "perjanjian_kerja_pppk", "Perjanjian Kerja PPPK", "PPPK employment contract";
        SkJabatan = "sk_jabatan", "SK Jabatan", "Position decree";
        SkPelantikan = "sk_pelantikan", "SK Pelantikan", "Inauguration decree";
        SkKenaikanPangkat = "sk_kp", "SK Kenaikan Pangkat", "Promotion decree";
        SkPmk = "sk_pmk", "SK Peninjauan Masa Kerja", "Service-period review decree";
        SkPindah = "sk_pindah", "SK Pindah Instansi", "Transfer decree";
        SkCltn = "sk_cltn", "SK CLTN", "Unpaid leave decree";
        SkAktifKembali = "sk_aktif_kembali", "SK Aktif Kembali", "Return-to-duty decree";
        SkPenghargaan = "sk_penghargaan", "SK Penghargaan", "Award decree";
        Ijazah = "ijazah", "Ijazah", "Diploma certificate";
        Transkrip = "transkrip", "Transkrip Nilai", "Academic transcript";
        Sertifikat = "sertifikat", "Sertifikat", "Certificate";
        Skp = "skp", "SKP", "Performance appraisal (SKP)";
        AktaNikah = "akta_nikah", "Akta Nikah", "Marriage certificate";
        AktaCerai = "akta_cerai", "Akta Cerai", "Divorce certificate";
        AktaKelahiran = "akta_kelahiran", "Akta Kelahiran", "Birth certificate";
        AktaKematian = "akta_kematian", "Akta Kematian", "Death certificate";
        KartuKeluarga = "kartu_keluarga", "Kartu Keluarga", "Family card";
        Ktp = "ktp", "KTP", "Identity card (KTP)";
        KartuNpwp = "kartu_npwp", "Kartu NPWP", "Tax ID card (NPWP)";
        KartuBpjs = "kartu_bpjs", "Kartu BPJS", "BPJS card";
        PasFoto = "pas_foto", "Pas Foto", "Passport photo";
        Lainnya = "lainnya", "Dokumen Lainnya", "Other document";
    }
}

impl JenisDokumen {
    /// Accepted media types: scans are PDFs, only the photo is an image.
    pub fn accepted_media_types(self) -> &'static [&'static str] {
        match self {
            JenisDokumen::PasFoto => &["image/jpeg", "image/png"],
            _ => &["application/pdf"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::localized::{Lang, Localized};

    reference_enum_tests!(JenisDokumen);

    #[test]
    fn only_the_photo_is_an_image() {
        assert_eq!(
            JenisDokumen::PasFoto.accepted_media_types(),
            ["image/jpeg", "image/png"]
        );
        assert_eq!(
            JenisDokumen::Ijazah.accepted_media_types(),
            ["application/pdf"]
        );
    }
}
