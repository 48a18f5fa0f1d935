//! Verification over real HTTP against a real database: a rank change climbs its
//! chain (instansi, then BKN Pusat) and is applied once with the version it replaces
//! kept; verifiers see and decide only what waits in their scope at their level,
//! after claiming it; concurrent approvals make one decision; an expired claim can be
//! taken over; a returned proposal is fixed and resubmitted; chains are configuration;
//! every history's record survives the master write; the audit chain verifies and
//! tampering breaks it.

use app::domain::reference::{GolonganPns, JenisDokumen};
use app::proposal::change::ProposedRecord;
use generator::demo::{DEMO_PASSWORD, DEMO_PNS_EMAIL, DEMO_PNS_NIP};
use reqwest::StatusCode;
use sqlx::PgPool;
use time::{format_description::well_known::Rfc3339, OffsetDateTime};

use crate::support::db::{audit_count, database_url};
use crate::support::http::{read_until, text};
use crate::support::people::{generated, make_verifier, move_to, Scope};
use crate::support::smtp::SmtpSink;
use crate::support::world::World;

/// Rina and Budi signed in, with the update period open: every test here proposes.
async fn world(pool: PgPool) -> World {
    world_with(pool, |_| {}).await
}

async fn world_with(pool: PgPool, configure: impl FnOnce(&mut server::config::Config)) -> World {
    let w = World::start(pool, configure).await;
    w.open_period().await;
    w
}

/// A verifier of `level` over one agency (`Some`) or over all of BKN Pusat (`None`).
struct Verifier {
    cookie: String,
    name: String,
}

impl World {
    /// The `n`th generated demo employee (not Rina nor Budi), made a verifier.
    async fn verifier(&self, n: i64, instansi: Option<i32>, level: i16) -> Verifier {
        let (nip, name) = generated(&self.pool, n).await;
        let scope = instansi.map_or(Scope::Centre, Scope::Agency);
        make_verifier(&self.pool, &nip, scope, level, DEMO_PASSWORD).await;
        Verifier {
            cookie: self.app.sign_in(&nip, DEMO_PASSWORD).await,
            name,
        }
    }

    /// Rina proposes her latest rank raised to `golongan`; answers the proposal's id.
    async fn propose_rank(&self, n: u32, golongan: GolonganPns) -> i64 {
        let dokumen_id = self.document(&self.rina, &format!("SK KP {n}")).await;
        let submission = self.rank_change(n, golongan, dokumen_id).await;
        let (status, body) = text(self.submit(&self.rina, &submission).await).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body.parse().unwrap()
    }

