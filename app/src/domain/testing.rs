//! Proptest strategies for *valid* domain values, shared with other crates' tests
//! through the `testing` feature. Every generated value parses; tests that need
//! invalid input mutate these.

use proptest::collection::vec;
use proptest::prelude::*;
use time::macros::date;
use time::{Date, Duration, Month};

use super::data_personal::{Alamat, DataPersonal, NomorInduk};
use super::email::Email;
use super::masa_kerja::MasaKerja;
use super::mobile_number::MobileNumber;
use super::nik::Nik;
use super::nip::Nip;
use super::npwp::Npwp;
use super::pegawai::Pegawai;
use super::reference::*;
use super::riwayat::*;
use super::sk::Sk;
use super::year_month::YearMonth;

/// Any date from `from` to `to`, both included.
pub fn date_between(from: Date, to: Date) -> impl Strategy<Value = Date> {
    (from.to_julian_day()..=to.to_julian_day())
        .prop_map(|day| Date::from_julian_day(day).expect("within the given dates"))
}

pub fn gender() -> impl Strategy<Value = JenisKelamin> {
    prop_oneof![Just(JenisKelamin::LakiLaki), Just(JenisKelamin::Perempuan)]
}

/// The parts a NIP (or NI PPPK) is made of.
#[derive(Clone, Copy, Debug)]
pub struct NomorIndukParts {
    pub birth_date: Date,
    pub appointed: YearMonth,
    pub gender: JenisKelamin,
    pub sequence: u16,
}

impl NomorIndukParts {
    /// The 18 digits these parts encode.
    pub fn digits(&self) -> String {
        let b = self.birth_date;
        let gender = match self.gender {
            JenisKelamin::LakiLaki => 1,
            JenisKelamin::Perempuan => 2,
        };
        format!(
            "{:04}{:02}{:02}{:04}{:02}{gender}{:03}",
            b.year(),
            b.month() as u8,
            b.day(),
            self.appointed.year(),
            self.appointed.month() as u8,
            self.sequence
        )
    }
}

/// Parts over the whole 4-digit calendar, to exercise the parser, not realism.
pub fn nomor_induk_parts() -> impl Strategy<Value = NomorIndukParts> {
    (
        date_between(date!(0000 - 01 - 01), date!(9999 - 12 - 31)),
        0i32..=100,
        1u8..=12,
        gender(),
        1u16..=999,
    )
        .prop_map(|(birth_date, years, month, gender, sequence)| {
            let year = (birth_date.year() + years).min(9999);
            let candidate = YearMonth::new(year, month).expect("month in 1..=12");
            NomorIndukParts {
                birth_date,
                appointed: candidate.max(YearMonth::of(birth_date)),
                gender,
                sequence,
            }
        })
}

pub fn nip() -> impl Strategy<Value = Nip> {
    nomor_induk_parts().prop_map(|p| Nip::parse(&p.digits()).expect("generated NIPs are valid"))
}

/// The parts a NIK is made of.
#[derive(Clone, Copy, Debug)]
pub struct NikParts {
    pub province: u8,
    pub regency: u8,
    pub district: u8,
    pub birth_date: Date,
    pub gender: JenisKelamin,
    pub sequence: u16,
}

impl NikParts {
    pub fn digits(&self) -> String {
        let offset = match self.gender {
            JenisKelamin::LakiLaki => 0,
            JenisKelamin::Perempuan => 40,
        };
        let b = self.birth_date;
        format!(
            "{:02}{:02}{:02}{:02}{:02}{:02}{:04}",
            self.province,
            self.regency,
            self.district,
            b.day() + offset,
            b.month() as u8,
            b.year().rem_euclid(100),
            self.sequence
        )
    }
}

pub fn nik_parts_for(birth_date: Date, gender: JenisKelamin) -> impl Strategy<Value = NikParts> {
    (11u8..=96, 1u8..=99, 1u8..=99, 1u16..=9999).prop_map(
        move |(province, regency, district, sequence)| NikParts {
            province,
            regency,
            district,
            birth_date,
            gender,
            sequence,
        },
    )
}

pub fn nik_parts() -> impl Strategy<Value = NikParts> {
    (
        date_between(date!(1900 - 01 - 01), date!(2099 - 12 - 31)),
        gender(),
    )
        .prop_flat_map(|(birth, gender)| nik_parts_for(birth, gender))
}

