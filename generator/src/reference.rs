//! The organisation tree and regions the generator draws from, loaded once from
//! the database (migrations 20261122000001/2) so generated rows always reference
//! real instansi, unit_kerja and kecamatan; how many people each agency holds
//! follows its kind, and for the large central agencies `data/central_agencies.tsv`.

use std::collections::HashMap;
use std::sync::LazyLock;

use sqlx::PgPool;

use crate::data::tsv;

/// A work unit of an agency.
#[derive(Clone, Debug)]
pub struct Unit {
    pub id: i64,
    pub name: String,
    /// Relative share of the agency's people (teachers make Dinas Pendidikan the largest).
    pub weight: u32,
}

#[derive(Clone, Debug)]
pub struct Agency {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// `pusat`, `provinsi`, `kabupaten` or `kota`.
    pub kind: String,
    /// Two-digit province code for regional governments; `None` for central agencies.
    pub province: Option<String>,
    /// The agency's districts: a range of `Reference::districts`.
    pub districts: std::ops::Range<usize>,
    pub units: Vec<Unit>,
    unit_cumulative: Vec<u64>,
}

#[derive(Clone, Debug)]
pub struct District {
    /// `32.73.05`
    pub code: String,
    /// `327305`, as it appears in a NIK.
    pub digits: String,
    /// The regency or city name without "Kabupaten"/"Kota", a birth place.
    pub city: String,
}

pub struct Reference {
    pub agencies: Vec<Agency>,
    pub districts: Vec<District>,
    agency_cumulative: Vec<u64>,
}

/// Civil servants of the large central agencies by instansi code
/// (`data/central_agencies.tsv`).
static CENTRAL_AGENCIES: LazyLock<HashMap<&'static str, u64>> = LazyLock::new(|| {
    let file = tsv!("central_agencies.tsv");
    file.rows(["code", "people"])
        .into_iter()
        .map(|[code, people]| (code, file.parse("people", people)))
        .collect()
});

/// People per agency, roughly as BKN reports them: regional governments hold most
/// civil servants (teachers, health workers), then the large ministries.
fn agency_weight(code: &str, kind: &str, id: i64) -> u64 {
    // A stable ±40% variation so agencies of one kind are not all the same size.
    let vary = |base: u64| base * (60 + (id as u64 * 2_654_435_761 % 81)) / 100;
    match kind {
        "provinsi" => vary(22_000),
        "kabupaten" => vary(4_300),
        "kota" => vary(3_600),
        _ => CENTRAL_AGENCIES
            .get(code)
            .copied()
            .unwrap_or_else(|| vary(2_500)),
    }
}

fn unit_weight(name: &str) -> u32 {
    match name {
        "Dinas Pendidikan" => 60,
        "Dinas Kesehatan" => 14,
        "Rumah Sakit Umum Daerah" => 8,
        "Sekretariat Daerah" | "Sekretariat Jenderal" => 4,
        _ => 2,
    }
}

impl Agency {
    pub fn new(
        id: i64,
        code: String,
        name: String,
        kind: String,
        region: Option<&str>,
        districts: std::ops::Range<usize>,
        units: Vec<(i64, String)>,
    ) -> Self {
        let units: Vec<Unit> = units
            .into_iter()
            .map(|(id, name)| Unit {
                id,
                weight: unit_weight(&name),
                name,
            })
            .collect();
        let unit_cumulative = cumulative(units.iter().map(|u| u64::from(u.weight)));
        Self {
            id,
            code,
            name,
            kind,
            province: region.map(|r| r[..2].to_owned()),
            districts,
            units,
            unit_cumulative,
        }
    }

    pub fn is_pusat(&self) -> bool {
        self.kind == "pusat"
    }

    /// The unit for a uniform draw `r` in `0..1`.
    pub fn unit(&self, r: f64) -> &Unit {
        &self.units[pick(&self.unit_cumulative, r)]
    }
}

fn cumulative(weights: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut total = 0;
    weights
        .map(|w| {
            total += w;
            total
        })
        .collect()
}

fn pick(cumulative: &[u64], r: f64) -> usize {
    let total = *cumulative.last().expect("non-empty");
    let target = ((r * total as f64) as u64).min(total - 1);
    cumulative.partition_point(|&c| c <= target)
}

impl Reference {
    pub fn new(agencies: Vec<Agency>, districts: Vec<District>) -> Self {
        assert!(!agencies.is_empty() && !districts.is_empty());
        assert!(agencies.iter().all(|a| !a.units.is_empty()));
        let agency_cumulative = cumulative(
            agencies
                .iter()
                .map(|a| agency_weight(&a.code, &a.kind, a.id)),
        );
        Self {
            agencies,
            districts,
            agency_cumulative,
        }
    }