    async fn queue(&self, cookie: &str, filter: serde_json::Value) -> serde_json::Value {
        let response = self
            .app
            .post_json(
                "/api/antrian_verifikasi",
                &serde_json::json!({ "filter": filter }),
                Some(cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    async fn queue_ids(&self, cookie: &str) -> Vec<i64> {
        self.queue(cookie, serde_json::json!({})).await["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect()
    }

    async fn claim(&self, cookie: &str, id: i64) -> (StatusCode, String) {
        text(
            self.app
                .post_form(
                    "/api/klaim_usulan",
                    &[("id", &id.to_string())],
                    Some(cookie),
                )
                .await,
        )
        .await
    }

    async fn decide(
        &self,
        cookie: &str,
        id: i64,
        keputusan: serde_json::Value,
    ) -> (StatusCode, String) {
        text(
            self.app
                .post_json(
                    "/api/putuskan_usulan",
                    &serde_json::json!({ "id": id, "keputusan": keputusan }),
                    Some(cookie),
                )
                .await,
        )
        .await
    }

    async fn approve(&self, cookie: &str, id: i64) -> (StatusCode, String) {
        self.decide(cookie, id, serde_json::json!({ "verdict": "Approve" }))
            .await
    }

    async fn steps(&self, id: i64) -> Vec<String> {
        sqlx::query_scalar("SELECT jenis FROM usulan_peristiwa WHERE usulan_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&self.pool)
            .await
            .unwrap()
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_rank_change_climbs_its_chain_within_scope_and_is_applied_once(pool: PgPool) {
    let w = world(pool).await;
    let agency = w.verifier(0, Some(w.rina_instansi), 2).await;
    let colleague = w.verifier(1, Some(w.rina_instansi), 2).await;
    let outsider = w.verifier(2, Some(w.rina_instansi + 1), 2).await;
    let bkn = w.verifier(3, None, 4).await;
    let before = w.latest_rank().await;
    assert_eq!(before.golongan, GolonganPns::IIID);
    let id = w.propose_rank(1, GolonganPns::IVA).await;

    // It waits at the agency level, in the agency's inbox only.
    assert_eq!(w.queue_ids(&agency.cookie).await, [id]);
    assert_eq!(w.queue_ids(&outsider.cookie).await, Vec::<i64>::new());
    assert_eq!(w.queue_ids(&bkn.cookie).await, Vec::<i64>::new());
    // An employee who verifies nothing has no queue.
    let response = w
        .app
        .post_json(
            "/api/antrian_verifikasi",
            &serde_json::json!({ "filter": {} }),
            Some(&w.budi),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Outside the outsider's scope: not even there. Not BKN's turn yet.
    let (status, body) = w.claim(&outsider.cookie, id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("tidak ditemukan"), "{body}");
    let case = w
        .app
        .get(
            &format!("/api/berkas_usulan?id={id}"),
            Some(&outsider.cookie),
        )
        .await;
    assert_eq!(case.status(), StatusCode::BAD_REQUEST);
    let (status, body) = w.claim(&bkn.cookie, id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("tidak sedang menunggu"), "{body}");

    // No decision without a claim; one claim at a time.
    let (status, body) = w.approve(&agency.cookie, id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Ambil usulan ini dahulu"), "{body}");
    assert_eq!(w.claim(&agency.cookie, id).await.0, StatusCode::OK);
    let (status, body) = w.claim(&colleague.cookie, id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains(&format!("sedang ditangani {}", agency.name)),
        "{body}"
    );
    let queue = w.queue(&colleague.cookie, serde_json::json!({})).await;
    assert_eq!(queue["items"][0]["claimed_by"], agency.name.as_str());

    // The decision view: the record now beside the proposal.
    let case = w
        .app
        .get_json(&format!("/api/berkas_usulan?id={id}"), &agency.cookie)
        .await;
    assert_eq!(case["current"]["data"]["golongan"], "III/d");
    assert_eq!(case["proposal"]["after"]["data"]["golongan"], "IV/a");
    assert_eq!(case["claimed_by_me"], true);
    assert_eq!(case["my_level"], "Instansi");
    // The proof code the employee printed is the one the verifier checks it against.
    let mine = w.app.get_json("/api/usulan_saya", &w.rina).await;
    let printed = mine[0]["kode_bukti"].as_str().unwrap().to_owned();
    assert!(printed.starts_with(&format!("U{id}-")), "{printed}");
    assert_eq!(case["proposal"]["kode_bukti"], printed.as_str());

    // Approved by the agency: on to BKN, the record untouched.
    let (status, body) = w.approve(&agency.cookie, id).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(w.latest_rank().await, before);
    let (status, body) = w.approve(&agency.cookie, id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains(&format!("sudah disetujui oleh {}", agency.name)),
        "{body}"
    );
    assert_eq!(w.queue_ids(&agency.cookie).await, Vec::<i64>::new());
    assert_eq!(w.queue_ids(&bkn.cookie).await, [id]);

    // BKN corrects an obvious typo in the SK number and approves: applied.
    let printed = w.app.get_json("/api/usulan_saya", &w.rina).await[0]["kode_bukti"].clone();
    assert_eq!(w.claim(&bkn.cookie, id).await.0, StatusCode::OK);
    let mut corrected = before.clone();
    corrected.golongan = GolonganPns::IVA;
    corrected.sk.nomor = "KP.IV-a/2026/0001".to_owned();
    let (status, body) = w
        .decide(
            &bkn.cookie,
            id,
            serde_json::json!({ "verdict": "Approve", "correction": ProposedRecord::Pangkat(corrected.clone()) }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, "\"Applied\"");
    assert_eq!(w.latest_rank().await, corrected);
    // The employee's printout still checks out: its code is of what they sent.
    let mine = w.app.get_json("/api/usulan_saya", &w.rina).await;
    assert_eq!(mine[0]["kode_bukti"], printed);
    assert_eq!(
        mine[0]["submitted"]["data"]["sk"]["nomor"],
        before.sk.nomor.as_str()
    );
    assert_eq!(mine[0]["after"]["data"]["sk"]["nomor"], "KP.IV-a/2026/0001");
    let case = w
        .app
        .get_json(&format!("/api/berkas_usulan?id={id}"), &bkn.cookie)
        .await;
    assert_eq!(case["proposal"]["kode_bukti"], printed);
    let golongan: String =
        sqlx::query_scalar("SELECT golongan FROM pegawai WHERE nomor_induk = $1")
            .bind(DEMO_PNS_NIP)
            .fetch_one(&w.pool)
            .await
            .unwrap();
    assert_eq!(golongan, "IV/a");

    // The version it replaced is kept; the timeline and the audit trail say who did what.
    let (lama, baru): (serde_json::Value, serde_json::Value) =
        sqlx::query_as("SELECT nilai_lama, nilai_baru FROM riwayat_versi WHERE usulan_id = $1")
            .bind(id)
            .fetch_one(&w.pool)
            .await
            .unwrap();
    assert_eq!(lama["golongan"], "III/d");
    assert_eq!(baru["golongan"], "IV/a");
    assert_eq!(baru["sk_nomor"], "KP.IV-a/2026/0001");
    assert_eq!(
        w.steps(id).await,
        ["diajukan", "disetujui", "disetujui", "diterapkan"]
    );
    let koreksi: serde_json::Value = sqlx::query_scalar(
        "SELECT koreksi FROM usulan_peristiwa WHERE usulan_id = $1 AND koreksi IS NOT NULL",
    )
    .bind(id)
    .fetch_one(&w.pool)
    .await
    .unwrap();
    assert_eq!(
        koreksi["sebelum"]["data"]["sk"]["nomor"],
        before.sk.nomor.as_str()
    );
    assert_eq!(
        koreksi["sesudah"]["data"]["sk"]["nomor"],
        "KP.IV-a/2026/0001"
    );
    let mine = w.app.get_json("/api/usulan_saya", &w.rina).await;
    assert_eq!(mine[0]["status"], "Applied");
    assert_eq!(mine[0]["timeline"][2]["level"], "Pusat");
    let applied: serde_json::Value =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE event = 'proposal.applied'")
            .fetch_one(&w.pool)
            .await
            .unwrap();
    assert_eq!(applied["sebelum"]["data"]["golongan"], "III/d");
    assert_eq!(applied["sesudah"]["data"]["golongan"], "IV/a");
    assert!(
        applied["sesi"].as_str().is_some_and(|s| s.len() == 16),
        "{applied}"
    );
    assert_eq!(audit_count(&w.pool, "proposal.approved").await, 1);
    // Nothing more happens to it.
    let (status, body) = w.claim(&bkn.cookie, id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("sudah disetujui dan diterapkan"), "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn chains_are_configuration_and_twenty_concurrent_approvals_make_one_decision(pool: PgPool) {
    // A small pool, as under load: twenty deciders queue on one proposal's lock while
    // holding every connection, so the winner must finish on the one it has.
    let small = sqlx::postgres::PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(std::time::Duration::from_secs(5))
        .connect_with((*pool.connect_options()).clone())
        .await
        .unwrap();
    let w = world(small).await;
    // Only BKN's admin sets chains, and only chains that go up.
    let set = |cookie: &str, levels: serde_json::Value| {
        let cookie = cookie.to_owned();
        let w = &w;
        async move {
            w.app
                .post_json(
                    "/api/atur_rantai",
                    &serde_json::json!({ "riwayat": "pangkat", "tingkat": levels }),
                    Some(&cookie),
                )
                .await
                .status()
        }
    };
    assert_eq!(
        set(&w.budi, serde_json::json!([2])).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        set(&w.rina, serde_json::json!([4, 2])).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        set(&w.rina, serde_json::json!([1, 2, 3, 4])).await,
        StatusCode::OK
    );
    let chains = w.app.get_json("/api/rantai_persetujuan", &w.budi).await;
    assert!(
        chains
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(["pangkat", [1, 2, 3, 4]])),
        "{chains}"
    );
    // Pangkat by the agency alone, now.
    assert_eq!(set(&w.rina, serde_json::json!([2])).await, StatusCode::OK);
    let agency = w.verifier(0, Some(w.rina_instansi), 2).await;
    let id = w.propose_rank(1, GolonganPns::IVA).await;
    let rantai: Vec<i16> = sqlx::query_scalar("SELECT rantai FROM usulan WHERE id = $1")
        .bind(id)
        .fetch_one(&w.pool)
        .await
        .unwrap();
    assert_eq!(rantai, [2]);
    assert_eq!(w.claim(&agency.cookie, id).await.0, StatusCode::OK);

    let answers = futures::future::join_all((0..20).map(|_| w.approve(&agency.cookie, id))).await;
    let won: Vec<_> = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::OK)
        .collect();
    assert_eq!(won.len(), 1, "{answers:?}");
    for (status, body) in answers.iter().filter(|(s, _)| *s != StatusCode::OK) {
        assert_eq!(*status, StatusCode::BAD_REQUEST);
        assert!(
            body.contains("sudah disetujui dan diterapkan oleh"),
            "{body}"
        );
    }
    assert_eq!(w.steps(id).await, ["diajukan", "disetujui", "diterapkan"]);
    assert_eq!(w.count("SELECT count(*) FROM riwayat_versi").await, 1);
    assert_eq!(audit_count(&w.pool, "proposal.applied").await, 1);
    assert_eq!(w.latest_rank().await.golongan, GolonganPns::IVA);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_expired_claim_can_be_taken_over(pool: PgPool) {
    let w = world(pool).await;
    let first = w.verifier(0, Some(w.rina_instansi), 2).await;
    let second = w.verifier(1, Some(w.rina_instansi), 2).await;
    let id = w.propose_rank(1, GolonganPns::IVA).await;
    assert_eq!(w.claim(&first.cookie, id).await.0, StatusCode::OK);
    assert_eq!(w.claim(&second.cookie, id).await.0, StatusCode::BAD_REQUEST);
    // The first verifier went home; the lease ran out.
    sqlx::query("UPDATE usulan SET klaim_sampai = now() - interval '1 second' WHERE id = $1")
        .bind(id)
        .execute(&w.pool)
        .await
        .unwrap();
    let (status, body) = w.claim(&second.cookie, id).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The first one's decision now meets the second one's claim.
    let (status, body) = w.approve(&first.cookie, id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains(&format!("sedang ditangani {}", second.name)),
        "{body}"
    );
    let (status, body) = w.approve(&second.cookie, id).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(audit_count(&w.pool, "proposal.claimed").await, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_returned_proposal_is_fixed_resubmitted_and_approved(pool: PgPool) {
    let w = world(pool).await;
    let agency = w.verifier(0, Some(w.rina_instansi), 2).await;
    let bkn = w.verifier(1, None, 4).await;
    let id = w.propose_rank(1, GolonganPns::IVA).await;
    assert_eq!(w.claim(&agency.cookie, id).await.0, StatusCode::OK);

    // A return must say why.
    let (status, body) = w
        .decide(
            &agency.cookie,
            id,
            serde_json::json!({ "verdict": "Return", "reason": "  " }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("alasan"), "{body}");
    let (status, body) = w
        .decide(
            &agency.cookie,
            id,
            serde_json::json!({ "verdict": "Return", "reason": "Golongan pada SK adalah IV/b." }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mine = w.app.get_json("/api/usulan_saya", &w.rina).await;
    assert_eq!(mine[0]["status"]["Returned"]["step"], 0);
    assert_eq!(
        mine[0]["timeline"][1]["reason"],
        "Golongan pada SK adalah IV/b."
    );
    assert_eq!(w.queue_ids(&agency.cookie).await, Vec::<i64>::new());

    // Fixed and sent again with the right SK: the same proposal, back at the start.
    let dokumen_id = w.document(&w.rina, "SK KP IV/b").await;
    let mut fixed = w.latest_rank().await;
    fixed.golongan = GolonganPns::IVB;
    let resubmission = serde_json::json!({ "usulan": {
        "id": id,
        "record": ProposedRecord::Pangkat(fixed.clone()),
        "dokumen_id": dokumen_id,
        "jenis_dokumen": JenisDokumen::SkKenaikanPangkat,
    }});
    let (status, body) = text(
        w.app
            .post_json("/api/ajukan_ulang_usulan", &resubmission, Some(&w.rina))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Not twice, and not someone else's.
    let (status, body) = text(
        w.app
            .post_json("/api/ajukan_ulang_usulan", &resubmission, Some(&w.rina))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("tidak dapat dilakukan"), "{body}");
    let (status, _) = text(
        w.app
            .post_json("/api/ajukan_ulang_usulan", &resubmission, Some(&w.budi))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    assert_eq!(w.queue_ids(&agency.cookie).await, [id]);
    for verifier in [&agency, &bkn] {
        assert_eq!(w.claim(&verifier.cookie, id).await.0, StatusCode::OK);
        let (status, body) = w.approve(&verifier.cookie, id).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    assert_eq!(w.latest_rank().await, fixed);
    assert_eq!(
        w.steps(id).await,
        [
            "diajukan",
            "dikembalikan",
            "diajukan_ulang",
            "disetujui",
            "disetujui",
            "diterapkan"
        ]
    );

    // A rejection ends it, with its reason, and frees the record.
    let second = w.propose_rank(2, GolonganPns::IVC).await;
    assert_eq!(w.claim(&agency.cookie, second).await.0, StatusCode::OK);
    let (status, body) = w
        .decide(
            &agency.cookie,
            second,
            serde_json::json!({ "verdict": "Reject", "reason": "Belum memenuhi masa kerja." }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, "\"Rejected\"");
    assert_eq!(w.latest_rank().await, fixed);
    w.propose_rank(3, GolonganPns::IVC).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_verifier_does_not_decide_their_own_proposal(pool: PgPool) {
    let w = world(pool).await;
    // Rina is made a verifier of her own agency.
    sqlx::query(
        "INSERT INTO peran (pegawai_id, peran, lingkup, instansi_id, tingkat)
         SELECT id, 'verifikator', 'instansi', instansi_id, 2 FROM pegawai WHERE nomor_induk = $1",
    )
    .bind(DEMO_PNS_NIP)
    .execute(&w.pool)
    .await
    .unwrap();
    let rina = w.app.sign_in(DEMO_PNS_NIP, DEMO_PASSWORD).await;
    let id = w.propose_rank(1, GolonganPns::IVA).await;
    let (status, body) = w.claim(&rina, id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("usulan Anda sendiri"), "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_queue_pages_oldest_first_without_gaps_and_filters(pool: PgPool) {
    let w = world(pool).await;
    let bkn = w.verifier(0, None, 4).await;
    // 120 proposals of other employees waiting at level 2, a minute apart, newest first
    // by id so that the order is the wait's, not the id's.
    let document: i64 = sqlx::query_scalar(
        "INSERT INTO dokumen (pemilik_id, sha256, jenis, ukuran, nama)
         SELECT id, sha256('x'), 'pdf', 1, 'x.pdf' FROM pegawai WHERE nomor_induk = $1 RETURNING id",
    )
    .bind(DEMO_PNS_NIP)
    .fetch_one(&w.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO usulan (pegawai_id, riwayat, record_id, baru, nilai_baru, dokumen_id,
                             jenis_dokumen, rantai, status, kunci_idempoten, menunggu_sejak)
         SELECT p.id, CASE WHEN n % 2 = 0 THEN 'diklat' ELSE 'organisasi' END, NULL, true, '{}',
                $1, 'sertifikat', '{4}', 'diajukan', gen_random_uuid(),
                now() - make_interval(mins => n::int)
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM pegawai
                  WHERE nomor_induk IS DISTINCT FROM $2
                    AND id NOT IN (SELECT pegawai_id FROM peran) LIMIT 120) p",
    )
    .bind(document)
    .bind(DEMO_PNS_NIP)
    .execute(&w.pool)
    .await
    .unwrap();

    let mut seen = Vec::new();
    let mut since = Vec::new();
    let mut after = serde_json::Value::Null;
    loop {
        let page = w
            .queue(
                &bkn.cookie,
                serde_json::json!({ "after": after, "limit": 50 }),
            )
            .await;
        for item in page["items"].as_array().unwrap() {
            seen.push(item["id"].as_i64().unwrap());
            since.push(
                OffsetDateTime::parse(item["waiting_since"].as_str().unwrap(), &Rfc3339).unwrap(),
            );
        }
        if page["next"].is_null() {
            break;
        }
        after = page["next"].clone();
    }
    assert_eq!(seen.len(), 120);
    let mut unique = seen.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 120);
    assert!(since.windows(2).all(|w| w[0] <= w[1]), "oldest first");

    let diklat = w
        .queue(
            &bkn.cookie,
            serde_json::json!({ "riwayat": "diklat", "limit": 200 }),
        )
        .await;
    assert_eq!(diklat["items"].as_array().unwrap().len(), 60);
    let (nip, name): (String, String) = sqlx::query_as(
        "SELECT p.nomor_induk, p.nama FROM usulan u JOIN pegawai p ON p.id = u.pegawai_id
          WHERE p.nomor_induk IS NOT NULL ORDER BY u.id LIMIT 1",
    )
    .fetch_one(&w.pool)
    .await
    .unwrap();
    let by_nip = w
        .queue(&bkn.cookie, serde_json::json!({ "nomor_induk": nip }))
        .await;
    assert_eq!(by_nip["items"].as_array().unwrap().len(), 1);
    let part: String = name.to_lowercase().chars().take(5).collect();
    let by_name = w
        .queue(&bkn.cookie, serde_json::json!({ "nama": part }))
        .await;
    assert!(by_name["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["nama"].as_str().unwrap().to_lowercase().contains(&part)));
    assert!(!by_name["items"].as_array().unwrap().is_empty());

    let summary = w
        .app
        .get_json("/api/ringkasan_verifikasi?inbox=0", &bkn.cookie)
        .await;
    assert_eq!(summary["waiting_here"], 120);
    let sla = w
        .app
        .get_json("/api/sla_verifikasi?inbox=0", &bkn.cookie)
        .await;
    let total: i64 = sla
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["waiting"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 120);
    let oldest = OffsetDateTime::parse(sla[0]["oldest"].as_str().unwrap(), &Rfc3339).unwrap();
    assert_eq!(oldest, since[0]);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_audit_chain_verifies_and_tampering_breaks_it(pool: PgPool) {
    use app::audit::chain::{verify, Verdict};

    let w = world(pool.clone()).await;
    let agency = w.verifier(0, Some(w.rina_instansi), 2).await;
    let id = w.propose_rank(1, GolonganPns::IVA).await;
    assert_eq!(w.claim(&agency.cookie, id).await.0, StatusCode::OK);
    assert_eq!(w.approve(&agency.cookie, id).await.0, StatusCode::OK);

    let rows = w.count("SELECT count(*) FROM audit_log").await;
    assert!(rows >= 6, "{rows}");
    assert_eq!(verify(&pool).await.unwrap(), Verdict::Intact { rows });
    // The command says so too, by its exit status.
    let url = database_url(&pool);
    let command = |url: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mutakhir-audit"))
            .arg("verify")
            .env("DATABASE_URL", url)
            .output()
            .unwrap()
    };
    let ok = command(&url);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );

    // The application cannot change a row.
    let refused = sqlx::query("UPDATE audit_log SET detail = '{}' WHERE urutan = 2")
        .execute(&pool)
        .await;
    assert!(refused.is_err());
    for statement in [
        "TRUNCATE audit_log",
        "UPDATE audit_kepala SET urutan = 0",
        "TRUNCATE audit_kepala",
    ] {
        assert!(
            sqlx::query(statement).execute(&pool).await.is_err(),
            "{statement}"
        );
    }
    // Someone with the power to lift that rewrites who approved.
    sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET actor_id = actor_id + 1 WHERE event = 'proposal.approved'")
        .execute(&pool)
        .await
        .unwrap();
    let approved: i64 =
        sqlx::query_scalar("SELECT urutan FROM audit_log WHERE event = 'proposal.approved'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(matches!(
        verify(&pool).await.unwrap(),
        Verdict::Broken { urutan, .. } if urutan == approved
    ));
    let broken = command(&url);
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stdout).contains("BROKEN"));

    // A removed row breaks it too, even with the content put back.
    sqlx::query("UPDATE audit_log SET actor_id = actor_id - 1 WHERE event = 'proposal.approved'")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(verify(&pool).await.unwrap(), Verdict::Intact { rows });
    sqlx::query("DELETE FROM audit_log WHERE urutan = 3")
        .execute(&pool)
        .await
        .unwrap();
    assert!(matches!(
        verify(&pool).await.unwrap(),
        Verdict::Broken { urutan: 4, .. }
    ));
}

#[sqlx::test(migrations = "../migrations")]
async fn new_proposals_and_colleagues_decisions_reach_the_dashboard_live(pool: PgPool) {
    let w = world(pool).await;
    let agency = w.verifier(0, Some(w.rina_instansi), 2).await;
    let colleague = w.verifier(1, Some(w.rina_instansi), 2).await;
    let outsider = w.verifier(2, Some(w.rina_instansi + 1), 2).await;
    let open = |cookie: String| {
        let w = &w;
        async move {
            let response = w.app.get("/api/verifikasi/peristiwa", Some(&cookie)).await;
            assert_eq!(response.status(), StatusCode::OK);
            response
        }
    };
    // Someone who verifies nothing has no dashboard stream.
    let refused = w.app.get("/api/verifikasi/peristiwa", Some(&w.budi)).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let mut mine = open(agency.cookie.clone()).await;
    let mut theirs = open(outsider.cookie.clone()).await;
    // Each (re)connection first says "read your queue".
    read_until(&mut mine, "\"usulan_id\":null").await;
    read_until(&mut theirs, "\"usulan_id\":null").await;

    let id = w.propose_rank(1, GolonganPns::IVA).await;
    read_until(&mut mine, &format!("\"usulan_id\":{id}")).await;
    assert_eq!(w.claim(&colleague.cookie, id).await.0, StatusCode::OK);
    let (status, body) = w.approve(&colleague.cookie, id).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The colleague's approval is a second step of the same proposal.
    let seen = read_until(&mut mine, &format!("\"usulan_id\":{id}")).await;
    assert!(!seen.contains("null"), "{seen}");

    // Nothing of it reached the verifier of another agency.
    let quiet = tokio::time::timeout(std::time::Duration::from_millis(800), theirs.chunk()).await;
    if let Ok(chunk) = quiet {
        let text = String::from_utf8_lossy(&chunk.unwrap().unwrap_or_default()).into_owned();
        assert!(!text.contains(&id.to_string()), "{text}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn every_decision_reaches_the_employee_in_the_app_and_by_email(pool: PgPool) {
    let smtp = SmtpSink::start().await;
    let mail = smtp.mail_config();
    let w = world_with(pool, move |c| {
        c.mail = mail;
        c.outbox_poll = std::time::Duration::from_secs(1);
    })
    .await;
    let agency = w.verifier(0, Some(w.rina_instansi), 2).await;
    let bkn = w.verifier(1, None, 4).await;
    let me = |cookie: String| {
        let w = &w;
        async move { w.app.get_json("/api/saya", &cookie).await["notifikasi_baru"].clone() }
    };
    assert_eq!(me(w.rina.clone()).await, 0);

    // Returned with a reason: one notification, one email saying why.
    let id = w.propose_rank(1, GolonganPns::IVA).await;
    assert_eq!(w.claim(&agency.cookie, id).await.0, StatusCode::OK);
    let reason = "Nomor SK tidak terbaca.";
    let (status, body) = w
        .decide(
            &agency.cookie,
            id,
            serde_json::json!({ "verdict": "Return", "reason": reason }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mails = smtp.wait_for(1).await;
    assert_eq!(mails[0].rcpt, [DEMO_PNS_EMAIL]);
    assert!(
        mails[0].subject().contains("dikembalikan"),
        "{}",
        mails[0].subject()
    );
    let mail = mails[0].body();
    assert!(mail.contains(&format!("Alasan: {reason}")), "{mail}");
    assert!(mail.contains(&format!("Reason: {reason}")), "{mail}");
    assert!(mail.contains(&format!("{}/usulan", w.app.base)), "{mail}");
    let page = w.app.get_json("/api/notifikasi", &w.rina).await;
    assert_eq!(page["unread"], 1);
    assert_eq!(page["items"][0]["kind"], "Returned");
    assert_eq!(page["items"][0]["reason"], reason);
    assert_eq!(page["items"][0]["usulan_id"], id);
    assert_eq!(page["items"][0]["unread"], true);
    assert_eq!(me(w.rina.clone()).await, 1);
    // Nobody else's.
    let budi = w.app.get_json("/api/notifikasi", &w.budi).await;
    assert_eq!(budi["items"], serde_json::json!([]));
    assert_eq!(budi["unread"], 0);

    // Read: the mark moves forward only, and never past her own newest step.
    let newest = page["items"][0]["id"].as_i64().unwrap();
    let response = w
        .app
        .post_form(
            "/api/tandai_notifikasi_dibaca",
            &[("sampai", &i64::MAX.to_string())],
            Some(&w.rina),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(me(w.rina.clone()).await, 0);
    let mark: i64 = sqlx::query_scalar(
        "SELECT notifikasi_dibaca_sampai FROM akun a JOIN pegawai p ON p.id = a.pegawai_id
          WHERE p.nomor_induk = $1",
    )
    .bind(DEMO_PNS_NIP)
    .fetch_one(&w.pool)
    .await
    .unwrap();
    assert_eq!(mark, newest);
    let response = w
        .app
        .post_form(
            "/api/tandai_notifikasi_dibaca",
            &[("sampai", "1")],
            Some(&w.rina),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        w.app.get_json("/api/notifikasi", &w.rina).await["items"][0]["unread"],
        false
    );
    // Not signed in: nothing to read.
    let anonymous = w.app.get("/api/notifikasi", None).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    // Resubmitted, approved by the agency (email), then the mail server breaks: BKN's
    // approval is applied all the same, its email waits and goes once the server is back.
    let resubmitted = ProposedRecord::Pangkat({
        let mut r = w.latest_rank().await;
        r.golongan = GolonganPns::IVA;
        r
    });
    let dokumen_id = w.document(&w.rina, "SK KP perbaikan").await;
    let (status, body) = text(
        w.app
            .post_json(
                "/api/ajukan_ulang_usulan",
                &serde_json::json!({ "usulan": {
                "id": id, "record": resubmitted, "dokumen_id": dokumen_id,
                "jenis_dokumen": JenisDokumen::SkKenaikanPangkat,
            } }),
                Some(&w.rina),
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(w.claim(&agency.cookie, id).await.0, StatusCode::OK);
    assert_eq!(w.approve(&agency.cookie, id).await.0, StatusCode::OK);
    let mails = smtp.wait_for(2).await;
    assert!(
        mails[1].subject().contains("disetujui"),
        "{}",
        mails[1].subject()
    );
    assert!(mails[1].body().contains("diteruskan ke tingkat berikutnya"));

    smtp.refuse_recipients(true);
    assert_eq!(w.claim(&bkn.cookie, id).await.0, StatusCode::OK);
    let (status, body) = w.approve(&bkn.cookie, id).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, "\"Applied\"");
    let waiting = || async {
        sqlx::query_as::<_, (String, i16, Option<String>)>(
            "SELECT s.status, s.percobaan, s.galat FROM surat_notifikasi s
               JOIN usulan_peristiwa e ON e.id = s.peristiwa_id
              WHERE e.usulan_id = $1 AND e.jenis = 'diterapkan'",
        )
        .bind(id)
        .fetch_one(&w.pool)
        .await
        .unwrap()
    };
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    let failed = loop {
        let row = waiting().await;
        if row.2.is_some() || tokio::time::Instant::now() > deadline {
            break row;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(failed.0, "menunggu");
    assert_eq!(failed.1, 1);
    assert!(failed.2.is_some_and(|g| !g.is_empty()));
    assert_eq!(smtp.messages().len(), 2);
    assert_eq!(w.latest_rank().await.golongan, GolonganPns::IVA);
    // In the app it is there already: the agency's approval, then applied (the last
    // level's own approval is the applied step, in the app as in the one email).
    let page = w.app.get_json("/api/notifikasi", &w.rina).await;
    let kinds: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["Applied", "Approved", "Returned"]);
    assert_eq!(page["unread"], 2);

    // The server is back and the retry falls due: sent once.
    smtp.refuse_recipients(false);
    sqlx::query("UPDATE surat_notifikasi SET coba_lagi = now() WHERE status = 'menunggu'")
        .execute(&w.pool)
        .await
        .unwrap();
    let mails = smtp.wait_for(3).await;
    assert!(
        mails[2].subject().contains("diterapkan"),
        "{}",
        mails[2].subject()
    );
    assert!(mails[2].body().contains("sudah diterapkan ke data Anda"));
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    while waiting().await.0 != "terkirim" && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(waiting().await.0, "terkirim");
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(smtp.messages().len(), 3, "no email twice");
    assert_eq!(
        w.count("SELECT count(*) FROM surat_notifikasi WHERE status = 'terkirim'")
            .await,
        3
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn notifications_page_back_through_every_decision(pool: PgPool) {
    let w = world(pool).await;
    let id = w.propose_rank(1, GolonganPns::IVA).await;
    // 34 decisions on record (returned and resubmitted, over and over).
    sqlx::query(
        "INSERT INTO usulan_peristiwa (usulan_id, pegawai_id, jenis, tingkat, alasan)
         SELECT u.id, u.pegawai_id, 'dikembalikan', 2, 'Perbaikan ke-' || n
           FROM usulan u, generate_series(1, 34) n WHERE u.id = $1",
    )
    .bind(id)
    .execute(&w.pool)
    .await
    .unwrap();
    let first = w.app.get_json("/api/notifikasi", &w.rina).await;
    let items = first["items"].as_array().unwrap();
    assert_eq!(items.len(), 30);
    assert_eq!(first["unread"], 34);
    assert_eq!(items[0]["reason"], "Perbaikan ke-34");
    let older = first["older"].as_i64().expect("there are older ones");
    assert_eq!(older, items[29]["id"].as_i64().unwrap());
    let rest = w
        .app
        .get_json(&format!("/api/notifikasi?sebelum={older}"), &w.rina)
        .await;
    let reasons: Vec<&str> = rest["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "Perbaikan ke-4",
            "Perbaikan ke-3",
            "Perbaikan ke-2",
            "Perbaikan ke-1"
        ]
    );
    assert!(rest["older"].is_null(), "{rest}");
    // Someone else's page holds none of them.
    let budi = w.app.get_json("/api/notifikasi", &w.budi).await;
    assert_eq!(budi["items"], serde_json::json!([]));
}

#[sqlx::test(migrations = "../migrations")]
async fn an_undecided_proposal_follows_its_employee_to_another_agency(pool: PgPool) {
    let w = world(pool).await;
    let (elsewhere, unit): (i32, i64) = sqlx::query_as(
        "SELECT u.instansi_id, u.id FROM unit_kerja u WHERE u.instansi_id <> $1
          ORDER BY u.id LIMIT 1",
    )
    .bind(w.rina_instansi)
    .fetch_one(&w.pool)
    .await
    .unwrap();
    let old_agency = w.verifier(0, Some(w.rina_instansi), 2).await;
    let new_agency = w.verifier(1, Some(elsewhere), 2).await;
    let pending = w.propose_rank(1, GolonganPns::IVA).await;
    assert_eq!(w.claim(&old_agency.cookie, pending).await.0, StatusCode::OK);
    assert_eq!(w.queue_ids(&old_agency.cookie).await, [pending]);
    assert!(w.queue_ids(&new_agency.cookie).await.is_empty());

    // Rina moves: her waiting proposal goes with her, its old claim let go.
    move_to(&w.pool, DEMO_PNS_NIP, elsewhere, unit).await;
    assert!(w.queue_ids(&old_agency.cookie).await.is_empty());
    assert_eq!(w.queue_ids(&new_agency.cookie).await, [pending]);
    assert_eq!(w.claim(&new_agency.cookie, pending).await.0, StatusCode::OK);
    let (status, _) = w.approve(&old_agency.cookie, pending).await;
    assert_ne!(
        status,
        StatusCode::OK,
        "no longer the old agency's to decide"
    );
    let (status, body) = w.approve(&new_agency.cookie, pending).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
