//! One employee from (seed, index): identity from `identity::KeySpace`, everything
//! else from a ChaCha8 stream seeded by both, so any index can be generated alone,
//! on any thread, in any order, and always comes out the same.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration, Month};

use app::domain::data_personal::{Alamat, DataPersonal, NomorInduk};
use app::domain::masa_kerja::MasaKerja;
use app::domain::reference::*;
use app::domain::riwayat::*;
use app::domain::sk::Sk;
use app::domain::{Email, MobileNumber, NiPppk, Nik, Nip, Npwp, Pegawai};

use super::catalog::{self, Programme};
use super::identity::{nik_digits, nomor_induk_digits, Key, KeySpace};
use super::names::{self, Culture};
use super::reference::{Agency, Reference};

/// The date the generated world stands at: every event lies on or before it. Fixed,
/// so that output does not depend on the day the generator runs.
pub const AS_OF: Date = time::macros::date!(2026 - 06 - 30);

/// Family members' NIK sequences start here; employees' stay below 1000, the demo
/// employees' above 9000, so an employee's NIK never repeats a relative's.
const FAMILY_NIK_SEQUENCE: u16 = 5000;

pub struct Generator<'r> {
    reference: &'r Reference,
    keys: KeySpace,
    seed: u64,
}

/// Roughly what a person does, which shapes education, positions and courses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Teacher,
    Health,
    Religious,
    General,
}

/// Context shared by the parts of one employee.
struct Ctx<'a> {
    rng: ChaCha8Rng,
    key: Key,
    agency: &'a Agency,
    unit_name: &'a str,
    district: usize,
    culture: Culture,
    role: Role,
}

fn ymd(year: i32, month: u8, day: u8) -> Date {
    let month = Month::try_from(month).expect("month 1..=12");
    let day = day.min(month.length(year));
    Date::from_calendar_date(year, month, day).expect("valid day")
}

fn add_months(date: Date, months: i32) -> Date {
    let total = date.year() * 12 + date.month() as i32 - 1 + months;
    ymd(
        total.div_euclid(12),
        (total.rem_euclid(12) + 1) as u8,
        date.day(),
    )
}

fn first_of_month(date: Date) -> Date {
    ymd(date.year(), date.month() as u8, 1)
}

fn months_between(from: Date, to: Date) -> i32 {
    let m = (to.year() - from.year()) * 12 + (to.month() as i32 - from.month() as i32);
    if to.day() < from.day() {
        m - 1
    } else {
        m
    }
}

fn between(rng: &mut impl Rng, from: Date, to: Date) -> Date {
    if to <= from {
        return from;
    }
    let days = (to - from).whole_days();
    from + Duration::days(rng.random_range(0..=days))
}

fn sk(nomor: String, tanggal: Date) -> Sk {
    Sk { nomor, tanggal }
}

fn roman_month(m: Month) -> &'static str {
    [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ][m as usize - 1]
}

impl<'r> Generator<'r> {
    pub fn new(reference: &'r Reference, seed: u64) -> Self {
        Self {
            reference,
            keys: KeySpace::new(),
            seed,
        }
    }

    /// How many distinct employees can be generated.
    pub fn capacity(&self) -> u64 {
        self.keys.capacity()
    }

    pub fn reference(&self) -> &Reference {
        self.reference
    }

