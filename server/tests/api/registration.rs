//! The agency self-registration option (ePUPNS's way in), over real HTTP: the
//! agency's admin chooses it, the employee registers and gets a two-part proof,
//! only the registration verifier of their work unit (or an admin over them)
//! grants access, and every step is audited.

use generator::demo::{load_demo_if_empty, DEMO_PASSWORD, DEMO_PPPK_NIP};
use reqwest::{Response, StatusCode};
use sqlx::PgPool;

use crate::support::db::audit_count;
use crate::support::http::json_text;
use crate::support::people::{make_agency_admin, make_verifier, move_to, Scope};
use crate::support::smtp::SmtpSink;
use crate::support::TestApp;

const CHOSEN: &str = "Registrasi2026";

struct World {
    app: TestApp,
    pool: PgPool,
    /// A generated employee without an account, who registers.
    nip: String,
    name: String,
    nik: String,
    instansi: i32,
    unit: i64,
    /// Registration verifier of the registrant's unit, and of another unit of the
    /// same agency; admin of the agency, and of another agency.
    unit_verifier: String,
    unit_verifier_name: String,
    other_unit_verifier: String,
    own_admin: String,
    other_admin: String,
    smtp: SmtpSink,
}

async fn world(pool: PgPool) -> World {
    load_demo_if_empty(&pool).await.unwrap();
    // Generated employees with a NIP and no account yet.
    let people: Vec<(String, String, String, i32, i64)> = sqlx::query_as(
        "SELECT p.nomor_induk, p.nama, p.nik, p.instansi_id, p.unit_kerja_id
           FROM pegawai p
          WHERE p.nomor_induk IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM akun a WHERE a.pegawai_id = p.id)
          ORDER BY p.id LIMIT 6",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let (nip, name, nik, instansi, unit) = people[0].clone();
    let other_unit: i64 = sqlx::query_scalar(
        "INSERT INTO unit_kerja (instansi_id, name) VALUES ($1, 'Unit Lain Registrasi') RETURNING id",
    )
    .bind(instansi)
    .fetch_one(&pool)
    .await
    .unwrap();
    let other_instansi: i32 =
        sqlx::query_scalar("SELECT id FROM instansi WHERE id <> $1 ORDER BY id LIMIT 1")
            .bind(instansi)
            .fetch_one(&pool)
            .await
            .unwrap();

    let unit_verifier = people[1].0.clone();
    move_to(&pool, &unit_verifier, instansi, unit).await;
    make_verifier(&pool, &unit_verifier, Scope::Unit(unit), 1, DEMO_PASSWORD).await;
    let other_unit_verifier = people[2].0.clone();
    move_to(&pool, &other_unit_verifier, instansi, other_unit).await;
    make_verifier(
        &pool,
        &other_unit_verifier,
        Scope::Unit(other_unit),
        1,
        DEMO_PASSWORD,
    )
    .await;
    let own_admin = people[3].0.clone();
    move_to(&pool, &own_admin, instansi, other_unit).await;
    make_agency_admin(&pool, &own_admin, instansi, DEMO_PASSWORD).await;
    let other_admin = people[4].0.clone();
    make_agency_admin(&pool, &other_admin, other_instansi, DEMO_PASSWORD).await;

    let (app, smtp) = TestApp::spawn_with_smtp(pool.clone(), |_| {}).await;
    World {
        app,
        pool,
        nip,
        name,
        nik,
        instansi,
        unit,
        unit_verifier_name: people[1].1.clone(),
        unit_verifier,
        other_unit_verifier,
        own_admin,
        other_admin,
        smtp,
    }
}

impl World {
    async fn register(&self, nip: &str, nik: &str, password: &str) -> Response {
        self.app
            .post_form(
                "/api/daftar_registrasi",
                &[
                    ("nomor", nip),
                    ("nik", nik),
                    ("kata_sandi", password),
                    ("ulangi", password),
                ],
                None,
            )
            .await
    }

