//! Employee self-service: confirming that what is on record is right (and, to
//! come, proposing corrections). The rules are pure and shared with the browser.

pub mod api;
pub mod confirmation;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
