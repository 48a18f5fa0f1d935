//! Rules one by one on a known-good employee, then properties over generated ones.

use proptest::prelude::*;
use time::macros::date;
use time::{Date, Duration};

use super::*;
use crate::domain::data_personal::NomorInduk;
use crate::domain::localized::{Lang, Localized};
use crate::domain::ni_pppk::NiPppk;
use crate::domain::nik::Nik;
use crate::domain::nip::Nip;
use crate::domain::reference::*;
use crate::domain::riwayat::*;
use crate::domain::testing;

const TODAY: Date = date!(2026 - 01 - 15);

/// One fixed, consistent PNS to perturb in the unit tests.
fn pegawai() -> Pegawai {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    testing::pegawai_pns(TODAY)
        .new_tree(&mut runner)
        .expect("a value")
        .current()
}

fn problems(findings: &[Finding]) -> Vec<(&Problem, Severity)> {
    findings.iter().map(|f| (&f.problem, f.severity)).collect()
}

#[test]
fn the_fixture_is_clean() {
    let findings = check_pegawai(&pegawai(), TODAY);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn nip_disagreeing_with_birth_date_and_gender_is_an_error() {
    let mut p = pegawai();
    p.personal.tanggal_lahir += Duration::days(1);
    p.personal.jenis_kelamin = match p.personal.jenis_kelamin {
        JenisKelamin::LakiLaki => JenisKelamin::Perempuan,
        JenisKelamin::Perempuan => JenisKelamin::LakiLaki,
    };
    let findings = check_personal(&p.personal, TODAY);
    let fields: Vec<_> = findings
        .iter()
        .map(|f| (f.field.to_string(), f.severity))
        .collect();
    assert!(fields.contains(&("personal.birth_date".into(), Severity::Error)));
    assert!(fields.contains(&("personal.gender".into(), Severity::Error)));
    // The NIK disagrees with the new values too, but only warns.
    assert!(fields.contains(&("personal.nik".into(), Severity::Warning)));
    assert_eq!(findings.iter().filter(|f| f.is_error()).count(), 2);
}

#[test]
fn nik_disagreement_only_warns() {
    let mut p = pegawai();
    p.personal.nik = Nik::parse("3273050101700001").unwrap();
    let findings = check_personal(&p.personal, TODAY);
    assert!(!findings.is_empty());
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));
    assert!(matches!(
        findings[0].problem,
        Problem::NikBirthDateMismatch { .. }
    ));
}

#[test]
fn the_identifier_must_fit_the_employee_type() {
    let mut p = pegawai();
    p.personal.jenis_pegawai = JenisPegawai::PptNonAsn;
    let findings = check_personal(&p.personal, TODAY);
    assert_eq!(
        problems(&findings),
        [
            (
                &Problem::NomorIndukMismatch {
                    jenis_pegawai: JenisPegawai::PptNonAsn
                },
                Severity::Error
            ),
            (
                &Problem::GolonganMismatch {
                    jenis_pegawai: JenisPegawai::PptNonAsn
                },
                Severity::Error
            ),
        ]
    );
}

#[test]
fn pppk_identifiers_are_checked_like_nips() {
    let mut p = pegawai();
    let nip = match &p.personal.nomor_induk {
        NomorInduk::Nip(nip) => nip.clone(),
        _ => unreachable!(),
    };
    p.personal.nomor_induk = NomorInduk::NiPppk(NiPppk::parse(nip.as_str()).unwrap());
    p.personal.jenis_pegawai = JenisPegawai::Pppk;
    p.personal.golongan = Some(Golongan::Pppk(GolonganPppk::IX));
    assert!(check_personal(&p.personal, TODAY).is_empty());
    p.personal.tanggal_lahir += Duration::days(1);
    assert!(has_errors(&check_personal(&p.personal, TODAY)));
}

