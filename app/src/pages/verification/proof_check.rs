//! Checking a printed proof of submission: the verifier types the code from the
//! paper and is taken to the proposal it names, which says whether the code is the
//! one the system derives for it (only proposals in the verifier's scope open).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::localized::Lang;
use crate::proposal::proof::read_code;

#[component]
pub fn ProofCheck(lang: Signal<Lang>) -> impl IntoView {
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
                {move || lang.get().pick("Periksa bukti pengajuan (kode verifikasi)", "Check a proof of submission (verification code)")}
            </label>
            <input id="kode-bukti" name="kode" maxlength="40" placeholder="U123-ABCD-EFGH"
                aria-invalid=move || if problem.get() { "true" } else { "false" }
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev)) />
            <button type="submit" class="secondary">{move || lang.get().pick("Periksa", "Check")}</button>
            <Show when=move || problem.get()>
                <p class="form-error" role="alert" data-testid="proof-code-error">
                    {move || lang.get().pick(
                        "Kode tidak dikenali. Kode tertulis pada bukti pengajuan, misalnya U123-ABCD-EFGH.",
                        "Code not recognised. It is printed on the proof of submission, e.g. U123-ABCD-EFGH.",
                    )}
                </p>
            </Show>
        </form>
    }
}
