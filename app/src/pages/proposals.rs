//! "Usulan Saya": every proposal of the signed-in employee, the record as it stands
//! beside what was proposed (changed fields marked), where it is on its way, and
//! its timeline. New steps arrive live over server-sent events; the page re-reads
//! the list when one does, so it never shows a step the server does not have.

use leptos::prelude::*;

use crate::components::compare_table::{compare_rows, CompareTable};
use crate::components::form::{refusal, FormError};
use crate::components::live_events::follow_own_proposals;
use crate::components::session::{use_lang, SignInTo};
use crate::domain::localized::Lang;
use crate::domain::localized::Localized;
use crate::domain::reference::Riwayat;
use crate::i18n::{t, use_i18n};
use crate::proposal::api::{periode_saya, usulan_saya, TarikUsulan};
use crate::proposal::labels::{event_label, level_label, status_label};
use crate::proposal::lifecycle::Status;
use crate::proposal::period::in_wib;
use crate::proposal::submission::ProposalView;

#[component]
pub fn ProposalsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let withdraw = ServerAction::<TarikUsulan>::new();
    // Bumped by each live event; the list re-reads on it.
    let live = RwSignal::new(0u32);
    let list = Resource::new(
        move || (withdraw.version().get(), live.get()),
        |_| usulan_saya(),
    );
    let period = Resource::new(|| (), |_| periode_saya());
    let error = refusal(withdraw);
    follow_own_proposals(live);

    view! {
        <section class="proposals" data-testid="proposals-page">
            <h1>{t!(i18n, proposals.title)}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    period.await.ok().map(|state| {
                        let open = state.is_open();
                        view! {
                            <p class=if open { "notice" } else { "notice warning" } data-testid="period">
                                {move || state.message(lang.get())}
                            </p>
                        }
                    })
                })}
            </Transition>
            <details class="propose-links" data-testid="propose-links">
                <summary>{t!(i18n, proposals.propose)}</summary>
                <ul>
                    {Riwayat::all()
                        .iter()
                        .map(|r| {
                            let r = *r;
                            view! {
                                <li>
                                    <a href=format!("/usulan/baru/{}", r.code())>{move || r.name(lang.get())}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
            <FormError error lang />
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(rows) if rows.is_empty() => view! {
                            <p class="empty" data-testid="no-proposals">
                                {t!(i18n, proposals.none)}
                            </p>
                        }
                            .into_any(),
                        Ok(rows) => view! {
                            <div class="proposal-list">
                                {rows
                                    .into_iter()
                                    .map(|p| view! { <ProposalCard proposal=p withdraw lang /> })
                                    .collect_view()}
                            </div>
                        }
                            .into_any(),
                        Err(_) => view! { <SignInTo>{t!(i18n, proposals.sign_in)}</SignInTo> }
                            .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ProposalCard(
    proposal: ProposalView,
    withdraw: ServerAction<TarikUsulan>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = proposal.id;
    let status = proposal.status;
    let waiting_for = match status {
        Status::Pending { step } => proposal.chain.at(step),
        _ => None,
    };
    let rows = compare_rows(&proposal);
    let riwayat = proposal.riwayat;
    let document = format!("/api/dokumen/{}", proposal.dokumen_id);
    let timeline = proposal.timeline;
    view! {
        <article class="proposal" data-testid="proposal" data-id=id.to_string() data-status=status.code()>
            <h2>
                {move || riwayat.name(lang.get())}
                " · "
                <span class="status" data-testid="proposal-status">
                    {move || status_label(status, waiting_for, i18n.get_locale())}
                </span>
            </h2>
            <CompareTable rows riwayat lang />
            <p>
                <a href=document target="_blank" rel="noopener">
                    {t!(i18n, proposals.document)}
                </a>
            </p>
            <p>
                <a href=format!("/usulan/{id}/bukti") data-testid="proof-link">
                    {t!(i18n, proposals.proof)}
                </a>
            </p>
            <ol class="timeline" data-testid="timeline">
                {timeline
                    .into_iter()
                    .map(|e| {
                        let level = e.level;
                        view! {
                            <li data-kind=e.kind.code() data-event-id=e.id.to_string()>
                                <strong>{move || event_label(e.kind, i18n.get_locale())}</strong>
                                " · "
                                <time datetime=e.at.to_string()>{in_wib(e.at)}</time>
                                {move || level.map(|l| format!(" · {}", level_label(l, i18n.get_locale())))}
                                {e.reason.map(|r| view! { <p class="reason">{r}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {matches!(status, Status::Returned { .. }).then(|| view! {
                <p>
                    <a href=format!("/usulan/baru/{}", riwayat.code()) data-testid="resubmit-link">
                        {t!(i18n, proposals.resubmit)}
                    </a>
                </p>
            })}
            <Show when=move || status.is_open()>
                <button
                    type="button"
                    class="secondary"
                    data-testid="withdraw"
                    disabled=move || withdraw.pending().get()
                    on:click=move |_| { withdraw.dispatch(TarikUsulan { id }); }
                >
                    {t!(i18n, proposals.withdraw)}
                </button>
            </Show>
        </article>
    }
    .into_any()
}
