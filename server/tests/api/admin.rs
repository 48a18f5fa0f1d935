//! Admins act only within their scope: fixing a registered contact and
//! appointing verifiers, over real HTTP, each change and refusal audited.

use generator::demo::{load_demo_if_empty, DEMO_PASSWORD, DEMO_PNS_NIP, DEMO_PPPK_NIP};
use reqwest::StatusCode;
use sqlx::PgPool;

use crate::support::db::audit_count;
use crate::support::people;
use crate::support::TestApp;

struct World {
    app: TestApp,
    pool: PgPool,
    budi_instansi: i32,
    budi_unit: i64,
    /// Admin of Budi's agency, and of another one.
    own_admin: String,
    other_admin: String,
    /// A generated employee to appoint.
    candidate: String,
}

async fn world(pool: PgPool) -> World {
    load_demo_if_empty(&pool).await.unwrap();
    let (budi_instansi, budi_unit) = people::placement(&pool, DEMO_PPPK_NIP).await;
    let others: Vec<(String, i32)> = sqlx::query_as(
        "SELECT nomor_induk, instansi_id FROM pegawai
          WHERE nomor_induk IS NOT NULL AND instansi_id <> $1 AND nomor_induk NOT IN ($2, $3)
          ORDER BY id LIMIT 3",
    )
    .bind(budi_instansi)
    .bind(DEMO_PPPK_NIP)
    .bind(DEMO_PNS_NIP)
    .fetch_all(&pool)
    .await
    .unwrap();
    let own_admin = others[0].0.clone();
    let other_admin = others[1].0.clone();
    people::make_agency_admin(&pool, &own_admin, budi_instansi, DEMO_PASSWORD).await;
    people::make_agency_admin(&pool, &other_admin, others[1].1, DEMO_PASSWORD).await;
    // The candidate works in Budi's unit: an agency admin appoints only their own people.
    people::move_to(&pool, &others[2].0, budi_instansi, budi_unit).await;
    let app = TestApp::spawn(pool.clone()).await;
    World {
        app,
        pool,
        budi_instansi,
        budi_unit,
        own_admin,
        other_admin,
        candidate: others[2].0.clone(),
    }
}

impl World {
    async fn fix_contact(
        &self,
        cookie: Option<&str>,
        nip: &str,
        email: &str,
        hp: &str,
    ) -> reqwest::Response {
        self.app
            .post_form(
                "/api/ubah_kontak",
                &[("nomor_induk", nip), ("email", email), ("nomor_hp", hp)],
                cookie,
            )
            .await
    }

