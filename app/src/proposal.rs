//! Proposals (*usul pemutakhiran*): the employee's proposed correction of one record,
//! its supporting document, its way through the approval chain, and the period in
//! which proposals are accepted. The rules are pure and shared with the browser.

pub mod api;
pub mod authority;
pub mod change;
pub mod draft;
pub mod form;
pub mod labels;
pub mod lifecycle;
pub mod period;
pub mod proof;
#[cfg(feature = "ssr")]
pub mod refusal;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
pub mod submission;
