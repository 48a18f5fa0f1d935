//! The demo data set: 200 generated employees (fixed seed) and three hand-written
//! named employees whose identifiers the README, the profile tests and login use.
//!
//! The named employees' NIP/NI PPPK sequences (901+) and NIK sequences (9001+) lie
//! outside anything the generator makes, so they can never collide with generated
//! people, in this set or in a national load appended to it.

use anyhow::Context;
use sqlx::PgPool;
use time::macros::date;
use time::Date;

use app::domain::data_personal::{Alamat, DataPersonal, NomorInduk};
use app::domain::masa_kerja::MasaKerja;
use app::domain::reference::*;
use app::domain::riwayat::*;
use app::domain::sk::Sk;
use app::domain::{Email, MobileNumber, NiPppk, Nik, Nip, Npwp, Pegawai};

use super::copy::{Batch, RIWAYAT_SLOTS};
use super::load::copy_batch;
use super::person::Generator;
use super::reference::{Agency, Reference};

/// Seed of the generated part of the demo set.
pub const DEMO_SEED: u64 = 20_261_122;
/// Generated employees in the demo set (ids 1..=200).
pub const DEMO_GENERATED: u64 = 200;

/// A PNS at BKN with every history filled: Dr. Rina Kartika Sari, S.Kom., M.T.
pub const DEMO_PNS_NIP: &str = "198503122010012901";
pub const DEMO_PNS_NAME: &str = "Rina Kartika Sari";
/// A PPPK teacher of the City of Bandung: Budi Santoso, S.Pd.
pub const DEMO_PPPK_NIP: &str = "199208172022031901";
pub const DEMO_PPPK_NAME: &str = "Budi Santoso";
/// A PPT Non-ASN (no NIP; found by NIK): Andi Mappiasse Tahir, S.E., M.M.
pub const DEMO_PPT_NIK: &str = "7371020106759003";
pub const DEMO_PPT_NAME: &str = "Andi Mappiasse Tahir";
pub const DEMO_PPT_EMAIL: &str = "andi.tahir@bkn.go.id";
pub const DEMO_PPPK_EMAIL: &str = "budi.santoso.guru@gmail.com";
pub const DEMO_PNS_EMAIL: &str = "rina.kartika@bkn.go.id";
/// The password of the activated demo accounts (Rina: BKN admin; Budi: employee).
/// Andi (PPT Non-ASN) is left to activate through the emailed-token journey.
pub const DEMO_PASSWORD: &str = "Mutakhir2026";

fn sk(nomor: &str, tanggal: Date) -> Sk {
    Sk {
        nomor: nomor.to_owned(),
        tanggal,
    }
}

fn identitas(
    name: &str,
    nik: Option<&str>,
    place: &str,
    birth: Date,
    gender: JenisKelamin,
    alive: bool,
) -> Identitas {
    Identitas {
        nama: name.to_owned(),
        nik: nik.map(|n| Nik::parse(n).expect("valid demo NIK")),
        tempat_lahir: Some(place.to_owned()),
        tanggal_lahir: Some(birth),
        jenis_kelamin: gender,
        masih_hidup: alive,
    }
}

fn agency<'r>(reference: &'r Reference, code: &str) -> anyhow::Result<&'r Agency> {
    reference
        .agencies
        .iter()
        .find(|a| a.code == code)
        .with_context(|| format!("instansi {code} is missing"))
}

fn unit(agency: &Agency, name: &str) -> i64 {
    agency
        .units
        .iter()
        .find(|u| u.name == name)
        .unwrap_or(&agency.units[0])
        .id
}

