//! Mutakhir's shared application: routes, pages, components and server functions,
//! compiled into the server (feature `ssr`) and into the browser bundle (feature `hydrate`).

mod locales;
pub use locales::i18n;

pub mod admin;
#[cfg(feature = "ssr")]
pub mod audit;
pub mod auth;
pub mod components;
pub mod contact;
pub mod contact_types;
pub mod document;
pub mod domain;
pub mod edge;
pub mod json_paths;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod me;
pub mod notification;
pub mod pages;
pub mod profile;
pub mod proposal;
pub mod registration;
pub mod selfservice;
mod shell;
pub mod verification;

pub use shell::{shell, App};
