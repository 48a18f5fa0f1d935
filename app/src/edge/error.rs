//! The one error of the request edge: what every server function answers when it
//! refuses. Messages travel in both languages, so the page shows the user's
//! language whichever the server would have picked. Each kind's HTTP status is
//! decided here (`status`), and a server-side failure carries only a word for the
//! log, never its details.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::domain::localized::{Lang, Localized};

/// A sentence in Bahasa Indonesia and in English, as it travels to the browser. It is
/// made only from a typed problem (`Message::of`), never written out at the call.
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

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.id, &self.en)
    }
}

/// A failure on our side, already logged where it happened: only the word for
/// what was being done travels on. Each feature's error takes it (`From<Internal>`),
/// so `.map_err(internal("reading a token"))?` works in any service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Internal(pub &'static str);

/// Logs a failure with its details and names it; for `map_err`.
#[cfg(feature = "ssr")]
pub fn internal<E: std::fmt::Display>(what: &'static str) -> impl FnOnce(E) -> Internal {
    move |e| {
        tracing::error!(error = %e, "{what}");
        Internal(what)
    }
}

/// One form field's problems.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub messages: Vec<Message>,
}

impl FieldError {
    /// One problem on one field.
    pub fn of(field: &str, problem: &impl Localized) -> Self {
        Self::all(field, std::slice::from_ref(problem))
    }

    /// Every problem of one field, such as a password the policy refuses.
    pub fn all(field: &str, problems: &[impl Localized]) -> Self {
        FieldError {
            field: field.to_owned(),
            messages: problems.iter().map(Message::of).collect(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
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

impl AppError {
    /// A refusal the user can act on, in the problem's own words.
    pub fn refused(problem: &impl Localized) -> Self {
        AppError::Refused(Message::of(problem))
    }

    /// Too many attempts, in the problem's own words.
    pub fn too_many(problem: &impl Localized) -> Self {
        AppError::TooMany(Message::of(problem))
    }

    /// Something failed on our side: logged here with its details, answered as a
    /// bare "server error" naming only what was being done.
    #[cfg(feature = "ssr")]
    pub fn internal(what: &'static str, error: impl std::fmt::Display) -> Self {
        internal(what)(error).into()
    }

    pub fn field(field: &str, problems: &[impl Localized]) -> Self {
        AppError::Invalid(vec![FieldError::all(field, problems)])
    }

    /// What to show in the user's language, field errors joined.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Invalid(fields) => fields
                .iter()
                .flat_map(|f| f.messages.iter().map(|m| m.get(lang).to_owned()))
                .collect::<Vec<_>>()
                .join(" "),
            AppError::Refused(m) | AppError::TooMany(m) => m.get(lang).to_owned(),
            AppError::Unauthenticated => lang
                .pick("Silakan masuk terlebih dahulu.", "Please sign in first.")
                .to_owned(),
            AppError::Forbidden => lang
                .pick(
                    "Anda tidak berwenang melakukan ini.",
                    "You are not allowed to do this.",
                )
                .to_owned(),
            AppError::Network(_) => lang
                .pick(
                    "Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.",
                    "Could not reach the server. Check your connection and try again.",
                )
                .to_owned(),
            AppError::Server(_) => lang
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
            AppError::Invalid(fields) => fields
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
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Refused(_) => StatusCode::BAD_REQUEST,
            AppError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Server(_) | AppError::Network(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<Internal> for AppError {
    fn from(Internal(what): Internal) -> Self {
        AppError::Server(what.to_owned())
    }
}

/// A request the server could not read, serde's words kept as the detail.
fn malformed(detail: &str) -> AppError {
    AppError::Invalid(vec![FieldError {
        field: String::new(),
        messages: vec![Message {
            id: format!("Permintaan tidak dapat dibaca (rincian: {detail})."),
            en: format!("Malformed request ({detail})."),
        }],
    }])
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // A request the server could not decode is the client's mistake.
            ServerFnErrorErr::Args(e) | ServerFnErrorErr::MissingArg(e) => malformed(&e),
            // On the server the only thing deserialized is a request's JSON body,
            // so a body that does not parse is the client's mistake too. In the
            // browser it is an answer that did not parse: ours.
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(e) => malformed(&e),
            ServerFnErrorErr::Request(e) => AppError::Network(e),
            other => AppError::Server(other.to_string()),
        }
    }
}