#[allow(clippy::too_many_arguments)]
fn personal(
    name: &str,
    front: &[&str],
    back: &[&str],
    nomor_induk: NomorInduk,
    nik: &str,
    birth_place: &str,
    birth_date: Date,
    gender: JenisKelamin,
    agency: &Agency,
    unit_kerja_id: i64,
    district: &str,
) -> DataPersonal {
    let jenis_pegawai = nomor_induk.jenis_pegawai();
    DataPersonal {
        nama: name.to_owned(),
        gelar_depan: front.iter().map(|s| s.to_string()).collect(),
        gelar_belakang: back.iter().map(|s| s.to_string()).collect(),
        nomor_induk,
        nik: Nik::parse(nik).expect("valid demo NIK"),
        tempat_lahir: birth_place.to_owned(),
        tanggal_lahir: birth_date,
        jenis_kelamin: gender,
        agama: Agama::Islam,
        status_perkawinan: StatusPerkawinan::Kawin,
        alamat: Alamat {
            jalan: String::new(),
            kode_kecamatan: Some(district.to_owned()),
            kode_pos: None,
        },
        email: None,
        nomor_hp: None,
        npwp: Some(Npwp::parse(nik).expect("a NIK is an NPWP")),
        bpjs: Some(format!("0001{}", &nik[7..16])),
        taspen: None,
        jenis_pegawai,
        status_hukum: StatusHukum::Aktif,
        instansi_id: agency.id,
        unit_kerja_id,
        golongan: None,
        jabatan: String::new(),
    }
}

fn pendidikan(
    id: i64,
    tingkat: TingkatPendidikan,
    major: Option<&str>,
    school: &str,
    date: Date,
    front: Option<&str>,
    back: Option<&str>,
) -> RiwayatPendidikan {
    RiwayatPendidikan {
        id,
        tingkat,
        jurusan: major.map(str::to_owned),
        nama_sekolah: school.to_owned(),
        tanggal_lulus: date,
        nomor_ijazah: Some(format!("{}/IJZ/{:03}", date.year(), id)),
        gelar_depan: front.map(str::to_owned),
        gelar_belakang: back.map(str::to_owned),
    }
}

fn pangkat(
    id: i64,
    golongan: GolonganPns,
    jenis_kp: JenisKenaikanPangkat,
    tmt: Date,
    mk: (u8, u8),
) -> RiwayatPangkat {
    RiwayatPangkat {
        id,
        golongan,
        jenis_kp,
        sk: sk(
            &format!("823.3/{id:04}/KP/{}", tmt.year()),
            tmt - time::Duration::days(30),
        ),
        tmt,
        persetujuan_bkn: (id > 1).then(|| {
            sk(
                &format!("KP-{id:06}/BKN/{}", tmt.year()),
                tmt - time::Duration::days(45),
            )
        }),
        masa_kerja: MasaKerja::new(mk.0, mk.1).expect("months < 12"),
    }
}