#[test]
fn histories_not_kept_for_the_type_are_errors() {
    let mut p = pegawai();
    let nip = match &p.personal.nomor_induk {
        NomorInduk::Nip(nip) => nip.clone(),
        _ => unreachable!(),
    };
    p.personal.nomor_induk = NomorInduk::NiPppk(NiPppk::parse(nip.as_str()).unwrap());
    p.personal.jenis_pegawai = JenisPegawai::Pppk;
    p.personal.golongan = None;
    let kinds: Vec<_> = check_applicability(&p)
        .into_iter()
        .map(|f| match f.problem {
            Problem::RiwayatNotApplicable { riwayat, .. } => riwayat,
            other => panic!("{other:?}"),
        })
        .collect();
    let expected: Vec<_> = Riwayat::all()
        .iter()
        .copied()
        .filter(|r| !r.applies_to(JenisPegawai::Pppk))
        .collect();
    assert_eq!(kinds, expected);
}

#[test]
fn tmt_cpns_must_match_the_nip_month() {
    let mut p = pegawai();
    let cpns = p.cpns_pns.as_mut().unwrap();
    cpns.tmt_cpns = cpns
        .tmt_cpns
        .replace_year(cpns.tmt_cpns.year() - 1)
        .unwrap();
    let findings = check_cpns_pns(&p.personal, p.cpns_pns.as_ref().unwrap());
    assert_eq!(findings.len(), 1);
    assert!(matches!(
        findings[0].problem,
        Problem::NipTmtCpnsMismatch { .. }
    ));
    assert_eq!(findings[0].field.to_string(), "cpns_pns[0].tmt_cpns");
}

#[test]
fn tmt_pns_must_follow_tmt_cpns() {
    let mut p = pegawai();
    let cpns = p.cpns_pns.as_mut().unwrap();
    cpns.tmt_pns = Some(cpns.tmt_cpns);
    let findings = check_cpns_pns(&p.personal, p.cpns_pns.as_ref().unwrap());
    assert_eq!(findings.len(), 1);
    assert!(matches!(
        findings[0].problem,
        Problem::TmtPnsNotAfterTmtCpns { .. }
    ));
}

#[test]
fn appointment_before_18_warns() {
    let birth = date!(1990 - 06 - 15);
    let nip = Nip::parse("199006152007061001").unwrap();
    let mut p = pegawai();
    p.personal.nomor_induk = NomorInduk::Nip(nip);
    p.personal.tanggal_lahir = birth;
    let cpns = p.cpns_pns.as_mut().unwrap();
    cpns.tmt_cpns = date!(2007 - 06 - 01);
    cpns.tmt_pns = None;
    let findings = check_cpns_pns(&p.personal, cpns);
    assert_eq!(
        problems(&findings),
        [(&Problem::TooYoungAtTmtCpns { age: 16 }, Severity::Warning)]
    );
}

fn rank(id: i64, golongan: GolonganPns, tmt: Date) -> RiwayatPangkat {
    RiwayatPangkat {
        id,
        golongan,
        jenis_kp: JenisKenaikanPangkat::Reguler,
        sk: crate::domain::sk::Sk {
            nomor: format!("KP/{id}"),
            tanggal: tmt,
        },
        tmt,
        persetujuan_bkn: None,
        masa_kerja: Default::default(),
    }
}

#[test]
fn rank_order_is_judged_by_tmt_not_by_position() {
    let ranks = [
        rank(2, GolonganPns::IIIB, date!(2014 - 04 - 01)),
        rank(1, GolonganPns::IIIA, date!(2010 - 04 - 01)),
        rank(3, GolonganPns::IIIB, date!(2016 - 04 - 01)),
    ];
    assert!(
        check_pangkat(&ranks).is_empty(),
        "equal golongan is allowed"
    );
}

#[test]
fn repeated_tmt_and_lower_golongan_are_errors() {
    let ranks = [
        rank(1, GolonganPns::IIIA, date!(2010 - 04 - 01)),
        rank(2, GolonganPns::IIIB, date!(2010 - 04 - 01)),
        rank(3, GolonganPns::IIA, date!(2014 - 04 - 01)),
    ];
    let findings = check_pangkat(&ranks);
    assert_eq!(
        problems(&findings),
        [
            (
                &Problem::PangkatTmtRepeated {
                    tmt: date!(2010 - 04 - 01)
                },
                Severity::Error
            ),
            (
                &Problem::GolonganDecreased {
                    previous: GolonganPns::IIIB,
                    current: GolonganPns::IIA
                },
                Severity::Error
            ),
        ]
    );
    assert_eq!(findings[1].field.to_string(), "pangkat[2].golongan");
}

