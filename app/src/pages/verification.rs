//! "Verifikasi Usulan": a verifier's queue (what waits at their level in their
//! scope, oldest first, a page at a time), its counts and backlog, with filters.
//! New proposals and colleagues' decisions arrive live: the page re-reads its queue
//! whenever the server says it changed.

mod decision;
mod proof_check;

pub use decision::DecisionPage;

use leptos::prelude::*;
use time::macros::format_description;
use time::Date;

use crate::components::form::FormError;
use crate::components::live_events::follow_queue;
use crate::components::session::use_lang;
use crate::domain::localized::Lang;
use crate::domain::reference::Riwayat;
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::proposal::labels::level_label;
use crate::proposal::period::in_wib;
use crate::verification::api::{antrian_verifikasi, ringkasan_verifikasi, sla_verifikasi};
use crate::verification::queue::{Inbox, QueueFilter, QueueItem};

fn status_name(code: &str, locale: Locale) -> &'static str {
    match code {
        "diajukan" => td_string!(locale, verification.status.diajukan),
        "dikembalikan" => td_string!(locale, verification.status.dikembalikan),
        "diterapkan" => td_string!(locale, verification.status.diterapkan),
        "ditolak" => td_string!(locale, verification.status.ditolak),
        "ditarik" => td_string!(locale, verification.status.ditarik),
        _ => "—",
    }
}

fn inbox_label(inbox: Inbox, locale: Locale) -> String {
    td_string!(
        locale,
        verification.inbox_of,
        level = level_label(inbox.level, locale)
    )
}

/// What the filter form holds, as typed.
#[derive(Clone, Default)]
struct Typed {
    nomor_induk: String,
    nama: String,
    riwayat: String,
    from: String,
    until: String,
}

/// The typed filters as a query, or what is wrong with them (in the user's locale).
fn parse_filters(typed: &Typed, inbox: usize, locale: Locale) -> Result<QueueFilter, String> {
    let day = |raw: &str| -> Result<Option<Date>, String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        Date::parse(raw, format_description!("[year]-[month]-[day]"))
            .map(Some)
            .map_err(|_| td_string!(locale, verification.bad_date).to_owned())
    };
    let nomor = typed.nomor_induk.trim();
    if !nomor.is_empty() && (nomor.len() != 18 || !nomor.bytes().all(|b| b.is_ascii_digit())) {
        return Err(td_string!(locale, verification.nip_digits).to_owned());
    }
    let from = day(&typed.from)?;
    let until = day(&typed.until)?;
    if let (Some(f), Some(u)) = (from, until) {
        if f > u {
            return Err(td_string!(locale, verification.dates_in_order).to_owned());
        }
    }
    Ok(QueueFilter {
        inbox,
        nomor_induk: (!nomor.is_empty()).then(|| nomor.to_owned()),
        nama: Some(typed.nama.trim().to_owned()).filter(|n| !n.is_empty()),
        riwayat: Riwayat::parse(&typed.riwayat).ok(),
        from,
        until,
        ..QueueFilter::default()
    })
}

