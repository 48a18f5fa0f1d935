//! Contact reconciliation before activation: the employee states an active email
//! and mobile number for their agency (behind a captcha), confirms the email by
//! link, and the agency's admin approves it into the record.

pub mod api;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