#[test]
fn every_end_before_its_start_is_reported() {
    let mut p = pegawai();
    let diklat = &mut p.diklat[0];
    diklat.tanggal_selesai = diklat.tanggal_mulai - Duration::days(1);
    let cltn = &mut p.cltn[0];
    cltn.tanggal_aktif_kembali = Some(cltn.tanggal_mulai - Duration::days(1));
    p.organisasi[0].tanggal_selesai = Some(p.organisasi[0].tanggal_mulai - Duration::days(1));
    if let AnggotaKeluarga::Pasangan(spouse) = &mut p.keluarga[0] {
        let married = spouse.akta_nikah.as_ref().unwrap().tanggal;
        spouse.akta_cerai = Some(Akta {
            nomor: "CERAI/1".into(),
            tanggal: married - Duration::days(1),
        });
    }
    let fields: Vec<_> = check_periods(&p)
        .iter()
        .map(|f| f.field.to_string())
        .collect();
    assert_eq!(
        fields,
        [
            "diklat[0].end",
            "cltn[0].active_again",
            "organisasi[0].end",
            "keluarga[0].akta_cerai"
        ]
    );
}

#[test]
fn graduation_lies_between_birth_and_today() {
    let mut p = pegawai();
    let birth = p.personal.tanggal_lahir;
    let mut future = p.pendidikan[0].clone();
    future.tanggal_lulus = TODAY + Duration::days(1);
    let mut before_birth = p.pendidikan[0].clone();
    before_birth.tanggal_lulus = birth - Duration::days(1);
    p.pendidikan = vec![future, before_birth];
    let findings = check_pendidikan(&p.pendidikan, birth, TODAY);
    assert!(matches!(
        findings[0].problem,
        Problem::GraduationInFuture { .. }
    ));
    assert!(matches!(
        findings[1].problem,
        Problem::GraduationBeforeBirth { .. }
    ));
    assert_eq!(findings.len(), 2);
}

#[test]
fn children_are_born_after_their_parent() {
    let birth = date!(1985 - 03 - 12);
    let child = |status, born| {
        AnggotaKeluarga::Anak(Anak {
            id: 1,
            identitas: Identitas {
                nama: "Anak".into(),
                nik: None,
                tempat_lahir: None,
                tanggal_lahir: Some(born),
                jenis_kelamin: JenisKelamin::LakiLaki,
                masih_hidup: true,
            },
            status,
            pasangan_id: None,
        })
    };
    let keluarga = [
        child(StatusAnak::Kandung, date!(1984 - 01 - 01)),
        child(StatusAnak::Tiri, date!(1984 - 01 - 01)),
        child(StatusAnak::Kandung, date!(1995 - 01 - 01)),
        child(StatusAnak::Angkat, date!(1995 - 01 - 01)),
        child(StatusAnak::Kandung, date!(2010 - 01 - 01)),
    ];
    let findings = check_keluarga(&keluarga, birth);
    assert_eq!(
        problems(&findings),
        [
            (
                &Problem::ChildBornBeforeParent {
                    child_birth: date!(1984 - 01 - 01)
                },
                Severity::Error
            ),
            (
                &Problem::ChildBornBeforeParent {
                    child_birth: date!(1984 - 01 - 01)
                },
                Severity::Warning
            ),
            (
                &Problem::ParentTooYoungAtChildBirth { age: 9 },
                Severity::Warning
            ),
        ]
    );
}

