//! Supporting documents: a PDF to upload and the upload itself.

use super::http::with_cookie;
use super::TestApp;

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
    let request = app
        .client
        .post(app.url("/api/dokumen"))
        .multipart(reqwest::multipart::Form::new().part("berkas", part));
    with_cookie(request, cookie).send().await.unwrap()
}
