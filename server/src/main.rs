use anyhow::Context;
use leptos::config::get_configuration;
use server::{config::Config, db, startup::Application, telemetry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::from_env().context("reading configuration from the environment")?;
    telemetry::init(config.log_format);
    let defaults = app::auth::hashing::PoolSettings::default();
    app::auth::hashing::configure(app::auth::hashing::PoolSettings {
        threads: config.auth.hashing_concurrency.unwrap_or(defaults.threads),
        nice: config.auth.hashing_nice,
    });

    let leptos = get_configuration(None)
        .context("reading the Leptos configuration")?
        .leptos_options;
    let pool = db::connect(&config.database)
        .await
        .context("connecting to PostgreSQL")?;
    db::migrate(&pool).await.context("running migrations")?;
    // Only a build with the `demo` feature can be in demo mode: `Config` refuses
    // MUTAKHIR_DEMO=true otherwise.
    #[cfg(feature = "demo")]
    if config.demo {
        let loaded = generator::demo::load_demo_if_empty(&pool)
            .await
            .context("loading the demo data")?;
        tracing::warn!(
            loaded,
            "demo mode: demo data present and profiles readable without sign-in"
        );
    }

    let app = Application::build(config, leptos, pool)
        .await
        .context("building the application")?;
    tracing::info!(addr = %app.local_addr(), "listening");
    app.run_until_stopped(server::shutdown::signal()).await?;
    tracing::info!("stopped");
    Ok(())
}
