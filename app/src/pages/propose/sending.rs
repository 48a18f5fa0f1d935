//! Sending a proposal: its state as one type, and the attempt that uploads the
//! document and submits (or resubmits) the record.

use leptos::prelude::*;

use crate::domain::reference::JenisDokumen;
use crate::edge::error::AppError;
use crate::proposal::api::{ajukan_ulang_usulan, ajukan_usulan};
use crate::proposal::change::{ProposedRecord, Target};
use crate::proposal::submission::{IdempotencyKey, Resubmission, Submission};

/// Where sending stands; the page shows exactly one of these.
#[derive(Clone, Debug, PartialEq)]
pub enum Sending {
    /// Nothing sent yet (or the employee is still correcting).
    Idle,
    /// Uploading the document or sending the proposal: the button waits.
    InFlight,
    Sent(i64),
    /// No connection: the proposal waits on this page and goes when it is back.
    Offline,
    Failed(AppError),
}

impl Sending {
    pub fn in_flight(&self) -> bool {
        matches!(self, Sending::InFlight)
    }

    pub fn failure(&self) -> Option<&AppError> {
        match self {
            Sending::Failed(e) => Some(e),
            _ => None,
        }
    }

    /// What an attempt's answer means for the page: a lost connection keeps the
    /// proposal for later, anything else is final.
    fn after(result: Result<i64, AppError>) -> Self {
        match result {
            Ok(id) => Sending::Sent(id),
            Err(AppError::Network(_)) => Sending::Offline,
            Err(e) => Sending::Failed(e),
        }
    }
}

/// What one send carries besides the document.
pub struct Payload {
    pub target: Target,
    pub record: ProposedRecord,
    pub jenis: JenisDokumen,
    /// The returned proposal this corrects, if any.
    pub returned: Option<i64>,
}

/// One key per attempt to send these values: a retry after a lost answer repeats it
/// (and finds the proposal the first attempt made, with the document it uploaded);
/// a refusal or other values start afresh.
#[derive(Clone, Copy)]
pub struct Attempt {
    key: StoredValue<Option<String>>,
    uploaded: StoredValue<Option<i64>>,
}

impl Attempt {
    pub fn new() -> Self {
        Attempt {
            key: StoredValue::new(None),
            uploaded: StoredValue::new(None),
        }
    }

    /// Other values, another document: the next send is another submission.
    pub fn reset(self) {
        self.key.set_value(None);
        self.uploaded.set_value(None);
    }

    /// Sends, and answers the state the page moves to. The key and the uploaded
    /// document are kept only when the connection was lost, for the retry.
    pub async fn send(self, file: web_sys::File, payload: Payload) -> Sending {
        let raw_key = self.key.with_value(|k| k.clone()).unwrap_or_else(new_key);
        let Ok(kunci) = IdempotencyKey::parse(&raw_key) else {
            return Sending::Failed(AppError::Server("key".into()));
        };
        self.key.set_value(Some(raw_key));
        let result = self.submit(kunci, file, payload).await;
        if !matches!(result, Err(AppError::Network(_))) {
            self.reset();
        }
        Sending::after(result)
    }

    async fn submit(
        self,
        kunci: IdempotencyKey,
        file: web_sys::File,
        p: Payload,
    ) -> Result<i64, AppError> {
        // A retry reuses the document its first attempt uploaded: the server
        // recognises a retry by its key and the same document.
        let dokumen_id = match self.uploaded.get_value() {
            Some(id) => id,
            None => {
                let id = upload(file).await?;
                self.uploaded.set_value(Some(id));
                id
            }
        };
        match p.returned {
            Some(id) => ajukan_ulang_usulan(Resubmission {
                id,
                record: p.record,
                dokumen_id,
                jenis_dokumen: p.jenis,
            })
            .await
            .map(|()| id),
            None => {
                ajukan_usulan(Submission {
                    kunci,
                    target: p.target,
                    record: p.record,
                    dokumen_id,
                    jenis_dokumen: p.jenis,
                })
                .await
            }
        }
    }
}

/// A fresh idempotency key (a version 4 UUID) from the browser's random source.
/// `crypto.randomUUID` would do, but only on HTTPS or localhost; intranets on
/// plain HTTP have `getRandomValues` as well.
fn new_key() -> String {
    #[cfg(feature = "hydrate")]
    {
        let mut b = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .is_some_and(|c| c.get_random_values_with_u8_array(&mut b).is_ok());
        if !filled {
            return String::new();
        }
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        )
    }
    #[cfg(not(feature = "hydrate"))]
    String::new()
}

/// Uploads the document; answers its id.
#[cfg(feature = "hydrate")]
async fn upload(file: web_sys::File) -> Result<i64, AppError> {
    #[derive(serde::Deserialize)]
    struct Uploaded {
        id: i64,
    }
    let network = |e: gloo_net::Error| AppError::Network(e.to_string());
    let body = web_sys::FormData::new().map_err(|_| AppError::Network("form".into()))?;
    body.append_with_blob_and_filename("berkas", &file, &file.name())
        .map_err(|_| AppError::Network("form".into()))?;
    let response = gloo_net::http::Request::post("/api/dokumen")
        .body(body)
        .map_err(network)?
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(response
            .json::<AppError>()
            .await
            .unwrap_or_else(|_| AppError::Server(response.status().to_string())));
    }
    let uploaded: Uploaded = response.json().await.map_err(network)?;
    Ok(uploaded.id)
}

#[cfg(not(feature = "hydrate"))]
async fn upload(_file: web_sys::File) -> Result<i64, AppError> {
    Err(AppError::Network("not in a browser".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_connection_waits_and_anything_else_is_final() {
        assert_eq!(Sending::after(Ok(7)), Sending::Sent(7));
        assert_eq!(
            Sending::after(Err(AppError::Network("down".into()))),
            Sending::Offline
        );
        let refused = AppError::Forbidden;
        assert_eq!(
            Sending::after(Err(refused.clone())),
            Sending::Failed(refused.clone())
        );
        assert_eq!(Sending::Failed(refused.clone()).failure(), Some(&refused));
        assert!(Sending::InFlight.in_flight());
        assert!(!Sending::Offline.in_flight());
    }
}
