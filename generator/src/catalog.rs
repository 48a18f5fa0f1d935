//! Lists the generator draws from: schools, majors and the titles they confer,
//! positions, courses, awards, organisations, streets.

use app::domain::reference::TingkatPendidikan;

/// A programme: level, major, title conferred (before or after the name).
#[derive(Clone, Copy, Debug)]
pub struct Programme {
    pub tingkat: TingkatPendidikan,
    pub major: &'static str,
    pub front: Option<&'static str>,
    pub back: Option<&'static str>,
}

const fn back(tingkat: TingkatPendidikan, major: &'static str, title: &'static str) -> Programme {
    Programme {
        tingkat,
        major,
        front: None,
        back: Some(title),
    }
}

use TingkatPendidikan as T;

pub const S1_GENERAL: &[Programme] = &[
    back(T::S1, "Teknik Informatika", "S.Kom."),
    back(T::S1, "Sistem Informasi", "S.Kom."),
    back(T::S1, "Manajemen", "S.E."),
    back(T::S1, "Akuntansi", "S.E."),
    back(T::S1, "Ilmu Ekonomi", "S.E."),
    back(T::S1, "Ilmu Hukum", "S.H."),
    back(T::S1, "Ilmu Administrasi Negara", "S.Sos."),
    back(T::S1, "Sosiologi", "S.Sos."),
    back(T::S1, "Ilmu Pemerintahan", "S.IP."),
    back(T::S1, "Teknik Sipil", "S.T."),
    back(T::S1, "Teknik Elektro", "S.T."),
    back(T::S1, "Perencanaan Wilayah dan Kota", "S.T."),
    back(T::S1, "Agroteknologi", "S.P."),
    back(T::S1, "Kesehatan Masyarakat", "S.KM."),
    back(T::S1, "Statistika", "S.Stat."),
    back(T::S1, "Psikologi", "S.Psi."),
    back(T::S1, "Matematika", "S.Si."),
    back(T::S1, "Ilmu Komunikasi", "S.I.Kom."),
];
pub const S1_TEACHER: &[Programme] = &[
    back(T::S1, "Pendidikan Guru Sekolah Dasar", "S.Pd."),
    back(T::S1, "Pendidikan Matematika", "S.Pd."),
    back(T::S1, "Pendidikan Bahasa Indonesia", "S.Pd."),
    back(T::S1, "Pendidikan Bahasa Inggris", "S.Pd."),
    back(T::S1, "Pendidikan Biologi", "S.Pd."),
    back(T::S1, "Pendidikan Jasmani", "S.Pd."),
    back(T::S1, "Pendidikan Ekonomi", "S.Pd."),
    back(T::S1, "Bimbingan dan Konseling", "S.Pd."),
];
pub const S1_RELIGIOUS: &[Programme] = &[
    back(T::S1, "Pendidikan Agama Islam", "S.Pd.I."),
    back(T::S1, "Hukum Keluarga Islam", "S.H."),
    back(T::S1, "Komunikasi dan Penyiaran Islam", "S.Sos."),
    back(T::S1, "Pendidikan Guru Madrasah Ibtidaiyah", "S.Pd."),
];
pub const S1_NURSE: Programme = back(T::S1, "Ilmu Keperawatan", "S.Kep.");
pub const NERS: Programme = Programme {
    tingkat: T::Profesi,
    major: "Profesi Ners",
    front: Some("Ns."),
    back: None,
};
pub const S1_MEDICINE: Programme = back(T::S1, "Pendidikan Dokter", "S.Ked.");
pub const DOKTER: Programme = Programme {
    tingkat: T::Profesi,
    major: "Profesi Dokter",
    front: Some("dr."),
    back: None,
};
pub const D3_HEALTH: &[Programme] = &[
    back(T::D3, "Keperawatan", "A.Md.Kep."),
    back(T::D3, "Kebidanan", "A.Md.Keb."),
    back(T::D3, "Farmasi", "A.Md.Farm."),
    back(T::D3, "Analis Kesehatan", "A.Md.AK."),
];
pub const D3_GENERAL: &[Programme] = &[
    back(T::D3, "Akuntansi", "A.Md."),
    back(T::D3, "Manajemen Informatika", "A.Md."),
    back(T::D3, "Administrasi Perkantoran", "A.Md."),
    back(T::D3, "Teknik Sipil", "A.Md.T."),
];
pub const D4: &[Programme] = &[
    back(T::D4, "Akuntansi Sektor Publik", "S.Tr.Ak."),
    back(T::D4, "Kebidanan", "S.Tr.Keb."),
    back(T::D4, "Manajemen Pemerintahan", "S.Tr.IP."),
];
pub const S2: &[Programme] = &[
    back(T::S2, "Magister Manajemen", "M.M."),
    back(T::S2, "Ilmu Administrasi", "M.Si."),
    back(T::S2, "Teknik Sipil", "M.T."),
    back(T::S2, "Ilmu Hukum", "M.H."),
    back(T::S2, "Ilmu Komputer", "M.Kom."),
    back(T::S2, "Administrasi Publik", "M.A.P."),
    back(T::S2, "Kesehatan Masyarakat", "M.Kes."),
    back(T::S2, "Perencanaan Pembangunan", "M.Sc."),
    back(T::S2, "Ekonomi Pembangunan", "M.E."),
];
pub const S2_TEACHER: &[Programme] = &[
    back(T::S2, "Manajemen Pendidikan", "M.Pd."),
    back(T::S2, "Pendidikan Matematika", "M.Pd."),
    back(T::S2, "Pendidikan Bahasa", "M.Pd."),
];
pub const S3: &[Programme] = &[
    Programme {
        tingkat: T::S3,
        major: "Ilmu Administrasi Publik",
        front: Some("Dr."),
        back: None,
    },
    Programme {
        tingkat: T::S3,
        major: "Ilmu Hukum",
        front: Some("Dr."),
        back: None,
    },
    Programme {
        tingkat: T::S3,
        major: "Ilmu Pendidikan",
        front: Some("Dr."),
        back: None,
    },
    Programme {
        tingkat: T::S3,
        major: "Ilmu Ekonomi",
        front: Some("Dr."),
        back: None,
    },
];

