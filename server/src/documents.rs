//! Supporting documents over plain HTTP (server functions cannot cap a streamed
//! body): `POST /api/dokumen` takes one file as multipart field `berkas`, streaming
//! it with a hard cap; `GET /api/dokumen/{id}` gives it back to whoever may read it.
//! What a file is comes from its bytes (`app::document::kind`), never from the
//! client's name or type. Bytes are stored under their SHA-256, so storing the same
//! file twice writes one object; the row in `dokumen` is written only after the
//! bytes are safe, so a failed upload leaves no record.

use std::sync::Arc;

use axum::{
    extract::{multipart::MultipartRejection, DefaultBodyLimit, Multipart, Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Extension, Json, Router,
};
use object_store::{path::Path as ObjectPath, ObjectStore, ObjectStoreExt, PutPayload};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use tower_sessions::Session;

use app::audit::{self, AuditEntry, AuditEvent};
use app::auth::access::{authorize, Action};
use app::auth::settings::AuthSettings;
use app::document::kind::{classify, DocumentProblem, Wanted};
use app::document::store as records;
use app::domain::localized::{Lang, Localized};
use app::edge::error::AppError;
use app::edge::request::ClientAddress;

use crate::config::{DocumentConfig, DocumentLocation};
use crate::signed_in::{refusal, signed_in};

/// Room for the multipart framing around the file itself.
const FRAMING: u64 = 64 * 1024;

pub struct Documents {
    pub pool: PgPool,
    pub settings: AuthSettings,
    pub store: Arc<dyn ObjectStore>,
    pub max_bytes: u64,
}

pub fn object_store(config: &DocumentConfig) -> anyhow::Result<Arc<dyn ObjectStore>> {
    Ok(match &config.location {
        DocumentLocation::Folder(folder) => {
            std::fs::create_dir_all(folder)?;
            Arc::new(object_store::local::LocalFileSystem::new_with_prefix(
                folder,
            )?)
        }
        DocumentLocation::S3(url) => {
            // The builder takes only the bucket from the URL; the rest is our prefix.
            let bucket = object_store::aws::AmazonS3Builder::from_env()
                .with_url(url)
                .build()?;
            let prefix = url
                .trim_start_matches("s3://")
                .split_once('/')
                .map(|(_, p)| p.trim_matches('/'))
                .unwrap_or("");
            if prefix.is_empty() {
                Arc::new(bucket)
            } else {
                Arc::new(object_store::prefix::PrefixStore::new(bucket, prefix))
            }
        }
    })
}

pub fn routes(documents: Arc<Documents>) -> Router {
    let limit = usize::try_from(documents.max_bytes + FRAMING).unwrap_or(usize::MAX);
    Router::new()
        .route("/api/dokumen", post(upload))
        .route("/api/dokumen/{id}", get(download))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(documents)
}

/// What an upload answers.
#[derive(Serialize)]
struct Uploaded {
    id: i64,
    jenis: &'static str,
    ukuran: usize,
    nama: String,
}

/// The upload route's own refusals; what is wrong with a file itself is a
/// `DocumentProblem`.
#[derive(Clone, Copy, Debug)]
enum Refusal {
    NotAForm,
    NoFile,
    NotFound,
}

impl Localized for Refusal {
    fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::NotAForm => lang.pick(
                "Kirim berkas melalui formulir unggah.",
                "Send the file through the upload form.",
            ),
            Refusal::NoFile => lang.pick("Pilih berkas PDF.", "Choose a PDF file."),
            Refusal::NotFound => lang.pick("Dokumen tidak ditemukan.", "Document not found."),
        }
        .to_owned()
    }
}

