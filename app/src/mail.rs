//! Outgoing email as every feature sees it: a message and a mailer to hand it to.
//! The server supplies the transport (SMTP through lettre, or the development
//! mailbox), so `app` stays free of it; each feature writes its own mails.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub to_name: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
#[error("could not send mail: {0}")]
pub struct MailError(pub String);

pub type MailFuture<'a> = Pin<Box<dyn Future<Output = Result<(), MailError>> + Send + 'a>>;

pub trait Mailer: Send + Sync + 'static {
    fn send(&self, mail: OutgoingMail) -> MailFuture<'_>;
}

/// The context value server functions look up.
pub type SharedMailer = Arc<dyn Mailer>;
