//! "Usulan Saya": every proposal of the signed-in employee, the record as it stands
//! beside what was proposed (changed fields marked), where it is on its way, and
//! its timeline. New steps arrive live over server-sent events; the page re-reads
//! the list when one does, so it never shows a step the server does not have.

use leptos::prelude::*;

use crate::components::form::FormError;
use crate::components::session::{lang_of, SignInTo};
use crate::domain::localized::Lang;
use crate::domain::localized::Localized;
use crate::domain::reference::Riwayat;
use crate::i18n::use_i18n;
use crate::proposal::api::{periode_saya, usulan_saya, TarikUsulan};
use crate::proposal::change::ProposedRecord;
use crate::proposal::lifecycle::{Level, Status};
use crate::proposal::period::in_wib;
use crate::proposal::submission::{EventKind, ProposalView};

pub fn status_label(status: Status, chain_level: Option<Level>, lang: Lang) -> String {
    match status {
        Status::Pending { .. } => match chain_level {
            Some(level) => format!(
                "{} {}",
                lang.pick("Menunggu verifikasi", "Awaiting verification by"),
                level_label(level, lang)
            ),
            None => lang.pick("Diajukan", "Submitted").to_owned(),
        },
        Status::Returned { .. } => lang
            .pick("Dikembalikan untuk diperbaiki", "Returned for correction")
            .to_owned(),
        Status::Applied => lang
            .pick("Disetujui dan diterapkan", "Approved and applied")
            .to_owned(),
        Status::Rejected => lang.pick("Ditolak", "Rejected").to_owned(),
        Status::Withdrawn => lang.pick("Ditarik", "Withdrawn").to_owned(),
    }
}

pub fn level_label(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::UnitKerja => lang.pick("unit kerja", "the work unit"),
        Level::Instansi => lang.pick("instansi", "the agency"),
        Level::Kanreg => lang.pick("Kantor Regional BKN", "the BKN regional office"),
        Level::Pusat => lang.pick("BKN Pusat", "BKN headquarters"),
    }
}

pub fn event_label(kind: EventKind, lang: Lang) -> &'static str {
    match kind {
        EventKind::Submitted => lang.pick("Diajukan", "Submitted"),
        EventKind::Approved => lang.pick("Disetujui", "Approved"),
        EventKind::Returned => lang.pick("Dikembalikan", "Returned"),
        EventKind::Resubmitted => lang.pick("Diajukan ulang", "Resubmitted"),
        EventKind::Applied => lang.pick("Diterapkan ke data", "Applied to the record"),
        EventKind::Rejected => lang.pick("Ditolak", "Rejected"),
        EventKind::Withdrawn => lang.pick("Ditarik", "Withdrawn"),
    }
}

/// A record's fields as `path → value` text, in a stable order.
fn fields(record: Option<&ProposedRecord>) -> Vec<(String, String)> {
    fn walk(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, inner) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(&path, inner, out);
                }
            }
            serde_json::Value::Null => out.push((prefix.to_owned(), "—".to_owned())),
            serde_json::Value::String(s) => out.push((prefix.to_owned(), s.clone())),
            other => out.push((prefix.to_owned(), other.to_string())),
        }
    }
    let mut out = Vec::new();
    if let Some(record) = record {
        let json = serde_json::to_value(record).unwrap_or_default();
        walk("", &json["data"], &mut out);
    }
    out.retain(|(path, _)| path != "id");
    out
}

/// Each field of a proposal as `(path, current, proposed, changed)`.
pub fn compare_rows(proposal: &ProposalView) -> Vec<(String, String, String, bool)> {
    let before = fields(proposal.before.as_ref());
    fields(Some(&proposal.after))
        .into_iter()
        .map(|(path, new)| {
            let old = before
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| "—".to_owned());
            let changed = old != new;
            (path, old, new, changed)
        })
        .collect()
}

