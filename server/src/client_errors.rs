//! Server functions answer 500 for arguments they cannot decode, before our code
//! runs. A malformed request is the client's mistake: this turns those answers
//! into 400 (or 422 for the account functions' field errors), body unchanged.

use axum::{
    body::{to_bytes, Body},
    extract::Request,
    http::StatusCode,
    middleware::Next,
    response::Response,
};

/// Error bodies are a few hundred bytes; anything larger is not one of these.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn malformed_is_client_error(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_api || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Some(status) = client_status(&bytes) {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn client_status(body: &[u8]) -> Option<StatusCode> {
    // `ServerFnError`'s text encoding.
    if body.starts_with(b"Args|") || body.starts_with(b"MissingArg|") {
        return Some(StatusCode::BAD_REQUEST);
    }
    // `AppError`'s JSON encoding.
    match serde_json::from_slice::<app::edge::error::AppError>(body) {
        Ok(app::edge::error::AppError::Invalid(_)) => Some(StatusCode::UNPROCESSABLE_ENTITY),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_argument_errors_become_client_errors() {
        assert_eq!(
            client_status(b"Args|missing field"),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(
            client_status(b"MissingArg|nomor"),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(client_status(b"ServerError|db down"), None);
        let invalid = serde_json::to_vec(&app::edge::error::AppError::Invalid(vec![])).unwrap();
        assert_eq!(
            client_status(&invalid),
            Some(StatusCode::UNPROCESSABLE_ENTITY)
        );
        let server = serde_json::to_vec(&app::edge::error::AppError::Server("x".into())).unwrap();
        assert_eq!(client_status(&server), None);
    }
}
