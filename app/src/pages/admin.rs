//! The admin's page: fix an employee's registered contact, appoint a verifier.
//! The server decides what is within the admin's scope; this page only asks.

use leptos::prelude::*;

use crate::admin::api::{AngkatVerifikator, UbahKontak};
use crate::auth::login_id::LoginId;
use crate::components::form::{
    field_problems, optional_field_problems, refusal, FieldErrors, FormError, TextField,
};
use crate::components::session::use_lang;
use crate::contact::api::{rekonsiliasi_terbuka, PutuskanRekonsiliasi};
use crate::domain::{Email, MobileNumber};
use crate::i18n::{t, use_i18n};
use crate::registration::api::{cara_aktivasi, UbahCaraAktivasi};
use crate::registration::ActivationMode;

#[component]
pub fn AdminPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="auth" data-testid="admin-page">
            <h1>{t!(i18n, admin_title)}</h1>
            <ActivationModeSetting />
            <OpenStatements />
            <FixContact />
            <AppointVerifier />
        </section>
    }
}

#[component]
fn FixContact() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let action = ServerAction::<UbahKontak>::new();
    let nomor = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let hp = RwSignal::new(String::new());
    let touched = RwSignal::new(false);
    let nomor_problems = field_problems(touched, nomor, lang, LoginId::parse);
    let email_problems = optional_field_problems(email, lang, Email::parse);
    let hp_problems = optional_field_problems(hp, lang, MobileNumber::parse);
    let server_error = refusal(action);
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        if nomor_problems.get_untracked().is_empty()
            && email_problems.get_untracked().is_empty()
            && hp_problems.get_untracked().is_empty()
        {
            action.dispatch(UbahKontak {
                nomor_induk: nomor.get_untracked(),
                email: email.get_untracked(),
                nomor_hp: hp.get_untracked(),
            });
        }
    };
    view! {
        <h2>{t!(i18n, fix_contact_title)}</h2>
        <form method="post" action="/api/ubah_kontak" on:submit=submit novalidate data-testid="fix-contact">
            <TextField id="kontak-nomor" name="nomor_induk" inputmode="numeric" required=true value=nomor local=nomor_problems server=server_error lang>
                {t!(i18n, f_nomor_induk)}
            </TextField>
            <TextField id="kontak-email" name="email" kind="email" value=email local=email_problems server=server_error lang>
                {t!(i18n, f_email)}
            </TextField>
            <TextField id="kontak-hp" name="nomor_hp" kind="tel" inputmode="tel" value=hp local=hp_problems server=server_error lang>
                {t!(i18n, f_hp)}
            </TextField>
            <FormError error=server_error lang />
            <button type="submit" disabled=move || action.pending().get()>{t!(i18n, save)}</button>
        </form>
        <Show when=saved>
            <p class="notice success" role="status" data-testid="contact-saved">{t!(i18n, contact_saved)}</p>
        </Show>
    }
}

#[component]
fn AppointVerifier() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let action = ServerAction::<AngkatVerifikator>::new();
    let nomor = RwSignal::new(String::new());
    let lingkup = RwSignal::new("unit_kerja".to_owned());
    let lingkup_id = RwSignal::new(String::new());
    let server_error = refusal(action);
    let saved = move || matches!(action.value().get(), Some(Ok(_)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(AngkatVerifikator {
            nomor_induk: nomor.get_untracked(),
            lingkup: lingkup.get_untracked(),
            lingkup_id: lingkup_id.get_untracked().trim().parse().ok(),
            // The level follows the scope: 1 for a work unit, 2 for the agency.
            tingkat: if lingkup.get_untracked() == "unit_kerja" {
                1
            } else {
                2
            },
        });
    };
    let no_local = Signal::derive(Vec::new);
    view! {
        <h2>{t!(i18n, appoint_title)}</h2>
        <form method="post" action="/api/angkat_verifikator" on:submit=submit novalidate data-testid="appoint">
            <label for="angkat-nomor">{t!(i18n, f_nomor_induk)}</label>
            <input id="angkat-nomor" name="nomor_induk" inputmode="numeric" required bind:value=nomor />
            <label for="angkat-lingkup">{t!(i18n, f_scope)}</label>
            <select id="angkat-lingkup" name="lingkup" bind:value=lingkup>
                <option value="unit_kerja">{t!(i18n, f_unit_kerja)}</option>
                <option value="instansi">{t!(i18n, f_instansi)}</option>
            </select>
            <label for="angkat-id">{t!(i18n, f_scope_id)}</label>
            <input id="angkat-id" name="lingkup_id" inputmode="numeric" bind:value=lingkup_id />
            <FieldErrors id="angkat-id-errors" local=no_local server=server_error field="lingkup_id" lang />
            <FormError error=server_error lang />
            <button type="submit" disabled=move || action.pending().get()>{t!(i18n, save)}</button>
        </form>
        <Show when=saved>
            <p class="notice success" role="status">{t!(i18n, appointed)}</p>
        </Show>
    }
}

