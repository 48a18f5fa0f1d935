//! Static files from the site root that cargo-leptos builds: the hashed
//! bundle under `/pkg` is immutable, everything else is revalidated, and the
//! service worker is never cached by HTTP so updates reach users promptly.

use axum::{
    http::{header, HeaderValue},
    Router,
};
use tower_http::{services::ServeDir, set_header::SetResponseHeaderLayer};

pub fn routes<S>(site_root: &str, pkg_dir: &str) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let pkg = ServeDir::new(format!("{site_root}/{pkg_dir}"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service(
            &format!("/{pkg_dir}"),
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ))
                .service(pkg),
        )
        .route_service(
            "/sw.js",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("no-cache"),
                ))
                .service(tower_http::services::ServeFile::new(format!(
                    "{site_root}/sw.js"
                ))),
        )
}