pub fn nik_for(birth_date: Date, gender: JenisKelamin) -> impl Strategy<Value = Nik> {
    nik_parts_for(birth_date, gender)
        .prop_map(|p| Nik::parse(&p.digits()).expect("generated NIKs are valid"))
}

pub fn nik() -> impl Strategy<Value = Nik> {
    nik_parts().prop_map(|p| Nik::parse(&p.digits()).expect("generated NIKs are valid"))
}

/// E-mail addresses as typed: the domain may be in any case.
pub fn email_input() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_+-]{1,12}(\\.[A-Za-z0-9_+-]{1,8}){0,2}@[A-Za-z0-9]{1,10}(-[a-z0-9]{1,5})?\\.(com|id|CO\\.ID|go\\.id|org)"
}

pub fn email() -> impl Strategy<Value = Email> {
    email_input().prop_map(|s| Email::parse(&s).expect("generated e-mails are valid"))
}

/// Mobile numbers as typed: with `0`, `62` or `+62`, and with or without separators.
pub fn mobile_number_input() -> impl Strategy<Value = String> {
    (
        "8[1-9][0-9]{7,10}",
        prop_oneof![Just("0"), Just("62"), Just("+62"), Just("+62 ")],
        prop_oneof![Just(""), Just("-"), Just(" "), Just(".")],
    )
        .prop_map(|(subscriber, prefix, separator)| {
            let (head, tail) = subscriber.split_at(3);
            format!("{prefix}{head}{separator}{tail}")
        })
}

pub fn mobile_number() -> impl Strategy<Value = MobileNumber> {
    mobile_number_input()
        .prop_map(|s| MobileNumber::parse(&s).expect("generated numbers are valid"))
}

/// 15-digit legacy NPWPs (punctuated or not), NIK-based ones and `0`-prefixed ones.
pub fn npwp_input() -> impl Strategy<Value = String> {
    let legacy = "[0-9]{14}[1-9]";
    prop_oneof![
        legacy.prop_map(|d| d),
        legacy.prop_map(|d| format!(
            "{}.{}.{}.{}-{}.{}",
            &d[0..2],
            &d[2..5],
            &d[5..8],
            &d[8..9],
            &d[9..12],
            &d[12..15]
        )),
        legacy.prop_map(|d| format!("0{d}")),
        nik().prop_map(String::from),
    ]
}

pub fn npwp() -> impl Strategy<Value = Npwp> {
    npwp_input().prop_map(|s| Npwp::parse(&s).expect("generated NPWPs are valid"))
}

fn years_after(date: Date, years: i32, month: u8) -> Date {
    let month = Month::try_from(month).expect("month in 1..=12");
    Date::from_calendar_date(date.year() + years, month, 1).expect("first of a month")
}

fn sk(nomor: &str, tanggal: Date) -> Sk {
    Sk {
        nomor: nomor.to_owned(),
        tanggal,
    }
}

fn identitas(name: &str, birth_date: Date, gender: JenisKelamin) -> Identitas {
    Identitas {
        nama: name.to_owned(),
        nik: None,
        tempat_lahir: Some("Bandung".to_owned()),
        tanggal_lahir: Some(birth_date),
        jenis_kelamin: gender,
        masih_hidup: true,
    }
}

/// A PNS whose record passes every rule without an error, with all histories filled.
///
/// `today` must be after 2000-01-01; everything that must not lie in the future is
/// at least 40 years after birth at most, and birth is at least 40 years ago.
pub fn pegawai_pns(today: Date) -> impl Strategy<Value = Pegawai> {
    let latest_birth = years_after(today, -40, 1);
    let identity = (
        date_between(date!(1950 - 01 - 01), latest_birth),
        gender(),
        1u16..=999,
        19i32..=35,
        1u8..=12,
    );
    let career = (
        1i32..=2,
        0usize..=8,
        vec((2i32..=5, 1usize..=2), 0..=5),
        any::<prop::sample::Index>(),
        proptest::bool::ANY,
    );
    (identity, career)
        .prop_flat_map(move |(identity, career)| {
            let (birth, gender, sequence, age, month) = identity;
            let tmt_cpns = years_after(birth, age, month);
            let parts = NomorIndukParts {
                birth_date: birth,
                appointed: YearMonth::of(tmt_cpns),
                gender,
                sequence,
            };
            let nip = Nip::parse(&parts.digits()).expect("generated NIPs are valid");
            (nik_for(birth, gender), Just((nip, tmt_cpns, career)))
        })
        .prop_map(move |(nik, (nip, tmt_cpns, career))| {
            build_pns(nip, nik, tmt_cpns, career, today)
        })
}

