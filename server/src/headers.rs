//! Browser security headers on every response: no framing by another site (the
//! sign-in page cannot be laid under a click-jacking overlay), no `Referer` (a
//! page's address may hold a token or a NIP), no MIME sniffing, no plugins or a
//! moved `<base>`, and HSTS when the public origin is HTTPS.
//!
//! The policy does not yet limit scripts (`script-src` with the hydration
//! script's nonce and `'wasm-unsafe-eval'`): that is left for the next step.

use axum::http::{header, HeaderName, HeaderValue};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

pub const CONTENT_SECURITY_POLICY: &str =
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'";
/// Two years, the preload list's minimum, for the site and its subdomains.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=63072000; includeSubDomains";

/// The router with the headers on every response, each set unless a handler
/// chose its own.
pub fn apply(router: Router, https: bool) -> Router {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    let router = router
        .layer(set(
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        ))
        .layer(set(header::X_FRAME_OPTIONS, "DENY"))
        .layer(set(header::REFERRER_POLICY, "no-referrer"))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"));
    if https {
        router.layer(set(
            header::STRICT_TRANSPORT_SECURITY,
            STRICT_TRANSPORT_SECURITY,
        ))
    } else {
        router
    }
}