#[component]
pub fn ProposalsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = Signal::derive(move || lang_of(i18n));
    let withdraw = ServerAction::<TarikUsulan>::new();
    // Bumped by each live event; the list re-reads on it.
    let live = RwSignal::new(0u32);
    let list = Resource::new(
        move || (withdraw.version().get(), live.get()),
        |_| usulan_saya(),
    );
    let period = Resource::new(|| (), |_| periode_saya());
    let error = Signal::derive(move || withdraw.value().get().and_then(Result::err));
    follow_live_events(live);

    view! {
        <section class="proposals" data-testid="proposals-page">
            <h1>{move || lang.get().pick("Usulan Saya", "My proposals")}</h1>
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
                <summary>{move || lang.get().pick("Usulkan perubahan data", "Propose a change")}</summary>
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
                                {move || lang.get().pick("Belum ada usulan.", "No proposals yet.")}
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
                        Err(_) => view! { <SignInTo id="Masuk untuk melihat usulan Anda" en="Sign in to see your proposals" lang /> }
                            .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// A proposal's fields: the current value beside the proposed one, changes marked.
#[component]
pub fn CompareTable(
    rows: Vec<(String, String, String, bool)>,
    riwayat: Riwayat,
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <table class="compare">
            <thead>
                <tr>
                    <th scope="col">{move || lang.get().pick("Data", "Field")}</th>
                    <th scope="col">{move || lang.get().pick("Saat ini", "Current")}</th>
                    <th scope="col">{move || lang.get().pick("Diusulkan", "Proposed")}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(path, old, new, changed)| {
                        let field = path.clone();
                        view! {
                            <tr class=if changed { "changed" } else { "" } data-field=field>
                                <th scope="row">{move || crate::proposal::labels::field_label(riwayat, &path, lang.get())}</th>
                                <td class="old">{old}</td>
                                <td class="new">{new}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn ProposalCard(
    proposal: ProposalView,
    withdraw: ServerAction<TarikUsulan>,
    lang: Signal<Lang>,
) -> impl IntoView {
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
                    {move || status_label(status, waiting_for, lang.get())}
                </span>
            </h2>
            <CompareTable rows riwayat lang />
            <p>
                <a href=document target="_blank" rel="noopener">
                    {move || lang.get().pick("Dokumen pendukung (PDF)", "Supporting document (PDF)")}
                </a>
            </p>
            <p>
                <a href=format!("/usulan/{id}/bukti") data-testid="proof-link">
                    {move || lang.get().pick("Bukti pengajuan", "Proof of submission")}
                </a>
            </p>
            <ol class="timeline" data-testid="timeline">
                {timeline
                    .into_iter()
                    .map(|e| {
                        let level = e.level;
                        view! {
                            <li data-kind=e.kind.code() data-event-id=e.id.to_string()>
                                <strong>{move || event_label(e.kind, lang.get())}</strong>
                                " · "
                                <time datetime=e.at.to_string()>{in_wib(e.at)}</time>
                                {move || level.map(|l| format!(" · {}", level_label(l, lang.get())))}
                                {e.reason.map(|r| view! { <p class="reason">{r}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {matches!(status, Status::Returned { .. }).then(|| view! {
                <p>
                    <a href=format!("/usulan/baru/{}", riwayat.code()) data-testid="resubmit-link">
                        {move || lang.get().pick("Perbaiki dan ajukan ulang", "Fix and send again")}
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
                    {move || lang.get().pick("Tarik usulan", "Withdraw proposal")}
                </button>
            </Show>
        </article>
    }
    .into_any()
}

/// Listens for this employee's new timeline steps (the browser reconnects by itself
/// and resumes from the last event id); each one, and each (re)connection, bumps `live`.
pub fn follow_live_events(live: RwSignal<u32>) {
    #[cfg(feature = "hydrate")]
    Effect::new(move |started: Option<()>| {
        use send_wrapper::SendWrapper;
        use wasm_bindgen::{closure::Closure, JsCast};
        if started.is_some() {
            return;
        }
        let Ok(source) = web_sys::EventSource::new("/api/usulan/peristiwa") else {
            return;
        };
        let on_step = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            live.update(|n| *n = n.wrapping_add(1));
        });
        let _ = source.add_event_listener_with_callback("usulan", on_step.as_ref().unchecked_ref());
        // Steps taken between the list's read and the stream's (re)connection would
        // never arrive as events: re-read the list whenever the stream opens.
        let _ = source.add_event_listener_with_callback("open", on_step.as_ref().unchecked_ref());
        let held = SendWrapper::new((source, on_step));
        on_cleanup(move || {
            let (source, _callback) = held.take();
            source.close();
        });
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = live;
}
