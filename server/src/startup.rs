//! Builds the router with its middleware and serves it.

use std::{future::Future, net::SocketAddr, sync::Arc};

use axum::{extract::FromRef, middleware, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sqlx::PgPool;
use tokio::net::TcpListener;
use tower_http::{compression::CompressionLayer, limit::RequestBodyLimitLayer, trace::TraceLayer};

use app::profile::store::ProfileAccess;

use crate::{assets, config::Config, health, language, security, sessions};

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
        let router = router(config, leptos_options, pool).await?;
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

pub async fn router(
    config: Config,
    leptos_options: LeptosOptions,
    pool: PgPool,
) -> anyhow::Result<Router> {
    let session_store = sessions::store(pool.clone()).await?;
    let session_layer = sessions::layer(session_store, config.secure_cookies());
    let allowed = Arc::new(security::AllowedOrigins::new(config.public_origin.clone()));
    let max_body = config.max_body_bytes;

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

    let router = Router::new()
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(context_pool.clone());
                provide_context(profile_access);
            },
            {
                let options = leptos_options.clone();
                move || app::shell(options.clone())
            },
        )
        .merge(health::routes())
        .merge(language::routes())
        .merge(assets::routes(
            &leptos_options.site_root,
            &leptos_options.site_pkg_dir,
        ))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(
            app::shell,
        ))
        .with_state(state)
        .layer(session_layer)
        .layer(middleware::from_fn_with_state(
            allowed,
            security::refuse_cross_site,
        ))
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http());
    Ok(router)
}