#[component]
pub fn VerificationPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let filter = RwSignal::new(QueueFilter::default());
    let live = RwSignal::new(0u32);
    let queue = Resource::new(
        move || (filter.get(), live.get()),
        |(f, _)| antrian_verifikasi(f),
    );
    let summary = Resource::new(
        move || (filter.with(|f| f.inbox), live.get()),
        |(inbox, _)| ringkasan_verifikasi(inbox),
    );
    let backlog = Resource::new(move || filter.with(|f| f.inbox), sla_verifikasi);
    let typed = RwSignal::new(Typed::default());
    let filter_error = RwSignal::new(None::<String>);
    follow_queue(live);

    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let inbox = filter.with_untracked(|f| f.inbox);
        match parse_filters(&typed.get_untracked(), inbox, i18n.get_locale_untracked()) {
            Ok(f) => {
                filter_error.set(None);
                filter.set(f);
            }
            Err(message) => filter_error.set(Some(message)),
        }
    };

    view! {
        <section class="verification" data-testid="verification-page">
            <h1>{t!(i18n, verification.title)}</h1>
            <proof_check::ProofCheck />
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    summary.await.ok().map(|s| view! {
                        <p class="notice" data-testid="waiting-here">
                            {t!(i18n, verification.waiting_here)}
                            <strong>{s.waiting_here}</strong>
                        </p>
                        <ul class="counts" data-testid="counts">
                            {s.by_status.into_iter().map(|(code, n)| {
                                let status = code.clone();
                                view! {
                                    <li data-status=status>{move || status_name(&code, i18n.get_locale())} ": " {n}</li>
                                }
                            }).collect_view()}
                        </ul>
                    })
                })}
            </Transition>
            <form class="filters" on:submit=apply data-testid="queue-filters">
                <label>
                    {t!(i18n, verification.nip)}
                    <input inputmode="numeric" maxlength="18" name="nomor_induk"
                        prop:value=move || typed.with(|t| t.nomor_induk.clone())
                        on:input=move |ev| typed.update(|t| t.nomor_induk = event_target_value(&ev)) />
                </label>
                <label>
                    {t!(i18n, verification.name)}
                    <input name="nama" maxlength="100"
                        prop:value=move || typed.with(|t| t.nama.clone())
                        on:input=move |ev| typed.update(|t| t.nama = event_target_value(&ev)) />
                </label>
                <label>
                    {t!(i18n, verification.history)}
                    <select name="riwayat" on:change=move |ev| typed.update(|t| t.riwayat = event_target_value(&ev))>
                        <option value="">{t!(i18n, verification.all)}</option>
                        {Riwayat::all().iter().map(|r| {
                            let r = *r;
                            view! { <option value=r.code()>{move || r.name(lang.get())}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    {t!(i18n, verification.submitted_from)}
                    <input type="date" name="dari" on:input=move |ev| typed.update(|t| t.from = event_target_value(&ev)) />
                </label>
                <label>
                    {t!(i18n, verification.until)}
                    <input type="date" name="sampai" on:input=move |ev| typed.update(|t| t.until = event_target_value(&ev)) />
                </label>
                <button type="submit">{t!(i18n, verification.apply)}</button>
                {move || filter_error.get().map(|m| view! { <p class="form-error" role="alert" data-testid="filter-error">{m}</p> })}
            </form>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(page) => {
                            let inboxes = page.inboxes.clone();
                            let chosen = page.inbox;
                            let next = page.next;
                            let first = filter.with_untracked(|f| f.after.is_none());
                            view! {
                                {(inboxes.len() > 1).then(|| view! {
                                    <label>
                                        {t!(i18n, verification.inbox)}
                                        <select data-testid="inbox" on:change=move |ev| {
                                            let i = event_target_value(&ev).parse().unwrap_or(0);
                                            filter.update(|f| { f.inbox = i; f.after = None; });
                                        }>
                                            {inboxes.iter().enumerate().map(|(i, inbox)| {
                                                let inbox = *inbox;
                                                view! { <option value=i.to_string() selected=i == chosen>{move || inbox_label(inbox, i18n.get_locale())}</option> }
                                            }).collect_view()}
                                        </select>
                                    </label>
                                })}
                                <QueueTable items=page.items lang />
                                <div class="actions">
                                    {(!first).then(|| view! {
                                        <button type="button" class="secondary" on:click=move |_| filter.update(|f| f.after = None)>
                                            {t!(i18n, verification.first_page)}
                                        </button>
                                    })}
                                    {next.map(|cursor| view! {
                                        <button type="button" data-testid="next-page" on:click=move |_| filter.update(|f| f.after = Some(cursor))>
                                            {t!(i18n, verification.next_page)}
                                        </button>
                                    })}
                                </div>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <FormError error=Signal::derive(move || Some(e.clone())) lang /> }.into_any(),
                    }
                })}
            </Transition>
            <h2>{t!(i18n, verification.backlog_title)}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    backlog.await.ok().map(|rows| view! {
                        <table class="backlog" data-testid="backlog">
                            <thead><tr>
                                <th scope="col">{t!(i18n, verification.level)}</th>
                                <th scope="col">{t!(i18n, verification.place)}</th>
                                <th scope="col">{t!(i18n, verification.waiting)}</th>
                                <th scope="col">{t!(i18n, verification.oldest)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|b| view! {
                                    <tr>
                                        <td>{move || level_label(b.level, i18n.get_locale())}</td>
                                        <td>{b.place.clone()}</td>
                                        <td>{b.waiting}</td>
                                        <td>{in_wib(b.oldest)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })
                })}
            </Transition>
        </section>
    }
}

#[component]
fn QueueTable(items: Vec<QueueItem>, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! {
            <p class="empty" data-testid="queue-empty">
                {t!(i18n, verification.nothing_waiting)}
            </p>
        }
        .into_any();
    }
    view! {
        <table class="queue" data-testid="queue">
            <thead><tr>
                <th scope="col">{t!(i18n, verification.employee)}</th>
                <th scope="col">{t!(i18n, verification.work_unit)}</th>
                <th scope="col">{t!(i18n, verification.history)}</th>
                <th scope="col">{t!(i18n, verification.waiting_since)}</th>
                <th scope="col">{t!(i18n, verification.handled_by)}</th>
            </tr></thead>
            <tbody>
                {items.into_iter().map(|item| {
                    let riwayat = item.riwayat;
                    view! {
                        <tr data-testid="queue-item" data-id=item.id.to_string()>
                            <td>
                                <a href=format!("/verifikasi/{}", item.id)>{item.nama.clone()}</a>
                                <br /><small>{item.nomor_induk.clone().unwrap_or_default()}</small>
                            </td>
                            <td>{item.unit_kerja.clone()}</td>
                            <td>{move || riwayat.name(lang.get())}</td>
                            <td>{in_wib(item.waiting_since)}</td>
                            <td data-testid="claimed-by">{item.claimed_by.clone().unwrap_or_default()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_checked_before_they_are_sent() {
        let typed = |nomor: &str, from: &str, until: &str| Typed {
            nomor_induk: nomor.into(),
            from: from.into(),
            until: until.into(),
            ..Typed::default()
        };
        assert!(parse_filters(&typed("12345", "", ""), 0, Locale::id)
            .unwrap_err()
            .contains("18 angka"));
        assert!(
            parse_filters(&typed("", "2026-12-02", "2026-12-01"), 0, Locale::en)
                .unwrap_err()
                .contains("before")
        );
        assert!(parse_filters(&typed("", "2026-13-01", ""), 0, Locale::id).is_err());
        let ok = parse_filters(
            &typed(" 198503122010012901 ", "2026-12-01", ""),
            1,
            Locale::id,
        )
        .unwrap();
        assert_eq!(ok.nomor_induk.as_deref(), Some("198503122010012901"));
        assert_eq!(ok.inbox, 1);
        assert_eq!(ok.from, Some(time::macros::date!(2026 - 12 - 01)));
        assert_eq!(ok.nama, None);
    }
}