fn problem(p: DocumentProblem) -> Response {
    let status = match p {
        DocumentProblem::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    (status, Json(AppError::field("berkas", &[p]))).into_response()
}

fn server_error(what: &'static str, e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "{what}");
    refusal(AppError::Server(what.into()))
}

/// The client's file name, for display only: its last path part, printable, short.
fn display_name(raw: Option<&str>) -> String {
    let last = raw.unwrap_or("").rsplit(['/', '\\']).next().unwrap_or("");
    last.chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>()
        .trim()
        .to_owned()
}

async fn upload(
    State(docs): State<Arc<Documents>>,
    session: Session,
    Extension(ClientAddress(client)): Extension<ClientAddress>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let user = match signed_in(&session, &docs.pool, &docs.settings).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let too_large = DocumentProblem::TooLarge {
        limit: docs.max_bytes,
    };
    // Refuse an announced oversize before reading a byte of it.
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|len| len > docs.max_bytes + FRAMING) {
        return problem(too_large);
    }
    let mut multipart = match multipart {
        Ok(m) => m,
        Err(_) => return refusal(AppError::field("berkas", &[Refusal::NotAForm])),
    };
    let mut file: Option<(Vec<u8>, String)> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return problem(too_large),
            Err(_) => return problem(DocumentProblem::Truncated),
        };
        if field.name() != Some("berkas") || file.is_some() {
            continue;
        }
        let name = display_name(field.file_name());
        let mut field = field;
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if (bytes.len() + chunk.len()) as u64 > docs.max_bytes {
                        return problem(too_large);
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return problem(too_large),
                // The connection broke off mid-file.
                Err(_) => return problem(DocumentProblem::Truncated),
            }
        }
        file = Some((bytes, name));
    }
    let Some((bytes, name)) = file else {
        return refusal(AppError::field("berkas", &[Refusal::NoFile]));
    };
    let kind = match classify(&bytes, Wanted::Document, docs.max_bytes) {
        Ok(kind) => kind,
        Err(p) => return problem(p),
    };
    let sha256: [u8; 32] = Sha256::digest(&bytes).into();
    let size = bytes.len();
    let path = object_path(&sha256);
    if let Err(e) = docs.store.put(&path, PutPayload::from(bytes)).await {
        return server_error("storing a document", e);
    }
    let Ok(size_column) = i32::try_from(size) else {
        return problem(too_large);
    };
    match records::insert(
        &docs.pool,
        user.principal.pegawai_id,
        &sha256,
        kind,
        size_column,
        &name,
        Some(client),
    )
    .await
    {
        Ok(id) => (
            StatusCode::CREATED,
            Json(Uploaded {
                id,
                jenis: kind.code(),
                ukuran: size,
                nama: name,
            }),
        )
            .into_response(),
        Err(e) => server_error("recording a document", e),
    }
}

fn object_path(sha256: &[u8; 32]) -> ObjectPath {
    let hex: String = sha256.iter().map(|b| format!("{b:02x}")).collect();
    ObjectPath::from(format!("sha256/{}/{}", &hex[..2], hex))
}

async fn download(
    State(docs): State<Arc<Documents>>,
    session: Session,
    Extension(ClientAddress(client)): Extension<ClientAddress>,
    Path(id): Path<i64>,
) -> Response {
    let user = match signed_in(&session, &docs.pool, &docs.settings).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let not_found = || refusal(AppError::refused(&Refusal::NotFound)).into_response();
    let document = match records::find(&docs.pool, id).await {
        Ok(Some(d)) => d,
        Ok(None) => return (StatusCode::NOT_FOUND, not_found()).into_response(),
        Err(e) => return server_error("reading a document", e),
    };
    if authorize(&user.principal, &Action::ReadDocument(document.owner)).is_err() {
        let _ = audit::record(
            &docs.pool,
            AuditEvent::AccessDenied,
            AuditEntry {
                actor: Some(user.principal.pegawai_id),
                subject: Some(document.owner.pegawai_id),
                ip: Some(client),
                detail: serde_json::json!({ "action": "read_document", "dokumen_id": id }),
            },
        )
        .await;
        // The same answer as for a document that does not exist.
        return (StatusCode::NOT_FOUND, not_found()).into_response();
    }
    let Ok(sha256) = <[u8; 32]>::try_from(document.sha256.as_slice()) else {
        return server_error("a stored document hash", "not 32 bytes");
    };
    let bytes = match docs.store.get(&object_path(&sha256)).await {
        Ok(got) => match got.bytes().await {
            Ok(bytes) => bytes,
            Err(e) => return server_error("reading a stored document", e),
        },
        Err(e) => return server_error("reading a stored document", e),
    };
    let disposition = format!(
        "inline; filename=\"dokumen-{}.{}\"",
        document.id,
        document.kind.extension()
    );
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(document.kind.media_type()),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    // A PDF is shown by the browser's viewer, never run as a page of this origin.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox"),
    );
    response
}
