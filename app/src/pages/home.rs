use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="hero">
            <h1>{t!(i18n, home_title)}</h1>
            <p class="lead">{t!(i18n, home_lead)}</p>
        </section>
        <section class="steps" aria-labelledby="steps-title">
            <h2 id="steps-title">{t!(i18n, steps_title)}</h2>
            <ol>
                <li>{t!(i18n, step_activate)}</li>
                <li>{t!(i18n, step_review)}</li>
                <li>{t!(i18n, step_propose)}</li>
                <li>{t!(i18n, step_track)}</li>
            </ol>
        </section>
    }
}
