//! Choose a password with the emailed token (`/kata-sandi?token=…`). The rules
//! are checked as the user types, with the same policy the server enforces.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::auth::api::SetelKataSandi;
use crate::components::form::{password_problems, repeat_problems, FieldErrors, FormError};
use crate::components::session::lang_of;
use crate::i18n::{t, use_i18n};

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = Signal::derive(move || lang_of(i18n));
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<SetelKataSandi>::new();
    let kata_sandi = RwSignal::new(String::new());
    let ulangi = RwSignal::new(String::new());
    let touched = RwSignal::new(false);

    // The NIP is not known here; the server also refuses a password containing it.
    let problems = password_problems(touched, kata_sandi, Signal::derive(String::new), lang);
    let repeat_problems = repeat_problems(touched, kata_sandi, ulangi);
    let server_error = Signal::derive(move || action.value().get().and_then(Result::err));
    let saved = move || matches!(action.value().get(), Some(Ok(())));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        if problems.get_untracked().is_empty() && repeat_problems.get_untracked().is_empty() {
            action.dispatch(SetelKataSandi {
                token: token(),
                kata_sandi: kata_sandi.get_untracked(),
                ulangi: ulangi.get_untracked(),
            });
        }
    };

    view! {
        <section class="auth" data-testid="set-password-page">
            <h1>{t!(i18n, set_password_title)}</h1>
            <Show
                when=move || !saved()
                fallback=move || {
                    view! {
                        <div class="notice success" role="status" data-testid="password-saved">
                            <p>{t!(i18n, password_saved)}</p>
                            <p><a href="/masuk">{t!(i18n, login_title)}</a></p>
                        </div>
                    }
                }
            >
                <Show when=move || token().is_empty()>
                    <p class="form-error" role="alert">{t!(i18n, token_missing)}</p>
                </Show>
                <form method="post" action="/api/setel_kata_sandi" on:submit=submit novalidate>
                    <input type="hidden" name="token" value=token />
                    <label for="kata_sandi">{t!(i18n, f_password_new)}</label>
                    <input
                        id="kata_sandi"
                        name="kata_sandi"
                        type="password"
                        autocomplete="new-password"
                        required
                        aria-describedby="kata-sandi-errors"
                        bind:value=kata_sandi
                    />
                    <FieldErrors id="kata-sandi-errors" local=problems server=server_error field="kata_sandi" lang />
                    <label for="ulangi">{t!(i18n, f_password_repeat)}</label>
                    <input
                        id="ulangi"
                        name="ulangi"
                        type="password"
                        autocomplete="new-password"
                        required
                        aria-describedby="ulangi-errors"
                        bind:value=ulangi
                    />
                    <FieldErrors id="ulangi-errors" local=repeat_problems server=server_error field="ulangi" lang />
                    <FormError error=server_error lang />
                    <button type="submit" disabled=move || action.pending().get()>
                        {t!(i18n, save_password)}
                    </button>
                </form>
            </Show>
        </section>
    }
}
