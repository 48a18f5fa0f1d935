//! Requests as a browser sends them and the answers read back: forms and JSON with or
//! without a session cookie, signing in, and event streams.

use reqwest::{header, RequestBuilder, Response, StatusCode};

use super::TestApp;

/// `request`, sent as the holder of `cookie` if there is one.
pub(super) fn with_cookie(request: RequestBuilder, cookie: Option<&str>) -> RequestBuilder {
    match cookie {
        Some(cookie) => request.header(header::COOKIE, cookie),
        None => request,
    }
}

/// The session cookie (`name=value`) a response sets, if any.
pub fn session_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("mutakhir="))
        .map(|c| c.split(';').next().unwrap().to_owned())
}

impl TestApp {
    /// GETs `path`, as the holder of `cookie` if given.
    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Response {
        with_cookie(self.client.get(self.url(path)), cookie)
            .send()
            .await
            .unwrap()
    }

    /// POSTs `form` to `path` URL-encoded, as a browser's form would.
    pub async fn post_form(
        &self,
        path: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> Response {
        with_cookie(self.client.post(self.url(path)).form(form), cookie)
            .send()
            .await
            .unwrap()
    }

    /// POSTs `body` to `path` as JSON.
    pub async fn post_json(
        &self,
        path: &str,
        body: &serde_json::Value,
        cookie: Option<&str>,
    ) -> Response {
        with_cookie(self.client.post(self.url(path)).json(body), cookie)
            .send()
            .await
            .unwrap()
    }

    /// Asks to sign in (carrying `cookie`, if any) and returns the answer as it is.
    pub async fn login(&self, nomor: &str, password: &str, cookie: Option<&str>) -> Response {
        self.post_form(
            "/api/masuk",
            &[("nomor", nomor), ("kata_sandi", password)],
            cookie,
        )
        .await
    }

    /// Asks for an emailed token (`tujuan`: `aktivasi` or `reset`).
    pub async fn request_token(&self, nomor: &str, email: &str, tujuan: &str) -> Response {
        self.post_form(
            "/api/minta_token",
            &[("nomor", nomor), ("email", email), ("tujuan", tujuan)],
            None,
        )
        .await
    }

    /// Redeems an emailed token with a new password, typed twice alike.
    pub async fn set_password(&self, token: &str, password: &str) -> Response {
        self.post_form(
            "/api/setel_kata_sandi",
            &[
                ("token", token),
                ("kata_sandi", password),
                ("ulangi", password),
            ],
            None,
        )
        .await
    }

    /// GETs `path` as the holder of `cookie` and reads the JSON answer.
    pub async fn get_json(&self, path: &str, cookie: &str) -> serde_json::Value {
        self.get(path, Some(cookie)).await.json().await.unwrap()
    }

    /// Signs in and returns the session cookie.
    pub async fn sign_in(&self, nip: &str, password: &str) -> String {
        let response = self.login(nip, password, None).await;
        let status = response.status();
        let cookie = session_cookie(&response);
        assert_eq!(
            status,
            StatusCode::OK,
            "{nip} signs in: {}",
            response.text().await.unwrap_or_default()
        );
        cookie.expect("a session cookie at sign-in")
    }
}

/// Reads an event stream until it holds `needle`, or fails after 8 seconds: sooner
/// than a stream's own 15-second re-read, so only the notification can deliver.
pub async fn read_until(response: &mut Response, needle: &str) -> String {
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

/// The answer's status and its body as text.
pub async fn text(response: Response) -> (StatusCode, String) {
    let status = response.status();
    (status, response.text().await.unwrap())
}

/// The answer's body, which must be JSON, written out again compactly: what an error
/// says, to search or compare.
pub async fn json_text(response: Response) -> String {
    let body: serde_json::Value = response.json().await.unwrap();
    body.to_string()
}
