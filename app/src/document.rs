//! Supporting documents: what a file really is (shared with the browser, which checks
//! before it uploads) and, on the server, who uploaded which file.

pub mod kind;
#[cfg(feature = "ssr")]
pub mod store;
