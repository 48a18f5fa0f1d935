//! Proposing a change (`/usulan/baru/{riwayat}`): the latest record of one history
//! as a form, each field's current value beside the proposed one and the changed
//! ones marked. The same rules the server runs on submit (the record's own types,
//! then the cross-field checks) run here while the employee types; the supporting
//! PDF is checked before it is uploaded.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::record_editor::{record_rows, Editor};
use crate::components::session::{lang_of, SignInTo};
use crate::document::kind::{classify, DocumentProblem, Wanted};
use crate::domain::localized::{Lang, Localized};
use crate::domain::reference::JenisDokumen;
use crate::edge::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::proposal::api::{ajukan_ulang_usulan, ajukan_usulan, bahan_usulan};
use crate::proposal::change::{prepare, ChangeProblem, Target};
use crate::proposal::form::{compose, fields_of, FormField, ProposalForm};
use crate::proposal::submission::{IdempotencyKey, Resubmission, Submission};

mod draft;

#[component]
pub fn ProposePage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = Signal::derive(move || lang_of(i18n));
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

/// What the employee sees after sending.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Sent(i64),
    /// No connection: the proposal waits on this page and goes when it is back.
    Offline,
    Failed(AppError),
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
    let jenis = RwSignal::new(documents[0]);
    let touched = RwSignal::new(false);
    let file_problem = RwSignal::new(None::<DocumentProblem>);
    let file_missing = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let sending = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let max_bytes = form.max_bytes;

    let fields_for_compose = fields.clone();
    let inputs_for_compose = inputs.clone();
    let template_for_compose = template.clone();
    let composed = Memo::new(move |_| {
        let typed: Vec<(FormField, String)> = fields_for_compose
            .iter()
            .cloned()
            .zip(inputs_for_compose.iter().map(|s| s.get()))
            .collect();
        compose(&template_for_compose, &typed)
    });
    let target = Signal::derive(move || {
        if adding.get() {
            Target::New
        } else {
            form.target.unwrap_or(Target::New)
        }
    });
    let pegawai = StoredValue::new(form.pegawai.clone());
    let today = form.today;
    // The server's own check, run here: a record's types first, then the
    // cross-field rules against the rest of the employee's record.
    let checked = Memo::new(move |_| match composed.get() {
        Ok(record) => pegawai.with_value(|p| {
            prepare(p, target.get(), record.clone(), jenis.get(), today)
                .map(|prepared| (record, prepared.warnings))
        }),
        Err(_) => Err(ChangeProblem::NoChange),
    });
    let field_messages = move |path: String| {
        let lang = lang.get();
        let mut out = Vec::new();
        if let Err(problems) = composed.get() {
            out.extend(
                problems
                    .iter()
                    .filter(|p| p.path == path)
                    .map(|p| p.message(lang).to_owned()),
            );
        }
        if let Err(ChangeProblem::Inconsistent(findings)) = checked.get() {
            out.extend(
                findings
                    .iter()
                    .filter(|f| f.field.field == path)
                    .map(|f| f.message(lang)),
            );
        }
        out
    };
    // What blocks sending, for the summary above the button.
    let blocking = move || -> Option<String> {
        if composed.get().is_err() {
            return Some(t_string!(i18n, propose.correct_marked).to_owned());
        }
        match checked.get() {
            Ok(_) => None,
            Err(problem) => Some(problem.message(lang.get())),
        }
    };
    let warnings = move || match checked.get() {
        Ok((_, warnings)) => warnings
            .iter()
            .map(|w| w.message(lang.get()))
            .collect::<Vec<_>>(),
        Err(_) => Vec::new(),
    };

    // One key per attempt to send these values: a retry after a lost answer repeats
    // it (and finds the proposal the first attempt made); a refusal starts afresh.
    let key = StoredValue::new(None::<String>);
    let uploaded = StoredValue::new(None::<i64>);
    let file_version = RwSignal::new(0u32);
    // Other values, another document: another submission, with a key of its own.
    Effect::new(move |_| {
        let _ = (checked.get(), jenis.get(), file_version.get());
        key.set_value(None);
        uploaded.set_value(None);
    });
    let attempt = move || {
        touched.set(true);
        outcome.set(None);
        let Ok((record, _)) = checked.get_untracked() else {
            return;
        };
        let file = file_input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        file_missing.set(file.is_none());
        let Some(file) = file else {
            return;
        };
        if file_problem.get_untracked().is_some() {
            return;
        }
        sending.set(true);
        let target = target.get_untracked();
        let jenis = jenis.get_untracked();
        let raw_key = key.with_value(|k| k.clone()).unwrap_or_else(new_key);
        let Ok(kunci) = IdempotencyKey::parse(&raw_key) else {
            sending.set(false);
            outcome.set(Some(Outcome::Failed(AppError::Server("key".into()))));
            return;
        };
        key.set_value(Some(raw_key));
        leptos::task::spawn_local(async move {
            let result = async {
                // A retry reuses the document its first attempt uploaded: the
                // server recognises a retry by its key and the same document.
                let dokumen_id = match uploaded.get_value() {
                    Some(id) => id,
                    None => {
                        let id = upload(file).await?;
                        uploaded.set_value(Some(id));
                        id
                    }
                };
                match returned_id {
                    Some(id) => ajukan_ulang_usulan(Resubmission {
                        id,
                        record,
                        dokumen_id,
                        jenis_dokumen: jenis,
                    })
                    .await
                    .map(|()| id),
                    None => {
                        ajukan_usulan(Submission {
                            kunci,
                            target,
                            record,
                            dokumen_id,
                            jenis_dokumen: jenis,
                        })
                        .await
                    }
                }
            }
            .await;
            sending.set(false);
            if !matches!(result, Err(AppError::Network(_))) {
                key.set_value(None);
                uploaded.set_value(None);
            }
            outcome.set(Some(match result {
                // Kept, key and all: sent again when the browser is back online.
                Err(AppError::Network(_)) => Outcome::Offline,
                Ok(id) => {
                    draft.forget();
                    Outcome::Sent(id)
                }
                Err(e) => Outcome::Failed(e),
            }));
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempt();
    };
    draft::when_online(move || {
        draft.resend();
        if outcome.get_untracked() == Some(Outcome::Offline) {
            attempt();
        }
    });
    let on_file = move |_| {
        file_missing.set(false);
        file_version.update(|v| *v = v.wrapping_add(1));
        let file = file_input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let Some(file) = file else {
            file_problem.set(None);
            return;
        };
        leptos::task::spawn_local(async move {
            file_problem.set(check_file(file, max_bytes).await.err());
        });
    };

    let rows = record_rows(
        Editor::Proposal,
        riwayat,
        fields,
        inputs,
        move |path: &str| field_messages(path.to_owned()),
        lang,
    );

    let document_section = view! {
            <label for="jenis-dokumen">
                {t!(i18n, propose.document_kind)}
            </label>
            <select
                id="jenis-dokumen"
                on:change=move |ev| {
                    if let Ok(kind) = JenisDokumen::parse(&event_target_value(&ev)) {
                        jenis.set(kind);
                    }
                }
            >
                {documents
                    .iter()
                    .map(|d| {
                        let d = *d;
                        view! {
                            <option value=d.code() selected=move || jenis.get() == d>
                                {move || d.name(lang.get())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <label for="berkas">
                {t!(i18n, propose.document)}
            </label>
            <input id="berkas" type="file" accept="application/pdf,.pdf" node_ref=file_input on:change=on_file />
            <ul class="field-errors" aria-live="polite" data-testid="file-errors">
                {move || file_problem.get().map(|p| view! { <li>{p.message(lang.get())}</li> })}
                {move || {
                    (touched.get() && file_missing.get())
                        .then(|| view! {
                            <li>{t!(i18n, propose.attach_document)}</li>
                        })
                }}
            </ul>
    }
    .into_any();

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
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, compare.field)}</th>
                        <th scope="col">{t!(i18n, compare.current)}</th>
                        <th scope="col">{t!(i18n, compare.proposed)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <ul class="warnings" data-testid="warnings">
                {move || warnings().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
            {document_section}
            <p class="form-error" role="alert" data-testid="check-error">
                {move || {
                    blocking()
                        .filter(|_| {
                            touched.get() || !matches!(checked.get(), Err(ChangeProblem::NoChange))
                        })
                }}
            </p>
            <p class="form-error" role="alert" data-testid="form-error">
                {move || match outcome.get() {
                    Some(Outcome::Failed(e)) => Some(e.message(lang.get())),
                    _ => None,
                }}
            </p>
            <button type="submit" disabled=move || sending.get() || !open>
                {t!(i18n, propose.send)}
            </button>
        </form>
        {move || match outcome.get() {
            Some(Outcome::Offline) => Some(view! {
                <div class="notice warning" role="status" data-testid="proposal-offline">
                    <p>{t!(i18n, propose.offline)}</p>
                </div>
            }.into_any()),
            Some(Outcome::Sent(id)) => Some(view! {
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
            }.into_any()),
            _ => None,
        }}
    }
    .into_any()
}

/// A fresh idempotency key (a version 4 UUID) from the browser's random source.
/// `crypto.randomUUID` would do, but only on HTTPS or localhost; intranets on
/// plain HTTP have `getRandomValues` as well.
fn new_key() -> String {
    #[cfg(feature = "hydrate")]
    {
        let mut b = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .is_some_and(|c| c.get_random_values_with_u8_array(&mut b).is_ok());
        if !filled {
            return String::new();
        }
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        )
    }
    #[cfg(not(feature = "hydrate"))]
    String::new()
}

/// Reads the chosen file and checks it as the server will: size first (without
/// reading a huge file), then what its bytes say it is.
#[cfg(feature = "hydrate")]
async fn check_file(file: web_sys::File, max_bytes: u64) -> Result<(), DocumentProblem> {
    let size = file.size() as u64;
    if size > max_bytes {
        return Err(DocumentProblem::TooLarge { limit: max_bytes });
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| DocumentProblem::Empty)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    classify(&bytes, Wanted::Document, max_bytes).map(|_| ())
}

/// On the server the form's handlers never run.
#[cfg(not(feature = "hydrate"))]
async fn check_file(_file: web_sys::File, max_bytes: u64) -> Result<(), DocumentProblem> {
    classify(&[], Wanted::Document, max_bytes).map(|_| ())
}

/// Uploads the document; answers its id.
#[cfg(feature = "hydrate")]
async fn upload(file: web_sys::File) -> Result<i64, AppError> {
    #[derive(serde::Deserialize)]
    struct Uploaded {
        id: i64,
    }
    let network = |e: gloo_net::Error| AppError::Network(e.to_string());
    let body = web_sys::FormData::new().map_err(|_| AppError::Network("form".into()))?;
    body.append_with_blob_and_filename("berkas", &file, &file.name())
        .map_err(|_| AppError::Network("form".into()))?;
    let response = gloo_net::http::Request::post("/api/dokumen")
        .body(body)
        .map_err(network)?
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(response
            .json::<AppError>()
            .await
            .unwrap_or_else(|_| AppError::Server(response.status().to_string())));
    }
    let uploaded: Uploaded = response.json().await.map_err(network)?;
    Ok(uploaded.id)
}

#[cfg(not(feature = "hydrate"))]
async fn upload(_file: web_sys::File) -> Result<i64, AppError> {
    Err(AppError::Network("not in a browser".into()))
}
