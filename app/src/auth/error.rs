//! What the account server functions answer when they refuse. Messages travel in
//! both languages, so the page shows the user's language whichever the server
//! would have picked, and tests can read the Indonesian text.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::domain::localized::{Lang, Localized};

/// A sentence in Bahasa Indonesia and in English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    pub en: String,
}

impl Message {
    pub fn of(value: &impl Localized) -> Self {
        Self {
            id: value.message(Lang::Id),
            en: value.message(Lang::En),
        }
    }

    pub fn new(id: &str, en: &str) -> Self {
        Self {
            id: id.to_owned(),
            en: en.to_owned(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.id, &self.en)
    }
}

/// One form field's problems.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub messages: Vec<Message>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AuthError {
    /// Malformed input, field by field (HTTP 422).
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// A refusal the user can act on: wrong password, email not the registered one,
    /// token used or expired, account locked for a while (HTTP 400/401/423).
    #[error("refused: {}", .0.en)]
    Refused(Message),
    /// Too many attempts from here or for this account (HTTP 429).
    #[error("too many attempts: {}", .0.en)]
    TooMany(Message),
    /// Not signed in, or the session ended (HTTP 401).
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in but not allowed (HTTP 403).
    #[error("not permitted")]
    Forbidden,
    /// The browser could not reach the server (offline, timed out).
    #[error("network: {0}")]
    Network(String),
    /// Something on our side; details are in the server log, not here (HTTP 500).
    #[error("server error: {0}")]
    Server(String),
}

impl AuthError {
    pub fn field(field: &str, problems: &[impl Localized]) -> Self {
        AuthError::Invalid(vec![FieldError {
            field: field.to_owned(),
            messages: problems.iter().map(Message::of).collect(),
        }])
    }

    /// What to show in the user's language, field errors joined.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AuthError::Invalid(fields) => fields
                .iter()
                .flat_map(|f| f.messages.iter().map(|m| m.get(lang).to_owned()))
                .collect::<Vec<_>>()
                .join(" "),
            AuthError::Refused(m) | AuthError::TooMany(m) => m.get(lang).to_owned(),
            AuthError::Unauthenticated => lang
                .pick("Silakan masuk terlebih dahulu.", "Please sign in first.")
                .to_owned(),
            AuthError::Forbidden => lang
                .pick(
                    "Anda tidak berwenang melakukan ini.",
                    "You are not allowed to do this.",
                )
                .to_owned(),
            AuthError::Network(_) => lang
                .pick(
                    "Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.",
                    "Could not reach the server. Check your connection and try again.",
                )
                .to_owned(),
            AuthError::Server(_) => lang
                .pick(
                    "Terjadi gangguan di server. Silakan coba lagi.",
                    "Something went wrong on our side. Please try again.",
                )
                .to_owned(),
        }
    }

    /// Messages for one field, for showing beside it.
    pub fn for_field(&self, field: &str, lang: Lang) -> Vec<String> {
        match self {
            AuthError::Invalid(fields) => fields
                .iter()
                .filter(|f| f.field == field)
                .flat_map(|f| f.messages.iter().map(|m| m.get(lang).to_owned()))
                .collect(),
            _ => Vec::new(),
        }
    }

    #[cfg(feature = "ssr")]
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            AuthError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AuthError::Refused(_) => StatusCode::BAD_REQUEST,
            AuthError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            AuthError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AuthError::Forbidden => StatusCode::FORBIDDEN,
            AuthError::Server(_) | AuthError::Network(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl FromServerFnError for AuthError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // A request the server could not decode is the client's mistake.
            ServerFnErrorErr::Args(e) | ServerFnErrorErr::MissingArg(e) => {
                AuthError::Invalid(vec![FieldError {
                    field: String::new(),
                    messages: vec![Message {
                        id: format!("Permintaan tidak valid: {e}"),
                        en: format!("Malformed request: {e}"),
                    }],
                }])
            }
            ServerFnErrorErr::Request(e) => AuthError::Network(e),
            other => AuthError::Server(other.to_string()),
        }
    }
}