/// The named PNS: every history has at least one record.
pub fn demo_pns(reference: &Reference) -> anyhow::Result<Pegawai> {
    use JenisKelamin::*;
    let bkn = agency(reference, "BKN")?;
    let bandung = agency(reference, "KOTA-32.73")?;
    let district = &reference.districts[bkn.districts.start].code;
    let mut personal = personal(
        DEMO_PNS_NAME,
        &["Dr."],
        &["S.Kom.", "M.T."],
        NomorInduk::Nip(Nip::parse(DEMO_PNS_NIP).expect("valid demo NIP")),
        "3273025203859001",
        "Bandung",
        date!(1985 - 03 - 12),
        Perempuan,
        bkn,
        unit(bkn, "Pusat Data dan Informasi"),
        district,
    );
    personal.alamat.jalan = "Jl. Mayjen Sutoyo No. 12, RT 004/RW 002".into();
    personal.alamat.kode_pos = Some("13640".into());
    personal.email = Some(Email::parse(DEMO_PNS_EMAIL).expect("valid"));
    personal.nomor_hp = Some(MobileNumber::parse("081234567801").expect("valid"));
    personal.taspen = Some("0001985031229".into());
    personal.golongan = Some(Golongan::Pns(GolonganPns::IIID));
    personal.jabatan = "Kepala Bagian Pengelolaan Data Kepegawaian".into();
    let mut p = Pegawai::new(personal);
    p.pendidikan = vec![
        pendidikan(
            1,
            TingkatPendidikan::Slta,
            Some("IPA"),
            "SMA Negeri 3 Bandung",
            date!(2003 - 06 - 16),
            None,
            None,
        ),
        pendidikan(
            2,
            TingkatPendidikan::S1,
            Some("Teknik Informatika"),
            "Institut Teknologi Bandung",
            date!(2007 - 10 - 20),
            None,
            Some("S.Kom."),
        ),
        pendidikan(
            3,
            TingkatPendidikan::S2,
            Some("Magister Informatika"),
            "Institut Teknologi Bandung",
            date!(2013 - 04 - 20),
            None,
            Some("M.T."),
        ),
        pendidikan(
            4,
            TingkatPendidikan::S3,
            Some("Ilmu Komputer"),
            "Universitas Indonesia",
            date!(2021 - 08 - 25),
            Some("Dr."),
            None,
        ),
    ];
    p.cpns_pns = Some(RiwayatCpnsPns {
        sk_cpns: sk("813/0412/BKD/2009", date!(2009 - 12 - 15)),
        tmt_cpns: date!(2010 - 01 - 01),
        sk_pns: Some(sk("821.13/0977/BKD/2010", date!(2010 - 12 - 10))),
        tmt_pns: Some(date!(2011 - 01 - 01)),
        sttpl: Some(sk("00321/PRAJAB/BKD/2010", date!(2010 - 04 - 21))),
        spmt: Some(sk("800/014/SPMT/2010", date!(2010 - 01 - 04))),
    });
    p.peninjauan_masa_kerja = vec![RiwayatPeninjauanMasaKerja {
        id: 1,
        pemberi_kerja: "PT Telekomunikasi Indonesia".into(),
        tanggal_mulai: date!(2007 - 11 - 01),
        tanggal_selesai: date!(2009 - 10 - 31),
        sk: sk("800/0210/PMK/2012", date!(2012 - 05 - 10)),
        persetujuan_bkn: Some(sk("PMK-00417/BKN/2012", date!(2012 - 04 - 20))),
        masa_kerja: MasaKerja::new(1, 0).expect("valid"),
    }];
    use JenisKenaikanPangkat as K;
    p.pangkat = vec![
        pangkat(
            1,
            GolonganPns::IIIA,
            K::PengangkatanCpns,
            date!(2010 - 01 - 01),
            (0, 0),
        ),
        pangkat(
            2,
            GolonganPns::IIIB,
            K::Reguler,
            date!(2014 - 04 - 01),
            (5, 3),
        ),
        pangkat(
            3,
            GolonganPns::IIIC,
            K::PilihanFungsional,
            date!(2018 - 04 - 01),
            (9, 3),
        ),
        pangkat(
            4,
            GolonganPns::IIID,
            K::PilihanStruktural,
            date!(2023 - 04 - 01),
            (14, 3),
        ),
    ];
    p.pangkat[0].sk = p.cpns_pns.as_ref().unwrap().sk_cpns.clone();
    p.pindah_instansi = vec![RiwayatPindahInstansi {
        id: 1,
        instansi_asal_id: bandung.id,
        instansi_tujuan_id: bkn.id,
        sk: sk("800/1133/MUTASI/2016", date!(2016 - 06 - 01)),
        tmt: date!(2016 - 07 - 01),
    }];
    p.jabatan = vec![
        RiwayatJabatan {
            id: 1,
            jenis: JenisJabatan::Pelaksana,
            unit_kerja: "Dinas Kependudukan dan Pencatatan Sipil, Kota Bandung".into(),
            jabatan: "Pengolah Data dan Informasi".into(),
            eselon: None,
            sk: sk("821.2/0045/BKD/2010", date!(2009 - 12 - 20)),
            tmt: date!(2010 - 01 - 01),
            tanggal_pelantikan: None,
        },
        RiwayatJabatan {
            id: 2,
            jenis: JenisJabatan::Fungsional,
            unit_kerja: "Pusat Data dan Informasi, Badan Kepegawaian Negara".into(),
            jabatan: "Pranata Komputer Ahli Pertama".into(),
            eselon: None,
            sk: sk("KEP-0711/BKN/2016", date!(2016 - 07 - 15)),
            tmt: date!(2016 - 08 - 01),
            tanggal_pelantikan: None,
        },
        RiwayatJabatan {
            id: 3,
            jenis: JenisJabatan::Fungsional,
            unit_kerja: "Pusat Data dan Informasi, Badan Kepegawaian Negara".into(),
            jabatan: "Pranata Komputer Ahli Muda".into(),
            eselon: None,
            sk: sk("KEP-0388/BKN/2018", date!(2018 - 04 - 20)),
            tmt: date!(2018 - 05 - 01),
            tanggal_pelantikan: None,
        },
        RiwayatJabatan {
            id: 4,
            jenis: JenisJabatan::Struktural,
            unit_kerja: "Pusat Data dan Informasi, Badan Kepegawaian Negara".into(),
            jabatan: "Kepala Bagian Pengelolaan Data Kepegawaian".into(),
            eselon: Some(Eselon::IIIA),
            sk: sk("KEP-0019/BKN/2023", date!(2022 - 12 - 20)),
            tmt: date!(2023 - 01 - 02),
            tanggal_pelantikan: Some(date!(2023 - 01 - 02)),
        },
    ];
    p.diklat = vec![
        RiwayatDiklat {
            id: 1,
            nama: "Diklat Prajabatan Golongan III".into(),
            penyelenggara: "Badan Kepegawaian Daerah Kota Bandung".into(),
            jumlah_jam: Some(240),
            tanggal_mulai: date!(2010 - 04 - 01),
            tanggal_selesai: date!(2010 - 04 - 21),
            nomor_sertifikat: Some("00321/PRAJAB/BKD/2010".into()),
        },
        RiwayatDiklat {
            id: 2,
            nama: "Pelatihan Kepemimpinan Administrator".into(),
            penyelenggara: "Lembaga Administrasi Negara".into(),
            jumlah_jam: Some(300),
            tanggal_mulai: date!(2023 - 05 - 08),
            tanggal_selesai: date!(2023 - 09 - 15),
            nomor_sertifikat: Some("01288/PKA/LAN/2023".into()),
        },
        RiwayatDiklat {
            id: 3,
            nama: "Bimbingan Teknis Aplikasi SIASN".into(),
            penyelenggara: "Badan Kepegawaian Negara".into(),
            jumlah_jam: Some(16),
            tanggal_mulai: date!(2024 - 03 - 04),
            tanggal_selesai: date!(2024 - 03 - 05),
            nomor_sertifikat: Some("00931/SERT/2024".into()),
        },
    ];
    let appraiser = Some(Nip::parse("197204151998031002").expect("valid"));
    p.skp = vec![
        RiwayatSkp {
            id: 1,
            tahun: 2024,
            hasil_kerja: Ekspektasi::DiAtas,
            perilaku_kerja: Ekspektasi::DiAtas,
            predikat: PredikatSkp::SangatBaik,
            penilai_nama: "Haryanto Wibowo".into(),
            penilai_nip: appraiser.clone(),
        },
        RiwayatSkp {
            id: 2,
            tahun: 2025,
            hasil_kerja: Ekspektasi::Sesuai,
            perilaku_kerja: Ekspektasi::DiAtas,
            predikat: PredikatSkp::Baik,
            penilai_nama: "Haryanto Wibowo".into(),
            penilai_nip: appraiser,
        },
    ];
    p.penghargaan = vec![RiwayatPenghargaan {
        id: 1,
        nama: "Satyalancana Karya Satya X Tahun".into(),
        sk: sk("45/TK/Tahun 2020", date!(2020 - 08 - 10)),
        tahun: 2020,
    }];
    p.keluarga = vec![
        AnggotaKeluarga::Pasangan(Pasangan {
            id: 1,
            identitas: identitas(
                "Ahmad Fauzi Hidayat",
                Some("3273010211835001"),
                "Bandung",
                date!(1983 - 11 - 02),
                LakiLaki,
                true,
            ),
            akta_nikah: Some(Akta {
                nomor: "0417/052/VI/2009".into(),
                tanggal: date!(2009 - 06 - 20),
            }),
            akta_cerai: None,
        }),
        AnggotaKeluarga::Anak(Anak {
            id: 2,
            identitas: identitas(
                "Nabila Putri Hidayat",
                Some("3273024504115002"),
                "Bandung",
                date!(2011 - 04 - 05),
                Perempuan,
                true,
            ),
            status: StatusAnak::Kandung,
            pasangan_id: Some(1),
        }),
        AnggotaKeluarga::Anak(Anak {
            id: 3,
            identitas: identitas(
                "Rizki Ramadhan Hidayat",
                Some("3273021007145003"),
                "Jakarta",
                date!(2014 - 07 - 10),
                LakiLaki,
                true,
            ),
            status: StatusAnak::Kandung,
            pasangan_id: Some(1),
        }),
        AnggotaKeluarga::OrangTua(OrangTua {
            id: 4,
            identitas: identitas(
                "Bambang Santoso",
                None,
                "Garut",
                date!(1957 - 01 - 20),
                LakiLaki,
                false,
            ),
        }),
        AnggotaKeluarga::OrangTua(OrangTua {
            id: 5,
            identitas: identitas(
                "Sulastri",
                Some("3273024505605004"),
                "Garut",
                date!(1960 - 05 - 05),
                Perempuan,
                true,
            ),
        }),
    ];
    p.cltn = vec![RiwayatCltn {
        id: 1,
        sk: sk("862/0031/CLTN/2019", date!(2019 - 01 - 10)),
        tanggal_mulai: date!(2019 - 02 - 01),
        tanggal_selesai: date!(2020 - 01 - 31),
        tanggal_aktif_kembali: Some(date!(2020 - 02 - 01)),
        sk_aktif_kembali: Some(sk("862/0102/AKTIF/2020", date!(2020 - 01 - 25))),
    }];
    p.organisasi = vec![RiwayatOrganisasi {
        id: 1,
        nama: "Korps Pegawai Republik Indonesia (KORPRI)".into(),
        jabatan: "Pengurus".into(),
        tanggal_mulai: date!(2017 - 01 - 01),
        tanggal_selesai: None,
    }];
    Ok(p)
}

