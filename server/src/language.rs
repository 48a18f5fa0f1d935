//! `/lang/{code}`: the language switch for browsers without JavaScript (and for the
//! first click before hydration). It writes the cookie leptos_i18n reads and goes back.

use axum::{
    extract::{Path, Query},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::get,
    Router,
};
use serde::Deserialize;

/// leptos_i18n's cookie name (`COOKIE_PREFERED_LANG` in its context module).
const COOKIE: &str = "i18n_pref_locale";
const SUPPORTED: [&str; 2] = ["id", "en"];

#[derive(Deserialize)]
struct Next {
    next: Option<String>,
}

pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route("/lang/{code}", get(switch))
}

async fn switch(Path(code): Path<String>, Query(next): Query<Next>) -> Response {
    if !SUPPORTED.contains(&code.as_str()) {
        return (
            StatusCode::NOT_FOUND,
            "Bahasa tidak tersedia. / Language not available.",
        )
            .into_response();
    }
    let target = next
        .next
        .as_deref()
        .filter(|n| is_local_path(n))
        .unwrap_or("/");
    let cookie = format!("{COOKIE}={code}; Path=/; Max-Age=31536000; SameSite=Lax");
    let mut response = Redirect::to(target).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("cookie is ASCII"),
    );
    response
}

/// Only paths on this site: `//evil.example` and `/\evil.example` are other hosts to a browser.
fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control())
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn accepts_only_local_paths() {
        assert!(is_local_path("/"));
        assert!(is_local_path("/profil?tab=riwayat"));
        assert!(!is_local_path("//evil.example/"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path("https://evil.example/"));
        assert!(!is_local_path("/a\r\nSet-Cookie: x=y"));
        assert!(!is_local_path(""));
    }
}