type Career = (i32, usize, Vec<(i32, usize)>, prop::sample::Index, bool);

fn build_pns(nip: Nip, nik: Nik, tmt_cpns: Date, career: Career, today: Date) -> Pegawai {
    let (pns_after, first_rank, steps, shuffle, female_spouse) = career;
    let birth = nip.birth_date();
    let gender = nip.gender();
    let tmt_pns = years_after(tmt_cpns, pns_after, tmt_cpns.month() as u8);

    let mut pangkat = Vec::new();
    let mut rank = first_rank;
    let mut tmt = tmt_cpns;
    pangkat.push(rank_record(
        0,
        rank,
        JenisKenaikanPangkat::PengangkatanCpns,
        tmt,
    ));
    for (i, (gap, step)) in steps.into_iter().enumerate() {
        rank = (rank + step).min(GolonganPns::all().len() - 1);
        tmt = years_after(tmt, gap, 4);
        pangkat.push(rank_record(
            i as i64 + 1,
            rank,
            JenisKenaikanPangkat::Reguler,
            tmt,
        ));
    }
    // Entry order is not TMT order in real data; the checks must not depend on it.
    let rotate = shuffle.index(pangkat.len());
    pangkat.rotate_left(rotate);

    let graduation = Date::from_calendar_date(tmt_cpns.year() - 1, Month::June, 30)
        .expect("a real date")
        .min(today);
    let married = years_after(birth, 25, 6);
    let spouse_gender = if female_spouse {
        JenisKelamin::Perempuan
    } else {
        JenisKelamin::LakiLaki
    };
    let name = "Siti Aminah".to_owned();
    let personal = DataPersonal {
        nama: name,
        gelar_depan: vec![],
        gelar_belakang: vec!["S.Kom.".to_owned()],
        nomor_induk: NomorInduk::Nip(nip),
        nik,
        tempat_lahir: "Bandung".to_owned(),
        tanggal_lahir: birth,
        jenis_kelamin: gender,
        agama: Agama::Islam,
        status_perkawinan: StatusPerkawinan::Kawin,
        alamat: Alamat::default(),
        email: Some(Email::parse("siti@bkn.go.id").expect("valid")),
        nomor_hp: Some(MobileNumber::parse("081234567890").expect("valid")),
        npwp: None,
        bpjs: Some("0001234567890".to_owned()),
        taspen: None,
        jenis_pegawai: JenisPegawai::Pns,
        status_hukum: StatusHukum::Aktif,
        instansi_id: 1,
        unit_kerja_id: 10,
        golongan: Some(Golongan::Pns(GolonganPns::all()[rank])),
        jabatan: "Analis Kepegawaian".to_owned(),
    };
    let diklat_start = tmt_cpns + Duration::days(30);
    Pegawai {
        personal,
        jabatan: vec![
            RiwayatJabatan {
                id: 1,
                jenis: JenisJabatan::Pelaksana,
                unit_kerja: "Biro Kepegawaian".to_owned(),
                jabatan: "Pengadministrasi Umum".to_owned(),
                eselon: None,
                sk: sk("SK/JAB/1", tmt_cpns),
                tmt: tmt_cpns,
                tanggal_pelantikan: None,
            },
            RiwayatJabatan {
                id: 2,
                jenis: JenisJabatan::Struktural,
                unit_kerja: "Biro Kepegawaian".to_owned(),
                jabatan: "Kepala Subbagian".to_owned(),
                eselon: Some(Eselon::IVA),
                sk: sk("SK/JAB/2", tmt_pns),
                tmt: tmt_pns,
                tanggal_pelantikan: Some(tmt_pns),
            },
        ],
        pendidikan: vec![RiwayatPendidikan {
            id: 1,
            tingkat: TingkatPendidikan::S1,
            jurusan: Some("Teknik Informatika".to_owned()),
            nama_sekolah: "Universitas Padjadjaran".to_owned(),
            tanggal_lulus: graduation,
            nomor_ijazah: Some("IJZ/1".to_owned()),
            gelar_depan: None,
            gelar_belakang: Some("S.Kom.".to_owned()),
        }],
        diklat: vec![RiwayatDiklat {
            id: 1,
            nama: "Latsar CPNS".to_owned(),
            penyelenggara: "BPSDM".to_owned(),
            jumlah_jam: Some(40),
            tanggal_mulai: diklat_start,
            tanggal_selesai: diklat_start + Duration::days(20),
            nomor_sertifikat: Some("STTPL/1".to_owned()),
        }],
        skp: vec![RiwayatSkp {
            id: 1,
            tahun: 2024,
            hasil_kerja: Ekspektasi::Sesuai,
            perilaku_kerja: Ekspektasi::DiAtas,
            predikat: PredikatSkp::Baik,
            penilai_nama: "Budi Santoso".to_owned(),
            penilai_nip: None,
        }],
        penghargaan: vec![RiwayatPenghargaan {
            id: 1,
            nama: "Satyalancana Karya Satya X Tahun".to_owned(),
            sk: sk("KEPPRES/1", years_after(tmt_cpns, 10, 8)),
            tahun: tmt_cpns.year() + 10,
        }],
        pangkat,
        keluarga: vec![
            AnggotaKeluarga::Pasangan(Pasangan {
                id: 1,
                identitas: identitas("Pasangan", birth, spouse_gender),
                akta_nikah: Some(Akta {
                    nomor: "NIKAH/1".to_owned(),
                    tanggal: married,
                }),
                akta_cerai: None,
            }),
            AnggotaKeluarga::Anak(Anak {
                id: 2,
                identitas: identitas("Anak", years_after(married, 1, 9), JenisKelamin::Perempuan),
                status: StatusAnak::Kandung,
                pasangan_id: Some(1),
            }),
            AnggotaKeluarga::OrangTua(OrangTua {
                id: 3,
                identitas: identitas("Ayah", years_after(birth, -30, 1), JenisKelamin::LakiLaki),
            }),
        ],
        peninjauan_masa_kerja: vec![RiwayatPeninjauanMasaKerja {
            id: 1,
            pemberi_kerja: "RS Swasta".to_owned(),
            tanggal_mulai: years_after(tmt_cpns, -1, 1),
            tanggal_selesai: years_after(tmt_cpns, -1, 12),
            sk: sk("PMK/1", tmt_pns),
            persetujuan_bkn: None,
            masa_kerja: MasaKerja::new(0, 11).expect("valid"),
        }],
        pindah_instansi: vec![RiwayatPindahInstansi {
            id: 1,
            instansi_asal_id: 2,
            instansi_tujuan_id: 1,
            sk: sk("PINDAH/1", tmt_pns),
            tmt: tmt_pns,
        }],
        cltn: vec![RiwayatCltn {
            id: 1,
            sk: sk("CLTN/1", years_after(tmt_pns, 3, 1)),
            tanggal_mulai: years_after(tmt_pns, 3, 2),
            tanggal_selesai: years_after(tmt_pns, 4, 2),
            tanggal_aktif_kembali: Some(years_after(tmt_pns, 4, 3)),
            sk_aktif_kembali: Some(sk("AKTIF/1", years_after(tmt_pns, 4, 3))),
        }],
        cpns_pns: Some(RiwayatCpnsPns {
            sk_cpns: sk("CPNS/1", tmt_cpns),
            tmt_cpns,
            sk_pns: Some(sk("PNS/1", tmt_pns)),
            tmt_pns: Some(tmt_pns),
            sttpl: Some(sk("STTPL/1", diklat_start)),
            spmt: Some(sk("SPMT/1", tmt_cpns)),
        }),
        organisasi: vec![RiwayatOrganisasi {
            id: 1,
            nama: "KORPRI".to_owned(),
            jabatan: "Anggota".to_owned(),
            tanggal_mulai: tmt_cpns,
            tanggal_selesai: None,
        }],
    }
}

fn rank_record(id: i64, rank: usize, jenis_kp: JenisKenaikanPangkat, tmt: Date) -> RiwayatPangkat {
    RiwayatPangkat {
        id,
        golongan: GolonganPns::all()[rank],
        jenis_kp,
        sk: sk(&format!("KP/{id}"), tmt - Duration::days(60)),
        tmt,
        persetujuan_bkn: None,
        masa_kerja: MasaKerja::new(0, 0).expect("valid"),
    }
}