/// The named PPPK: a teacher in Bandung.
pub fn demo_pppk(reference: &Reference) -> anyhow::Result<Pegawai> {
    use JenisKelamin::*;
    let bandung = agency(reference, "KOTA-32.73")?;
    let district = &reference.districts[bandung.districts.start].code;
    let mut personal = personal(
        DEMO_PPPK_NAME,
        &[],
        &["S.Pd."],
        NomorInduk::NiPppk(NiPppk::parse(DEMO_PPPK_NIP).expect("valid demo NI PPPK")),
        "3273011708929002",
        "Bandung",
        date!(1992 - 08 - 17),
        LakiLaki,
        bandung,
        unit(bandung, "Dinas Pendidikan"),
        district,
    );
    personal.alamat.jalan = "Jl. Setiabudi No. 45, RT 002/RW 005".into();
    personal.alamat.kode_pos = Some("40154".into());
    personal.email = Some(Email::parse(DEMO_PPPK_EMAIL).expect("valid"));
    personal.nomor_hp = Some(MobileNumber::parse("085722334455").expect("valid"));
    personal.golongan = Some(Golongan::Pppk(GolonganPppk::IX));
    personal.jabatan = "Guru Kelas Ahli Pertama".into();
    let mut p = Pegawai::new(personal);
    p.diklat = vec![RiwayatDiklat {
        id: 1,
        nama: "Orientasi Pegawai Pemerintah dengan Perjanjian Kerja".into(),
        penyelenggara: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Bandung".into(),
        jumlah_jam: Some(40),
        tanggal_mulai: date!(2022 - 05 - 09),
        tanggal_selesai: date!(2022 - 05 - 13),
        nomor_sertifikat: Some("00512/ORIENTASI/2022".into()),
    }];
    p.penghargaan = vec![RiwayatPenghargaan {
        id: 1,
        nama: "Guru Berprestasi Tingkat Kabupaten/Kota".into(),
        sk: sk("800/0921/PENGHARGAAN/2024", date!(2024 - 11 - 25)),
        tahun: 2024,
    }];
    p.keluarga = vec![
        AnggotaKeluarga::Pasangan(Pasangan {
            id: 1,
            identitas: identitas(
                "Dewi Lestari",
                Some("3273015402945001"),
                "Cimahi",
                date!(1994 - 02 - 14),
                Perempuan,
                true,
            ),
            akta_nikah: Some(Akta {
                nomor: "0288/031/X/2018".into(),
                tanggal: date!(2018 - 10 - 07),
            }),
            akta_cerai: None,
        }),
        AnggotaKeluarga::Anak(Anak {
            id: 2,
            identitas: identitas(
                "Aditya Santoso",
                Some("3273011501205002"),
                "Bandung",
                date!(2020 - 01 - 15),
                LakiLaki,
                true,
            ),
            status: StatusAnak::Kandung,
            pasangan_id: Some(1),
        }),
    ];
    p.organisasi = vec![RiwayatOrganisasi {
        id: 1,
        nama: "Persatuan Guru Republik Indonesia (PGRI)".into(),
        jabatan: "Anggota".into(),
        tanggal_mulai: date!(2022 - 04 - 01),
        tanggal_selesai: None,
    }];
    Ok(p)
}

