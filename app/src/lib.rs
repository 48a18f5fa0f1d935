//! Mutakhir's shared application: routes, pages, components and server functions,
//! compiled into the server (feature `ssr`) and into the browser bundle (feature `hydrate`).

#[allow(deprecated)]
leptos_i18n::load_locales!();

pub mod components;
pub mod pages;
mod shell;

pub use shell::{shell, App};