pub const UNIVERSITIES: &[&str] = &[
    "Universitas Indonesia",
    "Universitas Gadjah Mada",
    "Institut Teknologi Bandung",
    "Universitas Padjadjaran",
    "Universitas Diponegoro",
    "Universitas Airlangga",
    "Universitas Brawijaya",
    "Universitas Sumatera Utara",
    "Universitas Andalas",
    "Universitas Hasanuddin",
    "Universitas Udayana",
    "Universitas Sam Ratulangi",
    "Universitas Nusa Cendana",
    "Universitas Cenderawasih",
    "Universitas Lambung Mangkurat",
    "Universitas Syiah Kuala",
    "Universitas Negeri Jakarta",
    "Universitas Pendidikan Indonesia",
    "Universitas Negeri Yogyakarta",
    "Universitas Negeri Makassar",
    "Universitas Negeri Semarang",
    "UIN Syarif Hidayatullah Jakarta",
    "UIN Sunan Kalijaga Yogyakarta",
    "Universitas Terbuka",
    "Universitas Pattimura",
    "Universitas Riau",
    "Universitas Sriwijaya",
    "Universitas Jenderal Soedirman",
    "Universitas Sebelas Maret",
    "Universitas Mulawarman",
    "Universitas Tanjungpura",
    "Politeknik Kesehatan Kemenkes Jakarta",
    "Sekolah Tinggi Ilmu Administrasi LAN",
    "Institut Pemerintahan Dalam Negeri",
];

pub const PELAKSANA: &[&str] = &[
    "Pengadministrasi Perkantoran",
    "Penata Layanan Operasional",
    "Pengolah Data dan Informasi",
    "Pengelola Keuangan",
    "Pengelola Barang Milik Negara",
    "Pengelola Layanan Kepegawaian",
    "Operator Layanan Operasional",
    "Pengadministrasi Umum",
];

