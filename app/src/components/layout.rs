use leptos::prelude::*;

use crate::components::language_switch::LanguageSwitch;
use crate::i18n::{t, use_i18n};

/// Page chrome shared by every route: header with the product name and the
/// language switch, the main content, and a footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="topbar">
            <a class="brand" href="/">
                <img src="/icons/icon-192.png" alt="" width="32" height="32" />
                <span class="brand-name">"Mutakhir"</span>
            </a>
            <LanguageSwitch />
        </header>
        <main id="main" class="content">
            {children()}
        </main>
        <footer class="footer">
            <p>{t!(i18n, footer_note)}</p>
        </footer>
    }
}
