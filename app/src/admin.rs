//! What admins do within their scope: fix an employee's registered email and
//! mobile number (the answer to "my token never came"), appoint verifiers.

pub mod api;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
