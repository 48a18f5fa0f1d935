//! Supporting documents over real HTTP: what is refused (too large, not a PDF,
//! empty, cut short) is refused with a message and leaves no row and no stored
//! bytes; what is kept is readable by its owner and the verifiers over them only.

use std::path::{Path, PathBuf};

use generator::demo::{load_demo_if_empty, DEMO_PASSWORD, DEMO_PNS_NIP, DEMO_PPPK_NIP};
use reqwest::{header, StatusCode};
use server::config::DocumentLocation;
use sqlx::PgPool;

use crate::support::db::audit_count;
use crate::support::documents::{pdf, upload};
use crate::support::people::{make_verifier, Scope};
use crate::support::TestApp;

const LIMIT: u64 = 4096;

async fn rows(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM dokumen")
        .fetch_one(pool)
        .await
        .unwrap()
}

fn stored_files(folder: &Path) -> usize {
    fn walk(dir: &Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| {
                        let path = e.path();
                        if path.is_dir() {
                            walk(&path)
                        } else {
                            1
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    walk(folder)
}

async fn spawn(pool: PgPool) -> (TestApp, PathBuf) {
    let mut folder = PathBuf::new();
    let app = TestApp::spawn_with(pool, |config| {
        config.documents.max_bytes = LIMIT;
        let DocumentLocation::Folder(f) = &config.documents.location else {
            panic!("tests store documents in a folder");
        };
        folder = f.clone();
    })
    .await;
    (app, folder)
}

async fn message(response: reqwest::Response) -> String {
    response.text().await.unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn refused_files_leave_nothing_behind(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let (app, folder) = spawn(pool.clone()).await;
    let budi = app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;

    let anonymous = upload(&app, None, pdf("x"), "sk.pdf", "application/pdf").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    let mut oversized = pdf("big");
    oversized.splice(10..10, vec![b' '; LIMIT as usize]);
    let refusals: [(Vec<u8>, &str, StatusCode, &str); 4] = [
        (
            oversized,
            "sk.pdf",
            StatusCode::PAYLOAD_TOO_LARGE,
            "lebih besar dari",
        ),
        (
            // A Windows program renamed, sent as a PDF.
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00This program cannot be run in DOS mode.\r\n%%EOF"
                .to_vec(),
            "sk_kenaikan_pangkat.pdf",
            StatusCode::UNPROCESSABLE_ENTITY,
            "bukan PDF",
        ),
        (
            Vec::new(),
            "kosong.pdf",
            StatusCode::UNPROCESSABLE_ENTITY,
            "kosong",
        ),
        (
            pdf("cut")[..40].to_vec(),
            "terpotong.pdf",
            StatusCode::UNPROCESSABLE_ENTITY,
            "terpotong",
        ),
    ];
    for (bytes, name, status, text) in refusals {
        let response = upload(&app, Some(&budi), bytes, name, "application/pdf").await;
        assert_eq!(response.status(), status, "{name}");
        let body = message(response).await;
        assert!(body.contains(text), "{name}: {body}");
        assert!(body.contains("\"field\":\"berkas\""), "{name}: {body}");
    }
    // A body far past the cap is cut off as it streams, not read to the end.
    let huge = upload(
        &app,
        Some(&budi),
        vec![b'%'; 10 * LIMIT as usize],
        "huge.pdf",
        "application/pdf",
    )
    .await;
    assert_eq!(huge.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(rows(&pool).await, 0);
    assert_eq!(stored_files(&folder), 0);

    // A real PDF is kept; its kind comes from the bytes, not the name or type.
    let kept = upload(
        &app,
        Some(&budi),
        pdf("SK"),
        "../../etc/sk.bin",
        "application/octet-stream",
    )
    .await;
    assert_eq!(kept.status(), StatusCode::CREATED);
    let kept: serde_json::Value = kept.json().await.unwrap();
    assert_eq!(kept["jenis"], "pdf");
    assert_eq!(kept["nama"], "sk.bin");
    // The same bytes again: a second record, one stored object.
    let again = upload(&app, Some(&budi), pdf("SK"), "sk.pdf", "application/pdf").await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(rows(&pool).await, 2);
    assert_eq!(stored_files(&folder), 1);
    let audited = audit_count(&pool, "document.uploaded").await;
    assert_eq!(audited, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn only_the_owner_and_verifiers_over_them_read_a_document(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let (app, _folder) = spawn(pool.clone()).await;
    let budi = app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    let bytes = pdf("akta nikah");
    let uploaded: serde_json::Value = upload(
        &app,
        Some(&budi),
        bytes.clone(),
        "akta.pdf",
        "application/pdf",
    )
    .await
    .json()
    .await
    .unwrap();
    let path = format!("/api/dokumen/{}", uploaded["id"]);
    let read = |cookie: Option<String>| {
        let (app, path) = (&app, &path);
        async move { app.get(path, cookie.as_deref()).await }
    };

    let own = read(Some(budi.clone())).await;
    assert_eq!(own.status(), StatusCode::OK);
    assert_eq!(own.headers()[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(own.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(own.headers()[header::CONTENT_SECURITY_POLICY], "sandbox");
    assert_eq!(own.bytes().await.unwrap().to_vec(), bytes);

    assert_eq!(read(None).await.status(), StatusCode::UNAUTHORIZED);

    // Rina is BKN's admin: she manages accounts, not other people's papers.
    let rina = app.sign_in(DEMO_PNS_NIP, DEMO_PASSWORD).await;
    let budi_instansi: i32 =
        sqlx::query_scalar("SELECT instansi_id FROM pegawai WHERE nomor_induk = $1")
            .bind(DEMO_PPPK_NIP)
            .fetch_one(&pool)
            .await
            .unwrap();
    let denied = read(Some(rina)).await;
    assert_eq!(denied.status(), StatusCode::NOT_FOUND);

    // A verifier of Budi's agency may; one of another agency may not, and gets
    // the answer a missing document gets.
    let others: Vec<(String, i32)> = sqlx::query_as(
        "SELECT nomor_induk, instansi_id FROM pegawai
          WHERE nomor_induk IS NOT NULL AND nomor_induk NOT IN ($1, $2) ORDER BY id LIMIT 2",
    )
    .bind(DEMO_PNS_NIP)
    .bind(DEMO_PPPK_NIP)
    .fetch_all(&pool)
    .await
    .unwrap();
    let (ours, theirs) = (&others[0].0, &others[1].0);
    for (nip, instansi) in [(ours, budi_instansi), (theirs, budi_instansi + 1)] {
        make_verifier(&pool, nip, Scope::Agency(instansi), 2, DEMO_PASSWORD).await;
    }
    let ours = app.sign_in(ours, DEMO_PASSWORD).await;
    assert_eq!(read(Some(ours)).await.status(), StatusCode::OK);
    let theirs = app.sign_in(theirs, DEMO_PASSWORD).await;
    let response = read(Some(theirs)).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let missing = app.get("/api/dokumen/999999", Some(&budi)).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let denials: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE event = 'access.denied'
            AND detail->>'action' = 'read_document'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(denials, 2);
}
