//! The request edge: how a server function is handled, for every feature.
//!
//! A server function does three things and nothing else:
//! 1. takes its caller from [`caller`] (the pool, the client's address and, where it
//!    needs one, the signed-in principal, or 401);
//! 2. calls its feature's service, which answers in the feature's own error type;
//! 3. converts that error with `?` into the one [`AppError`] of the edge (each feature
//!    has a `From` impl beside its error), inside [`answer`], which sets the HTTP
//!    status of a refusal in one place.
//!
//! ```ignore
//! #[server(prefix = "/api", endpoint = "tarik_usulan")]
//! pub async fn tarik_usulan(id: i64) -> Result<(), AppError> {
//!     edge::as_signed_in(|me| async move {
//!         Ok(service::withdraw(&me.pool, &me.principal, id, me.ip).await?)
//!     })
//!     .await
//! }
//! ```
//!
//! (`as_signed_in` is `answer` with `signed_in` first; a server function open to
//! anyone takes `caller()` inside `answer`.)
//!
//! The status of each kind of [`AppError`] is decided in `error.rs`, with its text in
//! both languages; internal details are logged where they happen and never sent.

pub mod error;

#[cfg(feature = "ssr")]
mod answer;
#[cfg(feature = "ssr")]
mod caller;
#[cfg(feature = "ssr")]
pub mod request;

#[cfg(feature = "ssr")]
pub use answer::{answer, as_signed_in, refuse};
#[cfg(feature = "ssr")]
pub use caller::{caller, current_user, signed_in, Caller, SignedIn};
pub use error::{AppError, FieldError, Message};
