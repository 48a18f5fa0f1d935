//! Self-registration (`/registrasi`) and its printable two-part proof, and the
//! registration verifier's page (`/registrasi/verifikasi`).

use leptos::prelude::*;

use crate::components::form::{
    field_problems, refusal, FieldErrors, FormError, NewPassword, NewPasswordFields, TextField,
};
use crate::components::session::{lang_of, use_lang};
use crate::domain::localized::format_date;
use crate::domain::{Lang, Nik};
use crate::i18n::{t, use_i18n};
use crate::registration::api::{
    parse_registrant, registrasi_menunggu, CekRegistrasi, DaftarRegistrasi, PutuskanRegistrasi,
};
use crate::registration::{Proof, RegistrationNumber};

fn when(at: time::OffsetDateTime, lang: Lang) -> String {
    // Shown in Western Indonesian Time, where most registration desks are.
    let wib = at.to_offset(time::macros::offset!(+7));
    format!(
        "{}, {:02}.{:02} WIB",
        format_date(wib.date(), lang),
        wib.hour(),
        wib.minute()
    )
}

#[component]
pub fn RegistrationPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let action = ServerAction::<DaftarRegistrasi>::new();
    let nomor = RwSignal::new(String::new());
    let nik = RwSignal::new(String::new());
    let touched = RwSignal::new(false);

    let nomor_problems = Signal::derive(move || {
        if !touched.get() && nomor.get().is_empty() {
            return Vec::new();
        }
        match parse_registrant(&nomor.get()) {
            Ok(_) => Vec::new(),
            Err(problem) => vec![crate::domain::Localized::message(&problem, lang.get())],
        }
    });
    let nik_problems = field_problems(touched, nik, lang, Nik::parse);
    let new = NewPassword::new(touched, nomor.into(), lang);
    let server_error = refusal(action);
    let proof = move || action.value().get().and_then(Result::ok);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        if nomor_problems.get_untracked().is_empty()
            && nik_problems.get_untracked().is_empty()
            && new.acceptable()
        {
            action.dispatch(DaftarRegistrasi {
                nomor: nomor.get_untracked(),
                nik: nik.get_untracked(),
                kata_sandi: new.password.get_untracked(),
                ulangi: new.repeat.get_untracked(),
            });
        }
    };

    view! {
        <section class="auth" data-testid="registration-page">
            <Show
                when=move || proof().is_some()
                fallback=move || {
                    view! {
                        <h1>{t!(i18n, register_title)}</h1>
                        <p class="lead">{t!(i18n, register_lead)}</p>
                        <form method="post" action="/api/daftar_registrasi" on:submit=submit novalidate>
                            <TextField id="nomor" name="nomor" inputmode="numeric" autocomplete="username" required=true value=nomor local=nomor_problems server=server_error lang>
                                {t!(i18n, f_nomor_induk)}
                            </TextField>
                            <TextField id="nik" name="nik" inputmode="numeric" autocomplete="off" required=true value=nik local=nik_problems server=server_error lang>
                                {t!(i18n, f_nik)}
                            </TextField>
                            <NewPasswordFields new server=server_error lang />
                            <FormError error=server_error lang />
                            <button type="submit" disabled=move || action.pending().get()>{t!(i18n, register_submit)}</button>
                        </form>
                        <p class="auth-links"><a href="/aktivasi">{t!(i18n, activate_title)}</a></p>
                    }
                        .into_any()
                }
            >
                {move || proof().map(|p| view! { <ProofSheets proof=p /> }.into_any())}
            </Show>
        </section>
    }
}

/// The two parts, one page, a cut line between: part one goes to the verifier,
/// part two stays with the employee.
#[component]
fn ProofSheets(proof: Proof) -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_of(i18n);
    // Runs only in the browser, on a click.
    let print = move |_| {
        let _ = window().print();
    };
    let sheet = move |part: u8| {
        let p = proof.clone();
        let at = when(p.registered_at, lang);
        view! {
            <article class="proof-sheet" data-testid=format!("proof-part-{part}")>
                <header>
                    <p class="proof-kind">{t!(i18n, proof_title)}</p>
                    <p class="proof-part">
                        {if part == 1 { t!(i18n, proof_part_1).into_any() } else { t!(i18n, proof_part_2).into_any() }}
                    </p>
                </header>
                <dl>
                    <dt>{t!(i18n, proof_number)}</dt>
                    <dd class="proof-number" data-testid="proof-number">{p.nomor.to_string()}</dd>
                    <dt>{t!(i18n, f_nama)}</dt>
                    <dd>{p.nama.clone()}</dd>
                    <dt>{t!(i18n, f_login_id)}</dt>
                    <dd>{p.identifier.clone()}</dd>
                    <dt>{t!(i18n, f_unit_kerja)}</dt>
                    <dd>{p.unit_kerja.clone()}</dd>
                    <dt>{t!(i18n, f_instansi)}</dt>
                    <dd>{p.instansi.clone()}</dd>
                    <dt>{t!(i18n, proof_registered_at)}</dt>
                    <dd>{at}</dd>
                </dl>
                {(part == 1).then(|| view! {
                    <p class="proof-sign">{t!(i18n, proof_verifier_signs)}</p>
                })}
                {(part == 2).then(|| view! {
                    <p class="hint">{t!(i18n, proof_keep_hint)}</p>
                })}
            </article>
        }
    };
    view! {
        <div class="notice success no-print" role="status" data-testid="registered">
            <p>{t!(i18n, registered_notice)}</p>
        </div>
        <div class="proof">
            {sheet(1)}
            <hr class="cut-line" aria-hidden="true" />
            {sheet(2)}
        </div>
        <div class="actions no-print">
            <button type="button" data-testid="print-proof" on:click=print>{t!(i18n, print_proof)}</button>
        </div>
    }
}