#[test]
fn a_childs_other_parent_is_one_of_the_employees_own_spouses() {
    let mut p = pegawai();
    let spouse = p
        .keluarga
        .iter()
        .find_map(|m| match m {
            AnggotaKeluarga::Pasangan(s) => Some(s.id),
            _ => None,
        })
        .expect("the sample has a spouse");
    let child_at = p
        .keluarga
        .iter()
        .position(|m| matches!(m, AnggotaKeluarga::Anak(_)))
        .expect("the sample has a child");
    let birth = p.personal.tanggal_lahir;
    let set = |p: &mut Pegawai, id: Option<i64>| {
        if let AnggotaKeluarga::Anak(a) = &mut p.keluarga[child_at] {
            a.pasangan_id = id;
        }
    };
    for ok in [Some(spouse), None] {
        set(&mut p, ok);
        assert!(check_keluarga(&p.keluarga, birth).is_empty(), "{ok:?}");
    }
    // Another employee's spouse row: refused, on the child's own field.
    set(&mut p, Some(spouse + 1000));
    let findings = check_keluarga(&p.keluarga, birth);
    assert_eq!(
        problems(&findings),
        [(&Problem::OtherParentNotASpouse, Severity::Error)]
    );
    assert_eq!(
        findings[0].field.to_string(),
        format!("keluarga[{child_at}].pasangan_id")
    );
}

#[test]
fn eselon_belongs_to_structural_positions() {
    let mut p = pegawai();
    p.jabatan[0].eselon = Some(Eselon::IVB);
    p.jabatan[1].eselon = None;
    assert_eq!(
        problems(&check_jabatan(&p.jabatan)),
        [
            (
                &Problem::EselonOnNonStruktural {
                    jenis: JenisJabatan::Pelaksana
                },
                Severity::Error
            ),
            (&Problem::StrukturalWithoutEselon, Severity::Warning),
        ]
    );
}

#[test]
fn skp_rating_follows_the_matrix_as_a_warning() {
    let mut p = pegawai();
    p.skp[0].predikat = PredikatSkp::SangatBaik;
    assert_eq!(
        problems(&check_skp(&p.skp)),
        [(
            &Problem::PredikatDisagreesWithMatrix {
                expected: PredikatSkp::Baik
            },
            Severity::Warning
        )]
    );
}

#[test]
fn a_transfer_changes_agency() {
    let mut p = pegawai();
    p.pindah_instansi[0].instansi_tujuan_id = p.pindah_instansi[0].instansi_asal_id;
    assert_eq!(
        problems(&check_pindah_instansi(&p.pindah_instansi)),
        [(&Problem::TransferToSameInstansi, Severity::Error)]
    );
}

#[test]
fn birth_in_the_future_is_an_error() {
    let mut p = pegawai();
    p.personal.tanggal_lahir = TODAY + Duration::days(1);
    assert!(check_personal(&p.personal, TODAY).iter().any(|f| f.problem
        == Problem::BirthDateInFuture {
            date: p.personal.tanggal_lahir
        }));
}

#[test]
fn every_problem_explains_itself_in_both_languages() {
    let d = date!(2010 - 03 - 01);
    let all = [
        Problem::NomorIndukMismatch {
            jenis_pegawai: JenisPegawai::Pns,
        },
        Problem::GolonganMismatch {
            jenis_pegawai: JenisPegawai::Pppk,
        },
        Problem::RiwayatNotApplicable {
            riwayat: Riwayat::Skp,
            jenis_pegawai: JenisPegawai::Pppk,
        },
        Problem::NipBirthDateMismatch {
            nip: d,
            recorded: d,
        },
        Problem::NipGenderMismatch {
            nip: JenisKelamin::LakiLaki,
            recorded: JenisKelamin::Perempuan,
        },
        Problem::NipTmtCpnsMismatch {
            nip: crate::domain::year_month::YearMonth::of(d),
            recorded: d,
        },
        Problem::NikBirthDateMismatch {
            nik: Nik::parse("3273055203850001").unwrap().birth(),
            recorded: d,
        },
        Problem::NikGenderMismatch {
            nik: JenisKelamin::LakiLaki,
            recorded: JenisKelamin::Perempuan,
        },
        Problem::BirthDateInFuture { date: d },
        Problem::TmtPnsNotAfterTmtCpns {
            tmt_cpns: d,
            tmt_pns: d,
        },
        Problem::TooYoungAtTmtCpns { age: 16 },
        Problem::PangkatTmtRepeated { tmt: d },
        Problem::GolonganDecreased {
            previous: GolonganPns::IIIB,
            current: GolonganPns::IIIA,
        },
        Problem::EndBeforeStart { start: d, end: d },
        Problem::GraduationInFuture { date: d },
        Problem::GraduationBeforeBirth { date: d },
        Problem::ChildBornBeforeParent { child_birth: d },
        Problem::ParentTooYoungAtChildBirth { age: 9 },
        Problem::EselonOnNonStruktural {
            jenis: JenisJabatan::Fungsional,
        },
        Problem::StrukturalWithoutEselon,
        Problem::PredikatDisagreesWithMatrix {
            expected: PredikatSkp::Baik,
        },
        Problem::TransferToSameInstansi,
    ];
    for problem in all {
        let (id, en) = (problem.message(Lang::Id), problem.message(Lang::En));
        assert!(!id.is_empty() && !en.is_empty() && id != en, "{problem:?}");
        assert!(serde_json::to_value(&problem).is_ok());
    }
    let finding = Finding::error(FieldPath::personal("nik"), Problem::StrukturalWithoutEselon);
    assert_eq!(finding.message(Lang::Id), finding.problem.message(Lang::Id));
}

