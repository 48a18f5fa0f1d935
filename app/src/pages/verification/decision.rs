//! One proposal laid out for its decision (`/verifikasi/{id}`): the record as it
//! stands beside the proposed one (changes marked), what the record's checks find,
//! and the document, side by side; claim it, then approve, return or reject it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::compare_table::{compare_rows, CompareTable};
use crate::components::form::FormError;
use crate::components::params::id_param;
use crate::components::record_editor::{record_rows, Editor};
use crate::components::session::use_lang;
use crate::domain::localized::Lang;
use crate::i18n::{t, t_string, tu_string, use_i18n};
use crate::proposal::change::ProposedRecord;
use crate::proposal::form::{compose, fields_of, FormField};
use crate::proposal::labels::{event_label, level_label, status_label};
use crate::proposal::lifecycle::Status;
use crate::proposal::period::in_wib;
use crate::verification::api::{berkas_usulan, KlaimUsulan, PutuskanUsulan};
use crate::verification::queue::{Case, Decision, Verdict};

use crate::components::live_events::follow_queue;

#[component]
pub fn DecisionPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let id = id_param();
    let id = move || id().unwrap_or(0);
    // A code typed from a printed proof, to check against this proposal's.
    let query = use_query_map();
    let typed_code = move || {
        query
            .read()
            .get("kode")
            .map(|k| crate::proposal::proof::read_code(&k).map(|(_, code)| code))
    };
    let claim = ServerAction::<KlaimUsulan>::new();
    let decide = ServerAction::<PutuskanUsulan>::new();
    let live = RwSignal::new(0u32);
    follow_queue(live);
    let case = Resource::new(
        move || {
            (
                id(),
                claim.version().get(),
                decide.version().get(),
                live.get(),
            )
        },
        |(id, ..)| berkas_usulan(id),
    );
    let error = Signal::derive(move || {
        decide
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| claim.value().get().and_then(Result::err))
    });
    view! {
        <section class="decision" data-testid="decision-page">
            <p><a href="/verifikasi">{t!(i18n, decision.back)}</a></p>
            <FormError error lang />
            {move || decide.value().get().and_then(Result::ok).map(|status| view! {
                <p class="notice" role="status" data-testid="decided">
                    {move || match status {
                        Status::Applied => t_string!(i18n, decision.decided_applied),
                        Status::Pending { .. } => t_string!(i18n, decision.decided_forwarded),
                        Status::Returned { .. } => t_string!(i18n, decision.decided_returned),
                        _ => t_string!(i18n, decision.decided_rejected),
                    }}
                </p>
            })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match case.await {
                        Ok(c) => view! {
                            <ProofCode printed=c.proposal.kode_bukti.clone() typed=typed_code() />
                            <CaseView case=c claim decide lang />
                        }
                            .into_any(),
                        Err(e) => view! { <FormError error=Signal::derive(move || Some(e.clone())) lang /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CaseView(
    case: Case,
    claim: ServerAction<KlaimUsulan>,
    decide: ServerAction<PutuskanUsulan>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = case.proposal.id;
    let status = case.proposal.status;
    let waiting_for = match status {
        Status::Pending { step } => case.proposal.chain.at(step),
        _ => None,
    };
    let mut shown = case.proposal.clone();
    // What the verifier compares against is the record as it is now.
    shown.before = case.current.clone().or(shown.before);
    let rows = compare_rows(&shown);
    let riwayat = case.proposal.riwayat;
    let document = format!("/api/dokumen/{}", case.proposal.dokumen_id);
    let may_claim = case.my_level.is_some() && !case.claimed_by_me;
    let may_decide = case.my_level.is_some() && case.claimed_by_me;
    let holder = case.claimed_by.clone().filter(|_| !case.claimed_by_me);
    let until = case.claim_until.map(in_wib);
    let blocking = case.blocking;
    view! {
        <article class="case" data-testid="case" data-id=id.to_string() data-status=status.code()>
            <h1>
                {case.nama.clone()} " · " {move || riwayat.name(lang.get())}
            </h1>
            <p>
                {case.nomor_induk.clone().unwrap_or_default()} " · " {case.unit_kerja.clone()} " · "
                <span data-testid="case-status">{move || status_label(status, waiting_for, i18n.get_locale())}</span>
            </p>
            <p data-testid="claim-state">
                {holder.map(|by| view! { {t!(i18n, decision.held_by)} <strong>{by.clone()}</strong> })}
                {case.claimed_by_me.then(|| view! { {t!(i18n, decision.yours_until)} {until.clone()} })}
            </p>
            <Show when=move || may_claim>
                <button type="button" data-testid="claim" disabled=move || claim.pending().get()
                    on:click=move |_| { claim.dispatch(KlaimUsulan { id }); }>
                    {t!(i18n, decision.claim)}
                </button>
            </Show>
            <div class="side-by-side">
                <CompareTable rows riwayat lang />
                <div class="document">
                    <iframe src=document.clone() title=move || t_string!(i18n, decision.document_title) data-testid="document"></iframe>
                    <p><a href=document target="_blank" rel="noopener">
                        {t!(i18n, decision.open_document)}
                    </a></p>
                </div>
            </div>
            <Findings findings=case.findings.clone() blocking lang />
            <ol class="timeline" data-testid="timeline">
                {case.proposal.timeline.iter().map(|e| {
                    let level = e.level;
                    let kind = e.kind;
                    view! {
                        <li data-kind=kind.code()>
                            <strong>{move || event_label(kind, i18n.get_locale())}</strong> " · " {in_wib(e.at)}
                            {move || level.map(|l| format!(" · {}", level_label(l, i18n.get_locale())))}
                            {e.reason.clone().map(|r| view! { <p class="reason">{r}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <Show when=move || may_decide>
                <DecisionForm id proposed=case.proposal.after.clone() blocking decide lang />
            </Show>
        </article>
    }
    .into_any()
}

/// The proposal's proof code, and whether the one typed from a printout is it.
#[component]
fn ProofCode(
    printed: String,
    /// `Some(None)`: something was typed that is not a code at all.
    typed: Option<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let verdict = typed.map(|typed| typed.as_deref() == Some(printed.as_str()));
    view! {
        <p data-testid="proof-code">
            {t!(i18n, decision.proof_code)}
            <strong class="code">{printed.clone()}</strong>
        </p>
        {verdict.map(|genuine| {
            let (class, role) = if genuine { ("notice success", "status") } else { ("form-error", "alert") };
            view! {
                <p class=class role=role data-testid="proof-check-result" data-genuine=genuine.to_string()>
                    {move || if genuine {
                        t_string!(i18n, decision.proof_genuine)
                    } else {
                        t_string!(i18n, decision.proof_altered)
                    }}
                </p>
            }
        })}
    }
}

#[component]
fn Findings(
    findings: Vec<(String, crate::edge::error::Message)>,
    blocking: bool,
    lang: Signal<Lang>,
) -> impl IntoView {
    let i18n = use_i18n();
    (!findings.is_empty()).then(|| view! {
        <div class=if blocking { "findings form-error" } else { "findings notice warning" } data-testid="findings">
            <p>{move || if blocking {
                t_string!(i18n, decision.findings_blocking)
            } else {
                t_string!(i18n, decision.findings_warning)
            }}</p>
            <ul>
                {findings.into_iter().map(|(field, message)| view! {
                    <li data-field=field>{move || message.get(lang.get()).to_owned()}</li>
                }).collect_view()}
            </ul>
        </div>
    })
}

#[component]
fn DecisionForm(
    id: i64,
    /// The values as proposed: what a correction starts from.
    proposed: ProposedRecord,
    blocking: bool,
    decide: ServerAction<PutuskanUsulan>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let local = RwSignal::new(None::<String>);
    let correcting = RwSignal::new(false);
    let riwayat = proposed.riwayat();
    let fields = fields_of(&proposed);
    let inputs: Vec<RwSignal<String>> = fields
        .iter()
        .map(|f| RwSignal::new(f.current.clone()))
        .collect();
    let proposed = StoredValue::new(proposed);
    let typed = {
        let (fields, inputs) = (fields.clone(), inputs.clone());
        Memo::new(move |_| {
            let typed: Vec<(FormField, String)> = fields
                .iter()
                .cloned()
                .zip(inputs.iter().map(|s| s.get()))
                .collect();
            proposed.with_value(|p| compose(p, &typed))
        })
    };
    let send = move |verdict: Verdict| {
        // A correction goes with an approval only, and only when something changed.
        let correction = match (verdict, correcting.get_untracked(), typed.get_untracked()) {
            (Verdict::Approve, true, Err(_)) => {
                local.set(Some(
                    tu_string!(i18n, decision.correction_marked).to_owned(),
                ));
                return;
            }
            (Verdict::Approve, true, Ok(record)) => {
                proposed.with_value(|p| (record != *p).then_some(record))
            }
            _ => None,
        };
        let keputusan = Decision {
            verdict,
            reason: Some(reason.get_untracked()),
            correction,
        };
        // The same rule as the server's: a return or a rejection says why.
        match keputusan.reason() {
            Ok(_) => {
                local.set(None);
                decide.dispatch(PutuskanUsulan { id, keputusan });
            }
            Err(problem) => local.set(Some(crate::domain::Localized::message(
                &problem,
                lang.get_untracked(),
            ))),
        }
    };
    let problems_at = move |path: &str| -> Vec<String> {
        match typed.get() {
            Err(problems) => problems
                .iter()
                .filter(|p| p.path == path)
                .map(|p| p.message(lang.get()).to_owned())
                .collect(),
            Ok(_) => Vec::new(),
        }
    };
    let rows = record_rows(
        Editor::Correction,
        riwayat,
        fields,
        inputs,
        problems_at,
        lang,
    );
    let correction = view! {
            <div hidden=move || !correcting.get() data-testid="correction">
                <table class="compare">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, compare.field)}</th>
                            <th scope="col">{t!(i18n, decision.value_to_approve)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
    }
    .into_any();
    view! {
        <div class="decide" data-testid="decision-form">
            <label class="inline">
                <input type="checkbox" data-testid="correct"
                    prop:checked=move || correcting.get()
                    on:change=move |ev| correcting.set(event_target_checked(&ev)) />
                {t!(i18n, decision.correct)}
            </label>
            {correction}
            <label for="alasan">{t!(i18n, decision.reason)}</label>
            <textarea id="alasan" name="alasan" maxlength="500" data-testid="reason"
                prop:value=move || reason.get()
                on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            {move || local.get().map(|m| view! { <p class="form-error" role="alert" data-testid="reason-error">{m}</p> })}
            <div class="actions">
                <button type="button" data-testid="approve"
                    disabled=move || (blocking && !correcting.get()) || decide.pending().get()
                    on:click=move |_| send(Verdict::Approve)>
                    {t!(i18n, decision.approve)}
                </button>
                <button type="button" class="secondary" data-testid="return" disabled=move || decide.pending().get()
                    on:click=move |_| send(Verdict::Return)>
                    {t!(i18n, decision.send_back)}
                </button>
                <button type="button" class="danger" data-testid="reject" disabled=move || decide.pending().get()
                    on:click=move |_| send(Verdict::Reject)>
                    {t!(i18n, decision.reject)}
                </button>
            </div>
        </div>
    }
    .into_any()
}
