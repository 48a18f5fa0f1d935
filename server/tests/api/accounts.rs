//! Accounts over real HTTP, with real email through an SMTP listener on loopback:
//! activation and reset by emailed token, password policy, sign-in, sessions,
//! lockout and rate limits, and who may read whose profile.

use std::time::Duration;

use generator::demo::{
    load_demo_if_empty, DEMO_PASSWORD, DEMO_PNS_NIP, DEMO_PPPK_EMAIL, DEMO_PPPK_NIP,
    DEMO_PPT_EMAIL, DEMO_PPT_NAME, DEMO_PPT_NIK,
};
use reqwest::{header, StatusCode};
use server::client_address::TrustedProxies;
use server::config::Config;
use sqlx::PgPool;

use crate::support::db::audit_count;
use crate::support::http::{json_text, session_cookie};
use crate::support::smtp::SmtpSink;
use crate::support::TestApp;

struct Harness {
    app: TestApp,
    smtp: SmtpSink,
    pool: PgPool,
}

async fn harness(pool: PgPool, configure: impl FnOnce(&mut Config)) -> Harness {
    load_demo_if_empty(&pool).await.unwrap();
    let (app, smtp) = TestApp::spawn_with_smtp(pool.clone(), configure).await;
    Harness { app, smtp, pool }
}

