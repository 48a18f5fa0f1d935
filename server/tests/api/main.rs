//! The server's integration tests, in one binary so the server is linked once: each
//! module was a test binary of its own. They run against real PostgreSQL, one
//! database per `#[sqlx::test]`, and most over real HTTP.

mod support;

mod accounts;
mod admin;
mod authorization;
mod confirmation;
mod documents;
mod history_tables;
mod live_events;
mod malformed;
mod page_text;
mod profile;
mod proposals;
mod reconciliation;
mod registration;
mod skeleton;
mod verification;