/// Reconciled contacts of the admin's agency, to approve into the record or reject.
#[component]
fn OpenStatements() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let decide = ServerAction::<PutuskanRekonsiliasi>::new();
    let list = Resource::new(
        move || decide.version().get(),
        |_| rekonsiliasi_terbuka(None),
    );
    let error = refusal(decide);
    view! {
        <h2>{t!(i18n, open_statements)}</h2>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let rows = list.await.unwrap_or_default();
                if rows.is_empty() {
                    return view! { <p class="empty">{t!(i18n, no_records)}</p> }.into_any();
                }
                view! {
                    <ul class="records" data-testid="open-statements">
                        {rows
                            .into_iter()
                            .map(|r| {
                                let id = r.id;
                                let nip = r.nomor_induk.unwrap_or_default();
                                let nip_attr = nip.clone();
                                view! {
                                    <li class="record" data-nip=nip_attr>
                                        <p>
                                            <strong>{r.nama}</strong> " · " {nip}
                                        </p>
                                        <p>{r.email} " · " {r.nomor_hp} " · "
                                            {if r.email_confirmed {
                                                t!(i18n, confirmed).into_any()
                                            } else {
                                                t!(i18n, unconfirmed).into_any()
                                            }}
                                        </p>
                                        <div class="actions">
                                            <button type="button" data-testid="approve" on:click=move |_| { decide.dispatch(PutuskanRekonsiliasi { id, setuju: true }); }>
                                                {t!(i18n, approve)}
                                            </button>
                                            <button type="button" class="secondary" on:click=move |_| { decide.dispatch(PutuskanRekonsiliasi { id, setuju: false }); }>
                                                {t!(i18n, reject)}
                                            </button>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            })}
        </Transition>
        <FormError error lang />
    }
}

/// How the admin's agency's employees get in: emailed token or self-registration.
#[component]
fn ActivationModeSetting() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let action = ServerAction::<UbahCaraAktivasi>::new();
    let current = Resource::new(move || action.version().get(), |_| cara_aktivasi());
    let server_error = refusal(action);
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(Some(agency)) = current.await else {
                    return ().into_any();
                };
                let choice = RwSignal::new(agency.mode.code().to_owned());
                let instansi_id = agency.instansi_id;
                let submit = move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    action.dispatch(UbahCaraAktivasi { instansi_id, cara: choice.get_untracked() });
                };
                view! {
                    <h2>{t!(i18n, activation_mode_title)} " — " {agency.nama}</h2>
                    <form method="post" action="/api/ubah_cara_aktivasi" on:submit=submit novalidate data-testid="activation-mode">
                        <input type="hidden" name="instansi_id" value=instansi_id />
                        <label>
                            <input type="radio" name="cara" value=ActivationMode::TokenEmail.code() bind:group=choice />
                            " " {t!(i18n, activation_mode_token)}
                        </label>
                        <label>
                            <input type="radio" name="cara" value=ActivationMode::SelfRegistration.code() data-testid="mode-self" bind:group=choice />
                            " " {t!(i18n, activation_mode_self)}
                        </label>
                        <button type="submit" disabled=move || action.pending().get()>{t!(i18n, save)}</button>
                    </form>
                }
                    .into_any()
            })}
        </Transition>
        <FormError error=server_error lang />
        <Show when=saved>
            <p class="notice success" role="status" data-testid="activation-mode-saved">{t!(i18n, activation_mode_saved)}</p>
        </Show>
    }
}
