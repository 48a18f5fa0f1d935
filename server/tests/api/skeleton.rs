//! The walking skeleton over real HTTP: server-rendered pages, probes, the
//! language switch and the cross-site guard.

use reqwest::{header, StatusCode};
use sqlx::PgPool;

use crate::support::TestApp;

#[sqlx::test(migrations = "../migrations")]
async fn home_page_is_server_rendered_in_indonesian(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let response = app.get("/", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"lang="id""#), "html lang is id: {html}");
    assert!(html.contains("Pemutakhiran Data Mandiri ASN"));
    assert!(html.contains(r#"rel="manifest""#));
    assert!(html.contains("/sw-register.js"));
}

#[sqlx::test(migrations = "../migrations")]
async fn english_cookie_renders_english(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let html = app
        .client
        .get(app.url("/"))
        .header("cookie", "i18n_pref_locale=en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"lang="en""#));
    assert!(
        html.contains("Civil Servant Self-Service Data Update"),
        "{html}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn language_link_sets_cookie_and_returns_only_to_local_paths(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let response = app.get("/lang/en?next=%2Fabc%3Fx%3D1", None).await;
    assert!(response.status().is_redirection());
    assert_eq!(response.headers()["location"], "/abc?x=1");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("i18n_pref_locale=en;"), "{cookie}");

    let offsite = app.get("/lang/id?next=%2F%2Fevil.example%2F", None).await;
    assert_eq!(offsite.headers()["location"], "/");

    let unknown = app.get("/lang/fr", None).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[sqlx::test(migrations = "../migrations")]
async fn probes_report_liveness_and_readiness(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let live = app.get("/healthz", None).await;
    assert_eq!(live.status(), StatusCode::OK);
    let ready = app.get("/readyz", None).await;
    assert_eq!(ready.status(), StatusCode::OK);

    // With the database gone, readiness must say so while liveness holds.
    pool.close().await;
    let ready = app.get("/readyz", None).await;
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    let live = app.get("/healthz", None).await;
    assert_eq!(live.status(), StatusCode::OK);
}

#[sqlx::test(migrations = "../migrations")]
async fn unknown_page_is_a_404_page(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let response = app.get("/tidak-ada", None).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Halaman tidak ditemukan"));
}

#[sqlx::test(migrations = "../migrations")]
async fn cross_site_posts_are_refused_same_origin_ones_pass(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let cross = app
        .client
        .post(app.url("/api/anything"))
        .header("origin", "https://evil.example")
        .body("x=1")
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);

    let fetch_cross = app
        .client
        .post(app.url("/api/anything"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(fetch_cross.status(), StatusCode::FORBIDDEN);

    // Same origin gets past the guard (to a 404: no such server function).
    let same = app
        .client
        .post(app.url("/api/anything"))
        .header("origin", app.base.clone())
        .send()
        .await
        .unwrap();
    assert_ne!(same.status(), StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = "../migrations")]
async fn oversized_bodies_are_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let response = app
        .client
        .post(app.url("/api/anything"))
        .header("origin", app.base.clone())
        .body(vec![b'x'; 2 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

/// Every answer, page or API, found or not, carries the browser security headers:
/// no framing by other sites, no Referer, no sniffing; HSTS only behind HTTPS.
#[sqlx::test(migrations = "../migrations")]
async fn every_answer_carries_the_security_headers(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    for path in [
        "/",
        "/masuk",
        "/profil/198503122010012901",
        "/tidak-ada",
        "/api/saya",
        "/healthz",
    ] {
        let response = app.get(path, None).await;
        let headers = response.headers();
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY", "{path}");
        assert_eq!(headers[header::REFERRER_POLICY], "no-referrer", "{path}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert!(
            !headers.contains_key(header::STRICT_TRANSPORT_SECURITY),
            "{path}: plain HTTP"
        );
    }
    let behind_https = TestApp::spawn_with(pool, |c| {
        c.public_origin = Some("https://mutakhir.example.go.id".into());
    })
    .await;
    let response = behind_https.get("/masuk", None).await;
    let hsts = response.headers()[header::STRICT_TRANSPORT_SECURITY]
        .to_str()
        .unwrap();
    assert!(hsts.starts_with("max-age=63072000"), "{hsts}");
}
