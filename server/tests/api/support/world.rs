//! Where the proposal and verification tests start: the demo data loaded, the
//! application running, and its two named employees signed in; and what they do
//! there: set the update period, upload a decree, propose a rank.

use app::domain::reference::{GolonganPns, JenisDokumen};
use app::domain::riwayat::RiwayatPangkat;
use app::profile::store::profil_by_nomor_induk;
use app::proposal::change::{ProposedRecord, Target};
use app::proposal::submission::{IdempotencyKey, Submission};
use generator::demo::{load_demo_if_empty, DEMO_PASSWORD, DEMO_PNS_NIP, DEMO_PPPK_NIP};
use reqwest::{Response, StatusCode};
use server::config::Config;
use sqlx::PgPool;
use time::{format_description::well_known::Rfc3339, Duration, OffsetDateTime};

use super::documents::{pdf, upload};
use super::TestApp;

pub struct World {
    pub app: TestApp,
    pub pool: PgPool,
    /// Rina: a PNS with a rank history, and BKN's admin (she sets the period).
    pub rina: String,
    /// Budi: a PPPK, with no role.
    pub budi: String,
    pub rina_instansi: i32,
}

pub async fn world(pool: PgPool) -> World {
    World::start(pool, |_| {}).await
}

/// The idempotency key numbered `n`.
pub fn key(n: u32) -> IdempotencyKey {
    IdempotencyKey::parse(&format!("00000000-0000-4000-8000-{n:012}")).unwrap()
}

/// The time `offset` from now, as the period form takes it.
fn at(offset: Duration) -> String {
    (OffsetDateTime::now_utc() + offset)
        .format(&Rfc3339)
        .unwrap()
}

impl World {
    pub async fn start(pool: PgPool, configure: impl FnOnce(&mut Config)) -> World {
        load_demo_if_empty(&pool).await.unwrap();
        let app = TestApp::spawn_with(pool.clone(), configure).await;
        let rina = app.sign_in(DEMO_PNS_NIP, DEMO_PASSWORD).await;
        let budi = app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
        let rina_instansi =
            sqlx::query_scalar("SELECT instansi_id FROM pegawai WHERE nomor_induk = $1")
                .bind(DEMO_PNS_NIP)
                .fetch_one(&pool)
                .await
                .unwrap();
        World {
            app,
            pool,
            rina,
            budi,
            rina_instansi,
        }
    }

    pub async fn set_period(
        &self,
        cookie: &str,
        instansi: Option<i32>,
        opens: Duration,
        closes: Duration,
    ) -> Response {
        let (dibuka, ditutup) = (at(opens), at(closes));
        let instansi = instansi.map(|i| i.to_string());
        let mut form = vec![("dibuka", dibuka.as_str()), ("ditutup", ditutup.as_str())];
        if let Some(i) = &instansi {
            form.push(("instansi", i.as_str()));
        }
        self.app
            .post_form("/api/atur_periode", &form, Some(cookie))
            .await
    }

    /// Opens the national update period, from an hour ago for thirty days.
    pub async fn open_period(&self) {
        let response = self
            .set_period(&self.rina, None, -Duration::hours(1), Duration::days(30))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }

    /// Uploads a PDF saying `text` as the holder of `cookie`; answers its id.
    pub async fn document(&self, cookie: &str, text: &str) -> i64 {
        let response = upload(
            &self.app,
            Some(cookie),
            pdf(text),
            "sk.pdf",
            "application/pdf",
        )
        .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json::<serde_json::Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap()
    }

    pub async fn latest_rank(&self) -> RiwayatPangkat {
        profil_by_nomor_induk(&self.pool, DEMO_PNS_NIP)
            .await
            .unwrap()
            .unwrap()
            .pegawai
            .pangkat[0]
            .clone()
    }

    /// Rina's latest rank raised to `golongan`, supported by `dokumen_id`.
    pub async fn rank_change(&self, n: u32, golongan: GolonganPns, dokumen_id: i64) -> Submission {
        let mut rank = self.latest_rank().await;
        let target = Target::Existing(rank.id);
        rank.golongan = golongan;
        Submission {
            kunci: key(n),
            target,
            record: ProposedRecord::Pangkat(rank),
            dokumen_id,
            jenis_dokumen: JenisDokumen::SkKenaikanPangkat,
        }
    }

    pub async fn submit(&self, cookie: &str, submission: &Submission) -> Response {
        self.app
            .post_json(
                "/api/ajukan_usulan",
                &serde_json::json!({ "usulan": submission }),
                Some(cookie),
            )
            .await
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.pool).await.unwrap()
    }
}
