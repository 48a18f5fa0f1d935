//! Contact reconciliation: pick the agency, enter the NIP, "Cek NIP", then an
//! active email and mobile number and the security code; a confirmation email
//! follows. And the page its link opens.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::auth::login_id::LoginId;
use crate::components::form::{field_problems, refusal, FieldErrors, FormError, TextField};
use crate::components::session::use_lang;
use crate::contact::api::{captcha_baru, daftar_instansi, CekNip, KonfirmasiKontak, SimpanKontak};
use crate::domain::{Email, MobileNumber};
use crate::i18n::{t, use_i18n};

#[component]
pub fn ReconciliationPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let agencies = Resource::new(|| (), |_| daftar_instansi());
    let captcha = Resource::new(|| (), |_| captcha_baru());
    let check = ServerAction::<CekNip>::new();
    let save = ServerAction::<SimpanKontak>::new();

    let instansi = RwSignal::new(String::new());
    let nomor = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let hp = RwSignal::new(String::new());
    let kode = RwSignal::new(String::new());
    let touched = RwSignal::new(false);

    let nomor_problems = field_problems(touched, nomor, lang, LoginId::parse);
    let email_problems = field_problems(touched, email, lang, Email::parse);
    let hp_problems = field_problems(touched, hp, lang, MobileNumber::parse);
    let check_error = refusal(check);
    let save_error = refusal(save);
    let found = move || check.value().get().and_then(Result::ok);
    let saved = move || save.value().get().and_then(Result::ok);
    // A spent or refused captcha is replaced by a new picture.
    Effect::new(move |_| {
        if save.value().get().is_some() {
            kode.set(String::new());
            captcha.refetch();
        }
    });
    let instansi_id = move || instansi.get_untracked().parse::<i32>().ok();

    let on_check = move |_| {
        touched.set(true);
        if let (Some(id), true) = (
            instansi_id(),
            LoginId::parse(&nomor.get_untracked()).is_ok(),
        ) {
            check.dispatch(CekNip {
                instansi_id: id,
                nomor: nomor.get_untracked(),
            });
        }
    };
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        let token = captcha
            .get_untracked()
            .and_then(Result::ok)
            .map(|c| c.token)
            .unwrap_or_default();
        if let Some(id) = instansi_id() {
            if nomor_problems.get_untracked().is_empty()
                && email_problems.get_untracked().is_empty()
                && hp_problems.get_untracked().is_empty()
            {
                save.dispatch(SimpanKontak {
                    instansi_id: id,
                    nomor: nomor.get_untracked(),
                    email: email.get_untracked(),
                    nomor_hp: hp.get_untracked(),
                    captcha_token: token,
                    captcha: kode.get_untracked(),
                });
            }
        }
    };

    view! {
        <section class="auth" data-testid="reconciliation-page">
            <h1>{t!(i18n, reconcile_title)}</h1>
            <p class="lead">{t!(i18n, reconcile_lead)}</p>
            <form on:submit=on_save novalidate>
                <label for="instansi">{t!(i18n, f_instansi)}</label>
                <select id="instansi" name="instansi_id" bind:value=instansi required>
                    <option value="">{t!(i18n, choose_agency)}</option>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            agencies
                                .await
                                .unwrap_or_default()
                                .into_iter()
                                .map(|a| view! { <option value=a.id.to_string()>{a.name}</option> })
                                .collect_view()
                        })}
                    </Suspense>
                </select>
                <TextField id="nomor" name="nomor" inputmode="numeric" required=true value=nomor local=nomor_problems server=check_error lang>
                    {t!(i18n, f_nomor_induk)}
                </TextField>
                <button type="button" class="secondary" data-testid="cek-nip" on:click=on_check>
                    {t!(i18n, check_nip)}
                </button>
                <FormError error=check_error lang />
                <Show when=move || found().is_some()>
                    <p class="notice success" data-testid="nip-found">{found}</p>
                </Show>
                <TextField id="email" name="email" kind="email" autocomplete="email" required=true value=email local=email_problems server=save_error lang>
                    {t!(i18n, f_email)}
                </TextField>
                <TextField id="hp" name="nomor_hp" kind="tel" inputmode="tel" autocomplete="tel" required=true value=hp local=hp_problems server=save_error lang>
                    {t!(i18n, f_hp)}
                </TextField>
                <label for="kode">{t!(i18n, security_code)}</label>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        captcha
                            .await
                            .ok()
                            .map(|c| view! { <div class="captcha" data-testid="captcha" data-token=c.token.clone() inner_html=c.svg></div> })
                    })}
                </Suspense>
                <button type="button" class="link" on:click=move |_| captcha.refetch()>{t!(i18n, new_picture)}</button>
                <input id="kode" name="captcha" inputmode="numeric" autocomplete="off" required bind:value=kode />
                <FieldErrors id="kode-errors" local=Signal::derive(Vec::new) server=save_error field="captcha" lang />
                <FormError error=save_error lang />
                <button type="submit" disabled=move || save.pending().get()>{t!(i18n, save)}</button>
            </form>
            <Show when=move || saved().is_some()>
                <div class="notice success" role="status" data-testid="contact-stated">
                    <p>{t!(i18n, confirmation_sent)} " " <strong>{saved}</strong></p>
                </div>
            </Show>
        </section>
    }
}

#[component]
pub fn ConfirmContactPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let confirm = ServerAction::<KonfirmasiKontak>::new();
    let error = refusal(confirm);
    let done = move || matches!(confirm.value().get(), Some(Ok(())));
    view! {
        <section class="auth" data-testid="confirm-contact-page">
            <h1>{t!(i18n, confirm_contact_title)}</h1>
            <Show
                when=move || !done()
                fallback=move || view! { <p class="notice success" role="status" data-testid="contact-confirmed">{t!(i18n, contact_confirmed)}</p> }
            >
                <button
                    type="button"
                    data-testid="confirm-contact"
                    on:click=move |_| {
                        confirm.dispatch(KonfirmasiKontak { token: query.read_untracked().get("token").unwrap_or_default() });
                    }
                >
                    {t!(i18n, confirm_contact_button)}
                </button>
            </Show>
            <FormError error lang />
        </section>
    }
}
