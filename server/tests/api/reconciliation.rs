//! Contact reconciliation over real HTTP with real email: Cek NIP, the captcha,
//! the confirmation link, and the agency admin's approval into the record.

use app::auth::settings::AuthSettings;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use generator::demo::{load_demo_if_empty, DEMO_PASSWORD, DEMO_PNS_NIP};
use reqwest::StatusCode;
use sqlx::PgPool;

use crate::support::people;
use crate::support::smtp::SmtpSink;
use crate::support::TestApp;

const SECRET: &str = "a-test-secret-that-is-long-enough-to-be-a-key";
const NEW_EMAIL: &str = "budi.aktif@sekolah.go.id";

struct World {
    app: TestApp,
    smtp: SmtpSink,
    pool: PgPool,
    /// An employee without an account yet, and their agency.
    nip: String,
    name: String,
    instansi: i32,
}

async fn world(pool: PgPool) -> World {
    load_demo_if_empty(&pool).await.unwrap();
    let (nip, name, instansi): (String, String, i32) = sqlx::query_as(
        "SELECT nomor_induk, nama, instansi_id FROM pegawai
          WHERE nomor_induk IS NOT NULL AND id NOT IN (SELECT pegawai_id FROM akun)
          ORDER BY id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let (app, smtp) = TestApp::spawn_with_smtp(pool.clone(), |c| {
        c.auth.secret_key = Some(SECRET.into());
    })
    .await;
    World {
        app,
        smtp,
        pool,
        nip,
        name,
        instansi,
    }
}

impl World {
    /// A captcha and its answer, read the way only the key holder can.
    async fn captcha(&self) -> (String, String) {
        let c: serde_json::Value = self
            .app
            .get("/api/captcha", None)
            .await
            .json()
            .await
            .unwrap();
        assert!(c["svg"].as_str().unwrap().starts_with("<svg"));
        let token = c["token"].as_str().unwrap().to_owned();
        let raw = URL_SAFE_NO_PAD.decode(&token).unwrap();
        let nonce: [u8; 16] = raw[..16].try_into().unwrap();
        let answer = app::auth::captcha::answer(&AuthSettings::key_from(SECRET), &nonce);
        (token, answer)
    }

    async fn state(&self, token: &str, answer: &str, instansi: i32) -> reqwest::Response {
        self.app
            .post_form(
                "/api/simpan_kontak",
                &[
                    ("instansi_id", &instansi.to_string()),
                    ("nomor", self.nip.as_str()),
                    ("email", NEW_EMAIL),
                    ("nomor_hp", "0812 1111 2222"),
                    ("captcha_token", token),
                    ("captcha", answer),
                ],
                None,
            )
            .await
    }

    async fn agency_admin(&self, instansi: i32) -> String {
        let nip: String = sqlx::query_scalar(
            "SELECT nomor_induk FROM pegawai WHERE nomor_induk IS NOT NULL AND nomor_induk NOT IN ($1, $2)
              ORDER BY id LIMIT 1 OFFSET $3",
        )
        .bind(&self.nip)
        .bind(DEMO_PNS_NIP)
        .bind(i64::from(instansi % 50))
        .fetch_one(&self.pool)
        .await
        .unwrap();
        people::make_agency_admin(&self.pool, &nip, instansi, DEMO_PASSWORD).await;
        self.app.sign_in(&nip, DEMO_PASSWORD).await
    }

    /// An admin's decision on a statement.
    async fn decide(&self, id: &str, setuju: bool, admin: &str) -> reqwest::Response {
        self.app
            .post_form(
                "/api/putuskan_rekonsiliasi",
                &[("id", id), ("setuju", &setuju.to_string())],
                Some(admin),
            )
            .await
    }

    async fn open_id(&self) -> i64 {
        sqlx::query_scalar("SELECT id FROM rekonsiliasi_kontak WHERE status = 'menunggu'")
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn cek_nip_names_the_employee_only_in_their_agency(pool: PgPool) {
    let w = world(pool).await;
    let id = w.instansi.to_string();
    let response = w
        .app
        .post_form(
            "/api/cek_nip",
            &[("instansi_id", &id), ("nomor", w.nip.as_str())],
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.json::<String>().await.unwrap(),
        app::contact_types::mask_name(&w.name)
    );
    let other = (w.instansi % 600 + 1).to_string();
    let response = w
        .app
        .post_form(
            "/api/cek_nip",
            &[("instansi_id", &other), ("nomor", w.nip.as_str())],
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("tidak terdaftar di instansi"));
    let response = w
        .app
        .post_form(
            "/api/cek_nip",
            &[("instansi_id", &id), ("nomor", "123")],
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_captcha_must_be_right_and_works_once(pool: PgPool) {
    let w = world(pool).await;
    let (token, answer) = w.captcha().await;
    let wrong = if answer == "00000" { "11111" } else { "00000" };
    let response = w.state(&token, wrong, w.instansi).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Kode keamanan salah"));
    // One picture, one guess: the right answer after a wrong one is refused too.
    let response = w.state(&token, &answer, w.instansi).await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "spent by the guess"
    );
    let (token, answer) = w.captcha().await;
    assert_eq!(
        w.state(&token, &answer, w.instansi).await.status(),
        StatusCode::OK
    );
    let response = w.state(&token, &answer, w.instansi).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "spent");
    let response = w.state("bukan-token", &answer, w.instansi).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let statements: i64 = sqlx::query_scalar("SELECT count(*) FROM rekonsiliasi_kontak")
        .fetch_one(&w.pool)
        .await
        .unwrap();
    assert_eq!(statements, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_confirmed_contact_approved_by_the_agency_admin_enters_the_record(pool: PgPool) {
    let w = world(pool).await;
    let (token, answer) = w.captcha().await;
    let response = w.state(&token, &answer, w.instansi).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.json::<String>().await.unwrap(),
        "b*********@sekolah.go.id"
    );
    let mail = &w.smtp.wait_for(1).await[0];
    assert_eq!(mail.rcpt, vec![NEW_EMAIL.to_owned()]);
    assert!(mail.body().contains("/rekonsiliasi/konfirmasi?token="));
    let id = w.open_id().await.to_string();

    let own_admin = w.agency_admin(w.instansi).await;
    let other_admin = w.agency_admin(w.instansi % 600 + 1).await;
    // Not before the employee confirms the address.
    let response = w.decide(&id, true, &own_admin).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("belum dikonfirmasi"));

    let response = w
        .app
        .post_form("/api/konfirmasi_kontak", &[("token", &mail.token())], None)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = w
        .app
        .post_form(
            "/api/konfirmasi_kontak",
            &[("token", "x".repeat(43).as_str())],
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    // Another agency's admin cannot decide; the own admin sees and approves it.
    assert_eq!(
        w.decide(&id, true, &other_admin).await.status(),
        StatusCode::FORBIDDEN
    );
    let listed = w
        .app
        .get_json("/api/rekonsiliasi_terbuka", &own_admin)
        .await;
    assert_eq!(listed[0]["email"], NEW_EMAIL);
    assert_eq!(listed[0]["email_confirmed"], true);
    assert_eq!(
        w.decide(&id, true, &own_admin).await.status(),
        StatusCode::OK
    );
    let (email, hp): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT email, nomor_hp FROM pegawai WHERE nomor_induk = $1")
            .bind(&w.nip)
            .fetch_one(&w.pool)
            .await
            .unwrap();
    assert_eq!(email.as_deref(), Some(NEW_EMAIL));
    assert_eq!(hp.as_deref(), Some("+6281211112222"));
    // Decided once only.
    assert_eq!(
        w.decide(&id, false, &own_admin).await.status(),
        StatusCode::BAD_REQUEST
    );
    // And the token now goes to the new address.
    let response = w
        .app
        .post_form(
            "/api/minta_token",
            &[
                ("nomor", w.nip.as_str()),
                ("email", NEW_EMAIL),
                ("tujuan", "aktivasi"),
            ],
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let events: Vec<String> =
        sqlx::query_scalar("SELECT event FROM audit_log WHERE event LIKE 'contact.%' ORDER BY id")
            .fetch_all(&w.pool)
            .await
            .unwrap();
    assert_eq!(
        events,
        ["contact.stated", "contact.confirmed", "contact.approved"]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_activated_account_cannot_be_reconciled_by_anyone(pool: PgPool) {
    let w = world(pool).await;
    people::activate(&w.pool, &w.nip, DEMO_PASSWORD).await;
    let (token, answer) = w.captcha().await;
    let response = w.state(&token, &answer, w.instansi).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.text().await.unwrap().contains("sudah aktif"));
    assert!(
        w.smtp.messages().is_empty(),
        "no mail to the stated address"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_statement_replaces_the_open_one(pool: PgPool) {
    let w = world(pool).await;
    for _ in 0..2 {
        let (token, answer) = w.captcha().await;
        assert_eq!(
            w.state(&token, &answer, w.instansi).await.status(),
            StatusCode::OK
        );
    }
    let (open, replaced): (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE status = 'menunggu'), count(*) FILTER (WHERE status = 'diganti')
           FROM rekonsiliasi_kontak",
    )
    .fetch_one(&w.pool)
    .await
    .unwrap();
    assert_eq!((open, replaced), (1, 1));
}
