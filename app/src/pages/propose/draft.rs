//! The form's values kept while the employee types: on the device (`localStorage`,
//! which works offline) and on the server (which survives another device or a lost
//! phone), and sending again when the browser is back online. Browser-only; on the
//! server these do nothing.

use leptos::prelude::*;

use crate::domain::reference::Riwayat;
use crate::proposal::draft::Draft;
use crate::proposal::form::FormField;

/// How long typing pauses before the draft goes to the server.
#[cfg(feature = "hydrate")]
const SETTLE: std::time::Duration = std::time::Duration::from_millis(800);

/// Where one form's draft lives.
#[derive(Clone, Copy)]
pub struct DraftSync {
    /// The device's key: per history and record.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    key: StoredValue<String>,
    riwayat: Riwayat,
    record: Option<i64>,
    /// Bumped by every change: a pending save of older values is dropped.
    generation: StoredValue<u64>,
    /// A save is on its way: the next one waits for it, so saves arrive in order.
    in_flight: StoredValue<bool>,
    /// What to send once the save on its way is back, or once the browser is online.
    queued: StoredValue<Option<Option<Draft>>>,
}

impl DraftSync {
    pub fn new(riwayat: Riwayat, record: Option<i64>) -> Self {
        Self {
            key: StoredValue::new(format!(
                "mutakhir.draf.{}.{}",
                riwayat.code(),
                record.map_or("satu".to_owned(), |id| id.to_string())
            )),
            riwayat,
            record,
            generation: StoredValue::new(0),
            in_flight: StoredValue::new(false),
            queued: StoredValue::new(None),
        }
    }

    /// Restores the later of the device's and the server's copy into the form once it
    /// has hydrated, then keeps every change: on the device at once, on the server
    /// when typing settles. A form back at the current record keeps nothing.
    pub fn follow(
        self,
        from_server: Option<Draft>,
        fields: &[FormField],
        inputs: &[RwSignal<String>],
        adding: RwSignal<bool>,
    ) {
        #[cfg(feature = "hydrate")]
        {
            let pairs: Vec<(FormField, RwSignal<String>)> =
                fields.iter().cloned().zip(inputs.iter().copied()).collect();
            let from_server = StoredValue::new(from_server);
            Effect::new(move |before: Option<(Vec<(String, String)>, bool)>| {
                if before.is_none() {
                    self.restore(from_server.get_value(), &pairs, adding);
                }
                let values: Vec<(String, String)> = pairs
                    .iter()
                    .map(|(f, input)| (f.path.clone(), input.get()))
                    .collect();
                let now = (values, adding.get());
                // The first run only restores; a rerun with the same values (a
                // restored draft settling) is not a change either.
                if before.as_ref().is_none_or(|b| *b == now) {
                    return now;
                }
                let untouched = !now.1
                    && pairs
                        .iter()
                        .zip(&now.0)
                        .all(|((f, _), (_, text))| text.trim() == f.current);
                let draft = (!untouched).then(|| Draft {
                    values: now.0.clone(),
                    adding: now.1,
                    saved_at: js_sys::Date::now() as i64,
                });
                self.keep_locally(draft.as_ref());
                self.send_when_settled(draft);
                now
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (from_server, fields, inputs, adding);
    }

    /// Puts the later of the device's and the server's copy into the form; a copy
    /// the server has not heard of goes to it now (typed offline, or the page closed
    /// too soon), and one forgotten since (sent, maybe from another device) goes here.
    #[cfg(feature = "hydrate")]
    fn restore(
        self,
        from_server: Option<Draft>,
        pairs: &[(FormField, RwSignal<String>)],
        adding: RwSignal<bool>,
    ) {
        let server_at = from_server.as_ref().map(|d| d.saved_at);
        let Some(draft) = Draft::newer(self.local(), from_server) else {
            return;
        };
        if draft.is_empty() {
            self.keep_locally(None);
            return;
        }
        if server_at.is_none_or(|at| draft.saved_at > at) {
            self.send(Some(draft.clone()));
        }
        for (path, text) in draft.values {
            if let Some((_, input)) = pairs.iter().find(|(f, _)| f.path == path) {
                input.set(text);
            }
        }
        adding.set(draft.adding);
    }

    /// Forgets the draft (it was sent): here, and any save still waiting to go. The
    /// server forgot it with the proposal, and refuses a save typed before that.
    pub fn forget(self) {
        self.generation.update_value(|g| *g += 1);
        self.queued.set_value(None);
        #[cfg(feature = "hydrate")]
        self.keep_locally(None);
    }

    /// Sends what waits to be sent (the browser is back online).
    pub fn resend(self) {
        if !self.in_flight.get_value() {
            if let Some(draft) = self.queued.try_update_value(Option::take).flatten() {
                self.send(draft);
            }
        }
    }

    #[cfg(feature = "hydrate")]
    fn local(self) -> Option<Draft> {
        let text = storage().and_then(|s| self.key.with_value(|k| s.get_item(k).ok().flatten()))?;
        serde_json::from_str(&text).ok()
    }

    #[cfg(feature = "hydrate")]
    fn keep_locally(self, draft: Option<&Draft>) {
        let Some(storage) = storage() else {
            return;
        };
        self.key.with_value(
            |k| match draft.and_then(|d| serde_json::to_string(d).ok()) {
                Some(text) => {
                    let _ = storage.set_item(k, &text);
                }
                None => {
                    let _ = storage.remove_item(k);
                }
            },
        );
    }

    #[cfg(feature = "hydrate")]
    fn send_when_settled(self, draft: Option<Draft>) {
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        set_timeout(
            move || {
                if self.generation.get_value() == generation {
                    self.send(draft);
                }
            },
            SETTLE,
        );
    }

    fn send(self, draft: Option<Draft>) {
        if self.in_flight.get_value() {
            self.queued.set_value(Some(draft));
            return;
        }
        self.in_flight.set_value(true);
        let save = crate::proposal::draft::DraftSave {
            riwayat: self.riwayat,
            record: self.record,
            draft: draft.clone(),
        };
        leptos::task::spawn_local(async move {
            let result = crate::proposal::api::simpan_draf(save).await;
            self.in_flight.set_value(false);
            if matches!(result, Err(crate::edge::error::AppError::Network(_))) {
                // Offline: kept on the device, sent when the browser is back, unless
                // something newer is waiting already.
                self.queued.update_value(|q| {
                    q.get_or_insert(draft);
                });
            } else {
                self.resend();
            }
        });
    }
}

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Runs `again` each time the browser comes back online, while the page is open.
pub fn when_online(again: impl Fn() + Copy + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use send_wrapper::SendWrapper;
        use wasm_bindgen::{closure::Closure, JsCast};
        let Some(window) = web_sys::window() else {
            return;
        };
        let callback = Closure::<dyn Fn()>::new(again);
        let _ =
            window.add_event_listener_with_callback("online", callback.as_ref().unchecked_ref());
        let held = SendWrapper::new(callback);
        on_cleanup(move || {
            let callback = held.take();
            if let Some(window) = web_sys::window() {
                let _ = window.remove_event_listener_with_callback(
                    "online",
                    callback.as_ref().unchecked_ref(),
                );
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = again;
}
