//! Checking a printed proof of submission: the verifier types the code from the
//! paper and is taken to the proposal it names, which says whether the code is the
//! one the system derives for it (only proposals in the verifier's scope open).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::i18n::{t, t_string, use_i18n};
use crate::proposal::proof::read_code;

#[component]
pub fn ProofCheck() -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(false);
    let navigate = use_navigate();
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match read_code(&typed.get_untracked()) {
            Some((id, code)) => {
                problem.set(false);
                navigate(&format!("/verifikasi/{id}?kode={code}"), Default::default());
            }
            None => problem.set(true),
        }
    };
    view! {
        <form class="proof-check" on:submit=check novalidate data-testid="proof-check">
            <label for="kode-bukti">
                {t!(i18n, proof_check.label)}
            </label>
            <input id="kode-bukti" name="kode" maxlength="40" placeholder=move || t_string!(i18n, proof_check.placeholder)
                aria-invalid=move || if problem.get() { "true" } else { "false" }
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev)) />
            <button type="submit" class="secondary">{t!(i18n, proof_check.submit)}</button>
            <Show when=move || problem.get()>
                <p class="form-error" role="alert" data-testid="proof-code-error">
                    {t!(i18n, proof_check.unknown)}
                </p>
            </Show>
        </form>
    }
}
