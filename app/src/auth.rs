//! Accounts: who the user is (activation, password, sessions) and what they may
//! do (roles scoped to the organisation tree). The rules are pure and shared with
//! the browser; the flows that touch the database and mail are server-only.

pub mod access;
pub mod api;
pub mod login_id;
pub mod password_policy;

#[cfg(feature = "ssr")]
pub mod captcha;
#[cfg(feature = "ssr")]
pub mod hashing;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod problem;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod settings;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod token;
