//! Requests as a browser sends them and the answers read back: the session cookie,
//! JSON answers, signing in, and event streams.

use super::TestApp;

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
