//! The Mutakhir HTTP server: configuration, database, routes and middleware.
//! `main.rs` only wires these together, so integration tests can start the
//! same application on a random port.

pub mod assets;
pub mod client_address;
pub mod client_errors;
pub mod config;
pub mod db;
pub mod documents;
pub mod events;
pub mod headers;
pub mod health;
pub mod language;
pub mod mail;
pub mod notifications;
pub mod rate_limit;
pub mod security;
pub mod sessions;
pub mod shutdown;
pub mod signed_in;
pub mod startup;
pub mod telemetry;