    fn rng(&self, index: u64) -> ChaCha8Rng {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&self.seed.to_le_bytes());
        bytes[8..16].copy_from_slice(&index.to_le_bytes());
        bytes[16..24].copy_from_slice(b"mutakhir");
        ChaCha8Rng::from_seed(bytes)
    }

    /// The employee at `index`. Panics beyond `capacity()`.
    pub fn pegawai(&self, index: u64) -> Pegawai {
        let key = self
            .keys
            .key(index)
            .unwrap_or_else(|| panic!("index {index} exceeds the generator's capacity"));
        let mut rng = self.rng(index);
        let agency = self.reference.agency(rng.random());
        let unit = agency.unit(rng.random());
        let d = &agency.districts;
        // Central agencies: 70% live around Jakarta, the rest anywhere.
        let district = if agency.is_pusat() && rng.random_bool(0.3) {
            rng.random_range(0..self.reference.districts.len())
        } else {
            rng.random_range(d.start..d.end)
        };
        let province = &self.reference.districts[district].code[..2];
        let culture = names::weighted(names::cultures(province), &mut rng);
        let role = match (unit.name.as_str(), agency.code.as_str()) {
            ("Dinas Pendidikan", _) => Role::Teacher,
            ("Dinas Kesehatan" | "Rumah Sakit Umum Daerah", _) | (_, "KEMENKES") => Role::Health,
            (_, "KEMENAG") => Role::Religious,
            (_, "KEMDIKTISAINTEK") if rng.random_bool(0.6) => Role::Teacher,
            _ => Role::General,
        };
        let mut ctx = Ctx {
            rng,
            key,
            agency,
            unit_name: &unit.name,
            district,
            culture,
            role,
        };
        let age = age_on(key.birth_date, AS_OF);
        let draw: f64 = ctx.rng.random();
        let jenis = if draw < 0.01 && age >= 40 {
            JenisPegawai::PptNonAsn
        } else if draw < 0.15 {
            JenisPegawai::Pppk
        } else {
            JenisPegawai::Pns
        };
        let mut p = self.personal(&mut ctx, unit.id);
        match jenis {
            JenisPegawai::Pns => self.pns(&mut ctx, &mut p),
            JenisPegawai::Pppk => self.pppk(&mut ctx, &mut p),
            JenisPegawai::PptNonAsn => self.ppt(&mut ctx, &mut p),
        }
        self.family(&mut ctx, &mut p);
        p
    }

    /// Data Personal without the parts that depend on the employee type.
    fn personal(&self, ctx: &mut Ctx, unit_id: i64) -> Pegawai {
        let key = ctx.key;
        let rng = &mut ctx.rng;
        let agama = names::agama(ctx.culture, rng);
        let name = names::full_name(ctx.culture, agama, key.gender, rng);
        let district = &self.reference.districts[ctx.district];
        let nik = Nik::parse(&nik_digits(
            &district.digits,
            key.birth_date,
            key.gender,
            key.sequence,
        ))
        .expect("generated NIKs are valid");
        let birth_place = if rng.random_bool(0.65) {
            district.city.clone()
        } else {
            let other = rng.random_range(0..self.reference.districts.len());
            self.reference.districts[other].city.clone()
        };
        let email = rng.random_bool(0.9).then(|| {
            let mut words = name.split(' ').filter(|w| w.len() > 2).map(|w| {
                w.to_ascii_lowercase()
                    .replace(|c: char| !c.is_ascii_alphanumeric(), "")
            });
            let first = words.next().unwrap_or_else(|| "asn".into());
            let last = words.next_back().unwrap_or_default();
            let domain = names::weighted(&catalog::EMAIL_DOMAINS, rng);
            let sep = if rng.random_bool(0.5) { "." } else { "" };
            Email::parse(&format!("{first}{sep}{last}{}@{domain}", key.scattered))
                .expect("generated e-mails are valid")
        });
        let mobile = rng.random_bool(0.88).then(|| {
            let digits: u64 = rng.random_range(10_000_000..100_000_000);
            let prefix = names::one(&catalog::MOBILE_PREFIXES, rng);
            MobileNumber::parse(&format!("{prefix}{digits}")).expect("valid mobile")
        });
        let npwp = match rng.random_range(0..100) {
            0..55 => Some(Npwp::parse(nik.as_str()).expect("a NIK is an NPWP")),
            55..75 => {
                let d: u64 = rng.random_range(10_000_000_000_000..100_000_000_000_000);
                Npwp::parse(&format!("{d}{}", rng.random_range(1..10))[..15]).ok()
            }
            _ => None,
        };
        let street = names::one(&catalog::STREETS, rng);
        let address = Alamat {
            jalan: format!(
                "{street} No. {}, RT {:03}/RW {:03}",
                rng.random_range(1..200),
                rng.random_range(1..15),
                rng.random_range(1..12)
            ),
            kode_kecamatan: Some(district.code.clone()),
            kode_pos: Some(format!(
                "{}{:04}",
                postal_region(&district.code[..2]),
                rng.random_range(1000..10000)
            )),
        };
        let bpjs = rng
            .random_bool(0.95)
            .then(|| format!("000{:010}", rng.random_range(0..10_000_000_000u64)));
        Pegawai::new(DataPersonal {
            nama: name,
            gelar_depan: Vec::new(),
            gelar_belakang: Vec::new(),
            nomor_induk: NomorInduk::NonAsn,
            nik,
            tempat_lahir: birth_place,
            tanggal_lahir: key.birth_date,
            jenis_kelamin: key.gender,
            agama,
            status_perkawinan: StatusPerkawinan::BelumKawin,
            alamat: address,
            email,
            nomor_hp: mobile,
            npwp,
            bpjs,
            taspen: None,
            jenis_pegawai: JenisPegawai::Pns,
            status_hukum: StatusHukum::Aktif,
            instansi_id: ctx.agency.id,
            unit_kerja_id: unit_id,
            golongan: None,
            jabatan: String::new(),
        })
    }

    /// The education a person had at appointment, with the latest feasible level.
    /// Returns the records in graduation order.
    fn education(&self, ctx: &mut Ctx, latest_entry_age: i32) -> Vec<(Programme, Date)> {
        let birth = ctx.key.birth_date;
        let rng = &mut ctx.rng;
        // (level id, weight): 0 SD, 1 SLTP, 2 SLTA, 3 D3, 4 D4, 5 S1, 6 dokter/ners, 7 S2, 8 S3
        let table: &[(u8, u32)] = match ctx.role {
            Role::Teacher => &[(2, 4), (3, 4), (5, 75), (7, 15), (8, 2)],
            Role::Health => &[(2, 5), (3, 45), (4, 5), (5, 15), (6, 25), (7, 5)],
            Role::Religious => &[(2, 10), (3, 5), (5, 65), (7, 17), (8, 3)],
            Role::General => &[
                (0, 1),
                (1, 2),
                (2, 20),
                (3, 13),
                (4, 3),
                (5, 45),
                (7, 14),
                (8, 2),
            ],
        };
        let mut level = names::weighted(table, rng);
        // Typical graduation ages; lower the level until appointment fits the age.
        let grad_age = |l: u8| match l {
            0 => 12,
            1 => 15,
            2 => 18,
            3 => 21,
            4 | 5 => 22,
            6 => 24,
            7 => 26,
            _ => 31,
        };
        while level > 2 && grad_age(level) + 1 > latest_entry_age {
            level -= 1;
        }
        let graduation = |rng: &mut ChaCha8Rng, age: i32| {
            ymd(
                birth.year() + age,
                rng.random_range(6..=9),
                rng.random_range(1..=28),
            )
        };
        let pick = |rng: &mut ChaCha8Rng, list: &[Programme]| list[rng.random_range(0..list.len())];
        let mut out = Vec::new();
        let slta = |rng: &mut ChaCha8Rng| {
            let (tingkat, major) = match rng.random_range(0..10) {
                0..6 => (TingkatPendidikan::Slta, "IPA"),
                6..8 => (TingkatPendidikan::Slta, "IPS"),
                _ => (TingkatPendidikan::SltaKejuruan, "Akuntansi"),
            };
            Programme {
                tingkat,
                major,
                front: None,
                back: None,
            }
        };
        match level {
            0 => out.push((
                Programme {
                    tingkat: TingkatPendidikan::Sd,
                    major: "",
                    front: None,
                    back: None,
                },
                graduation(rng, 12),
            )),
            1 => {
                out.push((
                    Programme {
                        tingkat: TingkatPendidikan::Sd,
                        major: "",
                        front: None,
                        back: None,
                    },
                    graduation(rng, 12),
                ));
                out.push((
                    Programme {
                        tingkat: TingkatPendidikan::Sltp,
                        major: "",
                        front: None,
                        back: None,
                    },
                    graduation(rng, 15),
                ));
            }
            _ => {
                let s = slta(rng);
                out.push((s, graduation(rng, 18)));
            }
        }
        let s1 = |rng: &mut ChaCha8Rng| match ctx.role {
            Role::Teacher => pick(rng, &catalog::S1_TEACHER),
            Role::Religious => pick(rng, &catalog::S1_RELIGIOUS),
            Role::Health => pick(rng, &[*catalog::S1_NURSE]),
            Role::General => pick(rng, &catalog::S1_GENERAL),
        };
        match level {
            3 => {
                let list = if ctx.role == Role::Health {
                    &catalog::D3_HEALTH
                } else {
                    &catalog::D3_GENERAL
                };
                out.push((pick(rng, list), graduation(rng, 21)));
            }
            4 => out.push((pick(rng, &catalog::D4), graduation(rng, 22))),
            5 => {
                let p = s1(rng);
                let age = rng.random_range(22..=23).min(latest_entry_age - 1);
                out.push((p, graduation(rng, age)));
            }
            6 => {
                let (s1p, prof) = if rng.random_bool(0.4) {
                    (*catalog::S1_MEDICINE, *catalog::DOKTER)
                } else {
                    (*catalog::S1_NURSE, *catalog::NERS)
                };
                out.push((s1p, graduation(rng, 22)));
                out.push((prof, graduation(rng, 24)));
            }
            7 | 8 => {
                let p = s1(rng);
                out.push((p, graduation(rng, 22)));
                let s2 = if ctx.role == Role::Teacher {
                    &catalog::S2_TEACHER
                } else {
                    &catalog::S2
                };
                let age = rng
                    .random_range(25..=27)
                    .min(latest_entry_age - 1 - 5 * i32::from(level == 8));
                out.push((pick(rng, s2), graduation(rng, age.max(24))));
                if level == 8 {
                    let age = rng.random_range(30..=32).min(latest_entry_age - 1);
                    out.push((pick(rng, &catalog::S3), graduation(rng, age.max(29))));
                }
            }
            _ => {}
        }
        out
    }

    fn pendidikan_records(&self, ctx: &mut Ctx, education: &[(Programme, Date)], p: &mut Pegawai) {
        let district = &self.reference.districts[ctx.district];
        for (i, (programme, date)) in education.iter().enumerate() {
            let rng = &mut ctx.rng;
            let school = match programme.tingkat {
                TingkatPendidikan::Sd => {
                    format!("SD Negeri {} {}", rng.random_range(1..60), district.city)
                }
                TingkatPendidikan::Sltp => {
                    format!("SMP Negeri {} {}", rng.random_range(1..30), district.city)
                }
                TingkatPendidikan::Slta => {
                    format!("SMA Negeri {} {}", rng.random_range(1..15), district.city)
                }
                TingkatPendidikan::SltaKejuruan => {
                    format!("SMK Negeri {} {}", rng.random_range(1..10), district.city)
                }
                _ => names::one(&catalog::UNIVERSITIES, rng).to_owned(),
            };
            let certificate_number = match programme.tingkat {
                TingkatPendidikan::Sd | TingkatPendidikan::Sltp => None,
                t if !t.is_higher_education() => Some(format!(
                    "DN-{} Ma {:07}",
                    &district.code[..2],
                    rng.random_range(0..10_000_000)
                )),
                _ => Some(format!(
                    "{}/{}/{:05}",
                    date.year(),
                    programme.tingkat.code().to_uppercase(),
                    rng.random_range(1..100_000)
                )),
            };
            p.pendidikan.push(RiwayatPendidikan {
                id: i as i64 + 1,
                tingkat: programme.tingkat,
                jurusan: (!programme.major.is_empty()).then(|| programme.major.to_owned()),
                nama_sekolah: school,
                tanggal_lulus: *date,
                nomor_ijazah: certificate_number,
                gelar_depan: programme.front.map(str::to_owned),
                gelar_belakang: programme.back.map(str::to_owned),
            });
        }
        apply_titles(&mut p.personal, education.iter().map(|(p, _)| p));
    }

    fn pns(&self, ctx: &mut Ctx, p: &mut Pegawai) {
        let birth = ctx.key.birth_date;
        let age_now = age_on(birth, AS_OF);
        // Appointment at 22–35, and no later than three months before AS_OF.
        let latest_entry_age = 35.min(age_now);
        let education = self.education(ctx, latest_entry_age);
        let entry_grad = education.last().expect("some education").1;
        let rng = &mut ctx.rng;
        let min_age = (age_on(birth, entry_grad) + 1).max(22);
        let entry_age = if min_age >= latest_entry_age {
            latest_entry_age
        } else {
            // Skewed towards the first years after graduation.
            let span = latest_entry_age - min_age;
            min_age + (span as f64 * rng.random::<f64>().powi(2)).round() as i32
        };
        let mut tmt_cpns = ymd(
            birth.year() + entry_age,
            *[1u8, 3, 3, 4, 7, 12].get(rng.random_range(0..6)).unwrap(),
            1,
        );
        let latest = first_of_month(AS_OF - Duration::days(90));
        let earliest = first_of_month(add_months(entry_grad, 3)).max(ymd(
            birth.year() + 22,
            birth.month() as u8,
            1,
        ));
        tmt_cpns = tmt_cpns.clamp(earliest.min(latest), latest);
        let entry_level = education.last().unwrap().0.tingkat;
        let later_degree = entry_level == TingkatPendidikan::S1 && rng.random_bool(0.2);
        let nip = Nip::parse(&nomor_induk_digits(
            birth,
            tmt_cpns.year(),
            tmt_cpns.month(),
            ctx.key.gender,
            ctx.key.sequence,
        ))
        .expect("generated NIPs are valid");
        p.personal.nomor_induk = NomorInduk::Nip(nip);
        p.personal.jenis_pegawai = JenisPegawai::Pns;
        p.personal.taspen = Some(format!(
            "{:013}",
            rng.random_range(0..10_000_000_000_000u64)
        ));
        let regional = !ctx.agency.is_pusat();
        let office = if regional {
            "BKPSDM"
        } else {
            ctx.agency.code.as_str()
        };

        // Basic training (latsar / prajabatan), then PNS.
        let mut education = education;
        let latsar_start = add_months(tmt_cpns, rng.random_range(3..=9));
        let latsar_days = if tmt_cpns.year() >= 2018 { 50 } else { 21 };
        let latsar_end = latsar_start + Duration::days(latsar_days);
        let mut diklat = Vec::new();
        let sttpl = (latsar_end <= AS_OF).then(|| {
            let nomor = format!(
                "{:05}/LATSAR/{}/{}",
                rng.random_range(1..100_000),
                office,
                latsar_end.year()
            );
            let golongan_digit = match entry_level {
                l if l >= TingkatPendidikan::D4 => "III",
                l if l >= TingkatPendidikan::Slta => "II",
                _ => "I",
            };
            let name = if tmt_cpns.year() >= 2018 {
                format!("Pelatihan Dasar CPNS Golongan {golongan_digit}")
            } else {
                format!("Diklat Prajabatan Golongan {golongan_digit}")
            };
            diklat.push((
                name,
                if regional {
                    "Badan Pengembangan Sumber Daya Manusia Daerah".to_owned()
                } else {
                    "Lembaga Administrasi Negara".to_owned()
                },
                if tmt_cpns.year() >= 2018 { 441 } else { 240 },
                latsar_start,
                latsar_end,
                nomor.clone(),
            ));
            sk(nomor, latsar_end)
        });
        let tmt_pns = add_months(tmt_cpns, rng.random_range(12..=24));
        let tmt_pns =
            (sttpl.is_some() && tmt_pns <= AS_OF && tmt_pns > latsar_end).then_some(tmt_pns);
        let sk_year = |d: Date| d.year();
        p.cpns_pns = Some(RiwayatCpnsPns {
            sk_cpns: sk(
                format!(
                    "813/{:04}/{}/{}",
                    rng.random_range(1..10_000),
                    office,
                    sk_year(tmt_cpns)
                ),
                tmt_cpns - Duration::days(rng.random_range(10..60)),
            ),
            tmt_cpns,
            sk_pns: tmt_pns.map(|t| {
                sk(
                    format!(
                        "821.13/{:04}/{}/{}",
                        rng.random_range(1..10_000),
                        office,
                        t.year()
                    ),
                    t - Duration::days(rng.random_range(5..40)),
                )
            }),
            tmt_pns,
            sttpl,
            spmt: Some(sk(
                format!(
                    "800/{:03}/SPMT/{}",
                    rng.random_range(1..1000),
                    tmt_cpns.year()
                ),
                tmt_cpns + Duration::days(rng.random_range(0..10)),
            )),
        });

        // A degree earned in service: S-2 some years after appointment.
        if later_degree {
            let grad = add_months(tmt_cpns, rng.random_range(36..120));
            if grad < AS_OF {
                let list = if ctx.role == Role::Teacher {
                    &catalog::S2_TEACHER
                } else {
                    &catalog::S2
                };
                education.push((list[rng.random_range(0..list.len())], grad));
            }
        }
        self.pendidikan_records(ctx, &education, p);
        let rng = &mut ctx.rng;

        // Prior service (PMK), rare.
        let mut prior_months = 0;
        if rng.random_bool(0.03) {
            let end = add_months(tmt_cpns, -rng.random_range(1..6));
            let start = add_months(end, -rng.random_range(12..72)).max(add_months(entry_grad, 1));
            let sk_date = add_months(tmt_cpns, rng.random_range(12..48));
            if start < end && sk_date < AS_OF {
                prior_months = (months_between(start, end) / 2).max(0);
                let mk = MasaKerja::new((prior_months / 12) as u8, (prior_months % 12) as u8)
                    .expect("months < 12");
                p.peninjauan_masa_kerja.push(RiwayatPeninjauanMasaKerja {
                    id: 1,
                    pemberi_kerja: names::one(&catalog::EMPLOYERS, rng).to_owned(),
                    tanggal_mulai: start,
                    tanggal_selesai: end,
                    sk: sk(
                        format!(
                            "800/{:04}/PMK/{}",
                            rng.random_range(1..10_000),
                            sk_date.year()
                        ),
                        sk_date,
                    ),
                    persetujuan_bkn: Some(sk(
                        format!(
                            "PMK-{:05}/BKN/{}",
                            rng.random_range(1..100_000),
                            sk_date.year()
                        ),
                        sk_date - Duration::days(rng.random_range(7..30)),
                    )),
                    masa_kerja: mk,
                });
            }
        }

        // Ranks: the entry golongan of the education, then one step about every four years.
        let entry_rank = match entry_level {
            TingkatPendidikan::Sd => GolonganPns::IA,
            TingkatPendidikan::Sltp | TingkatPendidikan::SltpKejuruan => GolonganPns::IC,
            l if l < TingkatPendidikan::D1 => GolonganPns::IIA,
            TingkatPendidikan::D1 | TingkatPendidikan::D2 | TingkatPendidikan::D3 => {
                GolonganPns::IIC
            }
            TingkatPendidikan::D4 | TingkatPendidikan::S1 => GolonganPns::IIIA,
            TingkatPendidikan::S3 | TingkatPendidikan::Subspesialis => GolonganPns::IIIC,
            _ => GolonganPns::IIIB,
        };
        let struktural = ctx.role == Role::General && rng.random_bool(0.25);
        let cap_index = match entry_rank {
            GolonganPns::IA => 5,
            GolonganPns::IC => 6,
            GolonganPns::IIA => 9,
            GolonganPns::IIC => 10,
            GolonganPns::IIIA => 12,
            GolonganPns::IIIB => 13,
            _ => 14,
        } + usize::from(struktural || ctx.role == Role::Teacher)
            + usize::from(later_degree);
        let all = GolonganPns::all();
        let mut rank = all.iter().position(|&g| g == entry_rank).unwrap();
        let masa_kerja = |tmt: Date| {
            let m = (months_between(tmt_cpns, tmt) + prior_months).max(0);
            MasaKerja::new((m / 12).min(60) as u8, (m % 12) as u8).expect("months < 12")
        };
        let sk_cpns = p.cpns_pns.as_ref().unwrap().sk_cpns.clone();
        p.pangkat.push(RiwayatPangkat {
            id: 1,
            golongan: entry_rank,
            jenis_kp: JenisKenaikanPangkat::PengangkatanCpns,
            sk: sk_cpns,
            tmt: tmt_cpns,
            persetujuan_bkn: None,
            masa_kerja: masa_kerja(tmt_cpns),
        });
        // Promotions take effect on 1 April or 1 October.
        let mut next = add_months(tmt_cpns, 12 * rng.random_range(4..=5));
        let mut next = if (next.month() as u8) <= 4 {
            ymd(next.year(), 4, 1)
        } else if (next.month() as u8) <= 10 {
            ymd(next.year(), 10, 1)
        } else {
            next = ymd(next.year() + 1, 4, 1);
            next
        };
        let mut rank_dates = vec![(tmt_cpns, rank)];
        while next <= AS_OF && rank < cap_index.min(all.len() - 1) {
            rank += 1;
            let jenis_kp = if struktural && rank >= 11 {
                JenisKenaikanPangkat::PilihanStruktural
            } else if ctx.role == Role::Teacher && rank >= 11 {
                JenisKenaikanPangkat::PilihanFungsional
            } else {
                JenisKenaikanPangkat::Reguler
            };
            let sk_date = next - Duration::days(rng.random_range(15..75));
            let id = p.pangkat.len() as i64 + 1;
            p.pangkat.push(RiwayatPangkat {
                id,
                golongan: all[rank],
                jenis_kp,
                sk: sk(
                    format!(
                        "823.3/{:04}/{}/{}",
                        rng.random_range(1..10_000),
                        office,
                        sk_date.year()
                    ),
                    sk_date,
                ),
                tmt: next,
                persetujuan_bkn: (next.year() >= 2000 && rng.random_bool(0.8)).then(|| {
                    sk(
                        format!(
                            "KP-{:06}/BKN/{}",
                            rng.random_range(1..1_000_000),
                            sk_date.year()
                        ),
                        sk_date - Duration::days(rng.random_range(10..40)),
                    )
                }),
                masa_kerja: masa_kerja(next),
            });
            rank_dates.push((next, rank));
            next = ymd(next.year() + rng.random_range(4..=5), next.month() as u8, 1);
        }
        p.personal.golongan = Some(Golongan::Pns(all[rank]));

        // Positions follow the ranks.
        self.positions(ctx, p, &rank_dates, struktural, office);
        let rng = &mut ctx.rng;

        // Courses.
        let (course_list, _) = self.courses(ctx.role);
        let courses = rng.random_range(0..=3);
        for _ in 0..courses {
            let (name, hours) = course_list[rng.random_range(0..course_list.len())];
            let start = between(
                rng,
                tmt_cpns + Duration::days(180),
                AS_OF - Duration::days(30),
            );
            let end = start + Duration::days(i64::from(hours / 8).max(1));
            if end > AS_OF {
                continue;
            }
            diklat.push((
                name.to_owned(),
                if regional {
                    "Badan Pengembangan Sumber Daya Manusia Daerah".to_owned()
                } else {
                    format!("Pusat Pengembangan Kompetensi {}", ctx.agency.code)
                },
                hours,
                start,
                end,
                format!("{:05}/SERT/{}", rng.random_range(1..100_000), end.year()),
            ));
        }
        // Leadership training for structural positions.
        for j in p.jabatan.iter().filter(|j| j.eselon.is_some()) {
            let start = add_months(j.tmt, rng.random_range(2..12));
            let end = start + Duration::days(60);
            if end > AS_OF {
                continue;
            }
            let name = match j.eselon {
                Some(Eselon::IVA | Eselon::IVB) => "Pelatihan Kepemimpinan Pengawas",
                Some(Eselon::IIIA | Eselon::IIIB) => "Pelatihan Kepemimpinan Administrator",
                _ => "Pelatihan Kepemimpinan Nasional Tingkat II",
            };
            diklat.push((
                name.to_owned(),
                "Lembaga Administrasi Negara".to_owned(),
                300,
                start,
                end,
                format!("{:05}/PK/LAN/{}", rng.random_range(1..100_000), end.year()),
            ));
        }
        diklat.sort_by_key(|d| d.3);
        p.diklat = diklat
            .into_iter()
            .enumerate()
            .map(
                |(i, (name, organiser, hours, start, end, cert))| RiwayatDiklat {
                    id: i as i64 + 1,
                    nama: name,
                    penyelenggara: organiser,
                    jumlah_jam: Some(hours),
                    tanggal_mulai: start,
                    tanggal_selesai: end,
                    nomor_sertifikat: Some(cert),
                },
            )
            .collect();

        // SKP for the last two full years of service.
        for year in [AS_OF.year() - 2, AS_OF.year() - 1] {
            if tmt_cpns > ymd(year, 1, 1) {
                continue;
            }
            let hasil = names::weighted(
                &[
                    (Ekspektasi::DiAtas, 20),
                    (Ekspektasi::Sesuai, 76),
                    (Ekspektasi::DiBawah, 4),
                ],
                rng,
            );
            let perilaku = names::weighted(
                &[
                    (Ekspektasi::DiAtas, 25),
                    (Ekspektasi::Sesuai, 73),
                    (Ekspektasi::DiBawah, 2),
                ],
                rng,
            );
            let gender = if rng.random_bool(0.5) {
                JenisKelamin::LakiLaki
            } else {
                JenisKelamin::Perempuan
            };
            let agama = names::agama(ctx.culture, rng);
            let appraiser_name = names::full_name(ctx.culture, agama, gender, rng);
            let a_birth = ymd(
                rng.random_range(1966..1984),
                rng.random_range(1..=12),
                rng.random_range(1..=28),
            );
            let a_tmt = a_birth.year() + rng.random_range(23..30);
            let appraiser_nip = Nip::parse(&nomor_induk_digits(
                a_birth,
                a_tmt,
                Month::try_from(rng.random_range(1..=12u8)).unwrap(),
                gender,
                rng.random_range(1..20),
            ))
            .ok();
            let id = p.skp.len() as i64 + 1;
            p.skp.push(RiwayatSkp {
                id,
                tahun: year,
                hasil_kerja: hasil,
                perilaku_kerja: perilaku,
                predikat: PredikatSkp::from_matrix(hasil, perilaku),
                penilai_nama: appraiser_name,
                penilai_nip: appraiser_nip,
            });
        }

        // Long-service medals after 10, 20 and 30 years.
        for (years, roman) in [(10, "X"), (20, "XX"), (30, "XXX")] {
            let sk_date = ymd(tmt_cpns.year() + years + rng.random_range(0..3), 8, 10);
            if sk_date < AS_OF && rng.random_bool(0.45) {
                let id = p.penghargaan.len() as i64 + 1;
                p.penghargaan.push(RiwayatPenghargaan {
                    id,
                    nama: format!("Satyalancana Karya Satya {roman} Tahun"),
                    sk: sk(
                        format!("{}/TK/Tahun {}", rng.random_range(1..200), sk_date.year()),
                        sk_date,
                    ),
                    tahun: sk_date.year(),
                });
            }
        }
        self.occasional_award(ctx, p, tmt_cpns);
        let rng = &mut ctx.rng;

        // Transfer from another agency, rare.
        if rng.random_bool(0.02) && add_months(tmt_cpns, 36) < AS_OF - Duration::days(60) {
            let from = self.reference.agency(rng.random());
            if from.id != ctx.agency.id {
                let tmt = first_of_month(between(
                    rng,
                    add_months(tmt_cpns, 36),
                    AS_OF - Duration::days(60),
                ));
                p.pindah_instansi.push(RiwayatPindahInstansi {
                    id: 1,
                    instansi_asal_id: from.id,
                    instansi_tujuan_id: ctx.agency.id,
                    sk: sk(
                        format!(
                            "800/{:04}/MUTASI/{}",
                            rng.random_range(1..10_000),
                            tmt.year()
                        ),
                        tmt - Duration::days(rng.random_range(14..60)),
                    ),
                    tmt,
                });
            }
        }

        // Unpaid leave (CLTN), rare; a few are still on it.
        if let Some(tmt_pns) = tmt_pns {
            if rng.random_bool(0.006) && add_months(tmt_pns, 24) < AS_OF {
                let start = first_of_month(between(rng, add_months(tmt_pns, 24), AS_OF));
                let end = add_months(start, 12 * rng.random_range(1..=3)) - Duration::days(1);
                let sk_date = start - Duration::days(rng.random_range(14..45));
                let back = end + Duration::days(1);
                let (active_again, sk_active_again) = if back <= AS_OF {
                    (
                        Some(back),
                        Some(sk(
                            format!(
                                "862/{:04}/AKTIF/{}",
                                rng.random_range(1..10_000),
                                back.year()
                            ),
                            back - Duration::days(7),
                        )),
                    )
                } else {
                    p.personal.status_hukum = StatusHukum::Cltn;
                    (None, None)
                };
                p.cltn.push(RiwayatCltn {
                    id: 1,
                    sk: sk(
                        format!(
                            "862/{:04}/CLTN/{}",
                            rng.random_range(1..10_000),
                            sk_date.year()
                        ),
                        sk_date,
                    ),
                    tanggal_mulai: start,
                    tanggal_selesai: end,
                    tanggal_aktif_kembali: active_again,
                    sk_aktif_kembali: sk_active_again,
                });
            }
        }
        if p.personal.status_hukum == StatusHukum::Aktif {
            if age_now >= 58 && rng.random_bool(0.1) {
                p.personal.status_hukum = StatusHukum::MasaPersiapanPensiun;
            } else if rng.random_bool(0.003) {
                p.personal.status_hukum = StatusHukum::TugasBelajar;
            }
        }
        self.organisations(ctx, p, tmt_cpns);
    }

    fn courses(&self, role: Role) -> (&'static [(&'static str, u32)], ()) {
        match role {
            Role::Teacher => (&catalog::TEACHER_COURSES[..], ()),
            Role::Health => (&catalog::HEALTH_COURSES[..], ()),
            _ => (&catalog::COURSES[..], ()),
        }
    }

    /// Positions over a career: one record whenever the position changes with rank.
    fn positions(
        &self,
        ctx: &mut Ctx,
        p: &mut Pegawai,
        rank_dates: &[(Date, usize)],
        struktural: bool,
        office: &str,
    ) {
        let rng = &mut ctx.rng;
        let subject = names::one(&catalog::SUBJECTS, rng);
        let fungsional = names::one(&catalog::FUNGSIONAL_AHLI, rng);
        let section = names::one(&catalog::SECTIONS, rng);
        let pelaksana = names::one(&catalog::PELAKSANA, rng);
        let health_title = p
            .pendidikan
            .last()
            .and_then(|e| e.jurusan.clone())
            .unwrap_or_default();
        let school = match ctx.agency.kind.as_str() {
            "provinsi" => format!("SMA Negeri {}", rng.random_range(1..20)),
            _ if ctx.agency.code == "KEMENAG" => format!("MTs Negeri {}", rng.random_range(1..20)),
            _ => {
                if rng.random_bool(0.65) {
                    format!("SD Negeri {}", rng.random_range(1..80))
                } else {
                    format!("SMP Negeri {}", rng.random_range(1..30))
                }
            }
        };
        let city = &self.reference.districts[ctx.district].city;
        let unit = if ctx.role == Role::Teacher && !ctx.agency.is_pusat() {
            format!("{school} {city}")
        } else if ctx.agency.is_pusat() {
            format!("{}, {}", ctx.unit_name, ctx.agency.name)
        } else {
            format!(
                "{}, {}",
                ctx.unit_name,
                ctx.agency.name.trim_start_matches("Pemerintah ")
            )
        };
        let jenjang_ahli = |rank: usize| match rank {
            0..=9 => "Ahli Pertama",
            10..=11 => "Ahli Muda",
            12..=14 => "Ahli Madya",
            _ => "Ahli Utama",
        };
        let jenjang_terampil = |rank: usize| match rank {
            0..=6 => "Terampil",
            7..=8 => "Mahir",
            _ => "Penyelia",
        };
        let position = |rank: usize| -> (JenisJabatan, String, Option<Eselon>) {
            let graduate = rank >= 8;
            match ctx.role {
                Role::Teacher if graduate => (
                    JenisJabatan::Fungsional,
                    format!("Guru {subject} {}", jenjang_ahli(rank)),
                    None,
                ),
                Role::Teacher => (JenisJabatan::Fungsional, format!("Guru {subject}"), None),
                Role::Health if health_title.contains("Dokter") => (
                    JenisJabatan::Fungsional,
                    format!("Dokter {}", jenjang_ahli(rank)),
                    None,
                ),
                Role::Health if health_title.contains("Kebidanan") => (
                    JenisJabatan::Fungsional,
                    format!("Bidan {}", jenjang_terampil(rank)),
                    None,
                ),
                Role::Health if graduate => (
                    JenisJabatan::Fungsional,
                    format!("Perawat {}", jenjang_ahli(rank)),
                    None,
                ),
                Role::Health => (
                    JenisJabatan::Fungsional,
                    format!("Perawat {}", jenjang_terampil(rank)),
                    None,
                ),
                Role::Religious if graduate && rank.is_multiple_of(2) => (
                    JenisJabatan::Fungsional,
                    format!("Penghulu {}", jenjang_ahli(rank)),
                    None,
                ),
                _ if struktural && rank >= 14 => (
                    JenisJabatan::Struktural,
                    if ctx.agency.is_pusat() {
                        format!("Direktur {section}")
                    } else {
                        "Kepala Dinas".to_owned()
                    },
                    Some(if ctx.agency.is_pusat() {
                        Eselon::IIA
                    } else {
                        Eselon::IIB
                    }),
                ),
                _ if struktural && rank >= 12 => (
                    JenisJabatan::Struktural,
                    format!("Kepala Bidang {section}"),
                    Some(Eselon::IIIB),
                ),
                _ if struktural && rank >= 10 => (
                    JenisJabatan::Struktural,
                    format!("Kepala Seksi {section}"),
                    Some(Eselon::IVA),
                ),
                _ if graduate && rank % 3 != 1 => (
                    JenisJabatan::Fungsional,
                    format!("{fungsional} {}", jenjang_ahli(rank)),
                    None,
                ),
                _ => (JenisJabatan::Pelaksana, pelaksana.to_owned(), None),
            }
        };
        let mut last: Option<String> = None;
        for &(date, rank) in rank_dates {
            let (jenis, name, eselon) = position(rank);
            if last.as_deref() == Some(name.as_str()) {
                continue;
            }
            let tmt = if p.jabatan.is_empty() {
                date
            } else {
                date + Duration::days(rng.random_range(0..60))
            };
            if tmt > AS_OF {
                break;
            }
            let sk_date = tmt - Duration::days(rng.random_range(1..30));
            let id = p.jabatan.len() as i64 + 1;
            p.jabatan.push(RiwayatJabatan {
                id,
                jenis,
                unit_kerja: unit.clone(),
                jabatan: name.clone(),
                eselon,
                sk: sk(
                    format!(
                        "821.2/{:04}/{}/{}",
                        rng.random_range(1..10_000),
                        office,
                        sk_date.year()
                    ),
                    sk_date,
                ),
                tmt,
                tanggal_pelantikan: eselon.map(|_| tmt),
            });
            last = Some(name);
        }
        if let Some(j) = p.jabatan.last() {
            p.personal.jabatan = j.jabatan.clone();
        }
    }

    fn occasional_award(&self, ctx: &mut Ctx, p: &mut Pegawai, since: Date) {
        let rng = &mut ctx.rng;
        if rng.random_bool(0.03) && since < AS_OF - Duration::days(400) {
            let date = between(rng, since + Duration::days(365), AS_OF);
            let level = if ctx.agency.is_pusat() {
                "Tingkat Nasional"
            } else if ctx.agency.kind == "provinsi" {
                "Tingkat Provinsi"
            } else {
                "Tingkat Kabupaten/Kota"
            };
            let name = match ctx.role {
                Role::Teacher => format!("Guru Berprestasi {level}"),
                _ => format!("Pegawai Teladan {level}"),
            };
            let id = p.penghargaan.len() as i64 + 1;
            p.penghargaan.push(RiwayatPenghargaan {
                id,
                nama: name,
                sk: sk(
                    format!(
                        "800/{:04}/PENGHARGAAN/{}",
                        rng.random_range(1..10_000),
                        date.year()
                    ),
                    date,
                ),
                tahun: date.year(),
            });
        }
    }

    fn organisations(&self, ctx: &mut Ctx, p: &mut Pegawai, since: Date) {
        let rng = &mut ctx.rng;
        let (name, chance) = match ctx.role {
            Role::Teacher => ("Persatuan Guru Republik Indonesia (PGRI)", 0.35),
            Role::Health => ("Persatuan Perawat Nasional Indonesia (PPNI)", 0.2),
            _ => ("Korps Pegawai Republik Indonesia (KORPRI)", 0.06),
        };
        if since < AS_OF && rng.random_bool(chance) {
            let start = between(rng, since, AS_OF);
            let end = rng.random_bool(0.2).then(|| between(rng, start, AS_OF));
            p.organisasi.push(RiwayatOrganisasi {
                id: 1,
                nama: name.to_owned(),
                jabatan: names::one(
                    &[
                        "Anggota",
                        "Anggota",
                        "Anggota",
                        "Pengurus",
                        "Bendahara",
                        "Sekretaris",
                    ],
                    rng,
                )
                .to_owned(),
                tanggal_mulai: start,
                tanggal_selesai: end,
            });
        }
    }

    fn pppk(&self, ctx: &mut Ctx, p: &mut Pegawai) {
        let birth = ctx.key.birth_date;
        let age_now = age_on(birth, AS_OF);
        let education = self.education(ctx, age_now.min(50));
        let rng = &mut ctx.rng;
        // PPPK appointments began in 2019; most arrived 2022–2025.
        let year = names::weighted(
            &[
                (2019, 3),
                (2021, 8),
                (2022, 25),
                (2023, 22),
                (2024, 25),
                (2025, 17),
                (2026, 3),
            ],
            rng,
        );
        let mut tmt = ymd(
            year,
            *[1u8, 3, 4, 7].get(rng.random_range(0..4)).unwrap(),
            1,
        );
        let earliest = ymd(birth.year() + 20, birth.month() as u8, 1)
            .max(first_of_month(add_months(education.last().unwrap().1, 3)));
        let latest = first_of_month(AS_OF - Duration::days(60));
        tmt = tmt.clamp(earliest.min(latest), latest);
        let ni = NiPppk::parse(&nomor_induk_digits(
            birth,
            tmt.year(),
            tmt.month(),
            ctx.key.gender,
            ctx.key.sequence,
        ))
        .expect("generated NI PPPK are valid");
        let level = education.last().unwrap().0.tingkat;
        let golongan = match level {
            TingkatPendidikan::Sd => GolonganPppk::I,
            TingkatPendidikan::Sltp => GolonganPppk::III,
            l if l < TingkatPendidikan::D1 => GolonganPppk::V,
            l if l < TingkatPendidikan::D4 => GolonganPppk::VII,
            TingkatPendidikan::D4 | TingkatPendidikan::S1 => GolonganPppk::IX,
            _ => GolonganPppk::X,
        };
        p.personal.nomor_induk = NomorInduk::NiPppk(ni);
        p.personal.jenis_pegawai = JenisPegawai::Pppk;
        p.personal.golongan = Some(Golongan::Pppk(golongan));
        apply_titles(&mut p.personal, education.iter().map(|(p, _)| p));
        p.personal.jabatan = match ctx.role {
            Role::Teacher => "Guru Ahli Pertama".to_owned(),
            Role::Health => "Perawat Terampil".to_owned(),
            _ if level >= TingkatPendidikan::D4 => {
                format!(
                    "{} Ahli Pertama",
                    names::one(&catalog::FUNGSIONAL_AHLI, rng)
                )
            }
            _ => names::one(&catalog::PELAKSANA, rng).to_owned(),
        };
        let orientation = add_months(tmt, rng.random_range(1..6));
        if orientation + Duration::days(5) <= AS_OF {
            p.diklat.push(RiwayatDiklat {
                id: 1,
                nama: "Orientasi Pegawai Pemerintah dengan Perjanjian Kerja".to_owned(),
                penyelenggara: "Badan Pengembangan Sumber Daya Manusia Daerah".to_owned(),
                jumlah_jam: Some(40),
                tanggal_mulai: orientation,
                tanggal_selesai: orientation + Duration::days(5),
                nomor_sertifikat: Some(format!(
                    "{:05}/ORIENTASI/{}",
                    rng.random_range(1..100_000),
                    orientation.year()
                )),
            });
        }
        self.occasional_award(ctx, p, tmt);
        self.organisations(ctx, p, tmt);
    }

    fn ppt(&self, ctx: &mut Ctx, p: &mut Pegawai) {
        let age_now = age_on(ctx.key.birth_date, AS_OF);
        let mut education = self.education(ctx, age_now.min(45));
        let rng = &mut ctx.rng;
        // Senior executives hold at least a master's degree.
        if education.last().unwrap().0.tingkat < TingkatPendidikan::S2 {
            let grad = ymd(ctx.key.birth_date.year() + 30, 8, 20).min(AS_OF);
            education.push((catalog::S2[rng.random_range(0..catalog::S2.len())], grad));
        }
        self.pendidikan_records(ctx, &education, p);
        let rng = &mut ctx.rng;
        p.personal.jenis_pegawai = JenisPegawai::PptNonAsn;
        p.personal.nomor_induk = NomorInduk::NonAsn;
        let tmt = first_of_month(between(
            rng,
            AS_OF - Duration::days(4 * 365),
            AS_OF - Duration::days(30),
        ));
        let section = names::one(&catalog::SECTIONS, rng);
        let title = if ctx.agency.is_pusat() {
            format!("Staf Ahli Bidang {section}")
        } else {
            format!("Direktur Utama Badan Usaha {section}")
        };
        p.jabatan.push(RiwayatJabatan {
            id: 1,
            jenis: JenisJabatan::Struktural,
            unit_kerja: format!("{}, {}", ctx.unit_name, ctx.agency.name),
            jabatan: title.clone(),
            eselon: Some(Eselon::IIA),
            sk: sk(
                format!(
                    "KEP-{:04}/{}/{}",
                    rng.random_range(1..10_000),
                    ctx.agency.code,
                    tmt.year()
                ),
                tmt - Duration::days(14),
            ),
            tmt,
            tanggal_pelantikan: Some(tmt),
        });
        p.personal.jabatan = title;
        let start = add_months(tmt, 2).min(AS_OF - Duration::days(10));
        p.diklat.push(RiwayatDiklat {
            id: 1,
            nama: "Orientasi Pejabat Pimpinan Tinggi".to_owned(),
            penyelenggara: "Lembaga Administrasi Negara".to_owned(),
            jumlah_jam: Some(32),
            tanggal_mulai: start,
            tanggal_selesai: start + Duration::days(4),
            nomor_sertifikat: None,
        });
        self.organisations(ctx, p, tmt);
    }

    /// Spouse, children born after the marriage, sometimes parents.
    fn family(&self, ctx: &mut Ctx, p: &mut Pegawai) {
        let birth = ctx.key.birth_date;
        let gender = ctx.key.gender;
        let culture = ctx.culture;
        let district = self.reference.districts[ctx.district].clone();
        let rng = &mut ctx.rng;
        let mut next_id = 1i64;
        let nik_for = |rng: &mut ChaCha8Rng, born: Date, g: JenisKelamin| {
            Nik::parse(&nik_digits(
                &district.digits,
                born,
                g,
                FAMILY_NIK_SEQUENCE + rng.random_range(0..4000),
            ))
            .ok()
        };
        let age_now = age_on(birth, AS_OF);
        let marriage = ymd(
            birth.year() + rng.random_range(22..=31),
            rng.random_range(1..=12),
            rng.random_range(1..=28),
        );
        if age_now >= 23 && marriage < AS_OF && rng.random_bool(0.88) {
            let spouse_gender = match gender {
                JenisKelamin::LakiLaki => JenisKelamin::Perempuan,
                JenisKelamin::Perempuan => JenisKelamin::LakiLaki,
            };
            let gap = rng.random_range(0..=5);
            let spouse_birth = ymd(
                birth.year()
                    + if spouse_gender == JenisKelamin::Perempuan {
                        gap
                    } else {
                        -gap
                    },
                rng.random_range(1..=12),
                rng.random_range(1..=28),
            )
            .min(add_months(marriage, -12 * 19));
            let agama = p.personal.agama;
            let spouse_name = names::full_name(culture, agama, spouse_gender, rng);
            let spouse_id = next_id;
            next_id += 1;
            let divorced = rng.random_bool(0.03);
            let widowed = !divorced && rng.random_bool(0.02);
            let cerai_date = add_months(marriage, rng.random_range(36..180));
            let akta_cerai = (divorced && cerai_date < AS_OF).then(|| Akta {
                nomor: format!(
                    "{:04}/AC/{}/PA",
                    rng.random_range(1..10_000),
                    cerai_date.year()
                ),
                tanggal: cerai_date,
            });
            p.personal.status_perkawinan = if akta_cerai.is_some() {
                StatusPerkawinan::CeraiHidup
            } else if widowed {
                StatusPerkawinan::CeraiMati
            } else {
                StatusPerkawinan::Kawin
            };
            p.keluarga.push(AnggotaKeluarga::Pasangan(Pasangan {
                id: spouse_id,
                identitas: Identitas {
                    nik: nik_for(rng, spouse_birth, spouse_gender),
                    nama: spouse_name.clone(),
                    tempat_lahir: Some(district.city.clone()),
                    tanggal_lahir: Some(spouse_birth),
                    jenis_kelamin: spouse_gender,
                    masih_hidup: !widowed,
                },
                akta_nikah: Some(Akta {
                    nomor: format!(
                        "{:04}/{:03}/{}/{}",
                        rng.random_range(1..10_000),
                        rng.random_range(1..1000),
                        roman_month(marriage.month()),
                        marriage.year()
                    ),
                    tanggal: marriage,
                }),
                akta_cerai,
            }));
            // Clan names pass from the father.
            let father_name = if gender == JenisKelamin::LakiLaki {
                p.personal.nama.clone()
            } else {
                spouse_name
            };
            let clan = matches!(
                culture,
                Culture::Batak
                    | Culture::Minahasa
                    | Culture::Flores
                    | Culture::Maluku
                    | Culture::Papua
            )
            .then(|| {
                father_name
                    .rsplit(' ')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            });
            let children = names::weighted(&[(0, 12), (1, 20), (2, 35), (3, 22), (4, 11)], rng);
            let mut born = add_months(marriage, rng.random_range(10..30));
            for _ in 0..children {
                if born > AS_OF {
                    break;
                }
                let g = if rng.random_bool(0.5) {
                    JenisKelamin::LakiLaki
                } else {
                    JenisKelamin::Perempuan
                };
                let mut name = names::full_name(culture, agama, g, rng);
                if let Some(clan) = &clan {
                    let given = name.split(' ').next().unwrap_or_default().to_owned();
                    name = format!("{given} {clan}");
                }
                p.keluarga.push(AnggotaKeluarga::Anak(Anak {
                    id: next_id,
                    identitas: Identitas {
                        nik: nik_for(rng, born, g),
                        nama: name,
                        tempat_lahir: Some(district.city.clone()),
                        tanggal_lahir: Some(born),
                        jenis_kelamin: g,
                        masih_hidup: true,
                    },
                    status: StatusAnak::Kandung,
                    pasangan_id: Some(spouse_id),
                }));
                next_id += 1;
                born = add_months(born, rng.random_range(18..54));
            }
        }
        if rng.random_bool(0.25) {
            for g in [JenisKelamin::LakiLaki, JenisKelamin::Perempuan] {
                let parent_birth = ymd(
                    birth.year() - rng.random_range(22..38),
                    rng.random_range(1..=12),
                    rng.random_range(1..=28),
                );
                let alive = age_on(parent_birth, AS_OF) < 70 || rng.random_bool(0.4);
                let name = names::full_name(culture, p.personal.agama, g, rng);
                p.keluarga.push(AnggotaKeluarga::OrangTua(OrangTua {
                    id: next_id,
                    identitas: Identitas {
                        nik: if alive {
                            nik_for(rng, parent_birth, g)
                        } else {
                            None
                        },
                        nama: name,
                        tempat_lahir: Some(district.city.clone()),
                        tanggal_lahir: Some(parent_birth),
                        jenis_kelamin: g,
                        masih_hidup: alive,
                    },
                }));
                next_id += 1;
            }
        }
    }
}

