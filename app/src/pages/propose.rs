//! Proposing a change (`/usulan/baru/{riwayat}`): the latest record of one history
//! as a form, each field's current value beside the proposed one and the changed
//! ones marked. The same rules the server runs on submit (the record's own types,
//! then the cross-field checks) run here while the employee types; the supporting
//! PDF is checked before it is uploaded.
//!
//! The form is wired here from parts of its own: `checks` (the rules as the
//! values change), `document` (the PDF and its kind), `sending` (one state for
//! where sending stands, and the attempt with its idempotency key) and `draft`
//! (what was typed, kept on the device and the server).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::compare_table::CompareHead;
use crate::components::record_editor::{record_rows, Editor};
use crate::components::session::{use_lang, SignInTo};
use crate::domain::localized::{Lang, Localized};
use crate::edge::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::proposal::api::bahan_usulan;
use crate::proposal::change::Target;
use crate::proposal::form::{fields_of, FormField, ProposalForm};

use checks::{Against, Checks};
use document::{DocumentChoice, DocumentPicker};
use sending::{Attempt, Payload, Sending};

mod checks;
mod document;
mod draft;
mod sending;

#[component]
pub fn ProposePage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let params = use_params_map();
    let form = Resource::new(
        move || params.read().get("riwayat").unwrap_or_default(),
        bahan_usulan,
    );
    view! {
        <section class="propose" data-testid="propose-page">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match form.await {
                        Ok(form) => view! { <ProposeForm form lang /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <SignInTo>{t!(i18n, propose.sign_in)}</SignInTo> }
                            .into_any(),
                        Err(e) => view! {
                            <p class="form-error" role="alert" data-testid="form-error">
                                {move || e.message(lang.get())}
                            </p>
                        }
                            .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ProposeForm(form: ProposalForm, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let riwayat = form.riwayat;
    let Some(template) = form.latest.clone() else {
        return view! {
            <h1>{move || riwayat.name(lang.get())}</h1>
            <p class="empty" data-testid="nothing-to-change">
                {t!(i18n, propose.nothing_to_change)}
            </p>
        }
        .into_any();
    };
    let open = form.period.is_open();
    let period_message = form.period;
    let fields: Vec<FormField> = fields_of(&template);
    // A returned proposal is corrected, not retyped: the form starts from its values.
    let returned = form.returned.clone();
    let returned_values = returned.as_ref().map(|r| fields_of(&r.record));
    let inputs: Vec<RwSignal<String>> = fields
        .iter()
        .map(|f| {
            let start = returned_values
                .as_ref()
                .and_then(|values| values.iter().find(|v| v.path == f.path))
                .map_or_else(|| f.current.clone(), |v| v.current.clone());
            RwSignal::new(start)
        })
        .collect();
    let returned_id = returned.as_ref().map(|r| r.id);
    let adding = RwSignal::new(false);
    // What was typed survives closing the page (a phone going offline, a tab
    // killed) and moving to another device: kept on the device and on the server,
    // restored when the form opens again.
    let draft = draft::DraftSync::new(riwayat, template.id());
    draft.follow(form.draft.clone(), &fields, &inputs, adding);
    let documents = form.documents();
    let document = DocumentChoice::new(documents[0]);
    let touched = RwSignal::new(false);
    let sending = RwSignal::new(Sending::Idle);
    let max_bytes = form.max_bytes;

    let target = Signal::derive(move || {
        if adding.get() {
            Target::New
        } else {
            form.target.unwrap_or(Target::New)
        }
    });
    let checks = Checks::new(
        template,
        fields.clone(),
        inputs.clone(),
        Against {
            pegawai: form.pegawai.clone(),
            target,
            jenis: document.jenis,
            today: form.today,
        },
    );

    let attempt = Attempt::new();
    // Other values, another document: another submission, with a key of its own.
    Effect::new(move |_| {
        let _ = (
            checks.checked.get(),
            document.jenis.get(),
            document.version.get(),
        );
        attempt.reset();
    });
    let send = move || {
        touched.set(true);
        sending.set(Sending::Idle);
        let Ok((record, _)) = checks.checked.get_untracked() else {
            return;
        };
        let Some(file) = document.ready() else {
            return;
        };
        sending.set(Sending::InFlight);
        let payload = Payload {
            target: target.get_untracked(),
            record,
            jenis: document.jenis.get_untracked(),
            returned: returned_id,
        };
        leptos::task::spawn_local(async move {
            let now = attempt.send(file, payload).await;
            if matches!(now, Sending::Sent(_)) {
                draft.forget();
            }
            sending.set(now);
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send();
    };
    draft::when_online(move || {
        draft.resend();
        if sending.get_untracked() == Sending::Offline {
            send();
        }
    });

    let rows = record_rows(
        Editor::Proposal,
        riwayat,
        fields,
        inputs,
        move |path: &str| checks.field_messages(path, lang.get()),
        lang,
    );

    view! {
        <h1>
            {t!(i18n, propose.title)}
            " · "
            {move || riwayat.name(lang.get())}
        </h1>
        <p class=if open { "notice" } else { "notice warning" } data-testid="period">
            {move || period_message.message(lang.get())}
        </p>
        {returned.map(|r| view! {
            <div class="notice warning" data-testid="returned-notice">
                <p>{t!(i18n, propose.returned)}</p>
                {r.reason.map(|reason| view! { <p class="reason">{reason}</p> })}
            </div>
        })}
        <form on:submit=submit novalidate data-testid="propose-form">
            <Show when=move || form.may_add>
                <label class="inline">
                    <input
                        type="checkbox"
                        data-testid="add-new"
                        prop:checked=move || adding.get()
                        on:change=move |ev| adding.set(event_target_checked(&ev))
                    />
                    {t!(i18n, propose.add_new)}
                </label>
            </Show>
            <table class="compare">
                <CompareHead />
                <tbody>{rows}</tbody>
            </table>
            <ul class="warnings" data-testid="warnings">
                {move || {
                    checks
                        .warnings(lang.get())
                        .into_iter()
                        .map(|w| view! { <li>{w}</li> })
                        .collect_view()
                }}
            </ul>
            <DocumentPicker choice=document documents max_bytes touched lang />
            <p class="form-error" role="alert" data-testid="check-error">
                {move || {
                    checks
                        .blocking(lang.get(), || t_string!(i18n, propose.correct_marked).to_owned())
                        .filter(|_| touched.get() || !checks.unchanged())
                }}
            </p>
            <p class="form-error" role="alert" data-testid="form-error">
                {move || sending.with(|s| s.failure().map(|e| e.message(lang.get())))}
            </p>
            <button type="submit" disabled=move || sending.with(Sending::in_flight) || !open>
                {t!(i18n, propose.send)}
            </button>
        </form>
        <SendingNotice sending />
    }
    .into_any()
}

/// What the employee sees once a send has an answer other than a refusal.
#[component]
fn SendingNotice(sending: RwSignal<Sending>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match sending.get() {
        Sending::Offline => Some(
            view! {
                <div class="notice warning" role="status" data-testid="proposal-offline">
                    <p>{t!(i18n, propose.offline)}</p>
                </div>
            }
            .into_any(),
        ),
        Sending::Sent(id) => Some(
            view! {
                <div class="notice success" role="status" data-testid="proposal-sent" data-id=id.to_string()>
                    <p>{t!(i18n, propose.sent)}</p>
                    <p>
                        <a href=format!("/usulan/{id}/bukti") data-testid="proof-link">
                            {t!(i18n, propose.proof_link)}
                        </a>
                        " · "
                        <a href="/usulan">{t!(i18n, propose.all_proposals)}</a>
                    </p>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
    }
}
