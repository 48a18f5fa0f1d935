//! What the tests share. Starts the real application (router, middleware, sessions)
//! on a free loopback port against the per-test database that `#[sqlx::test]` hands
//! over.

pub mod smtp;

use leptos::config::LeptosOptions;
use server::{config::Config, startup::Application};
use sqlx::PgPool;

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

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

/// The session cookie (`name=value`) a response sets, if any.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("mutakhir="))
        .map(|c| c.split(';').next().unwrap().to_owned())
}

/// Gives an existing employee an activated account with `password`.
pub async fn activate(pool: &PgPool, nip: &str, password: &str) {
    let hash = app::auth::hashing::hash_password(password.to_owned())
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO akun (pegawai_id, password_hash, activated_at)
         SELECT id, $2, now() FROM pegawai WHERE nomor_induk = $1
         ON CONFLICT (pegawai_id) DO NOTHING",
    )
    .bind(nip)
    .bind(&hash)
    .execute(pool)
    .await
    .unwrap();
}

impl TestApp {
    /// GETs `path` as the holder of `cookie` and reads the JSON answer.
    pub async fn get_json(&self, path: &str, cookie: &str) -> serde_json::Value {
        self.client
            .get(self.url(path))
            .header(reqwest::header::COOKIE, cookie)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Signs in and returns the session cookie.
    pub async fn sign_in(&self, nip: &str, password: &str) -> String {
        let response = self
            .client
            .post(self.url("/api/masuk"))
            .form(&[("nomor", nip), ("kata_sandi", password)])
            .send()
            .await
            .unwrap();
        let status = response.status();
        let cookie = session_cookie(&response);
        assert_eq!(
            status,
            reqwest::StatusCode::OK,
            "{nip} signs in: {}",
            response.text().await.unwrap_or_default()
        );
        cookie.expect("a session cookie at sign-in")
    }
}

/// Activates an employee's account and makes them admin of `instansi`.
pub async fn make_agency_admin(pool: &PgPool, nip: &str, instansi: i32, password: &str) {
    activate(pool, nip, password).await;
    sqlx::query(
        "INSERT INTO peran (pegawai_id, peran, lingkup, instansi_id)
         SELECT id, 'admin_instansi', 'instansi', $2 FROM pegawai WHERE nomor_induk = $1",
    )
    .bind(nip)
    .bind(instansi)
    .execute(pool)
    .await
    .unwrap();
}

/// A small but whole PDF (header to `%%EOF`), different for each `body`.
pub fn pdf(body: &str) -> Vec<u8> {
    format!("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {body}\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .into_bytes()
}

/// Uploads one file as a supporting document.
pub async fn upload(
    app: &TestApp,
    cookie: Option<&str>,
    bytes: Vec<u8>,
    name: &str,
    mime: &str,
) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str(mime)
        .unwrap();
    let mut request = app
        .client
        .post(app.url("/api/dokumen"))
        .multipart(reqwest::multipart::Form::new().part("berkas", part));
    if let Some(cookie) = cookie {
        request = request.header(reqwest::header::COOKIE, cookie);
    }
    request.send().await.unwrap()
}

/// Reads an event stream until it holds `needle`, or fails after 8 seconds: sooner
/// than a stream's own 15-second re-read, so only the notification can deliver.
pub async fn read_until(response: &mut reqwest::Response, needle: &str) -> String {
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(8);
    while !seen.contains(needle) {
        let chunk = tokio::time::timeout_at(deadline, response.chunk())
            .await
            .unwrap_or_else(|_| panic!("no {needle:?} within 8 s; the stream said: {seen}"))
            .unwrap()
            .expect("the stream stays open");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    seen
}
