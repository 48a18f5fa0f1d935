//! What the tests share. [`TestApp`] starts the real application (router,
//! middleware, sessions) on a free loopback port against the per-test database that
//! `#[sqlx::test]` hands over; the modules hold what the tests do with it.

pub mod db;
pub mod documents;
pub mod http;
pub mod people;
pub mod smtp;
pub mod world;

use leptos::config::LeptosOptions;
use server::{config::Config, startup::Application};
use sqlx::PgPool;

use smtp::SmtpSink;

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
}

impl TestApp {
    pub async fn spawn(pool: PgPool) -> Self {
        Self::spawn_with(pool, |_| {}).await
    }

    pub async fn spawn_with(pool: PgPool, configure: impl FnOnce(&mut Config)) -> Self {
        let options = LeptosOptions::builder()
            .output_name("mutakhir")
            .site_addr(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))
            .site_root("target/site")
            .build();
        let mut config = Config::for_tests("postgres://unused-the-pool-is-given");
        configure(&mut config);
        let app = Application::build(config, options, pool)
            .await
            .expect("the application builds");
        let base = format!("http://{}", app.local_addr());
        tokio::spawn(app.run_until_stopped(std::future::pending()));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a client");
        Self { base, client }
    }

    /// Starts the application with its mail going to a new SMTP listener on loopback.
    pub async fn spawn_with_smtp(
        pool: PgPool,
        configure: impl FnOnce(&mut Config),
    ) -> (Self, SmtpSink) {
        let smtp = SmtpSink::start().await;
        let mail = smtp.mail_config();
        let app = Self::spawn_with(pool, move |c| {
            c.mail = mail;
            configure(c);
        })
        .await;
        (app, smtp)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}
