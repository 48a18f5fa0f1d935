//! "Data sudah sesuai" over real HTTP: an employee confirms sections of their own
//! record; the time is kept, confirming again moves it, progress counts what
//! applies to them, and nobody confirms without signing in.

use generator::demo::{load_demo_if_empty, DEMO_PASSWORD, DEMO_PNS_NIP, DEMO_PPPK_NIP};
use reqwest::StatusCode;
use sqlx::PgPool;

use crate::support::TestApp;

async fn confirm(app: &TestApp, cookie: Option<&str>, bagian: &str) -> reqwest::Response {
    app.post_form("/api/konfirmasi_data", &[("bagian", bagian)], cookie)
        .await
}

async fn confirmed_at(pool: &PgPool, bagian: &str) -> Vec<time::OffsetDateTime> {
    sqlx::query_scalar(
        "SELECT k.confirmed_at FROM konfirmasi_data k JOIN pegawai p ON p.id = k.pegawai_id
          WHERE p.nomor_induk = $1 AND k.bagian = $2",
    )
    .bind(DEMO_PPPK_NIP)
    .bind(bagian)
    .fetch_all(pool)
    .await
    .unwrap()
}

fn done_of(progress: &serde_json::Value) -> (usize, usize) {
    let sections = progress["sections"].as_array().unwrap();
    let done = sections.iter().filter(|s| !s[1].is_null()).count();
    (done, sections.len())
}

#[sqlx::test(migrations = "../migrations")]
async fn an_employee_confirms_sections_of_their_own_record(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let app = TestApp::spawn(pool.clone()).await;

    assert_eq!(
        confirm(&app, None, "data_personal").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let anonymous = app
        .get(
            &format!("/api/progres_konfirmasi?nomor_induk={DEMO_PPPK_NIP}"),
            None,
        )
        .await;
    assert_eq!(anonymous.text().await.unwrap(), "null");

    // Budi is PPPK: Data Personal plus the four histories PPPK keep.
    let budi = app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    let response = confirm(&app, Some(&budi), "data_personal").await;
    assert_eq!(response.status(), StatusCode::OK);
    let progress: serde_json::Value = response.json().await.unwrap();
    assert_eq!(done_of(&progress), (1, 5));
    let first = confirmed_at(&pool, "data_personal").await;
    assert_eq!(first.len(), 1);

    // A rank history does not apply to PPPK; an unknown section neither.
    for bagian in ["pangkat", "gaji", ""] {
        let refused = confirm(&app, Some(&budi), bagian).await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bagian}"
        );
    }
    let keluarga = confirm(&app, Some(&budi), "keluarga").await;
    assert_eq!(done_of(&keluarga.json().await.unwrap()), (2, 5));

    // Confirming again keeps one row and moves its time.
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    assert_eq!(
        confirm(&app, Some(&budi), "data_personal").await.status(),
        StatusCode::OK
    );
    let again = confirmed_at(&pool, "data_personal").await;
    assert_eq!(again.len(), 1);
    assert!(again[0] > first[0]);

    let progress = app
        .get_json(
            &format!("/api/progres_konfirmasi?nomor_induk={DEMO_PPPK_NIP}"),
            &budi,
        )
        .await;
    assert_eq!(done_of(&progress), (2, 5));
    // Someone else's profile has no confirmation controls for Budi.
    let others = app
        .get(
            &format!("/api/progres_konfirmasi?nomor_induk={DEMO_PNS_NIP}"),
            Some(&budi),
        )
        .await;
    assert_eq!(others.text().await.unwrap(), "null");
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE event = 'data.confirmed' AND detail->>'bagian' = 'data_personal'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(audited, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_employee_reads_their_own_progress_and_nobody_else_does(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let app = TestApp::spawn(pool.clone()).await;
    let anonymous = app.get("/api/konfirmasi_saya", None).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    let budi = app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    confirm(&app, Some(&budi), "keluarga").await;
    let own = app.get_json("/api/konfirmasi_saya", &budi).await;
    assert_eq!(done_of(&own), (1, 5));
    // Rina's progress is her own: Budi's confirmation is not in it.
    let rina = app.sign_in(DEMO_PNS_NIP, DEMO_PASSWORD).await;
    let hers = app.get_json("/api/konfirmasi_saya", &rina).await;
    assert_eq!(done_of(&hers), (0, 13));
}
