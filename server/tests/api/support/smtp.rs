//! A real SMTP listener on loopback: enough of RFC 5321 for lettre to deliver,
//! keeping each message's raw text so tests can read what a user would receive.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use server::config::MailConfig;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Clone, Debug)]
pub struct Received {
    pub rcpt: Vec<String>,
    pub raw: String,
}

impl Received {
    /// The decoded plain-text body, whatever transfer encoding lettre chose.
    pub fn body(&self) -> String {
        mailparse::parse_mail(self.raw.as_bytes())
            .expect("a parseable message")
            .get_body()
            .expect("a decodable body")
    }

    pub fn subject(&self) -> String {
        use mailparse::MailHeaderMap;
        mailparse::parse_mail(self.raw.as_bytes())
            .expect("a parseable message")
            .headers
            .get_first_value("Subject")
            .unwrap_or_default()
    }

    /// The token from the link in the body.
    pub fn token(&self) -> String {
        let body = self.body();
        let start = body.find("token=").expect("a token link") + "token=".len();
        body[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    }
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    messages: Arc<Mutex<Vec<Received>>>,
    /// When set, every RCPT is refused with 550, as a broken relay would.
    refuse: Arc<Mutex<bool>>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let sink = Self {
            port: listener.local_addr().unwrap().port(),
            messages: Arc::default(),
            refuse: Arc::default(),
        };
        let accept = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let sink = accept.clone();
                tokio::spawn(async move {
                    let _ = sink.session(stream).await;
                });
            }
        });
        sink
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The application's mail settings for sending here.
    pub fn mail_config(&self) -> MailConfig {
        MailConfig::Smtp {
            url: self.url(),
            from: "Mutakhir <no-reply@mutakhir.test>".into(),
        }
    }

    pub fn refuse_recipients(&self, refuse: bool) {
        *self.refuse.lock().unwrap() = refuse;
    }

    pub fn messages(&self) -> Vec<Received> {
        self.messages.lock().unwrap().clone()
    }

    /// Waits (up to 5 s) until at least `n` messages have arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            let messages = self.messages();
            if messages.len() >= n {
                return messages;
            }
            if tokio::time::Instant::now() > deadline {
                panic!("expected {n} messages, got {}", messages.len());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    async fn session(&self, stream: tokio::net::TcpStream) -> std::io::Result<()> {
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read);
        write.write_all(b"220 sink.test ESMTP\r\n").await?;
        let mut rcpt = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let command = line.trim_end().to_ascii_uppercase();
            if command.starts_with("EHLO") || command.starts_with("HELO") {
                write
                    .write_all(b"250-sink.test\r\n250 8BITMIME\r\n")
                    .await?;
            } else if command.starts_with("MAIL FROM") {
                rcpt.clear();
                write.write_all(b"250 OK\r\n").await?;
            } else if command.starts_with("RCPT TO") {
                if *self.refuse.lock().unwrap() {
                    write.write_all(b"550 mailbox unavailable\r\n").await?;
                } else {
                    rcpt.push(
                        line.trim_end()[8..]
                            .trim()
                            .trim_matches(['<', '>'])
                            .to_owned(),
                    );
                    write.write_all(b"250 OK\r\n").await?;
                }
            } else if command == "DATA" {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let mut raw = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    // Undo dot-stuffing.
                    raw.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                self.messages.lock().unwrap().push(Received {
                    rcpt: std::mem::take(&mut rcpt),
                    raw,
                });
                write.write_all(b"250 queued\r\n").await?;
            } else if command == "QUIT" {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            } else if command == "RSET" || command == "NOOP" {
                write.write_all(b"250 OK\r\n").await?;
            } else {
                write.write_all(b"502 not implemented\r\n").await?;
            }
        }
    }
}