    /// Self-registration turned on and the world's employee registered with
    /// `CHOSEN`: the registration's number from its proof.
    async fn registered(&self) -> String {
        self.self_registration_on().await;
        let proof: serde_json::Value = self
            .register(&self.nip, &self.nik, CHOSEN)
            .await
            .json()
            .await
            .unwrap();
        proof["nomor"].as_str().unwrap().to_owned()
    }

    async fn set_mode(&self, cookie: &str, mode: &str) -> Response {
        self.app
            .post_form(
                "/api/ubah_cara_aktivasi",
                &[("instansi_id", &self.instansi.to_string()), ("cara", mode)],
                Some(cookie),
            )
            .await
    }

    /// Decides, the verifier having read `nip` off the person's own documents.
    async fn decide(
        &self,
        cookie: &str,
        nomor: &str,
        nip: &str,
        grant: bool,
        reason: &str,
    ) -> Response {
        self.app
            .post_form(
                "/api/putuskan_registrasi",
                &[
                    ("nomor", nomor),
                    ("nomor_induk", nip),
                    ("setuju", if grant { "true" } else { "false" }),
                    ("alasan", reason),
                ],
                Some(cookie),
            )
            .await
    }

    async fn waiting(&self, cookie: &str) -> Response {
        self.app.get("/api/registrasi_menunggu", Some(cookie)).await
    }