/// The registration verifier's desk: type the number from the first part, see
/// what the server holds for it (not what the paper says), check the person and
/// type the NIP from their own documents, then grant or reject.
#[component]
pub fn RegistrationDecisionPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let look = ServerAction::<CekRegistrasi>::new();
    let decide = ServerAction::<PutuskanRegistrasi>::new();
    let nomor = RwSignal::new(String::new());
    let nip = RwSignal::new(String::new());
    let alasan = RwSignal::new(String::new());
    let touched = RwSignal::new(false);
    let nomor_problems = field_problems(touched, nomor, lang, RegistrationNumber::parse);
    let list = Resource::new(move || decide.version().get(), |_| registrasi_menunggu());
    let look_error = refusal(look);
    let server_error = refusal(decide);
    let found = move || look.value().get().and_then(Result::ok);
    let done = move || matches!(decide.value().get(), Some(Ok(())));
    // A new number starts over: what was looked up belongs to the old one.
    Effect::new(move |_| {
        nomor.track();
        look.value().set(None);
        decide.value().set(None);
    });
    let send = move |setuju: bool| {
        decide.dispatch(PutuskanRegistrasi {
            nomor: nomor.get_untracked(),
            nomor_induk: nip.get_untracked(),
            setuju,
            alasan: alasan.get_untracked(),
        });
    };
    let no_local = Signal::derive(Vec::new);
    view! {
        <section class="auth" data-testid="registration-desk">
            <h1>{t!(i18n, registration_desk_title)}</h1>
            <p class="lead">{t!(i18n, registration_desk_lead)}</p>
            <form
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    touched.set(true);
                    if nomor_problems.get_untracked().is_empty() {
                        look.dispatch(CekRegistrasi { nomor: nomor.get_untracked() });
                    }
                }
                novalidate
            >
                <label for="reg-nomor">{t!(i18n, proof_number)}</label>
                <input id="reg-nomor" name="nomor" autocomplete="off" autocapitalize="characters" required bind:value=nomor />
                <FieldErrors id="reg-nomor-errors" local=nomor_problems server=look_error field="nomor" lang />
                <FormError error=look_error lang />
                <button type="submit" data-testid="look-up" disabled=move || look.pending().get()>{t!(i18n, look_up_registration)}</button>
            </form>
            {move || found().map(|r| {
                let at = when(r.registered_at, lang.get_untracked());
                view! {
                    <form on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); send(true); } novalidate data-testid="registration-found">
                        <dl class="fields">
                            <div class="field"><dt>{t!(i18n, f_nama)}</dt><dd data-testid="found-name">{r.nama}</dd></div>
                            <div class="field"><dt>{t!(i18n, f_unit_kerja)}</dt><dd>{r.unit_kerja}</dd></div>
                            <div class="field"><dt>{t!(i18n, proof_registered_at)}</dt><dd>{at}</dd></div>
                        </dl>
                        <p class="hint">{t!(i18n, registration_check_hint)}</p>
                        <TextField id="reg-nip" name="nomor_induk" inputmode="numeric" autocomplete="off" value=nip local=no_local server=server_error lang>
                            {t!(i18n, f_nomor_induk)}
                        </TextField>
                        <label for="reg-alasan">{t!(i18n, f_reject_reason)}</label>
                        <textarea id="reg-alasan" name="alasan" maxlength="500" bind:value=alasan></textarea>
                        <FieldErrors id="reg-alasan-errors" local=no_local server=server_error field="alasan" lang />
                        <FormError error=server_error lang />
                        <div class="actions">
                            <button type="submit" data-testid="grant" disabled=move || decide.pending().get()>{t!(i18n, grant_access)}</button>
                            <button type="button" class="secondary" data-testid="reject-registration" disabled=move || decide.pending().get() on:click=move |_| send(false)>
                                {t!(i18n, reject)}
                            </button>
                        </div>
                    </form>
                }
            })}
            <Show when=done>
                <p class="notice success" role="status" data-testid="registration-decided">{t!(i18n, registration_decided)}</p>
            </Show>
            <h2>{t!(i18n, registrations_waiting)}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="empty">{t!(i18n, no_records)}</p> }.into_any(),
                        Ok(rows) => view! {
                            <ul class="records" data-testid="registrations-waiting">
                                {rows.into_iter().map(|r| {
                                    let at = when(r.registered_at, lang.get_untracked());
                                    let nip_attr = r.identifier.clone();
                                    view! {
                                        <li class="record" data-nip=nip_attr>
                                            <p><strong>{r.nama}</strong> " · " {r.identifier}</p>
                                            <p>{r.nomor_akhir} " · " {r.unit_kerja} " · " {at}</p>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="notice error" role="alert">{e.message(lang.get_untracked())}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
