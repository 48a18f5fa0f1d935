//! Proposals over real HTTP: a closed period refuses them, a rank change with a PDF
//! goes in with its before and after, the record's own rules refuse an inconsistent
//! one field by field, one open proposal per record is enforced by the database, the
//! same idempotency key makes one proposal however often (and however concurrently)
//! it is sent, and a withdrawn proposal frees its record with its timeline kept.

use app::domain::reference::{GolonganPns, JenisDokumen};
use generator::demo::{load_demo_if_empty, DEMO_PASSWORD, DEMO_PNS_NIP};
use reqwest::StatusCode;
use sqlx::PgPool;
use time::Duration;

use crate::support::db::audit_count;
use crate::support::http::text;
use crate::support::world::{key, world, World};
use crate::support::TestApp;

impl World {
    async fn withdraw(&self, cookie: &str, id: i64) -> reqwest::Response {
        self.app
            .post_form(
                "/api/tarik_usulan",
                &[("id", &id.to_string())],
                Some(cookie),
            )
            .await
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_rank_change_needs_an_open_period_a_pdf_and_consistent_values(pool: PgPool) {
    let w = world(pool).await;
    let document = w.document(&w.rina, "SK KP IV/a").await;
    let raise = w.rank_change(1, GolonganPns::IVA, document).await;

    // Nothing is accepted before BKN opens the period.
    let (status, body) = text(w.submit(&w.rina, &raise).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("belum dibuka"), "{body}");
    w.open_period().await;

    // A rank below the one before it: the rank rule's finding, on its field.
    let falling = w.rank_change(2, GolonganPns::IIIA, document).await;
    let (status, body) = text(w.submit(&w.rina, &falling).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("pangkat[0].golongan"), "{body}");
    // The wrong kind of document for a rank, someone else's document, nobody signed in.
    let mut wrong_kind = w.rank_change(3, GolonganPns::IVA, document).await;
    wrong_kind.jenis_dokumen = JenisDokumen::Ijazah;
    let (status, body) = text(w.submit(&w.rina, &wrong_kind).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("bukan dokumen pendukung"), "{body}");
    let budis = w.document(&w.budi, "not Rina's").await;
    let borrowed = w.rank_change(4, GolonganPns::IVA, budis).await;
    let (status, body) = text(w.submit(&w.rina, &borrowed).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("dokumen_id"), "{body}");
    let anonymous = w
        .app
        .post_json(
            "/api/ajukan_usulan",
            &serde_json::json!({ "usulan": raise }),
            None,
        )
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    // Budi is PPPK: ranks are not his to propose.
    let budi_doc = w.document(&w.budi, "Budi's SK").await;
    let mut not_his = w.rank_change(5, GolonganPns::IVA, budi_doc).await;
    not_his.kunci = key(6);
    let (status, body) = text(w.submit(&w.budi, &not_his).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("tidak berlaku"), "{body}");
    assert_eq!(w.count("SELECT count(*) FROM usulan").await, 0);

    // The real thing: stored with the record before and after, the chain of its
    // authority, a first timeline step and an audit entry.
    let before = w.latest_rank().await;
    let (status, body) = text(w.submit(&w.rina, &raise).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id: i64 = body.parse().unwrap();
    let (lama, baru, rantai, status): (serde_json::Value, serde_json::Value, Vec<i16>, String) =
        sqlx::query_as("SELECT nilai_lama, nilai_baru, rantai, status FROM usulan WHERE id = $1")
            .bind(id)
            .fetch_one(&w.pool)
            .await
            .unwrap();
    assert_eq!(lama["data"]["golongan"], "III/d");
    assert_eq!(baru["data"]["golongan"], "IV/a");
    assert_eq!(baru["data"]["id"], before.id);
    assert_eq!(rantai, [2, 4]);
    assert_eq!(status, "diajukan");
    // A proposal is not the data: the record is unchanged until approved.
    assert_eq!(w.latest_rank().await, before);
    assert_eq!(audit_count(&w.pool, "proposal.submitted").await, 1);

    let mine = w.app.get_json("/api/usulan_saya", &w.rina).await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["before"]["data"]["golongan"], "III/d");
    assert_eq!(mine[0]["after"]["data"]["golongan"], "IV/a");
    assert_eq!(mine[0]["timeline"][0]["kind"], "Submitted");
    let budis = w.app.get_json("/api/usulan_saya", &w.budi).await;
    assert_eq!(budis, serde_json::json!([]));
}

#[sqlx::test(migrations = "../migrations")]
async fn one_open_proposal_per_record_and_one_proposal_per_key(pool: PgPool) {
    let w = world(pool).await;
    w.open_period().await;
    let document = w.document(&w.rina, "SK").await;
    let raise = w.rank_change(1, GolonganPns::IVA, document).await;

    // A double tap, ten times at once: one proposal, every answer its id.
    let answers = futures_join(10, || w.submit(&w.rina, &raise)).await;
    let mut ids = Vec::new();
    for response in answers {
        let (status, body) = text(response).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        ids.push(body);
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(w.count("SELECT count(*) FROM usulan").await, 1);
    assert_eq!(w.count("SELECT count(*) FROM usulan_peristiwa").await, 1);

    // The same key with other values is not a retry.
    let mut reused = w.rank_change(1, GolonganPns::IVB, document).await;
    reused.kunci = key(1);
    let (status, body) = text(w.submit(&w.rina, &reused).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("bertabrakan"), "{body}");

    // Another submission on the same record, from ten fresh keys at once: all refused.
    let mut others = Vec::new();
    for n in 10..20 {
        others.push(w.rank_change(n, GolonganPns::IVB, document).await);
    }
    let answers = futures::future::join_all(others.iter().map(|s| w.submit(&w.rina, s))).await;
    for response in answers {
        let (status, body) = text(response).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains("belum selesai"), "{body}");
    }
    assert_eq!(w.count("SELECT count(*) FROM usulan").await, 1);

    // The database itself holds the line, whatever the application checks.
    let direct = sqlx::query(
        "INSERT INTO usulan (pegawai_id, riwayat, record_id, baru, nilai_baru, dokumen_id,
                             jenis_dokumen, rantai, status, kunci_idempoten)
         SELECT pegawai_id, riwayat, record_id, false, nilai_baru, dokumen_id, jenis_dokumen,
                rantai, 'diajukan', '11111111-1111-4111-8111-111111111111'
           FROM usulan LIMIT 1",
    )
    .execute(&w.pool)
    .await;
    let e = direct.expect_err("a second open proposal on one record");
    assert_eq!(
        e.as_database_error().unwrap().constraint(),
        Some("usulan_one_open_per_record")
    );
}

/// Runs `n` copies of a request at once.
async fn futures_join<'a, F, Fut>(n: usize, make: F) -> Vec<reqwest::Response>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = reqwest::Response> + 'a,
{
    futures::future::join_all((0..n).map(|_| make())).await
}

#[sqlx::test(migrations = "../migrations")]
async fn a_withdrawn_proposal_frees_its_record_and_keeps_its_timeline(pool: PgPool) {
    let w = world(pool).await;
    w.open_period().await;
    let document = w.document(&w.rina, "SK").await;
    let first = w.rank_change(1, GolonganPns::IVA, document).await;
    let id: i64 = text(w.submit(&w.rina, &first).await)
        .await
        .1
        .parse()
        .unwrap();

    // Not Budi's to withdraw.
    let (status, body) = text(w.withdraw(&w.budi, id).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("tidak ditemukan"), "{body}");

    assert_eq!(w.withdraw(&w.rina, id).await.status(), StatusCode::OK);
    // Twice is refused, clearly, and changes nothing.
    let (status, body) = text(w.withdraw(&w.rina, id).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("sudah selesai"), "{body}");

    let second = w.rank_change(2, GolonganPns::IVB, document).await;
    let (status, body) = text(w.submit(&w.rina, &second).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let steps: Vec<String> =
        sqlx::query_scalar("SELECT jenis FROM usulan_peristiwa WHERE usulan_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&w.pool)
            .await
            .unwrap();
    assert_eq!(steps, ["diajukan", "ditarik"]);
    assert_eq!(audit_count(&w.pool, "proposal.withdrawn").await, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_period_is_bkn_s_to_set_and_an_agency_extension_reopens_it(pool: PgPool) {
    let w = world(pool).await;
    // Budi is no BKN admin.
    let refused = w
        .set_period(&w.budi, None, -Duration::hours(1), Duration::days(1))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // Closing before opening is refused with a message on the field.
    let (status, body) = text(
        w.set_period(&w.rina, None, Duration::days(2), Duration::days(1))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("ditutup"), "{body}");

    // The national period closed an hour ago.
    let closed = w
        .set_period(&w.rina, None, -Duration::days(30), -Duration::hours(1))
        .await;
    assert_eq!(closed.status(), StatusCode::OK);
    let document = w.document(&w.rina, "SK").await;
    let raise = w.rank_change(1, GolonganPns::IVA, document).await;
    let (status, body) = text(w.submit(&w.rina, &raise).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("sudah ditutup"), "{body}");
    let state = w.app.get_json("/api/periode_saya", &w.rina).await;
    assert!(state.get("Closed").is_some(), "{state}");

    // Extended for Rina's agency only.
    let extended = w
        .set_period(
            &w.rina,
            Some(w.rina_instansi),
            -Duration::days(30),
            Duration::days(7),
        )
        .await;
    assert_eq!(extended.status(), StatusCode::OK);
    let (status, body) = text(w.submit(&w.rina, &raise).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(audit_count(&w.pool, "period.changed").await, 2);
    let unknown = w
        .set_period(
            &w.rina,
            Some(999_999),
            -Duration::days(1),
            Duration::days(1),
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// The live stream resumes after the last id it sent, so one employee's steps must
/// commit in id order: a second step waits for the first one's transaction.
#[sqlx::test(migrations = "../migrations")]
async fn an_employees_timeline_steps_commit_in_id_order(pool: PgPool) {
    use app::proposal::store::insert_event;
    use app::proposal::submission::EventKind;

    let w = world(pool.clone()).await;
    w.open_period().await;
    let document = w.document(&w.rina, "SK").await;
    let raise = w.rank_change(1, GolonganPns::IVA, document).await;
    let id: i64 = text(w.submit(&w.rina, &raise).await)
        .await
        .1
        .parse()
        .unwrap();
    let rina: i64 = sqlx::query_scalar("SELECT pegawai_id FROM usulan WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();

    let mut first = pool.begin().await.unwrap();
    let first_id = insert_event(&mut first, id, rina, EventKind::Approved, None, None, None)
        .await
        .unwrap();
    let second = tokio::spawn({
        let pool = pool.clone();
        async move {
            let mut tx = pool.begin().await.unwrap();
            let second_id = insert_event(&mut tx, id, rina, EventKind::Returned, None, None, None)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            second_id
        }
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !second.is_finished(),
        "the second step waits for the first to commit"
    );
    first.commit().await.unwrap();
    let second_id = second.await.unwrap();
    assert!(second_id > first_id);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_form_starts_from_the_latest_record_and_each_proof_has_its_own_code(pool: PgPool) {
    let w = world(pool).await;
    let form = w
        .app
        .get_json("/api/bahan_usulan?riwayat=pangkat", &w.rina)
        .await;
    let latest = w.latest_rank().await;
    assert_eq!(form["latest"]["data"]["golongan"], "III/d", "{form}");
    assert_eq!(form["target"]["Existing"], latest.id, "{form}");
    assert_eq!(form["max_bytes"], 2 * 1024 * 1024, "{form}");
    // Budi is PPPK: the CPNS/PNS history is not his, and the form says so.
    let refused = w
        .app
        .get("/api/bahan_usulan?riwayat=cpns_pns", Some(&w.budi))
        .await;
    let (status, body) = text(refused).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("tidak berlaku"), "{body}");

    w.open_period().await;
    let document = w.document(&w.rina, "SK KP IV/a").await;
    let raise = w.rank_change(1, GolonganPns::IVA, document).await;
    let (status, first) = text(w.submit(&w.rina, &raise).await).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (status, withdrawn) = text(w.withdraw(&w.rina, first.parse().unwrap()).await).await;
    assert_eq!(status, StatusCode::OK, "{withdrawn}");
    let again = w.rank_change(2, GolonganPns::IVA, document).await;
    let (status, second) = text(w.submit(&w.rina, &again).await).await;
    assert_eq!(status, StatusCode::OK, "{second}");

    let codes = |list: serde_json::Value| -> Vec<(String, String)> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["id"].to_string(),
                    p["kode_bukti"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let listed = codes(w.app.get_json("/api/usulan_saya", &w.rina).await);
    assert_eq!(listed.len(), 2);
    for (id, code) in &listed {
        let (number, hash) = code.split_once('-').unwrap();
        assert_eq!(number, format!("U{id}"));
        assert_eq!(hash.len(), 9);
    }
    assert_ne!(
        listed[0].1.split_once('-').unwrap().1,
        listed[1].1.split_once('-').unwrap().1
    );
    // Derived by the server each time, the same each time.
    assert_eq!(
        codes(w.app.get_json("/api/usulan_saya", &w.rina).await),
        listed
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_form_tells_the_browser_the_configured_document_limit(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    let app = TestApp::spawn_with(pool, |c| c.documents.max_bytes = 500_000).await;
    let rina = app.sign_in(DEMO_PNS_NIP, DEMO_PASSWORD).await;
    let form = app
        .get_json("/api/bahan_usulan?riwayat=pangkat", &rina)
        .await;
    assert_eq!(form["max_bytes"], 500_000, "{form}");
}

impl World {
    async fn save_draft(&self, cookie: &str, draf: serde_json::Value) -> reqwest::Response {
        self.app
            .post_json(
                "/api/simpan_draf",
                &serde_json::json!({ "draf": draf }),
                Some(cookie),
            )
            .await
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_draft_follows_the_employee_to_another_device_until_it_is_sent(pool: PgPool) {
    let w = world(pool).await;
    let latest = w.latest_rank().await;
    let typed = serde_json::json!({
        "riwayat": "pangkat",
        "record": latest.id,
        "draft": {
            "values": [["golongan", "IV/a"], ["sk.nomor", "800/12/BKD"]],
            "adding": false,
            "saved_at": 1_764_000_000_000_i64,
        },
    });
    // Typed while the period is still closed: a draft is not a proposal.
    let (status, body) = text(w.save_draft(&w.rina, typed.clone()).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Another device: a session of its own finds it in the form.
    let phone = w.app.sign_in(DEMO_PNS_NIP, DEMO_PASSWORD).await;
    assert_ne!(phone, w.rina);
    let form = w
        .app
        .get_json("/api/bahan_usulan?riwayat=pangkat", &phone)
        .await;
    assert_eq!(form["draft"], typed["draft"], "{form}");

    // Nobody else reads or replaces it.
    let budis = serde_json::json!({
        "riwayat": "pangkat", "record": latest.id,
        "draft": { "values": [["golongan", "I/a"]], "adding": false, "saved_at": 9 },
    });
    let (status, _) = text(w.save_draft(&w.budi, budis.clone()).await).await;
    assert_eq!(status, StatusCode::OK);
    let anonymous = w
        .app
        .post_json(
            "/api/simpan_draf",
            &serde_json::json!({ "draf": budis }),
            None,
        )
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let form = w
        .app
        .get_json("/api/bahan_usulan?riwayat=pangkat", &w.rina)
        .await;
    assert_eq!(form["draft"], typed["draft"], "{form}");

    // An oversized value or a name no form has is refused, and the kept draft stays.
    let mut long = typed.clone();
    long["draft"]["values"][1][1] = serde_json::json!("9".repeat(1001));
    let (status, body) = text(w.save_draft(&w.rina, long).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("terlalu panjang"), "{body}");
    let mut odd = typed.clone();
    odd["draft"]["values"][0][0] = serde_json::json!("golongan'); DROP TABLE usulan; --");
    let (status, body) = text(w.save_draft(&w.rina, odd).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("tidak sah"), "{body}");
    let form = w
        .app
        .get_json("/api/bahan_usulan?riwayat=pangkat", &w.rina)
        .await;
    assert_eq!(form["draft"], typed["draft"], "{form}");

    // Of two saves the one typed later wins, whatever order they arrive in.
    let mut older = typed.clone();
    older["draft"]["values"][0][1] = serde_json::json!("III/a");
    older["draft"]["saved_at"] = serde_json::json!(1_763_000_000_000_i64);
    let (status, _) = text(w.save_draft(&w.rina, older).await).await;
    assert_eq!(status, StatusCode::OK);
    let form = w
        .app
        .get_json("/api/bahan_usulan?riwayat=pangkat", &w.rina)
        .await;
    assert_eq!(form["draft"], typed["draft"], "{form}");

    // Sending the proposal forgets the draft, in the same transaction: the form gets
    // an empty one stamped with the time, which tells a device to drop its copy, and
    // a save typed before it (in flight, or queued offline) does not bring it back.
    w.open_period().await;
    let document = w.document(&w.rina, "SK KP IV/a").await;
    let raise = w.rank_change(1, GolonganPns::IVA, document).await;
    let (status, body) = text(w.submit(&w.rina, &raise).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let form = w
        .app
        .get_json("/api/bahan_usulan?riwayat=pangkat", &phone)
        .await;
    assert_eq!(form["draft"]["values"], serde_json::json!([]), "{form}");
    let forgotten_at = form["draft"]["saved_at"].as_i64().unwrap();
    assert!(forgotten_at > typed["draft"]["saved_at"].as_i64().unwrap());
    let (status, _) = text(w.save_draft(&w.rina, typed.clone()).await).await;
    assert_eq!(status, StatusCode::OK);
    let form = w
        .app
        .get_json("/api/bahan_usulan?riwayat=pangkat", &w.rina)
        .await;
    assert_eq!(form["draft"]["values"], serde_json::json!([]), "{form}");
    assert_eq!(
        w.count(
            "SELECT count(*) FROM draf_usulan
              WHERE riwayat = 'pangkat' AND isian->'values' <> '[]'::jsonb"
        )
        .await,
        1,
        "Budi's own draft is his"
    );

    // A draft typed against a record that is no longer the latest is not restored
    // onto the new one; an emptied form forgets the draft.
    let mut stale = typed.clone();
    stale["riwayat"] = serde_json::json!("keluarga");
    stale["record"] = serde_json::json!(-1);
    let (status, _) = text(w.save_draft(&w.rina, stale).await).await;
    assert_eq!(status, StatusCode::OK);
    let form = w
        .app
        .get_json("/api/bahan_usulan?riwayat=keluarga", &w.rina)
        .await;
    assert!(form["draft"].is_null(), "{form}");
    let emptied = serde_json::json!({ "riwayat": "keluarga", "record": -1, "draft": null });
    let (status, _) = text(w.save_draft(&w.rina, emptied).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        w.count(
            "SELECT count(*) FROM draf_usulan
              WHERE riwayat = 'keluarga' AND isian->'values' <> '[]'::jsonb"
        )
        .await,
        0
    );
}