/// Titles from the education history: front titles in order (Dr., dr., Ns.), back
/// titles except those a professional title replaces (S.Ked. under dr.).
pub fn apply_titles<'a>(
    personal: &mut DataPersonal,
    programmes: impl Iterator<Item = &'a Programme>,
) {
    let programmes: Vec<_> = programmes.collect();
    let dokter = programmes.iter().any(|p| p.front == Some("dr."));
    let mut front: Vec<String> = Vec::new();
    // "Dr." (doctorate) goes before "dr." (physician).
    for title in ["Dr.", "dr.", "Ns."] {
        if programmes.iter().any(|p| p.front == Some(title)) {
            front.push(title.to_owned());
        }
    }
    personal.gelar_depan = front;
    personal.gelar_belakang = programmes
        .iter()
        .filter_map(|p| p.back)
        .filter(|t| !(dokter && *t == "S.Ked."))
        .map(str::to_owned)
        .collect();
}

pub fn age_on(birth: Date, on: Date) -> i32 {
    let years = on.year() - birth.year();
    let before = (on.month() as u8, on.day()) < (birth.month() as u8, birth.day());
    years - i32::from(before)
}

/// The first digit of postal codes by province.
fn postal_region(province: &str) -> u8 {
    match province {
        "31" => 1,
        "32" | "36" => 4,
        "33" | "34" => 5,
        "35" => 6,
        p if p.starts_with('1') || p.starts_with('2') => 2,
        p if p.starts_with('5') => 8,
        p if p.starts_with('6') => 7,
        _ => 9,
    }
}