impl Harness {
    /// The signed-in user's name, or None.
    async fn who(&self, cookie: &str) -> Option<String> {
        let response = self.app.get("/api/saya", Some(cookie)).await;
        assert_eq!(response.status(), StatusCode::OK);
        let me: Option<serde_json::Value> = response.json().await.unwrap();
        me.map(|m| m["name"].as_str().unwrap().to_owned())
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn activation_by_emailed_token_then_sign_in(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    let response = h
        .app
        .request_token(DEMO_PPT_NIK, DEMO_PPT_EMAIL, "aktivasi")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let masked: String = response.json().await.unwrap();
    assert_eq!(
        masked, "a*********@bkn.go.id",
        "the user sees where it went"
    );

    let mail = &h.smtp.wait_for(1).await[0];
    assert_eq!(mail.rcpt, vec![DEMO_PPT_EMAIL.to_owned()]);
    assert!(mail.subject().contains("Aktivasi"), "{}", mail.subject());
    let body = mail.body();
    assert!(body.contains(DEMO_PPT_NAME), "addressed by name: {body}");
    assert!(
        body.contains(&format!("{}/kata-sandi?token=", h.app.base)),
        "{body}"
    );
    let token = mail.token();
    assert_eq!(token.len(), 43);

    let response = h.app.set_password(&token, "Sulawesi2026").await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        json_text(response).await
    );
    let cookie = h.app.sign_in(DEMO_PPT_NIK, "Sulawesi2026").await;
    assert_eq!(h.who(&cookie).await.as_deref(), Some(DEMO_PPT_NAME));

    // Only the hash is stored.
    let stored: Vec<u8> = sqlx::query_scalar("SELECT token_hash FROM token_akun")
        .fetch_one(&h.pool)
        .await
        .unwrap();
    assert_ne!(stored, token.as_bytes());
    assert_eq!(audit_count(&h.pool, "token.issued").await, 1);
    assert_eq!(audit_count(&h.pool, "password.set").await, 1);
    assert_eq!(audit_count(&h.pool, "login.succeeded").await, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_token_works_once_only_the_newest_works_and_it_expires(pool: PgPool) {
    let h = harness(pool, |c| c.auth.token_ttl = Duration::from_secs(2)).await;
    assert_eq!(
        h.app
            .request_token(DEMO_PPT_NIK, DEMO_PPT_EMAIL, "aktivasi")
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        h.app
            .request_token(DEMO_PPT_NIK, DEMO_PPT_EMAIL, "aktivasi")
            .await
            .status(),
        StatusCode::OK
    );
    let mails = h.smtp.wait_for(2).await;
    let (older, newer) = (mails[0].token(), mails[1].token());
    assert_ne!(older, newer);

    let response = h.app.set_password(&older, "Sulawesi2026").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(json_text(response).await.contains("token yang lebih baru"));

    assert_eq!(
        h.app.set_password(&newer, "Sulawesi2026").await.status(),
        StatusCode::OK
    );
    let response = h.app.set_password(&newer, "Makassar2027").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(json_text(response).await.contains("sudah dipakai"));
    // The password is still the first one.
    assert_eq!(
        h.app
            .login(DEMO_PPT_NIK, "Makassar2027", None)
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        h.app
            .login(DEMO_PPT_NIK, "Sulawesi2026", None)
            .await
            .status(),
        StatusCode::OK
    );

    // A reset token left unused past its lifetime is refused.
    assert_eq!(
        h.app
            .request_token(DEMO_PPT_NIK, DEMO_PPT_EMAIL, "reset")
            .await
            .status(),
        StatusCode::OK
    );
    let reset = h.smtp.wait_for(3).await[2].token();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let response = h.app.set_password(&reset, "Makassar2027").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(json_text(response).await.contains("kedaluwarsa"));

    let response = h.app.set_password("not-a-token", "Makassar2027").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_weak_password_is_refused_with_the_reason(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    h.app
        .request_token(DEMO_PPT_NIK, DEMO_PPT_EMAIL, "aktivasi")
        .await;
    let token = h.smtp.wait_for(1).await[0].token();
    for (weak, reason) in [
        ("semuahurufkecil1", "huruf besar"),
        ("TanpaAngkaSama", "angka"),
        ("Abc1", "minimal 8 karakter"),
        ("Password123", "terlalu umum"),
        ("X7371020106759003", "NIP"),
    ] {
        let response = h.app.set_password(&token, weak).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{weak}"
        );
        let text = json_text(response).await;
        assert!(text.contains(reason), "{weak}: {text}");
        assert!(text.contains("kata_sandi"), "names the field: {text}");
    }
    // Different repeat.
    let response = h
        .app
        .post_form(
            "/api/setel_kata_sandi",
            &[
                ("token", &token),
                ("kata_sandi", "Sulawesi2026"),
                ("ulangi", "Sulawesi2027"),
            ],
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The token survived every refusal.
    assert_eq!(
        h.app.set_password(&token, "Sulawesi2026").await.status(),
        StatusCode::OK
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_wrong_email_answers_like_an_unknown_nip_and_sends_nothing(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    let wrong_email = h
        .app
        .request_token(DEMO_PPPK_NIP, "budi@example.go.id", "aktivasi")
        .await;
    assert_eq!(wrong_email.status(), StatusCode::BAD_REQUEST);
    let wrong_email = json_text(wrong_email).await;
    assert!(wrong_email.contains("hubungi admin"), "{wrong_email}");
    // A valid NIP that nobody holds.
    let unknown = h
        .app
        .request_token("199001012015011001", DEMO_PPPK_EMAIL, "aktivasi")
        .await;
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json_text(unknown).await, wrong_email, "indistinguishable");
    // Case and spaces in the email do not matter.
    let ok = h
        .app
        .request_token(DEMO_PPPK_NIP, " Budi.Santoso.Guru@GMAIL.com ", "reset")
        .await;
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(
        h.smtp.wait_for(1).await.len(),
        1,
        "only the matching request sent mail"
    );
    assert_eq!(audit_count(&h.pool, "token.refused_mismatch").await, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn malformed_input_is_refused_per_field(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    let response = h
        .app
        .request_token("12345", "not-an-email", "aktivasi")
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = json_text(response).await;
    assert!(
        text.contains("\"nomor\"") && text.contains("\"email\""),
        "{text}"
    );
    assert!(text.contains("18 angka"), "Indonesian reason: {text}");
    let response = h.app.login("19850312", "x", None).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A missing argument is the client's mistake, not ours.
    let response = h
        .app
        .post_form("/api/masuk", &[("nomor", DEMO_PNS_NIP)], None)
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The profile read answers a missing argument as every server function does.
    let response = h.app.get("/api/profil", None).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_refused_email_leaves_no_token_and_says_so(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    h.smtp.refuse_recipients(true);
    let response = h
        .app
        .request_token(DEMO_PPT_NIK, DEMO_PPT_EMAIL, "aktivasi")
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(json_text(response).await.contains("gagal dikirim"));
    let tokens: i64 = sqlx::query_scalar("SELECT count(*) FROM token_akun")
        .fetch_one(&h.pool)
        .await
        .unwrap();
    assert_eq!(tokens, 0, "no token nobody received");
    assert_eq!(audit_count(&h.pool, "token.mail_failed").await, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn brute_force_locks_the_identifier_known_or_not(pool: PgPool) {
    let h = harness(pool, |c| c.auth.lock_after = 3).await;
    for _ in 0..3 {
        let response = h.app.login(DEMO_PPPK_NIP, "Salah12345", None).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }
    // Locked now: even the right password is refused, with the wait.
    let response = h.app.login(DEMO_PPPK_NIP, DEMO_PASSWORD, None).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let locked = json_text(response).await;
    assert!(locked.contains("Coba lagi dalam 1 menit"), "{locked}");

    // An unknown NIP behaves the same, so the lock reveals nothing.
    let unknown = "199001012015011001";
    for _ in 0..3 {
        let response = h.app.login(unknown, "Salah12345", None).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }
    let response = h.app.login(unknown, "Salah12345", None).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(json_text(response).await, locked);

    // When the lock runs out the right password works and the count starts over.
    sqlx::query("UPDATE kegagalan_masuk SET locked_until = now() - interval '1 second'")
        .execute(&h.pool)
        .await
        .unwrap();
    assert_eq!(
        h.app
            .login(DEMO_PPPK_NIP, DEMO_PASSWORD, None)
            .await
            .status(),
        StatusCode::OK
    );
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM kegagalan_masuk WHERE identifier = $1")
            .bind(DEMO_PPPK_NIP)
            .fetch_one(&h.pool)
            .await
            .unwrap();
    assert_eq!(left, 0);
    assert_eq!(audit_count(&h.pool, "login.failed").await, 6);
    assert_eq!(audit_count(&h.pool, "login.locked").await, 2);
}

/// A sign-in attempt with a wrong password from `client`, as a reverse proxy on
/// loopback forwards it, each for another NIP so no account lock interferes.
async fn forwarded_login(h: &Harness, client: &str) -> StatusCode {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let nip = format!(
        "1990010120150110{:02}",
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 99 + 1
    );
    h.app
        .client
        .post(h.app.url("/api/masuk"))
        .header("x-forwarded-for", client)
        .form(&[("nomor", nip.as_str()), ("kata_sandi", "Salah12345")])
        .send()
        .await
        .unwrap()
        .status()
}

#[sqlx::test(migrations = "../migrations")]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit_and_audit_address(pool: PgPool) {
    let h = harness(pool, |c| {
        c.auth.per_ip_burst = 2;
        c.auth.per_ip_per_minute = 1;
        c.trusted_proxies = TrustedProxies::parse("127.0.0.1, ::1").unwrap();
    })
    .await;
    for client in ["203.0.113.1", "203.0.113.2", "203.0.113.3"] {
        for _ in 0..2 {
            assert_eq!(
                forwarded_login(&h, client).await,
                StatusCode::BAD_REQUEST,
                "{client}"
            );
        }
    }
    assert_eq!(
        forwarded_login(&h, "203.0.113.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // One IPv6 subscriber holds a whole /64: its addresses share one limit.
    assert_eq!(
        forwarded_login(&h, "2001:db8:1:2::a").await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        forwarded_login(&h, "2001:db8:1:2::b").await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        forwarded_login(&h, "2001:db8:1:2::c").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        forwarded_login(&h, "2001:db8:1:3::a").await,
        StatusCode::BAD_REQUEST
    );
    // The audit log names the clients, not the proxy.
    let ips: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT host(ip) FROM audit_log WHERE event = 'login.failed' ORDER BY 1",
    )
    .fetch_all(&h.pool)
    .await
    .unwrap();
    assert!(ips.contains(&"203.0.113.2".to_owned()), "{ips:?}");
    assert!(!ips.contains(&"127.0.0.1".to_owned()), "{ips:?}");
}

#[sqlx::test(migrations = "../migrations")]
async fn forwarding_headers_from_an_untrusted_peer_are_ignored(pool: PgPool) {
    let h = harness(pool, |c| {
        c.auth.per_ip_burst = 2;
        c.auth.per_ip_per_minute = 1;
    })
    .await;
    assert_eq!(
        forwarded_login(&h, "203.0.113.1").await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        forwarded_login(&h, "203.0.113.2").await,
        StatusCode::BAD_REQUEST
    );
    // A header the client wrote itself does not buy a fresh limit.
    assert_eq!(
        forwarded_login(&h, "203.0.113.3").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn one_address_hammering_the_account_endpoints_is_slowed(pool: PgPool) {
    let h = harness(pool, |c| {
        c.auth.per_ip_burst = 4;
        c.auth.per_ip_per_minute = 1;
    })
    .await;
    // Different accounts, so the per-account lock is not what stops it.
    let nips = [
        "199001012015011001",
        "199001012015011002",
        "199001012015011003",
        "199001012015011004",
    ];
    for nip in nips {
        assert_eq!(
            h.app.login(nip, "Salah12345", None).await.status(),
            StatusCode::BAD_REQUEST
        );
    }
    let response = h.app.login(DEMO_PPPK_NIP, DEMO_PASSWORD, None).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key(header::RETRY_AFTER));
    assert!(json_text(response)
        .await
        .contains("Terlalu banyak permintaan"));
    let response = h
        .app
        .request_token(DEMO_PPT_NIK, DEMO_PPT_EMAIL, "aktivasi")
        .await;
    assert_eq!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "tokens share the limit"
    );
    // Reading pages is not limited.
    assert_eq!(h.app.get("/", None).await.status(), StatusCode::OK);
}

#[sqlx::test(migrations = "../migrations")]
async fn tokens_per_account_are_limited(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    for _ in 0..3 {
        assert_eq!(
            h.app
                .request_token(DEMO_PPT_NIK, DEMO_PPT_EMAIL, "aktivasi")
                .await
                .status(),
            StatusCode::OK
        );
    }
    let response = h
        .app
        .request_token(DEMO_PPT_NIK, DEMO_PPT_EMAIL, "aktivasi")
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(json_text(response).await.contains("folder spam"));
    assert_eq!(h.smtp.wait_for(3).await.len(), 3);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_cross_origin_sign_in_is_refused(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    let response = h
        .app
        .client
        .post(h.app.url("/api/masuk"))
        .header(header::ORIGIN, "https://evil.example")
        .form(&[("nomor", DEMO_PPPK_NIP), ("kata_sandi", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(session_cookie(&response).is_none());
    let response = h
        .app
        .client
        .post(h.app.url("/api/keluar"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("semua", "true")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_session_id_changes_at_sign_in(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    let first = h.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    // Sign in again carrying the first id, as a planted (fixated) id would be.
    let response = h
        .app
        .login(DEMO_PPPK_NIP, DEMO_PASSWORD, Some(&first))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let second = session_cookie(&response).expect("a new cookie");
    assert_ne!(first, second);
    assert_eq!(h.who(&first).await, None, "the old id is dead");
    assert!(h.who(&second).await.is_some());
}

#[sqlx::test(migrations = "../migrations")]
async fn the_session_cookie_is_http_only_and_same_site(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    let response = h.app.login(DEMO_PPPK_NIP, DEMO_PASSWORD, None).await;
    let cookie = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("mutakhir="))
        .unwrap()
        .to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
}

#[sqlx::test(migrations = "../migrations")]
async fn an_idle_session_expires(pool: PgPool) {
    let h = harness(pool, |c| c.auth.idle_timeout = Duration::from_secs(2)).await;
    let cookie = h.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    // Activity keeps it alive past the idle limit…
    for _ in 0..3 {
        tokio::time::sleep(Duration::from_millis(1100)).await;
        assert!(h.who(&cookie).await.is_some(), "active sessions live on");
    }
    // …and silence ends it.
    tokio::time::sleep(Duration::from_millis(3200)).await;
    assert_eq!(h.who(&cookie).await, None);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_session_ends_at_the_absolute_limit_however_active(pool: PgPool) {
    let h = harness(pool, |c| c.auth.absolute_timeout = Duration::from_secs(2)).await;
    let cookie = h.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    assert!(h.who(&cookie).await.is_some());
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert!(h.who(&cookie).await.is_some());
    tokio::time::sleep(Duration::from_millis(2000)).await;
    assert_eq!(h.who(&cookie).await, None);
    assert_eq!(audit_count(&h.pool, "session.expired").await, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn logging_out_here_and_everywhere(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    let phone = h.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    let laptop = h.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    let office = h.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;

    let response = h
        .app
        .post_form("/api/keluar", &[("semua", "false")], Some(&phone))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(h.who(&phone).await, None);
    assert!(
        h.who(&laptop).await.is_some(),
        "only this device signed out"
    );

    let response = h
        .app
        .post_form("/api/keluar", &[("semua", "true")], Some(&laptop))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(h.who(&laptop).await, None);
    assert_eq!(h.who(&office).await, None, "every device signed out");
    assert_eq!(audit_count(&h.pool, "logout").await, 1);
    assert_eq!(audit_count(&h.pool, "logout.everywhere").await, 1);
    // Signing in again works.
    let again = h.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    assert!(h.who(&again).await.is_some());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_password_reset_signs_out_other_sessions(pool: PgPool) {
    let h = harness(pool, |_| {}).await;
    let stolen = h.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    h.app
        .request_token(DEMO_PPPK_NIP, DEMO_PPPK_EMAIL, "reset")
        .await;
    let token = h.smtp.wait_for(1).await[0].token();
    assert_eq!(
        h.app.set_password(&token, "GantiBaru2026").await.status(),
        StatusCode::OK
    );
    assert_eq!(h.who(&stolen).await, None);
    assert_eq!(
        h.app
            .login(DEMO_PPPK_NIP, DEMO_PASSWORD, None)
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        h.app
            .login(DEMO_PPPK_NIP, "GantiBaru2026", None)
            .await
            .status(),
        StatusCode::OK
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_burst_of_guesses_cannot_outrun_the_lock(pool: PgPool) {
    let h = harness(pool, |c| c.auth.lock_after = 3).await;
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..12 {
        let client = h.app.client.clone();
        let url = h.app.url("/api/masuk");
        guesses.spawn(async move {
            client
                .post(url)
                .form(&[
                    ("nomor", DEMO_PPPK_NIP),
                    ("kata_sandi", &format!("Tebakan{i}x")),
                ])
                .send()
                .await
                .unwrap()
                .status()
        });
    }
    let statuses = guesses.join_all().await;
    assert!(statuses.iter().all(|s| *s != StatusCode::OK));
    let checked = audit_count(&h.pool, "login.failed").await;
    assert!(
        checked <= 3,
        "{checked} passwords were checked for a limit of 3"
    );
    assert!(statuses.contains(&StatusCode::TOO_MANY_REQUESTS));
}
