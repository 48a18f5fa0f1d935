//! Builds the router with its middleware and serves it.

use std::{future::Future, net::SocketAddr, sync::Arc};

use axum::{extract::FromRef, middleware, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sqlx::PgPool;
use tokio::net::TcpListener;
use tower_http::{compression::CompressionLayer, limit::RequestBodyLimitLayer, trace::TraceLayer};

use app::auth::password_policy::PasswordPolicy;
use app::auth::settings::AuthSettings;
use app::mail::SharedMailer;
use app::profile::store::ProfileAccess;

use crate::{
    assets, client_address, client_errors, config::Config, documents, events, headers, health,
    language, mail, notifications, rate_limit, security, sessions,
};

/// Everything a handler may need. Server functions get the pool through
/// Leptos context instead, since `app` cannot name this type.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub config: Arc<Config>,
}

pub struct Application {
    listener: TcpListener,
    router: Router,
}

impl Application {
    /// Binds to the Leptos site address (port 0 picks a free port, for tests).
    pub async fn build(
        config: Config,
        leptos_options: LeptosOptions,
        pool: PgPool,
    ) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(leptos_options.site_addr).await?;
        // Links in emails point at the public origin, or straight at this server.
        let base_url = config
            .public_origin
            .clone()
            .unwrap_or_else(|| format!("http://{}", listener.local_addr().expect("bound")));
        let router = router(config, leptos_options, pool, base_url).await?;
        Ok(Self { listener, router })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener")
    }

    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await
    }
}

fn auth_settings(config: &Config, base_url: String) -> AuthSettings {
    let mut settings = AuthSettings::new(base_url);
    settings.password = PasswordPolicy {
        min_length: config.auth.password_min_length,
    };
    settings.idle_timeout = config.auth.idle_timeout;
    settings.absolute_timeout = config.auth.absolute_timeout;
    settings.token_ttl = config.auth.token_ttl;
    settings.lock_after = config.auth.lock_after;
    match &config.auth.secret_key {
        Some(secret) => settings.secret_key = AuthSettings::key_from(secret),
        None => tracing::warn!(
            "no MUTAKHIR_SECRET_KEY: captchas are sealed with a key of this process only"
        ),
    }
    settings
}

pub async fn router(
    config: Config,
    leptos_options: LeptosOptions,
    pool: PgPool,
    base_url: String,
) -> anyhow::Result<Router> {
    let session_store = sessions::store(pool.clone()).await?;
    let session_layer = sessions::layer(
        session_store.clone(),
        config.secure_cookies(),
        config.auth.idle_timeout,
    );
    let auth_settings = auth_settings(&config, base_url);
    let (mailer, dev_mailbox): (SharedMailer, _) = mail::from_config(&config.mail)?;
    let auth_limits =
        rate_limit::AuthRateLimit::new(config.auth.per_ip_per_minute, config.auth.per_ip_burst);
    let allowed = Arc::new(security::AllowedOrigins::new(config.public_origin.clone()));
    let trusted_proxies = Arc::new(config.trusted_proxies.clone());
    let https = config.secure_cookies();
    let max_body = config.max_body_bytes;
    let sign_in_gate = app::auth::service::SignInGate::default();
    let document_limit = app::document::kind::DocumentLimit(config.documents.max_bytes);
    let documents = Arc::new(documents::Documents {
        pool: pool.clone(),
        settings: auth_settings.clone(),
        store: documents::object_store(&config.documents)?,
        max_bytes: config.documents.max_bytes,
    });
    let proposal_events = Arc::new(events::ProposalEvents::start(
        pool.clone(),
        auth_settings.clone(),
        session_store,
    ));
    notifications::spawn(
        pool.clone(),
        mailer.clone(),
        auth_settings.base_url.clone(),
        &proposal_events,
        config.outbox_poll,
    );

    let state = AppState {
        leptos_options: leptos_options.clone(),
        pool: pool.clone(),
        config: Arc::new(config),
    };
    let routes = generate_route_list(app::App);
    let context_pool = pool.clone();
    let profile_access = if state.config.demo {
        ProfileAccess::Demo
    } else {
        ProfileAccess::Closed
    };

    // The same context for pages, server functions and the not-found page,
    // which renders the layout (and its signed-in check) too.
    let context = move || {
        provide_context(context_pool.clone());
        provide_context(profile_access);
        provide_context(auth_settings.clone());
        provide_context(mailer.clone());
        provide_context(sign_in_gate.clone());
        provide_context(document_limit);
    };
    let mut router = Router::new()
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = leptos_options.clone();
            move || app::shell(options.clone())
        })
        .merge(health::routes())
        .merge(language::routes())
        .merge(assets::routes(
            &leptos_options.site_root,
            &leptos_options.site_pkg_dir,
        ))
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, app::shell))
        .with_state(state);
    if let Some(mailbox) = dev_mailbox {
        router = router.merge(mail::dev_routes(mailbox));
    }
    // Uploads have their own cap (the document limit), everything else this one.
    let router = router
        .layer(RequestBodyLimitLayer::new(max_body))
        .merge(documents::routes(documents))
        .merge(events::routes(proposal_events))
        .layer(middleware::from_fn(
            client_errors::malformed_is_client_error,
        ))
        .layer(middleware::from_fn_with_state(
            auth_limits,
            rate_limit::limit,
        ))
        .layer(session_layer)
        .layer(middleware::from_fn_with_state(
            allowed,
            security::refuse_cross_site,
        ))
        // First of all: who is asking, for the limits and the audit log.
        .layer(middleware::from_fn_with_state(
            trusted_proxies,
            client_address::identify,
        ));
    let router = headers::apply(router, https)
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http());
    Ok(router)
}
