//! Email transports for the account flows: SMTP through lettre, or, in
//! development, an in-memory mailbox readable at `/dev/surat`.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::mail::{MailError, MailFuture, Mailer, OutgoingMail, SharedMailer};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::StatusCode,
    response::{Html, IntoResponse, Response},
    routing::get,
    Router,
};
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::MailConfig;

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn new(url: &str, from: &str) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
            .timeout(Some(Duration::from_secs(10)))
            .build();
        Ok(Self {
            transport,
            from: from.parse()?,
        })
    }
}

fn message(from: &Mailbox, mail: &OutgoingMail) -> Result<Message, MailError> {
    let to = Mailbox::new(
        Some(mail.to_name.clone()),
        mail.to
            .parse()
            .map_err(|e| MailError(format!("recipient: {e}")))?,
    );
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|e| MailError(e.to_string()))
}

impl Mailer for SmtpMailer {
    fn send(&self, mail: OutgoingMail) -> MailFuture<'_> {
        Box::pin(async move {
            let message = message(&self.from, &mail)?;
            self.transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError(e.to_string()))
        })
    }
}

/// Keeps the newest messages in memory for developers to read. Never used
/// unless `MUTAKHIR_DEV_MAILBOX=true` and no SMTP server is configured.
#[derive(Clone, Default)]
pub struct DevMailbox {
    messages: Arc<Mutex<VecDeque<OutgoingMail>>>,
}

const DEV_MAILBOX_SIZE: usize = 200;

impl DevMailbox {
    pub fn messages(&self) -> Vec<OutgoingMail> {
        self.messages
            .lock()
            .expect("mailbox lock")
            .iter()
            .cloned()
            .collect()
    }
}

impl Mailer for DevMailbox {
    fn send(&self, mail: OutgoingMail) -> MailFuture<'_> {
        Box::pin(async move {
            tracing::info!(to = %mail.to, subject = %mail.subject, "development mailbox: message kept at /dev/surat");
            let mut messages = self.messages.lock().expect("mailbox lock");
            if messages.len() == DEV_MAILBOX_SIZE {
                messages.pop_back();
            }
            messages.push_front(mail);
            Ok(())
        })
    }
}

/// The transport the configuration asks for, and the development mailbox if
/// that is it (its page is mounted only then).
pub fn from_config(config: &MailConfig) -> anyhow::Result<(SharedMailer, Option<DevMailbox>)> {
    Ok(match config {
        MailConfig::Smtp { url, from } => (Arc::new(SmtpMailer::new(url, from)?), None),
        MailConfig::DevMailbox { .. } => {
            tracing::warn!(
                "no MUTAKHIR_SMTP_URL: emails go to the development mailbox at /dev/surat"
            );
            let mailbox = DevMailbox::default();
            (Arc::new(mailbox.clone()), Some(mailbox))
        }
    })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Turns the links in a plain-text body into anchors, after escaping.
fn linkify(body: &str) -> String {
    body.split('\n')
        .map(|line| {
            let escaped = escape(line);
            if line.starts_with("http://") || line.starts_with("https://") {
                format!("<a href=\"{escaped}\">{escaped}</a>")
            } else {
                escaped
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Only for a browser on this machine: the page shows every token, so a request
/// from any other address is told there is nothing here.
async fn page(State(mailbox): State<DevMailbox>, request: Request) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    match peer {
        Some(ip) if ip.is_loopback() => listing(&mailbox).into_response(),
        _ => {
            tracing::warn!(?peer, "development mailbox asked from off this machine");
            StatusCode::NOT_FOUND.into_response()
        }
    }
}

fn listing(mailbox: &DevMailbox) -> Html<String> {
    let items: String = mailbox
        .messages()
        .iter()
        .map(|m| {
            format!(
                "<article class=\"surat\"><h2>{}</h2><p>Kepada / To: <span class=\"to\">{}</span></p><pre>{}</pre></article>",
                escape(&m.subject),
                escape(&m.to),
                linkify(&m.body)
            )
        })
        .collect();
    let empty = if items.is_empty() {
        "<p>Belum ada surat. / No messages yet.</p>"
    } else {
        ""
    };
    Html(format!(
        "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Kotak surat pengembangan</title></head><body>\
         <h1>Kotak surat pengembangan / Development mailbox</h1>\
         <p>Hanya untuk pengembangan: email tidak benar-benar dikirim. / Development only: nothing is really sent.</p>\
         {empty}{items}</body></html>"
    ))
}

pub fn dev_routes<S>(mailbox: DevMailbox) -> Router<S> {
    Router::new()
        .route("/dev/surat", get(page))
        .with_state(mailbox)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_escaped_and_links_clickable() {
        let html = linkify("Yth. <b>Rina</b>,\nhttp://127.0.0.1:3000/kata-sandi?token=a&b\n");
        assert!(html.contains("&lt;b&gt;Rina&lt;/b&gt;"));
        assert!(html.contains("<a href=\"http://127.0.0.1:3000/kata-sandi?token=a&amp;b\">"));
    }

    /// The page shows every token: only a browser on this machine may read it.
    #[tokio::test]
    async fn the_mailbox_answers_only_on_this_machine() {
        use tower::ServiceExt;
        let status_from = |peer: Option<[u8; 4]>| async move {
            let mut request = Request::get("/dev/surat")
                .body(axum::body::Body::empty())
                .unwrap();
            if let Some(ip) = peer {
                request
                    .extensions_mut()
                    .insert(ConnectInfo(SocketAddr::from((ip, 40_000))));
            }
            dev_routes(DevMailbox::default())
                .oneshot(request)
                .await
                .unwrap()
                .status()
        };
        assert_eq!(status_from(Some([127, 0, 0, 1])).await, StatusCode::OK);
        assert_eq!(
            status_from(Some([10, 1, 2, 3])).await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            status_from(Some([192, 168, 0, 9])).await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(status_from(None).await, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn the_mailbox_keeps_the_newest_first_and_is_bounded() {
        let mailbox = DevMailbox::default();
        for i in 0..(DEV_MAILBOX_SIZE + 5) {
            mailbox
                .send(OutgoingMail {
                    to: format!("u{i}@example.go.id"),
                    to_name: "U".into(),
                    subject: "S".into(),
                    body: "B".into(),
                })
                .await
                .unwrap();
        }
        let messages = mailbox.messages();
        assert_eq!(messages.len(), DEV_MAILBOX_SIZE);
        assert_eq!(
            messages[0].to,
            format!("u{}@example.go.id", DEV_MAILBOX_SIZE + 4)
        );
    }
}
