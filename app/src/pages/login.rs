//! Sign in with NIP (or NIK for PPT Non-ASN) and password.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::auth::login_id::LoginId;
use crate::components::form::{field_problems, refusal, FormError, TextField};
use crate::components::session::{use_lang, use_session};
use crate::i18n::{t, use_i18n};
use crate::me::Masuk;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let session = use_session();
    let action = ServerAction::<Masuk>::new();
    let nomor = RwSignal::new(String::new());
    let kata_sandi = RwSignal::new(String::new());
    let touched = RwSignal::new(false);

    let nomor_problems = field_problems(touched, nomor, lang, LoginId::parse);
    let server_error = refusal(action);

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
                <TextField id="nomor" name="nomor" inputmode="numeric" autocomplete="username" required=true value=nomor local=nomor_problems server=server_error lang touched>
                    {t!(i18n, f_login_id)}
                </TextField>
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