/// The named PPT Non-ASN: a senior adviser at BKN.
pub fn demo_ppt(reference: &Reference) -> anyhow::Result<Pegawai> {
    use JenisKelamin::*;
    let bkn = agency(reference, "BKN")?;
    let district = &reference.districts[bkn.districts.start].code;
    let mut personal = personal(
        DEMO_PPT_NAME,
        &[],
        &["S.E.", "M.M."],
        NomorInduk::NonAsn,
        DEMO_PPT_NIK,
        "Makassar",
        date!(1975 - 06 - 01),
        LakiLaki,
        bkn,
        unit(bkn, "Sekretariat Jenderal"),
        district,
    );
    personal.email = Some(Email::parse(DEMO_PPT_EMAIL).expect("valid"));
    personal.nomor_hp = Some(MobileNumber::parse("081355667788").expect("valid"));
    personal.jabatan = "Staf Ahli Bidang Transformasi Digital".into();
    let mut p = Pegawai::new(personal);
    p.pendidikan = vec![
        pendidikan(
            1,
            TingkatPendidikan::Slta,
            Some("IPS"),
            "SMA Negeri 1 Makassar",
            date!(1993 - 06 - 10),
            None,
            None,
        ),
        pendidikan(
            2,
            TingkatPendidikan::S1,
            Some("Manajemen"),
            "Universitas Hasanuddin",
            date!(1998 - 09 - 12),
            None,
            Some("S.E."),
        ),
        pendidikan(
            3,
            TingkatPendidikan::S2,
            Some("Magister Manajemen"),
            "Universitas Gadjah Mada",
            date!(2004 - 03 - 20),
            None,
            Some("M.M."),
        ),
    ];
    p.jabatan = vec![RiwayatJabatan {
        id: 1,
        jenis: JenisJabatan::Struktural,
        unit_kerja: "Sekretariat Jenderal, Badan Kepegawaian Negara".into(),
        jabatan: "Staf Ahli Bidang Transformasi Digital".into(),
        eselon: Some(Eselon::IIA),
        sk: sk("KEP-0051/BKN/2024", date!(2024 - 01 - 18)),
        tmt: date!(2024 - 02 - 01),
        tanggal_pelantikan: Some(date!(2024 - 02 - 01)),
    }];
    p.diklat = vec![RiwayatDiklat {
        id: 1,
        nama: "Orientasi Pejabat Pimpinan Tinggi".into(),
        penyelenggara: "Lembaga Administrasi Negara".into(),
        jumlah_jam: Some(32),
        tanggal_mulai: date!(2024 - 03 - 04),
        tanggal_selesai: date!(2024 - 03 - 07),
        nomor_sertifikat: None,
    }];
    p.keluarga = vec![
        AnggotaKeluarga::Pasangan(Pasangan {
            id: 1,
            identitas: identitas(
                "Andi Nurhayati",
                Some("7371024407785001"),
                "Makassar",
                date!(1978 - 07 - 04),
                Perempuan,
                true,
            ),
            akta_nikah: Some(Akta {
                nomor: "0122/017/II/2003".into(),
                tanggal: date!(2003 - 02 - 15),
            }),
            akta_cerai: None,
        }),
        AnggotaKeluarga::Anak(Anak {
            id: 2,
            identitas: identitas(
                "Andi Muhammad Fikri",
                Some("7371021203045002"),
                "Makassar",
                date!(2004 - 03 - 12),
                LakiLaki,
                true,
            ),
            status: StatusAnak::Kandung,
            pasangan_id: Some(1),
        }),
    ];
    p.organisasi = vec![RiwayatOrganisasi {
        id: 1,
        nama: "Ikatan Sarjana Ekonomi Indonesia".into(),
        jabatan: "Anggota".into(),
        tanggal_mulai: date!(2005 - 01 - 01),
        tanggal_selesai: None,
    }];
    Ok(p)
}

