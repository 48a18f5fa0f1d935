//! Per-IP rate limits on the account endpoints (sign-in, tokens, password), on
//! top of the per-account failure counter in the database: one slows a single
//! address hammering many accounts, the other a slow spread attack on one.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use app::domain::localized::{Lang, Localized};
use app::edge::error::AppError;
use app::edge::request::ClientAddress;

/// The refusal of a request over the limit, and how long to wait.
struct RateLimited {
    wait: u64,
}

impl Localized for RateLimited {
    fn message(&self, lang: Lang) -> String {
        let wait = self.wait;
        match lang {
            Lang::Id => format!(
                "Terlalu banyak permintaan dari jaringan Anda. Coba lagi dalam {wait} detik."
            ),
            Lang::En => {
                format!("Too many requests from your network. Try again in {wait} seconds.")
            }
        }
    }
}
use axum::{
    extract::{Request, State},
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use leptos::server_fn::ServerFn;

/// Server-function paths that spend a password check or an email, or tell
/// whether a NIP exists.
const LIMITED: &[&str] = &[
    <app::me::Masuk as ServerFn>::PATH,
    <app::auth::api::MintaToken as ServerFn>::PATH,
    <app::auth::api::SetelKataSandi as ServerFn>::PATH,
    <app::contact::api::CekNip as ServerFn>::PATH,
    <app::contact::api::SimpanKontak as ServerFn>::PATH,
    <app::contact::api::KonfirmasiKontak as ServerFn>::PATH,
    <app::registration::api::DaftarRegistrasi as ServerFn>::PATH,
];

pub struct AuthRateLimit {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
}

impl AuthRateLimit {
    pub fn new(per_minute: u32, burst: u32) -> Arc<Self> {
        let quota = Quota::per_minute(NonZeroU32::new(per_minute.max(1)).expect("at least 1"))
            .allow_burst(NonZeroU32::new(burst.max(1)).expect("at least 1"));
        let this = Arc::new(Self {
            limiter: RateLimiter::keyed(quota),
        });
        // Forget addresses that have been quiet, so the table stays small.
        let weak = Arc::downgrade(&this);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(this) = weak.upgrade() else { break };
                this.limiter.retain_recent();
            }
        });
        this
    }
}

pub async fn limit(
    State(limits): State<Arc<AuthRateLimit>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST || !LIMITED.contains(&request.uri().path()) {
        return next.run(request).await;
    }
    // The client's address as `client_address::identify` worked it out (behind a
    // trusted proxy, the client's; else the peer's), IPv6 by its /64.
    let ip = request
        .extensions()
        .get::<ClientAddress>()
        .map(|ClientAddress(ip)| crate::client_address::rate_key(*ip));
    let Some(ip) = ip else {
        return next.run(request).await;
    };
    match limits.limiter.check_key(&ip) {
        Ok(()) => next.run(request).await,
        Err(not_until) => {
            let wait = not_until
                .wait_time_from(governor::clock::Clock::now(
                    &governor::clock::DefaultClock::default(),
                ))
                .as_secs()
                .max(1);
            tracing::warn!(%ip, path = %request.uri().path(), "account rate limit hit");
            let body = AppError::too_many(&RateLimited { wait });
            (
                StatusCode::TOO_MANY_REQUESTS,
                [
                    (header::RETRY_AFTER, wait.to_string()),
                    (header::CONTENT_TYPE, "application/json".to_owned()),
                ],
                serde_json::to_string(&body).expect("serialisable"),
            )
                .into_response()
        }
    }
}
