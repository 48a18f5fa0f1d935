//! Ask for an activation or reset token: NIP plus the registered email.

use leptos::prelude::*;

use crate::auth::api::MintaToken;
use crate::auth::login_id::LoginId;
use crate::components::form::{field_problems, refusal, FormError, TextField};
use crate::components::session::use_lang;
use crate::domain::Email;
use crate::i18n::{t, use_i18n};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Aktivasi,
    Reset,
}

#[component]
pub fn ActivationPage() -> impl IntoView {
    view! { <TokenRequest purpose=Purpose::Aktivasi /> }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    view! { <TokenRequest purpose=Purpose::Reset /> }
}

#[component]
fn TokenRequest(purpose: Purpose) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let action = ServerAction::<MintaToken>::new();
    let nomor = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let touched = RwSignal::new(false);

    let nomor_problems = field_problems(touched, nomor, lang, LoginId::parse);
    let email_problems = field_problems(touched, email, lang, Email::parse);
    let server_error = refusal(action);
    let sent_to = move || action.value().get().and_then(Result::ok);
    let tujuan = match purpose {
        Purpose::Aktivasi => "aktivasi",
        Purpose::Reset => "reset",
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        if LoginId::parse(&nomor.get_untracked()).is_ok()
            && Email::parse(&email.get_untracked()).is_ok()
        {
            action.dispatch(MintaToken {
                nomor: nomor.get_untracked(),
                email: email.get_untracked(),
                tujuan: tujuan.to_owned(),
            });
        }
    };

    view! {
        <section class="auth" data-testid="token-page">
            {match purpose {
                Purpose::Aktivasi => {
                    view! {
                        <h1>{t!(i18n, activate_title)}</h1>
                        <p class="lead">{t!(i18n, activate_lead)}</p>
                    }
                        .into_any()
                }
                Purpose::Reset => {
                    view! {
                        <h1>{t!(i18n, forgot_title)}</h1>
                        <p class="lead">{t!(i18n, forgot_lead)}</p>
                    }
                        .into_any()
                }
            }}
            <form method="post" action="/api/minta_token" on:submit=submit novalidate>
                <input type="hidden" name="tujuan" value=tujuan />
                <TextField id="nomor" name="nomor" inputmode="numeric" autocomplete="username" required=true value=nomor local=nomor_problems server=server_error lang>
                    {t!(i18n, f_login_id)}
                </TextField>
                <TextField id="email" name="email" kind="email" autocomplete="email" required=true value=email local=email_problems server=server_error lang>
                    {t!(i18n, f_registered_email)}
                </TextField>
                <FormError error=server_error lang />
                <button type="submit" disabled=move || action.pending().get()>
                    {move || if action.pending().get() {
                        t!(i18n, sending).into_any()
                    } else {
                        t!(i18n, send_token).into_any()
                    }}
                </button>
            </form>
            <Show when=move || sent_to().is_some()>
                <div class="notice success" role="status" data-testid="token-sent">
                    <p>{t!(i18n, token_sent)} " " <strong>{sent_to}</strong></p>
                    <p>{t!(i18n, token_sent_hint)}</p>
                </div>
            </Show>
            <p class="auth-links"><a href="/masuk">{t!(i18n, login_title)}</a></p>
            <p class="auth-links"><a href="/rekonsiliasi">{t!(i18n, link_reconcile)}</a></p>
            <p class="auth-links"><a href="/registrasi" data-testid="register-link">{t!(i18n, link_register)}</a></p>
        </section>
    }
}
