//! Lists the generator draws from: schools, majors and the titles they confer,
//! positions, courses, awards, organisations, streets. The lists are data
//! (`generator/data/`, see [`crate::data`]), one file each, read once on first use.

use std::sync::LazyLock;

use app::domain::reference::TingkatPendidikan;

use crate::data::{tsv, Tsv};

/// A programme: level, major, title conferred (before or after the name).
#[derive(Clone, Copy, Debug)]
pub struct Programme {
    pub tingkat: TingkatPendidikan,
    pub major: &'static str,
    pub front: Option<&'static str>,
    pub back: Option<&'static str>,
}

const PROGRAMMES_FILE: Tsv = tsv!("programmes.tsv");

/// Every programme with its group, in file order.
static PROGRAMMES: LazyLock<Vec<(&'static str, Programme)>> = LazyLock::new(|| {
    let title = |t: &'static str| (!t.is_empty()).then_some(t);
    PROGRAMMES_FILE
        .rows(["group", "tingkat", "front", "back", "major"])
        .into_iter()
        .map(|[group, tingkat, front, back, major]| {
            let programme = Programme {
                tingkat: PROGRAMMES_FILE.parse("tingkat", tingkat),
                major,
                front: title(front),
                back: title(back),
            };
            (group, programme)
        })
        .collect()
});

/// The programmes of one group of `programmes.tsv`, in file order.
fn programmes(group: &str) -> Vec<Programme> {
    let list: Vec<Programme> = PROGRAMMES
        .iter()
        .filter(|(g, _)| *g == group)
        .map(|(_, p)| *p)
        .collect();
    assert!(
        !list.is_empty(),
        "data/{}: no programme of group {group}",
        PROGRAMMES_FILE.name
    );
    list
}

/// The one programme of a group of `programmes.tsv`.
fn programme(group: &str) -> Programme {
    match programmes(group)[..] {
        [p] => p,
        _ => panic!(
            "data/{}: {group} must be one programme",
            PROGRAMMES_FILE.name
        ),
    }
}

type Programmes = LazyLock<Vec<Programme>>;

pub static S1_GENERAL: Programmes = LazyLock::new(|| programmes("s1_general"));
pub static S1_TEACHER: Programmes = LazyLock::new(|| programmes("s1_teacher"));
pub static S1_RELIGIOUS: Programmes = LazyLock::new(|| programmes("s1_religious"));
pub static S1_NURSE: LazyLock<Programme> = LazyLock::new(|| programme("s1_nurse"));
pub static NERS: LazyLock<Programme> = LazyLock::new(|| programme("ners"));
pub static S1_MEDICINE: LazyLock<Programme> = LazyLock::new(|| programme("s1_medicine"));
pub static DOKTER: LazyLock<Programme> = LazyLock::new(|| programme("dokter"));
pub static D3_HEALTH: Programmes = LazyLock::new(|| programmes("d3_health"));
pub static D3_GENERAL: Programmes = LazyLock::new(|| programmes("d3_general"));
pub static D4: Programmes = LazyLock::new(|| programmes("d4"));
pub static S2: Programmes = LazyLock::new(|| programmes("s2"));
pub static S2_TEACHER: Programmes = LazyLock::new(|| programmes("s2_teacher"));
pub static S3: Programmes = LazyLock::new(|| programmes("s3"));

type List = LazyLock<Vec<&'static str>>;

/// A one-column file: its values in file order.
fn list(file: Tsv, column: &str) -> Vec<&'static str> {
    let values: Vec<&'static str> = file.rows([column]).into_iter().map(|[v]| v).collect();
    assert!(!values.is_empty(), "data/{} is empty", file.name);
    values
}

pub static UNIVERSITIES: List = LazyLock::new(|| list(tsv!("universities.tsv"), "name"));
pub static PELAKSANA: List = LazyLock::new(|| list(tsv!("pelaksana.tsv"), "name"));
/// Functional positions with levels (*jenjang*) for graduates.
pub static FUNGSIONAL_AHLI: List = LazyLock::new(|| list(tsv!("fungsional_ahli.tsv"), "name"));
pub static SUBJECTS: List = LazyLock::new(|| list(tsv!("subjects.tsv"), "name"));
pub static SECTIONS: List = LazyLock::new(|| list(tsv!("sections.tsv"), "name"));
pub static EMPLOYERS: List = LazyLock::new(|| list(tsv!("employers.tsv"), "name"));
pub static STREETS: List = LazyLock::new(|| list(tsv!("streets.tsv"), "name"));
pub static MOBILE_PREFIXES: List = LazyLock::new(|| list(tsv!("mobile_prefixes.tsv"), "prefix"));

type Weighted = LazyLock<Vec<(&'static str, u32)>>;

const COURSES_FILE: Tsv = tsv!("courses.tsv");

/// The courses of one group of `courses.tsv` with their hours, in file order.
fn courses(group: &str) -> Vec<(&'static str, u32)> {
    let list: Vec<(&'static str, u32)> = COURSES_FILE
        .rows(["group", "name", "hours"])
        .into_iter()
        .filter(|[g, _, _]| *g == group)
        .map(|[_, name, hours]| (name, COURSES_FILE.parse("hours", hours)))
        .collect();
    assert!(
        !list.is_empty(),
        "data/{}: no course of group {group}",
        COURSES_FILE.name
    );
    list
}

pub static COURSES: Weighted = LazyLock::new(|| courses("general"));
pub static TEACHER_COURSES: Weighted = LazyLock::new(|| courses("teacher"));
pub static HEALTH_COURSES: Weighted = LazyLock::new(|| courses("health"));

pub static EMAIL_DOMAINS: Weighted = LazyLock::new(|| {
    let file = tsv!("email_domains.tsv");
    file.rows(["domain", "weight"])
        .into_iter()
        .map(|[domain, weight]| (domain, file.parse("weight", weight)))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    /// A list that does not load (a missing column, a level or a number that does
    /// not parse) fails here rather than in the middle of a load.
    #[test]
    fn every_list_loads() {
        for list in [
            &S1_GENERAL,
            &S1_TEACHER,
            &S1_RELIGIOUS,
            &D3_HEALTH,
            &D3_GENERAL,
            &D4,
            &S2,
            &S2_TEACHER,
            &S3,
        ] {
            assert!(!list.is_empty());
        }
        for p in [*S1_NURSE, *NERS, *S1_MEDICINE, *DOKTER] {
            assert!(!p.major.is_empty());
        }
        assert_eq!(NERS.front, Some("Ns."));
        for list in [
            &UNIVERSITIES,
            &PELAKSANA,
            &FUNGSIONAL_AHLI,
            &SUBJECTS,
            &SECTIONS,
            &EMPLOYERS,
            &STREETS,
            &MOBILE_PREFIXES,
        ] {
            assert!(list.iter().all(|v| !v.is_empty()));
        }
        for list in [&COURSES, &TEACHER_COURSES, &HEALTH_COURSES, &EMAIL_DOMAINS] {
            assert!(list.iter().all(|(v, n)| !v.is_empty() && *n > 0));
        }
    }
}