    /// The waiting list: (NIP, masked number) per registration.
    async fn waiting_list(&self, cookie: &str) -> Vec<(String, String)> {
        let response = self.waiting(cookie).await;
        assert_eq!(response.status(), StatusCode::OK);
        let rows: Vec<serde_json::Value> = response.json().await.unwrap();
        rows.iter()
            .map(|r| {
                (
                    r["identifier"].as_str().unwrap().to_owned(),
                    r["nomor_akhir"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    /// The agency's choice, set directly: these tests are about what follows it.
    async fn self_registration_on(&self) {
        sqlx::query("UPDATE instansi SET cara_aktivasi = 'registrasi_mandiri' WHERE id = $1")
            .bind(self.instansi)
            .execute(&self.pool)
            .await
            .unwrap();
    }

    async fn mode(&self) -> String {
        sqlx::query_scalar("SELECT cara_aktivasi FROM instansi WHERE id = $1")
            .bind(self.instansi)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    async fn status_of(&self, nomor: &str) -> String {
        sqlx::query_scalar("SELECT status FROM registrasi WHERE nomor = $1")
            .bind(nomor)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}

/// A valid NIP nobody holds: the registrant's with another sequence number.
fn unknown_nip(nip: &str) -> String {
    let seq = if nip.ends_with("999") { "998" } else { "999" };
    format!("{}{seq}", &nip[..15])
}

/// Another valid NIK: the same one with another sequence number.
fn other_nik(nik: &str) -> String {
    let seq = if nik.ends_with("9999") {
        "9998"
    } else {
        "9999"
    };
    format!("{}{seq}", &nik[..12])
}

fn masked(nomor: &str) -> String {
    format!("••••-••••-{}", &nomor[10..])
}

#[sqlx::test(migrations = "../migrations")]
async fn only_the_agencys_admins_choose_self_registration(pool: PgPool) {
    let w = world(pool).await;
    assert_eq!(w.mode().await, "token_email", "the default");

    // Under the default, registering is refused and points to activation by email.
    let refused = w.register(&w.nip, &w.nik, CHOSEN).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(json_text(refused).await.contains("aktivasi melalui email"));
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM registrasi")
        .fetch_one(&w.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0);

    let verifier = w.app.sign_in(&w.unit_verifier, DEMO_PASSWORD).await;
    let other = w.app.sign_in(&w.other_admin, DEMO_PASSWORD).await;
    for cookie in [&verifier, &other] {
        let response = w.set_mode(cookie, "registrasi_mandiri").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
    assert_eq!(w.mode().await, "token_email");
    assert_eq!(audit_count(&w.pool, "access.denied").await, 2);

    // A token sent before the switch must not activate the account after it.
    let email = "pendaftar@instansi.go.id";
    sqlx::query("UPDATE pegawai SET email = $1 WHERE nomor_induk = $2")
        .bind(email)
        .bind(&w.nip)
        .execute(&w.pool)
        .await
        .unwrap();
    let early = w.app.request_token(&w.nip, email, "aktivasi").await;
    assert_eq!(early.status(), StatusCode::OK);
    let early_token = w.smtp.wait_for(1).await[0].token();

    let admin = w.app.sign_in(&w.own_admin, DEMO_PASSWORD).await;
    let bad = w.set_mode(&admin, "kertas").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(json_text(bad).await.contains("registrasi mandiri"));
    assert_eq!(
        w.set_mode(&admin, "registrasi_mandiri").await.status(),
        StatusCode::OK
    );
    assert_eq!(w.mode().await, "registrasi_mandiri");
    let detail: serde_json::Value =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE event = 'agency.activation_mode'")
            .fetch_one(&w.pool)
            .await
            .unwrap();
    assert_eq!(detail["old"], "token_email");
    assert_eq!(detail["new"], "registrasi_mandiri");

    // The admin's page learns the current choice of their own agency.
    let current = w.app.get("/api/cara_aktivasi", Some(&admin)).await;
    assert_eq!(current.status(), StatusCode::OK);
    let current: serde_json::Value = current.json().await.unwrap();
    assert_eq!(current["instansi_id"], w.instansi);
    assert_eq!(current["mode"], "SelfRegistration");

    let redeemed = w.app.set_password(&early_token, CHOSEN).await;
    assert_eq!(redeemed.status(), StatusCode::BAD_REQUEST);
    let active: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM akun a JOIN pegawai p ON p.id = a.pegawai_id
          WHERE p.nomor_induk = $1 AND a.activated_at IS NOT NULL",
    )
    .bind(&w.nip)
    .fetch_one(&w.pool)
    .await
    .unwrap();
    assert_eq!(active, 0, "the early token activated nothing");

    // Now an emailed activation token is refused, to someone who knows the email,
    // with the way forward; nothing more is sent or stored.
    let token = w.app.request_token(&w.nip, email, "aktivasi").await;
    assert_eq!(token.status(), StatusCode::BAD_REQUEST);
    assert!(json_text(token).await.contains("registrasi mandiri"));
    let tokens: i64 = sqlx::query_scalar("SELECT count(*) FROM token_akun")
        .fetch_one(&w.pool)
        .await
        .unwrap();
    assert_eq!(tokens, 1, "only the early token");
    assert_eq!(w.smtp.messages().len(), 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn registering_checks_identity_and_password_and_a_new_one_replaces_the_old(pool: PgPool) {
    let w = world(pool).await;
    w.self_registration_on().await;

    // A wrong NIK answers exactly like a NIP nobody holds.
    let wrong_date = w.register(&w.nip, &other_nik(&w.nik), CHOSEN).await;
    assert_eq!(wrong_date.status(), StatusCode::BAD_REQUEST);
    let wrong_date = json_text(wrong_date).await;
    assert!(wrong_date.contains("NIK tidak cocok"), "{wrong_date}");
    let unknown = w.register(&unknown_nip(&w.nip), &w.nik, CHOSEN).await;
    assert_eq!(json_text(unknown).await, wrong_date, "indistinguishable");

    // Malformed fields and a weak password are refused per field, with the reason.
    let malformed = w.register("12345", "1234", CHOSEN).await;
    assert_eq!(malformed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let malformed = json_text(malformed).await;
    assert!(malformed.contains("\"nomor\"") && malformed.contains("\"nik\""));
    // A NIK as the identifier is for PPT Non-ASN, who activate by email.
    let ppt = json_text(w.register(&w.nik, &w.nik, CHOSEN).await).await;
    assert!(ppt.contains("PPT Non-ASN"), "{ppt}");
    let weak = w.register(&w.nip, &w.nik, "password").await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let weak = json_text(weak).await;
    assert!(
        weak.contains("kata_sandi") && weak.contains("huruf besar"),
        "{weak}"
    );
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM registrasi")
        .fetch_one(&w.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0, "nothing stored for refused registrations");
    assert_eq!(audit_count(&w.pool, "registration.refused").await, 2);

    // Registered: the proof carries the number and who it is for.
    let first = w.register(&w.nip, &w.nik, CHOSEN).await;
    assert_eq!(first.status(), StatusCode::OK);
    let first: serde_json::Value = first.json().await.unwrap();
    let first_number = first["nomor"].as_str().unwrap().to_owned();
    assert!(app::registration::RegistrationNumber::parse(&first_number).is_ok());
    assert_eq!(first["identifier"], w.nip.as_str());
    assert_eq!(first["nama"], w.name.as_str());
    let unit_name: String = sqlx::query_scalar("SELECT name FROM unit_kerja WHERE id = $1")
        .bind(w.unit)
        .fetch_one(&w.pool)
        .await
        .unwrap();
    assert_eq!(first["unit_kerja"], unit_name.as_str());

    // Registering again (a lost printout) replaces the waiting one.
    let second: serde_json::Value = w
        .register(&w.nip, &w.nik, CHOSEN)
        .await
        .json()
        .await
        .unwrap();
    let second_number = second["nomor"].as_str().unwrap().to_owned();
    assert_ne!(second_number, first_number);
    assert_eq!(w.status_of(&first_number).await, "diganti");
    assert_eq!(w.status_of(&second_number).await, "menunggu");
    let verifier = w.app.sign_in(&w.unit_verifier, DEMO_PASSWORD).await;
    let stale = w.decide(&verifier, &first_number, &w.nip, true, "").await;
    assert_eq!(stale.status(), StatusCode::BAD_REQUEST);
    assert!(json_text(stale).await.contains("diganti"));
    // The list shows only the end of the number: the full one comes on paper.
    assert_eq!(
        w.waiting_list(&verifier).await,
        vec![(w.nip.clone(), masked(&second_number))]
    );

    // Three a day: nobody can keep replacing someone's printout.
    let third = w.register(&w.nip, &w.nik, CHOSEN).await;
    assert_eq!(third.status(), StatusCode::OK);
    let fourth = w.register(&w.nip, &w.nik, CHOSEN).await;
    assert_eq!(fourth.status(), StatusCode::TOO_MANY_REQUESTS);
    let waiting: i64 =
        sqlx::query_scalar("SELECT count(*) FROM registrasi WHERE status = 'menunggu'")
            .fetch_one(&w.pool)
            .await
            .unwrap();
    assert_eq!(waiting, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn only_the_units_registration_verifier_grants_access(pool: PgPool) {
    let w = world(pool).await;
    let nomor = w.registered().await;

    // Before the grant, the right password says it waits; a wrong one says nothing more.
    let waiting = w.app.login(&w.nip, CHOSEN, None).await;
    assert_eq!(waiting.status(), StatusCode::BAD_REQUEST);
    assert!(json_text(waiting).await.contains("menunggu persetujuan"));
    let wrong = w.app.login(&w.nip, "Salah2026x", None).await;
    assert!(json_text(wrong).await.contains("kata sandi salah"));

    // A plain employee has no desk; the other unit's verifier neither sees nor decides it.
    let budi = w.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    assert_eq!(w.waiting(&budi).await.status(), StatusCode::FORBIDDEN);
    let outsider = w.app.sign_in(&w.other_unit_verifier, DEMO_PASSWORD).await;
    assert!(w.waiting_list(&outsider).await.is_empty());
    let peek = w
        .app
        .post_form("/api/cek_registrasi", &[("nomor", &nomor)], Some(&outsider))
        .await;
    assert_eq!(peek.status(), StatusCode::FORBIDDEN);
    let denied = w.decide(&outsider, &nomor, &w.nip, true, "").await;
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    assert_eq!(w.status_of(&nomor).await, "menunggu");
    assert_eq!(audit_count(&w.pool, "access.denied").await, 2);

    // The unit's verifier sees it, must give a reason to reject, and grants.
    let verifier = w.app.sign_in(&w.unit_verifier, DEMO_PASSWORD).await;
    assert_eq!(
        w.waiting_list(&verifier).await,
        vec![(w.nip.clone(), masked(&nomor))]
    );
    // Looking the number up shows the server's name for it, not the paper's.
    let found = w
        .app
        .post_form("/api/cek_registrasi", &[("nomor", &nomor)], Some(&verifier))
        .await;
    assert_eq!(found.status(), StatusCode::OK);
    let found: serde_json::Value = found.json().await.unwrap();
    assert_eq!(found["nama"], w.name.as_str());
    let no_reason = w.decide(&verifier, &nomor, "", false, "  ").await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Someone else's NIP (a doctored printout): refused, nothing granted.
    let impostor = w
        .decide(&verifier, &nomor, &w.unit_verifier, true, "")
        .await;
    assert_eq!(impostor.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(w.status_of(&nomor).await, "menunggu");
    // Typed from paper: lower case and spaces are fine.
    let typed = nomor.to_lowercase().replace('-', " ");
    assert_eq!(
        w.decide(&verifier, &typed, &w.nip, true, "").await.status(),
        StatusCode::OK
    );
    assert_eq!(w.status_of(&nomor).await, "disetujui");
    let (actor, subject_nip): (i64, String) = sqlx::query_as(
        "SELECT a.actor_id, p.nomor_induk FROM audit_log a JOIN pegawai p ON p.id = a.subject_id
          WHERE a.event = 'registration.granted'",
    )
    .fetch_one(&w.pool)
    .await
    .unwrap();
    let verifier_id: i64 = sqlx::query_scalar("SELECT id FROM pegawai WHERE nomor_induk = $1")
        .bind(&w.unit_verifier)
        .fetch_one(&w.pool)
        .await
        .unwrap();
    assert_eq!((actor, subject_nip.as_str()), (verifier_id, w.nip.as_str()));

    // Decided once: the second answer names who decided.
    let again = w.decide(&verifier, &nomor, &w.nip, false, "ganda").await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert!(json_text(again).await.contains(&w.unit_verifier_name));

    // The employee signs in with the password chosen at registration.
    assert_eq!(
        w.app.login(&w.nip, CHOSEN, None).await.status(),
        StatusCode::OK
    );
    let after = w.register(&w.nip, &w.nik, CHOSEN).await;
    assert_eq!(after.status(), StatusCode::BAD_REQUEST);
    assert!(json_text(after).await.contains("sudah aktif"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_rejection_keeps_the_reason_and_leaves_no_account(pool: PgPool) {
    let w = world(pool).await;
    let nomor = w.registered().await;
    // An admin of the agency may decide too.
    let admin = w.app.sign_in(&w.own_admin, DEMO_PASSWORD).await;
    let reason = "Foto KTP tidak sesuai dengan orang yang datang";
    assert_eq!(
        w.decide(&admin, &nomor, "", false, reason).await.status(),
        StatusCode::OK
    );
    let (status, alasan): (String, String) =
        sqlx::query_as("SELECT status, alasan FROM registrasi WHERE nomor = $1")
            .bind(&nomor)
            .fetch_one(&w.pool)
            .await
            .unwrap();
    assert_eq!((status.as_str(), alasan.as_str()), ("ditolak", reason));
    let activated: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM akun a JOIN pegawai p ON p.id = a.pegawai_id
          WHERE p.nomor_induk = $1 AND a.activated_at IS NOT NULL",
    )
    .bind(&w.nip)
    .fetch_one(&w.pool)
    .await
    .unwrap();
    assert_eq!(activated, 0, "no account was activated");
    assert!(json_text(w.app.login(&w.nip, CHOSEN, None).await)
        .await
        .contains("kata sandi salah"));
    assert_eq!(audit_count(&w.pool, "registration.rejected").await, 1);
}
