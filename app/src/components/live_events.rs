//! Pages that follow the server's events: an `EventSource` that bumps a counter the
//! page's resources read, so each event (and, where asked, each (re)connection, which
//! the browser makes by itself) re-reads what the page shows from the server.

use leptos::prelude::*;

/// Bumps `live` at each of `events` from `url` (`"open"` is the (re)connection).
pub fn follow_server_events(
    url: &'static str,
    events: &'static [&'static str],
    live: RwSignal<u32>,
) {
    #[cfg(feature = "hydrate")]
    Effect::new(move |started: Option<()>| {
        use send_wrapper::SendWrapper;
        use wasm_bindgen::{closure::Closure, JsCast};
        if started.is_some() {
            return;
        }
        let Ok(source) = web_sys::EventSource::new(url) else {
            return;
        };
        let on_event = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            live.update(|n| *n = n.wrapping_add(1));
        });
        for event in events {
            let _ =
                source.add_event_listener_with_callback(event, on_event.as_ref().unchecked_ref());
        }
        let held = SendWrapper::new((source, on_event));
        on_cleanup(move || {
            let (source, _callback) = held.take();
            source.close();
        });
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (url, events, live);
}

/// This employee's new timeline steps. Steps taken between a list's read and the
/// stream's (re)connection would never arrive as events: the list is re-read
/// whenever the stream opens too.
pub fn follow_own_proposals(live: RwSignal<u32>) {
    follow_server_events("/api/usulan/peristiwa", &["usulan", "open"], live);
}

/// Whenever the server says this verifier's queue changed.
pub fn follow_queue(live: RwSignal<u32>) {
    follow_server_events("/api/verifikasi/peristiwa", &["antrian"], live);
}
