//! Verification (*verifikasi*): verifiers of each level work through the proposals
//! waiting in their scope, claim one, and approve, return or reject it; the last
//! approval writes the master record. The lifecycle itself is
//! `proposal::lifecycle`; the approval chains are `proposal::authority`.

pub mod api;
#[cfg(feature = "ssr")]
pub mod master;
pub mod queue;
#[cfg(feature = "ssr")]
pub mod refusal;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
