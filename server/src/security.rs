//! Refuses cross-site state-changing requests. Server functions take form
//! POSTs that any site could send, and have no CSRF protection of their own,
//! so every non-safe request must come from our own origin.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

#[derive(Debug, Clone, Default)]
pub struct AllowedOrigins {
    /// Origins accepted besides the request's own host (e.g. the public URL
    /// when a proxy rewrites `Host`).
    extra: Vec<String>,
}

impl AllowedOrigins {
    pub fn new(extra: impl IntoIterator<Item = String>) -> Self {
        Self {
            extra: extra.into_iter().collect(),
        }
    }

    /// Decides on the headers alone, so the rule is testable without a server.
    pub fn permits(&self, method: &Method, headers: &HeaderMap) -> bool {
        if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
            return true;
        }
        let header_str = |name| headers.get(name).and_then(|v| v.to_str().ok());
        if header_str("sec-fetch-site") == Some("cross-site") {
            return false;
        }
        match header_str(header::ORIGIN.as_str()) {
            // Every browser sends Origin on a POST; its absence means a
            // non-browser client, which cannot carry a victim's cookies.
            None => header_str("sec-fetch-site").is_none_or(|s| s != "same-site"),
            // Under `Referrer-Policy: no-referrer` a browser sends `Origin: null`
            // with its own form posts; `Sec-Fetch-Site`, which no page can set,
            // still says they came from our origin. Without it, null is refused.
            Some("null") => header_str("sec-fetch-site") == Some("same-origin"),
            Some(origin) => {
                self.extra.iter().any(|o| o == origin)
                    || header_str(header::HOST.as_str()).is_some_and(|host| same_host(origin, host))
            }
        }
    }
}

fn same_host(origin: &str, host: &str) -> bool {
    origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .is_some_and(|authority| authority.eq_ignore_ascii_case(host))
}

pub async fn refuse_cross_site(
    State(allowed): State<Arc<AllowedOrigins>>,
    request: Request,
    next: Next,
) -> Response {
    if allowed.permits(request.method(), request.headers()) {
        return next.run(request).await;
    }
    tracing::warn!(
        method = %request.method(),
        uri = %request.uri(),
        origin = ?request.headers().get(header::ORIGIN),
        "refused a cross-site request"
    );
    (
        StatusCode::FORBIDDEN,
        "Permintaan lintas situs ditolak. / Cross-site request refused.",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn safe_methods_always_pass() {
        let a = AllowedOrigins::default();
        let h = headers(&[("origin", "https://evil.example"), ("host", "app")]);
        assert!(a.permits(&Method::GET, &h));
        assert!(a.permits(&Method::HEAD, &h));
    }

    #[test]
    fn same_origin_post_passes() {
        let a = AllowedOrigins::default();
        let h = headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ]);
        assert!(a.permits(&Method::POST, &h));
    }

    #[test]
    fn foreign_origin_post_is_refused() {
        let a = AllowedOrigins::default();
        let h = headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000"),
        ]);
        assert!(!a.permits(&Method::POST, &h));
        assert!(!a.permits(&Method::DELETE, &h));
    }

    #[test]
    fn null_origin_and_cross_site_fetch_are_refused() {
        let a = AllowedOrigins::default();
        assert!(!a.permits(
            &Method::POST,
            &headers(&[("origin", "null"), ("host", "app")])
        ));
        assert!(!a.permits(
            &Method::POST,
            &headers(&[("sec-fetch-site", "cross-site"), ("host", "app")])
        ));
    }

    #[test]
    fn a_null_origin_passes_only_with_the_browsers_same_origin_word() {
        let a = AllowedOrigins::default();
        let null = |site: &'static str| {
            headers(&[
                ("origin", "null"),
                ("sec-fetch-site", site),
                ("host", "app"),
            ])
        };
        assert!(a.permits(&Method::POST, &null("same-origin")));
        assert!(!a.permits(&Method::POST, &null("same-site")));
        assert!(!a.permits(&Method::POST, &null("cross-site")));
        assert!(!a.permits(&Method::POST, &null("none")));
    }

    #[test]
    fn configured_public_origin_passes_behind_a_proxy() {
        let a = AllowedOrigins::new(["https://mutakhir.go.id".to_owned()]);
        let h = headers(&[
            ("origin", "https://mutakhir.go.id"),
            ("host", "10.0.0.5:3000"),
        ]);
        assert!(a.permits(&Method::POST, &h));
    }

    #[test]
    fn non_browser_clients_without_origin_pass() {
        let a = AllowedOrigins::default();
        assert!(a.permits(&Method::POST, &headers(&[("host", "app")])));
    }
}
