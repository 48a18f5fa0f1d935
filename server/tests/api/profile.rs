//! The profile over real HTTP: the server function that reads it, and the
//! server-rendered page, against the demo data in a per-test database.

use generator::demo::{load_demo_if_empty, DEMO_PNS_NAME, DEMO_PNS_NIP, DEMO_PPPK_NIP};
use reqwest::StatusCode;
use sqlx::PgPool;

use crate::support::TestApp;

#[sqlx::test(migrations = "../migrations")]
async fn anonymous_callers_read_no_profile_unless_demo_mode(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let app = TestApp::spawn(pool).await;
    let api = app
        .get(&format!("/api/profil?nomor_induk={DEMO_PNS_NIP}"), None)
        .await;
    assert_eq!(api.status(), StatusCode::UNAUTHORIZED, "sign in first");
    let page = app
        .get(&format!("/profil/{DEMO_PNS_NIP}"), None)
        .await
        .text()
        .await
        .unwrap();
    // The address itself is echoed (e.g. in the language link), but no record is.
    assert!(
        !page.contains(DEMO_PNS_NAME),
        "no personal data without demo mode"
    );
    assert!(!page.contains("data-personal"), "no Data Personal section");
    assert!(
        page.contains("Profil tidak dapat dimuat"),
        "a clear message instead"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn demo_profile_reads_every_history(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let app = TestApp::spawn_with(pool, |c| c.demo = true).await;
    let response = app
        .get(&format!("/api/profil?nomor_induk={DEMO_PNS_NIP}"), None)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let profil: Option<app::profile::Profil> = response.json().await.unwrap();
    let profil = profil.expect("the demo PNS exists");
    let p = &profil.pegawai;
    assert_eq!(p.personal.nomor_induk.as_str(), Some(DEMO_PNS_NIP));
    for riwayat in app::domain::reference::Riwayat::all() {
        assert!(
            p.count(*riwayat) > 0,
            "{riwayat:?} is empty for the demo PNS"
        );
    }
    // Stored data parses back into values the domain accepts.
    let today = time::OffsetDateTime::now_utc().date();
    let findings = app::domain::check_pegawai(p, today);
    assert!(!app::domain::checks::has_errors(&findings), "{findings:?}");
}

#[sqlx::test(migrations = "../migrations")]
async fn profile_page_is_server_rendered_and_unknown_is_404(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let app = TestApp::spawn_with(pool, |c| c.demo = true).await;
    let html = app
        .get(&format!("/profil/{DEMO_PPPK_NIP}"), None)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(DEMO_PPPK_NIP));
    assert!(html.contains(r#"data-riwayat="keluarga""#));
    assert!(
        !html.contains(r#"data-riwayat="pangkat""#),
        "PPPK have no rank history"
    );

    let missing = app.get("/profil/198001012005011999", None).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}