/// Loads the demo set when `pegawai` is empty; returns whether it did. Safe to call
/// from several processes at once: an advisory lock serialises them and the
/// emptiness check runs under it, inside the loading transaction.
async fn demo_accounts(tx: &mut sqlx::Transaction<'_, sqlx::Postgres>) -> anyhow::Result<()> {
    let hash = app::auth::hashing::hash_password(DEMO_PASSWORD.to_owned()).await?;
    for nip in [DEMO_PNS_NIP, DEMO_PPPK_NIP] {
        sqlx::query(
            "INSERT INTO akun (pegawai_id, password_hash, activated_at, password_changed_at)
             SELECT id, $2, now(), now() FROM pegawai WHERE nomor_induk = $1",
        )
        .bind(nip)
        .bind(&hash)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO peran (pegawai_id, peran, lingkup) SELECT id, 'admin_bkn', 'pusat' FROM pegawai WHERE nomor_induk = $1",
    )
    .bind(DEMO_PNS_NIP)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn load_demo_if_empty(pool: &PgPool) -> anyhow::Result<bool> {
    let reference = Reference::load(pool).await?;
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock(8126202611)")
        .execute(&mut *tx)
        .await?;
    let (exists,): (bool,) = sqlx::query_as("SELECT EXISTS (SELECT 1 FROM pegawai)")
        .fetch_one(&mut *tx)
        .await?;
    if exists {
        return Ok(false);
    }
    let generator = Generator::new(&reference, DEMO_SEED);
    let named = [
        demo_pns(&reference)?,
        demo_pppk(&reference)?,
        demo_ppt(&reference)?,
    ];
    let mut batch = Batch::with_capacity(DEMO_GENERATED as usize + named.len());
    let employees = (0..DEMO_GENERATED)
        .map(|i| generator.pegawai(i))
        .chain(named);
    for (index, p) in employees.enumerate() {
        let index = index as i64;
        batch.push(&p, index + 1, index * RIWAYAT_SLOTS);
    }
    copy_batch(&mut tx, &batch).await?;
    demo_accounts(&mut tx).await?;
    for table in super::copy::tables_with_id().chain(["pegawai"]) {
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} HAVING max(id) IS NOT NULL"
        ))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}
