//! Choose a password with the emailed token (`/kata-sandi?token=…`). The rules
//! are checked as the user types, with the same policy the server enforces.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::auth::api::SetelKataSandi;
use crate::components::form::{refusal, FormError, NewPassword, NewPasswordFields};
use crate::components::session::use_lang;
use crate::i18n::{t, use_i18n};

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<SetelKataSandi>::new();
    let touched = RwSignal::new(false);
    // The NIP is not known here; the server also refuses a password containing it.
    let new = NewPassword::new(touched, Signal::derive(String::new), lang);
    let server_error = refusal(action);
    let saved = move || matches!(action.value().get(), Some(Ok(())));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        if new.acceptable() {
            action.dispatch(SetelKataSandi {
                token: token(),
                kata_sandi: new.password.get_untracked(),
                ulangi: new.repeat.get_untracked(),
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
                    <NewPasswordFields new server=server_error lang />
                    <FormError error=server_error lang />
                    <button type="submit" disabled=move || action.pending().get()>
                        {t!(i18n, save_password)}
                    </button>
                </form>
            </Show>
        </section>
    }
}