proptest! {
    #[test]
    fn consistent_employees_have_no_errors(p in testing::pegawai_pns(TODAY)) {
        let findings = check_pegawai(&p, TODAY);
        prop_assert!(!has_errors(&findings), "{:#?}", findings);
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<Pegawai>(&json).unwrap(), p);
    }

    #[test]
    fn a_nik_for_another_birth_date_only_warns(
        p in testing::pegawai_pns(TODAY),
        nik in testing::nik(),
    ) {
        let mut p = p;
        p.personal.nik = nik;
        let findings = check_pegawai(&p, TODAY);
        prop_assert!(findings.iter().all(|f| f.severity == Severity::Warning), "{:#?}", findings);
    }

    #[test]
    fn moving_the_latest_rank_first_reports_exactly_one_decrease(p in testing::pegawai_pns(TODAY)) {
        prop_assume!(p.pangkat.len() >= 2);
        let mut p = p;
        let latest = (0..p.pangkat.len()).max_by_key(|&i| p.pangkat[i].tmt).unwrap();
        let earliest = (0..p.pangkat.len()).min_by_key(|&i| p.pangkat[i].tmt).unwrap();
        p.pangkat[latest].tmt = p.pangkat[earliest].tmt - Duration::days(1);
        let findings = check_pegawai(&p, TODAY);
        prop_assert_eq!(findings.len(), 1, "{:#?}", findings);
        prop_assert_eq!(findings[0].field, FieldPath::riwayat(Riwayat::Pangkat, earliest, "golongan"));
        let expected_problem = Problem::GolonganDecreased {
            previous: p.pangkat[latest].golongan,
            current: p.pangkat[earliest].golongan,
        };
        prop_assert_eq!(&findings[0].problem, &expected_problem);
    }

    #[test]
    fn ending_a_course_before_it_starts_reports_exactly_that(p in testing::pegawai_pns(TODAY), days in 1i64..400) {
        let mut p = p;
        p.diklat[0].tanggal_selesai = p.diklat[0].tanggal_mulai - Duration::days(days);
        let findings = check_pegawai(&p, TODAY);
        prop_assert_eq!(findings.len(), 1, "{:#?}", findings);
        prop_assert_eq!(findings[0].field, FieldPath::riwayat(Riwayat::Diklat, 0, "end"));
        prop_assert!(matches!(findings[0].problem, Problem::EndBeforeStart { .. }), "unexpected result");
    }

    #[test]
    fn pns_before_cpns_reports_exactly_that(p in testing::pegawai_pns(TODAY), days in 0i64..2000) {
        let mut p = p;
        let cpns = p.cpns_pns.as_mut().unwrap();
        cpns.tmt_pns = Some(cpns.tmt_cpns - Duration::days(days));
        let findings = check_pegawai(&p, TODAY);
        prop_assert_eq!(findings.len(), 1, "{:#?}", findings);
        prop_assert!(matches!(findings[0].problem, Problem::TmtPnsNotAfterTmtCpns { .. }), "unexpected result");
    }
}
