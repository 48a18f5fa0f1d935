//! The form's values kept on the device (`localStorage`), and sending again when the
//! browser is back online. Browser-only; on the server these do nothing.

use leptos::prelude::*;

use crate::proposal::form::FormField;

#[cfg(feature = "hydrate")]
#[derive(serde::Serialize, serde::Deserialize)]
struct Saved {
    values: Vec<(String, String)>,
    adding: bool,
}

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Puts a kept draft's values back into the form, once it has hydrated.
pub fn restore(
    key: StoredValue<String>,
    fields: &[FormField],
    inputs: &[RwSignal<String>],
    adding: RwSignal<bool>,
) {
    #[cfg(feature = "hydrate")]
    {
        let pairs: Vec<(String, RwSignal<String>)> = fields
            .iter()
            .map(|f| f.path.clone())
            .zip(inputs.iter().copied())
            .collect();
        Effect::new(move |done: Option<()>| {
            if done.is_some() {
                return;
            }
            let saved = storage()
                .and_then(|s| key.with_value(|k| s.get_item(k).ok().flatten()))
                .and_then(|text| serde_json::from_str::<Saved>(&text).ok());
            if let Some(saved) = saved {
                for (path, text) in saved.values {
                    if let Some((_, input)) = pairs.iter().find(|(p, _)| *p == path) {
                        input.set(text);
                    }
                }
                adding.set(saved.adding);
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (key, fields, inputs, adding);
}

/// Saves the form's values whenever they change; a form back at the current record
/// keeps nothing.
pub fn keep(
    key: StoredValue<String>,
    fields: &[FormField],
    inputs: &[RwSignal<String>],
    adding: RwSignal<bool>,
) {
    #[cfg(feature = "hydrate")]
    {
        let pairs: Vec<(FormField, RwSignal<String>)> =
            fields.iter().cloned().zip(inputs.iter().copied()).collect();
        Effect::new(move |_| {
            let values: Vec<(String, String)> = pairs
                .iter()
                .map(|(f, input)| (f.path.clone(), input.get()))
                .collect();
            let adding = adding.get();
            let untouched = !adding
                && pairs
                    .iter()
                    .zip(&values)
                    .all(|((f, _), (_, text))| text.trim() == f.current);
            let Some(storage) = storage() else {
                return;
            };
            key.with_value(|k| {
                if untouched {
                    let _ = storage.remove_item(k);
                } else if let Ok(text) = serde_json::to_string(&Saved { values, adding }) {
                    let _ = storage.set_item(k, &text);
                }
            });
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (key, fields, inputs, adding);
}

/// Forgets the draft (it was sent).
pub fn forget(key: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = key;
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
