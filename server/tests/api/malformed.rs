//! Malformed requests to every server function, enumerated from the registry the
//! router serves them from: each answers as the client's mistake (4xx) in the
//! usual bilingual shape, never as a server error, and never runs the function.

use app::edge::error::AppError;
use leptos::server_fn::axum::server_fn_paths;
use reqwest::{header, Method, StatusCode};
use sqlx::PgPool;

use crate::support::TestApp;

/// Bodies no server function takes: not JSON at all, JSON of the wrong shape, a
/// form whose escapes do not decode.
const BODIES: [(&str, &str); 4] = [
    ("application/json", "{not json"),
    ("application/json", r#"{"kunci": 5, "usulan": "x"}"#),
    ("application/json", "[]"),
    (
        "application/x-www-form-urlencoded",
        "%zz=%&=&nomor_induk[=1",
    ),
];

async fn answer(
    app: &TestApp,
    method: &str,
    path: &str,
    content_type: &str,
    body: &str,
) -> (StatusCode, String) {
    let request = if method == "GET" {
        app.client.get(app.url(&format!("{path}?%zz=%&x[=1")))
    } else {
        app.client
            .request(Method::POST, app.url(path))
            .header(header::CONTENT_TYPE, content_type)
            .body(body.to_owned())
    };
    let response = request.send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

#[sqlx::test(migrations = "../migrations")]
async fn every_server_function_answers_a_malformed_body_as_a_client_error(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut paths: Vec<(String, String)> = server_fn_paths()
        .map(|(path, method)| (path.to_owned(), method.to_string()))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 40,
        "the registry lists the server functions: {paths:?}"
    );
    let mut refused = 0;
    for (path, method) in &paths {
        for (content_type, body) in BODIES {
            let (status, text) = answer(&app, method, path, content_type, body).await;
            assert!(
                !status.is_server_error(),
                "{method} {path} with {content_type} {body:?}: {status} {text}"
            );
            if status.is_client_error() {
                let error: AppError = serde_json::from_str(&text).unwrap_or_else(|e| {
                    panic!("{method} {path}: {status} is not the usual shape ({e}): {text}")
                });
                let (id, en) = (
                    error.message(app::domain::Lang::Id),
                    error.message(app::domain::Lang::En),
                );
                assert!(
                    !id.is_empty() && !en.is_empty() && id != en,
                    "{path}: {id} / {en}"
                );
                refused += 1;
            }
        }
    }
    // Most functions take arguments, so most of these bodies are refused.
    assert!(
        refused >= paths.len() * 2,
        "{refused} refusals for {} functions",
        paths.len()
    );
}

/// The issue's example: a proposal or a decision sent as JSON that does not parse,
/// or that lacks a field, is refused as malformed input (422), in both languages.
#[sqlx::test(migrations = "../migrations")]
async fn a_proposal_or_decision_that_does_not_parse_is_invalid_input(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for path in ["/api/ajukan_usulan", "/api/putuskan_usulan"] {
        for body in ["{not json", "{}", r#"{"usulan": "bukan usulan"}"#] {
            let (status, text) = answer(&app, "POST", path, "application/json", body).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {body}: {text}"
            );
            let AppError::Invalid(fields) = serde_json::from_str(&text).unwrap() else {
                panic!("{path} {body}: not invalid input: {text}");
            };
            let message = &fields[0].messages[0];
            assert!(
                message.id.starts_with("Permintaan tidak dapat dibaca"),
                "{}",
                message.id
            );
            assert!(
                message.en.starts_with("Malformed request"),
                "{}",
                message.en
            );
        }
    }
}
