use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
            resp.set_status(axum::http::StatusCode::NOT_FOUND);
        }
    }
    let i18n = use_i18n();
    view! {
        <section class="not-found">
            <h1>{t!(i18n, not_found_title)}</h1>
            <p>
                <a href="/">{t!(i18n, back_home)}</a>
            </p>
        </section>
    }
}
