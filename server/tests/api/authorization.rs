//! Who may read whose profile, over real HTTP: every caller against every
//! object, each cell with its expected answer, and each refusal audited.

use generator::demo::{load_demo_if_empty, DEMO_PASSWORD, DEMO_PNS_NIP, DEMO_PPPK_NIP};
use reqwest::StatusCode;
use sqlx::PgPool;

use crate::support::db::audit_count;
use crate::support::people;
use crate::support::TestApp;

/// Gives an existing employee an activated account, and a role if asked.
async fn account(pool: &PgPool, nip: &str, role: Option<&str>) {
    people::activate(pool, nip, DEMO_PASSWORD).await;
    if let Some(role) = role {
        sqlx::query(role).bind(nip).execute(pool).await.unwrap();
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn profile_read_matrix(pool: PgPool) {
    load_demo_if_empty(&pool).await.unwrap();
    // Budi (PPPK) is a plain employee; Rina is the BKN admin. Pick generated
    // colleagues: one in Budi's agency, one in another agency, and one in Budi's unit.
    let (budi_instansi, budi_unit) = people::placement(&pool, DEMO_PPPK_NIP).await;
    // Generated employees of other agencies, the `n`th of them, moved where the
    // test needs them.
    let pick = |n: i64| {
        let pool = pool.clone();
        async move {
            let nip: String = sqlx::query_scalar(
                "SELECT nomor_induk FROM pegawai WHERE nomor_induk IS NOT NULL AND nomor_induk <> $2
                   AND instansi_id <> $1 ORDER BY id LIMIT 1 OFFSET $3",
            )
            .bind(budi_instansi)
            .bind(DEMO_PPPK_NIP)
            .bind(n)
            .fetch_one(&pool)
            .await
            .unwrap();
            nip
        }
    };
    let same_agency_admin = pick(0).await;
    let other_agency_admin = pick(1).await;
    let unit_verifier = pick(2).await;
    let other_unit_verifier = pick(3).await;
    // An employee in Budi's own unit (moved there) to read as a colleague.
    let colleague = pick(4).await;
    people::move_to(&pool, &colleague, budi_instansi, budi_unit).await;

    account(&pool, DEMO_PPPK_NIP, None).await;
    account(&pool, DEMO_PNS_NIP, None).await;
    account(&pool, &colleague, None).await;
    account(
        &pool,
        &same_agency_admin,
        Some(&format!(
            "INSERT INTO peran (pegawai_id, peran, lingkup, instansi_id)
             SELECT id, 'admin_instansi', 'instansi', {budi_instansi} FROM pegawai WHERE nomor_induk = $1"
        )),
    )
    .await;
    account(
        &pool,
        &other_agency_admin,
        Some(
            "INSERT INTO peran (pegawai_id, peran, lingkup, instansi_id)
             SELECT id, 'admin_instansi', 'instansi', instansi_id FROM pegawai WHERE nomor_induk = $1",
        ),
    )
    .await;
    account(
        &pool,
        &unit_verifier,
        Some(&format!(
            "INSERT INTO peran (pegawai_id, peran, lingkup, unit_kerja_id, tingkat)
             SELECT id, 'verifikator', 'unit_kerja', {budi_unit}, 1 FROM pegawai WHERE nomor_induk = $1"
        )),
    )
    .await;
    // A unit that is neither Budi's nor the other agency admin's.
    account(
        &pool,
        &other_unit_verifier,
        Some(&format!(
            "INSERT INTO peran (pegawai_id, peran, lingkup, unit_kerja_id, tingkat)
             SELECT id, 'verifikator', 'unit_kerja',
                    (SELECT min(u.id) FROM unit_kerja u WHERE u.id <> {budi_unit}
                        AND u.id <> (SELECT unit_kerja_id FROM pegawai WHERE nomor_induk = '{other_agency_admin}')),
                    1
               FROM pegawai WHERE nomor_induk = $1"
        )),
    )
    .await;

    let app = TestApp::spawn(pool.clone()).await;
    let mut callers: Vec<(&str, Option<String>)> = vec![("anonymous", None)];
    for (name, nip) in [
        ("employee Budi", DEMO_PPPK_NIP),
        ("colleague in Budi's unit", colleague.as_str()),
        ("admin of Budi's agency", same_agency_admin.as_str()),
        ("admin of another agency", other_agency_admin.as_str()),
        ("verifier of Budi's unit", unit_verifier.as_str()),
        ("verifier of another unit", other_unit_verifier.as_str()),
        ("BKN admin Rina", DEMO_PNS_NIP),
    ] {
        callers.push((name, Some(app.sign_in(nip, DEMO_PASSWORD).await)));
    }
    let unknown = "199001012015011001";
    let objects = [
        ("Budi", DEMO_PPPK_NIP),
        ("other agency's admin", other_agency_admin.as_str()),
        ("unknown NIP", unknown),
    ];
    // Rows follow `callers`, columns `objects`.
    use StatusCode as S;
    let expected: [[StatusCode; 3]; 8] = [
        [S::UNAUTHORIZED, S::UNAUTHORIZED, S::UNAUTHORIZED], // anonymous
        [S::OK, S::FORBIDDEN, S::FORBIDDEN],                 // Budi
        [S::FORBIDDEN, S::FORBIDDEN, S::FORBIDDEN],          // colleague
        [S::OK, S::FORBIDDEN, S::OK],                        // admin of Budi's agency
        [S::FORBIDDEN, S::OK, S::OK], // admin of another agency (own profile)
        [S::OK, S::FORBIDDEN, S::OK], // verifier of Budi's unit
        [S::FORBIDDEN, S::FORBIDDEN, S::OK], // verifier of another unit
        [S::OK, S::OK, S::OK],        // BKN admin
    ];
    let mut denied = 0;
    for (row, (caller, cookie)) in callers.iter().enumerate() {
        for (col, (object, nip)) in objects.iter().enumerate() {
            let response = app
                .get(&format!("/api/profil?nomor_induk={nip}"), cookie.as_deref())
                .await;
            let status = response.status();
            assert_eq!(status, expected[row][col], "{caller} reading {object}");
            let body = response.text().await.unwrap();
            if status == StatusCode::OK {
                let profil: Option<app::profile::Profil> = serde_json::from_str(&body).unwrap();
                assert_eq!(
                    profil.is_some(),
                    *nip != unknown,
                    "{caller} reading {object}"
                );
            } else {
                assert!(
                    !body.contains("\"nik\""),
                    "no data leaks in a refusal: {body}"
                );
            }
            if status == StatusCode::FORBIDDEN {
                denied += 1;
            }
        }
    }
    let audited = audit_count(&pool, "access.denied").await;
    assert_eq!(audited, denied, "every refusal is in the audit log");
}
