//! Live proposal updates across servers: two real server processes on one database;
//! a proposal submitted through one reaches a browser connected to the other, over
//! server-sent events, and a reconnect with `Last-Event-ID` replays what was missed.

use std::{net::TcpListener, process::Stdio, time::Duration};

use generator::demo::{load_demo_if_empty, DEMO_PASSWORD, DEMO_PNS_NIP};
use reqwest::{header, StatusCode};
use sqlx::PgPool;
use tokio::process::{Child, Command};

use crate::support::db::database_url;
use crate::support::documents::pdf;
use crate::support::http::{read_until, session_cookie};

struct Process {
    child: Child,
    base: String,
}

impl Process {
    async fn start(database_url: &str, documents: &std::path::Path) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_mutakhir"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", database_url)
            .env("LEPTOS_OUTPUT_NAME", "mutakhir")
            .env("LEPTOS_SITE_ROOT", "target/site")
            .env("LEPTOS_SITE_PKG_DIR", "pkg")
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("MUTAKHIR_DEV_MAILBOX", "true")
            .env("MUTAKHIR_DOCUMENT_STORE", documents)
            .env(
                "MUTAKHIR_SECRET_KEY",
                "a shared key for both test servers only",
            )
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("the server binary starts");
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        for _ in 0..300 {
            if let Ok(r) = client.get(format!("{base}/readyz")).send().await {
                if r.status() == StatusCode::OK {
                    return Self { child, base };
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the server at {base} did not become ready");
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    async fn stop(mut self) {
        let _ = self.child.kill().await;
        let _ = self.child.wait().await;
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_proposal_submitted_through_one_server_reaches_a_browser_on_another(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    sqlx::query(
        "INSERT INTO periode_pemutakhiran (dibuka, ditutup)
         VALUES (now() - interval '1 hour', now() + interval '1 day')",
    )
    .execute(&pool)
    .await
    .unwrap();
    let url = database_url(&pool);
    let documents = std::env::temp_dir().join(format!("mutakhir-live-{}", std::process::id()));
    let (a, b) = tokio::join!(
        Process::start(&url, &documents),
        Process::start(&url, &documents)
    );
    let client = reqwest::Client::new();
    let sign_in = |p: &Process| {
        client
            .post(p.url("/api/masuk"))
            .form(&[("nomor", DEMO_PNS_NIP), ("kata_sandi", DEMO_PASSWORD)])
            .send()
    };
    let on_a = session_cookie(&sign_in(&a).await.unwrap()).unwrap();
    let on_b = session_cookie(&sign_in(&b).await.unwrap()).unwrap();

    // The browser on B listens before anything happens.
    let mut live = client
        .get(b.url("/api/usulan/peristiwa"))
        .header(header::COOKIE, &on_b)
        .send()
        .await
        .unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    assert_eq!(live.headers()[header::CONTENT_TYPE], "text/event-stream");

    // The employee proposes through A.
    let document: serde_json::Value = client
        .post(a.url("/api/dokumen"))
        .header(header::COOKIE, &on_a)
        .multipart(reqwest::multipart::Form::new().part(
            "berkas",
            reqwest::multipart::Part::bytes(pdf("SK KP")).file_name("sk.pdf"),
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let profil = app::profile::store::profil_by_nomor_induk(&pool, DEMO_PNS_NIP)
        .await
        .unwrap()
        .unwrap();
    let mut rank = profil.pegawai.pangkat[0].clone();
    let target = app::proposal::change::Target::Existing(rank.id);
    rank.golongan = app::domain::reference::GolonganPns::IVA;
    let submission = app::proposal::submission::Submission {
        kunci: app::proposal::submission::IdempotencyKey::parse(
            "5b0c3a52-2f4e-4d1a-9a51-6a0e1f2d3c4b",
        )
        .unwrap(),
        target,
        record: app::proposal::change::ProposedRecord::Pangkat(rank),
        dokumen_id: document["id"].as_i64().unwrap(),
        jenis_dokumen: app::domain::reference::JenisDokumen::SkKenaikanPangkat,
    };
    let submitted = client
        .post(a.url("/api/ajukan_usulan"))
        .header(header::COOKIE, &on_a)
        .json(&serde_json::json!({ "usulan": submission }))
        .send()
        .await
        .unwrap();
    assert_eq!(submitted.status(), StatusCode::OK);
    let id: i64 = submitted.text().await.unwrap().parse().unwrap();

    let seen = read_until(&mut live, "Submitted").await;
    assert!(seen.contains("event: usulan"), "{seen}");
    assert!(seen.contains(&format!("\"usulan_id\":{id}")), "{seen}");
    let event_id: i64 = sqlx::query_scalar("SELECT id FROM usulan_peristiwa WHERE usulan_id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(seen.contains(&format!("id: {event_id}")), "{seen}");
    drop(live);

    // A browser that was away replays from the last id it had.
    let mut replay = client
        .get(a.url("/api/usulan/peristiwa"))
        .header(header::COOKIE, &on_a)
        .header("Last-Event-ID", (event_id - 1).to_string())
        .send()
        .await
        .unwrap();
    let seen = read_until(&mut replay, "Submitted").await;
    assert!(seen.contains(&format!("\"usulan_id\":{id}")), "{seen}");
    drop(replay);

    // Nobody signed in hears nothing.
    let anonymous = client
        .get(b.url("/api/usulan/peristiwa"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    a.stop().await;
    b.stop().await;
    let _ = std::fs::remove_dir_all(documents);
}

/// The employee's live stream, as the tracking page opens it.
async fn open_stream(app: &crate::support::TestApp, cookie: &str) -> reqwest::Response {
    let live = app
        .client
        .get(app.url("/api/usulan/peristiwa"))
        .header(header::COOKIE, cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    live
}

/// Whether the server ends the stream within `seconds`.
async fn ends_within(mut live: reqwest::Response, seconds: u64) -> bool {
    tokio::time::timeout(Duration::from_secs(seconds), async {
        while let Some(_chunk) = live.chunk().await.unwrap() {}
    })
    .await
    .is_ok()
}

/// A stream ends with the sign-in it was opened under: signing out (in another
/// tab) closes it at the next check, though the stream's own copy of the session
/// still says signed in.
#[sqlx::test(migrations = "../migrations")]
async fn a_stream_ends_when_its_sign_in_does(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let app = crate::support::TestApp::spawn(pool).await;
    let cookie = app.sign_in(DEMO_PNS_NIP, DEMO_PASSWORD).await;
    let live = open_stream(&app, &cookie).await;
    let signed_out = app
        .post_form("/api/keluar", &[("semua", "false")], Some(&cookie))
        .await;
    assert!(signed_out.status().is_success(), "{}", signed_out.status());
    let started = std::time::Instant::now();
    // The stream checks its sign-in every 15 s; give it twice that.
    assert!(
        ends_within(live, 30).await,
        "the stream outlived the sign-out"
    );
    eprintln!(
        "the stream ended {:?} after the sign-out",
        started.elapsed()
    );
}

/// An open stream is not activity: once the idle limit passes with nothing else
/// done, the stream ends too.
#[sqlx::test(migrations = "../migrations")]
async fn a_stream_ends_at_the_idle_limit(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let app = crate::support::TestApp::spawn_with(pool, |c| {
        c.auth.idle_timeout = Duration::from_secs(3);
    })
    .await;
    let cookie = app.sign_in(DEMO_PNS_NIP, DEMO_PASSWORD).await;
    let live = open_stream(&app, &cookie).await;
    assert!(
        ends_within(live, 35).await,
        "the stream outlived the idle limit"
    );
    // And the session is over for everything else too.
    let me = app.get("/api/saya", Some(&cookie)).await;
    assert_eq!(me.json::<Option<serde_json::Value>>().await.unwrap(), None);
}