/// Functional positions with levels (*jenjang*) for graduates.
pub const FUNGSIONAL_AHLI: &[&str] = &[
    "Analis Kebijakan",
    "Analis Sumber Daya Manusia Aparatur",
    "Pranata Komputer",
    "Perencana",
    "Auditor",
    "Analis Keuangan Pusat dan Daerah",
    "Arsiparis",
    "Pranata Hubungan Masyarakat",
    "Penyuluh Pertanian",
    "Statistisi",
];

pub const SUBJECTS: &[&str] = &[
    "Kelas",
    "Matematika",
    "Bahasa Indonesia",
    "Bahasa Inggris",
    "Ilmu Pengetahuan Alam",
    "Ilmu Pengetahuan Sosial",
    "Pendidikan Jasmani",
    "Bimbingan dan Konseling",
    "Pendidikan Agama",
];

pub const SECTIONS: &[&str] = &[
    "Umum dan Kepegawaian",
    "Keuangan",
    "Perencanaan",
    "Program dan Evaluasi",
    "Pelayanan",
    "Pengembangan",
    "Data dan Informasi",
    "Pembinaan",
];

pub const COURSES: &[(&str, u32)] = &[
    ("Bimbingan Teknis Pengelolaan Keuangan Daerah", 32),
    (
        "Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar",
        40,
    ),
    ("Bimbingan Teknis Aplikasi SIASN", 16),
    ("Pelatihan Penyusunan Sasaran Kinerja Pegawai", 24),
    ("Pelatihan Kearsipan Dinamis", 30),
    ("Pelatihan Analisis Jabatan", 40),
    ("Pelatihan Pelayanan Prima", 24),
    ("Pelatihan Manajemen Risiko", 32),
    ("Pelatihan Jabatan Fungsional Tingkat Ahli", 120),
    ("Pelatihan Penyusunan Standar Operasional Prosedur", 24),
];
pub const TEACHER_COURSES: &[(&str, u32)] = &[
    ("Pelatihan Implementasi Kurikulum Merdeka", 32),
    ("Pendidikan Profesi Guru Dalam Jabatan", 200),
    ("Pelatihan Guru Penggerak", 310),
    ("Bimbingan Teknis Asesmen Nasional", 24),
];
pub const HEALTH_COURSES: &[(&str, u32)] = &[
    ("Pelatihan Basic Trauma Cardiac Life Support", 40),
    ("Pelatihan Pencegahan dan Pengendalian Infeksi", 32),
    ("Pelatihan Asuhan Persalinan Normal", 60),
    ("Pelatihan Manajemen Puskesmas", 40),
];

pub const EMPLOYERS: &[&str] = &[
    "Rumah Sakit Swasta",
    "Yayasan Pendidikan Swasta",
    "Tenaga Honorer Pemerintah Daerah",
    "Perusahaan Swasta",
    "Sekolah Swasta",
];

pub const STREETS: &[&str] = &[
    "Jl. Merdeka",
    "Jl. Sudirman",
    "Jl. Diponegoro",
    "Jl. Ahmad Yani",
    "Jl. Gajah Mada",
    "Jl. Hasanuddin",
    "Jl. Pahlawan",
    "Jl. Kartini",
    "Jl. Imam Bonjol",
    "Jl. Teuku Umar",
    "Jl. Cut Nyak Dhien",
    "Jl. Pattimura",
    "Jl. Melati",
    "Jl. Mawar",
    "Jl. Kenanga",
    "Jl. Cempaka",
    "Jl. Flamboyan",
    "Jl. Veteran",
    "Jl. Pemuda",
    "Jl. Siliwangi",
];

pub const EMAIL_DOMAINS: &[(&str, u32)] = &[
    ("gmail.com", 70),
    ("yahoo.co.id", 12),
    ("yahoo.com", 8),
    ("outlook.com", 4),
    ("ymail.com", 2),
    ("rocketmail.com", 1),
];

pub const MOBILE_PREFIXES: &[&str] = &[
    "0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0851", "0857", "0858", "0856",
    "0877", "0878", "0895", "0896", "0897", "0898", "0899", "0881", "0882",
];