    /// Loads agencies with at least one work unit, and every district.
    pub async fn load(pool: &PgPool) -> Result<Self, sqlx::Error> {
        let district_rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT k.code::text, kk.name FROM kecamatan k \
             JOIN kabupaten_kota kk ON kk.code = k.kabupaten_kota_code ORDER BY k.code",
        )
        .fetch_all(pool)
        .await?;
        let districts: Vec<District> = district_rows
            .into_iter()
            .map(|(code, city)| District {
                digits: code.replace('.', ""),
                city: city
                    .trim_start_matches("Kabupaten ")
                    .trim_start_matches("Kota ")
                    .to_owned(),
                code,
            })
            .collect();
        let unit_rows: Vec<(i32, i64, String)> =
            sqlx::query_as("SELECT instansi_id, id, name FROM unit_kerja ORDER BY instansi_id, id")
                .fetch_all(pool)
                .await?;
        let agency_rows: Vec<(i32, String, String, String, Option<String>)> =
            sqlx::query_as("SELECT id, code, name, kind, region_code FROM instansi ORDER BY id")
                .fetch_all(pool)
                .await?;
        let mut agencies = Vec::new();
        for (id, code, name, kind, region) in agency_rows {
            let units: Vec<(i64, String)> = unit_rows
                .iter()
                .filter(|(instansi, _, _)| *instansi == id)
                .map(|(_, uid, uname)| (*uid, uname.clone()))
                .collect();
            if units.is_empty() {
                continue;
            }
            let range = match &region {
                Some(region) => district_range(&districts, region),
                // Central agencies: mostly Jakarta (31), ranges cover it below.
                None => district_range(&districts, "31"),
            };
            let range = if range.is_empty() {
                0..districts.len()
            } else {
                range
            };
            agencies.push(Agency::new(
                i64::from(id),
                code,
                name,
                kind,
                region.as_deref(),
                range,
                units,
            ));
        }
        Ok(Self::new(agencies, districts))
    }

    /// The agency for a uniform draw `r` in `0..1`, weighted by size.
    pub fn agency(&self, r: f64) -> &Agency {
        &self.agencies[pick(&self.agency_cumulative, r)]
    }

    /// A small built-in tree for unit tests that have no database.
    pub fn sample() -> Self {
        let districts = [
            ("31.71.01", "Jakarta Pusat"),
            ("31.74.02", "Jakarta Selatan"),
            ("32.73.05", "Bandung"),
            ("33.74.01", "Semarang"),
            ("12.71.03", "Medan"),
            ("51.71.01", "Denpasar"),
            ("73.71.04", "Makassar"),
            ("91.71.01", "Jayapura"),
        ]
        .map(|(code, city)| District {
            code: code.to_owned(),
            digits: code.replace('.', ""),
            city: city.to_owned(),
        })
        .to_vec();
        let agencies = vec![
            Agency::new(
                1,
                "KEMENAG".into(),
                "Kementerian Agama".into(),
                "pusat".into(),
                None,
                0..2,
                vec![
                    (1, "Sekretariat Jenderal".into()),
                    (2, "Biro Keuangan".into()),
                ],
            ),
            Agency::new(
                2,
                "KOTA-32.73".into(),
                "Pemerintah Kota Bandung".into(),
                "kota".into(),
                Some("32.73"),
                2..3,
                vec![
                    (3, "Dinas Pendidikan".into()),
                    (4, "Dinas Kesehatan".into()),
                ],
            ),
            Agency::new(
                3,
                "PROV-12".into(),
                "Pemerintah Provinsi Sumatera Utara".into(),
                "provinsi".into(),
                Some("12"),
                4..5,
                vec![(5, "Sekretariat Daerah".into())],
            ),
            Agency::new(
                4,
                "PROV-51".into(),
                "Pemerintah Provinsi Bali".into(),
                "provinsi".into(),
                Some("51"),
                5..6,
                vec![(6, "Dinas Pendidikan".into())],
            ),
            Agency::new(
                5,
                "KOTA-73.71".into(),
                "Pemerintah Kota Makassar".into(),
                "kota".into(),
                Some("73.71"),
                6..7,
                vec![(7, "Rumah Sakit Umum Daerah".into())],
            ),
            Agency::new(
                6,
                "KOTA-91.71".into(),
                "Pemerintah Kota Jayapura".into(),
                "kota".into(),
                Some("91.71"),
                7..8,
                vec![(8, "Dinas Pendidikan".into())],
            ),
        ];
        Self::new(agencies, districts)
    }
}

/// The districts whose code starts with `region` (`"32"` or `"32.73"`).
fn district_range(districts: &[District], region: &str) -> std::ops::Range<usize> {
    let prefix = format!("{region}.");
    let start = districts.partition_point(|d| d.code.as_str() < prefix.as_str());
    let end = start + districts[start..].partition_point(|d| d.code.starts_with(&prefix));
    start..end
}
