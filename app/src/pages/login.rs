//! Sign in with NIP (or NIK for PPT Non-ASN) and password.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::auth::login_id::LoginId;
use crate::components::form::{field_problems, FieldErrors, FormError};
use crate::components::session::{lang_of, use_session};
use crate::i18n::{t, use_i18n};
use crate::me::Masuk;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = Signal::derive(move || lang_of(i18n));
    let session = use_session();
    let action = ServerAction::<Masuk>::new();
    let nomor = RwSignal::new(String::new());
    let kata_sandi = RwSignal::new(String::new());
    let touched = RwSignal::new(false);

    let nomor_problems = field_problems(touched, nomor, lang, LoginId::parse);
    let server_error = Signal::derive(move || action.value().get().and_then(Result::err));

    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(me)) = action.value().get() {
            session.me.refetch();
            let to = me
                .nomor_induk
                .map(|n| format!("/profil/{n}"))
                .unwrap_or_else(|| "/akun".to_owned());
            navigate(&to, Default::default());
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        if LoginId::parse(&nomor.get_untracked()).is_ok() && !kata_sandi.get_untracked().is_empty()
        {
            action.dispatch(Masuk {
                nomor: nomor.get_untracked(),
                kata_sandi: kata_sandi.get_untracked(),
            });
        }
    };

    view! {
        <section class="auth" data-testid="login-page">
            <h1>{t!(i18n, login_title)}</h1>
            <form method="post" action="/api/masuk" on:submit=submit novalidate>
                <label for="nomor">{t!(i18n, f_login_id)}</label>
                <input
                    id="nomor"
                    name="nomor"
                    inputmode="numeric"
                    autocomplete="username"
                    required
                    aria-describedby="nomor-errors"
                    bind:value=nomor
                    on:blur=move |_| touched.set(true)
                />
                <FieldErrors id="nomor-errors" local=nomor_problems server=server_error field="nomor" lang />
                <label for="kata_sandi">{t!(i18n, f_password)}</label>
                <input
                    id="kata_sandi"
                    name="kata_sandi"
                    type="password"
                    autocomplete="current-password"
                    required
                    bind:value=kata_sandi
                />
                <FormError error=server_error lang />
                <button type="submit" disabled=move || action.pending().get()>
                    {t!(i18n, login_submit)}
                </button>
            </form>
            <p class="auth-links">
                <a href="/aktivasi">{t!(i18n, link_activate)}</a>
                " · "
                <a href="/lupa-kata-sandi">{t!(i18n, link_forgot)}</a>
            </p>
        </section>
    }
}