    async fn budi_contact(&self) -> (Option<String>, Option<String>) {
        sqlx::query_as("SELECT email, nomor_hp FROM pegawai WHERE nomor_induk = $1")
            .bind(DEMO_PPPK_NIP)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn only_admins_in_scope_fix_a_contact(pool: PgPool) {
    let w = world(pool).await;
    let before = w.budi_contact().await;
    let new_email = "budi.baru@sekolah.go.id";

    // Anonymous, the employee himself, the other agency's admin: refused, nothing changes.
    let response = w.fix_contact(None, DEMO_PPPK_NIP, new_email, "").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let budi = w.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    let response = w
        .fix_contact(Some(&budi), DEMO_PPPK_NIP, new_email, "")
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let other = w.app.sign_in(&w.other_admin, DEMO_PASSWORD).await;
    let response = w
        .fix_contact(Some(&other), DEMO_PPPK_NIP, new_email, "")
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(w.budi_contact().await, before);
    assert_eq!(audit_count(&w.pool, "access.denied").await, 2);

    // The agency's own admin: malformed values are refused per field…
    let own = w.app.sign_in(&w.own_admin, DEMO_PASSWORD).await;
    let response = w
        .fix_contact(Some(&own), DEMO_PPPK_NIP, "bukan-email", "12")
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = response.text().await.unwrap();
    assert!(
        text.contains("\"email\"") && text.contains("\"nomor_hp\""),
        "{text}"
    );
    assert_eq!(w.budi_contact().await, before);
    // …and good ones stored, the phone normalised, with the old values audited.
    let response = w
        .fix_contact(Some(&own), DEMO_PPPK_NIP, new_email, "0812-3456-7890")
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    assert_eq!(
        w.budi_contact().await,
        (
            Some(new_email.to_owned()),
            Some("+6281234567890".to_owned())
        )
    );
    let detail: serde_json::Value = sqlx::query_scalar(
        "SELECT detail FROM audit_log WHERE event = 'contact.fixed' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&w.pool)
    .await
    .unwrap();
    assert_eq!(detail["email"]["old"].as_str(), before.0.as_deref());
    assert_eq!(detail["email"]["new"], new_email);

    // BKN's admin reaches every agency; an unknown NIP is named as such.
    let rina = w.app.sign_in(DEMO_PNS_NIP, DEMO_PASSWORD).await;
    let response = w
        .fix_contact(Some(&rina), DEMO_PPPK_NIP, "", "081298765432")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        w.budi_contact().await.0.as_deref(),
        Some(new_email),
        "empty email: unchanged"
    );
    let response = w
        .fix_contact(Some(&rina), "199001012015011001", new_email, "")
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.text().await.unwrap().contains("tidak ditemukan"));
}

#[sqlx::test(migrations = "../migrations")]
async fn agency_admins_appoint_verifiers_only_inside_their_agency(pool: PgPool) {
    let w = world(pool).await;
    let other_unit: i64 =
        sqlx::query_scalar("SELECT min(id) FROM unit_kerja WHERE instansi_id <> $1")
            .bind(w.budi_instansi)
            .fetch_one(&w.pool)
            .await
            .unwrap();
    let appoint = |cookie: String, unit: i64| {
        let w = &w;
        async move {
            w.app
                .post_form(
                    "/api/angkat_verifikator",
                    &[
                        ("nomor_induk", w.candidate.as_str()),
                        ("lingkup", "unit_kerja"),
                        ("lingkup_id", &unit.to_string()),
                        ("tingkat", "1"),
                    ],
                    Some(&cookie),
                )
                .await
        }
    };
    let own = w.app.sign_in(&w.own_admin, DEMO_PASSWORD).await;
    let response = appoint(own.clone(), other_unit).await;
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "a unit of another agency"
    );
    let response = appoint(own.clone(), w.budi_unit).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.json::<bool>().await.unwrap(), "newly appointed");
    let response = appoint(own.clone(), w.budi_unit).await;
    assert!(!response.json::<bool>().await.unwrap(), "twice is once");
    assert_eq!(audit_count(&w.pool, "verifier.appointed").await, 1);

    // Someone from another agency cannot be made a verifier here, and the level
    // must be the scope's.
    let outsider = w
        .app
        .post_form(
            "/api/angkat_verifikator",
            &[
                ("nomor_induk", w.other_admin.as_str()),
                ("lingkup", "unit_kerja"),
                ("lingkup_id", &w.budi_unit.to_string()),
                ("tingkat", "1"),
            ],
            Some(&own),
        )
        .await;
    assert_eq!(outsider.status(), StatusCode::FORBIDDEN, "an outsider");
    let wrong_level = w
        .app
        .post_form(
            "/api/angkat_verifikator",
            &[
                ("nomor_induk", w.candidate.as_str()),
                ("lingkup", "unit_kerja"),
                ("lingkup_id", &w.budi_unit.to_string()),
                ("tingkat", "4"),
            ],
            Some(&own),
        )
        .await;
    assert_eq!(
        wrong_level.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        wrong_level.text().await.unwrap()
    );

    // The new verifier now reads Budi's profile, which they could not before.
    people::activate(&w.pool, &w.candidate, DEMO_PASSWORD).await;
    let verifier = w.app.sign_in(&w.candidate, DEMO_PASSWORD).await;
    let response = w
        .app
        .get(
            &format!("/api/profil?nomor_induk={DEMO_PPPK_NIP}"),
            Some(&verifier),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    // A plain employee cannot appoint anyone.
    let budi = w.app.sign_in(DEMO_PPPK_NIP, DEMO_PASSWORD).await;
    assert_eq!(
        appoint(budi, w.budi_unit).await.status(),
        StatusCode::FORBIDDEN
    );
}
