//! "Notifikasi": every decision on the employee's proposals, newest first, the
//! unseen ones marked. New ones arrive live (the tracking stream); reading is an
//! explicit act, so a glance at the page does not lose what is new.

use leptos::prelude::*;

use crate::components::form::{refusal, FormError};
use crate::components::live_events::follow_own_proposals;
use crate::components::session::{use_lang, use_session, SignInTo};
use crate::domain::localized::Lang;
use crate::i18n::{t, t_string, use_i18n};
use crate::notification::api::{notifikasi, TandaiNotifikasiDibaca};
use crate::notification::{headline, Notification};
use crate::proposal::labels::event_label;
use crate::proposal::period::in_wib;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let session = use_session();
    let mark = ServerAction::<TandaiNotifikasiDibaca>::new();
    let live = RwSignal::new(0u32);
    let list = Resource::new(
        move || (mark.version().get(), live.get()),
        |_| notifikasi(None),
    );
    // The header's count follows what is read here.
    Effect::new(move |_| {
        if let Some(Ok(_)) = mark.value().get() {
            session.me.refetch();
        }
    });
    let error = refusal(mark);
    follow_own_proposals(live);
    // A decision arriving while the page is open counts in the header at once.
    Effect::new(move |before: Option<u32>| {
        let now = live.get();
        if before.is_some_and(|b| b != now) {
            session.me.refetch();
        }
        now
    });

    view! {
        <section class="notifications" data-testid="notifications-page">
            <h1>{t!(i18n, notifications.title)}</h1>
            <FormError error lang />
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(page) if page.items.is_empty() => view! {
                            <p class="empty" data-testid="no-notifications">
                                {t!(i18n, notifications.none)}
                            </p>
                        }
                            .into_any(),
                        Ok(page) => {
                            let newest = page.items.first().map(|n| n.id).unwrap_or(0);
                            let unread = page.unread;
                            view! {
                                <p class="notice" data-testid="unread-count">
                                    {move || match unread {
                                        0 => t_string!(i18n, notifications.all_read).to_owned(),
                                        count => t_string!(i18n, notifications.unread, count),
                                    }}
                                </p>
                                {(unread > 0).then(|| view! {
                                    <div class="actions">
                                        <button
                                            type="button"
                                            data-testid="mark-read"
                                            disabled=move || mark.pending().get()
                                            on:click=move |_| {
                                                mark.dispatch(TandaiNotifikasiDibaca { sampai: newest });
                                            }
                                        >
                                            {t!(i18n, notifications.mark_read)}
                                        </button>
                                    </div>
                                })}
                                <ul class="notification-list">
                                    {page
                                        .items
                                        .into_iter()
                                        .map(|n| view! { <NotificationItem n /> })
                                        .collect_view()}
                                </ul>
                                {page.older.map(|from| view! { <Older from lang /> })}
                            }
                                .into_any()
                        }
                        Err(_) => view! { <SignInTo>{t!(i18n, notifications.sign_in)}</SignInTo> }
                            .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The notifications older than `from`, loaded when asked for, a page at a time.
#[component]
fn Older(from: i64, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let load = Action::new(move |_: &()| notifikasi(Some(from)));
    view! {
        {move || match load.value().get() {
            None => view! {
                <button type="button" class="secondary" data-testid="older"
                    disabled=move || load.pending().get()
                    on:click=move |_| { load.dispatch(()); }>
                    {t!(i18n, notifications.older)}
                </button>
            }
                .into_any(),
            Some(Ok(page)) => view! {
                <ul class="notification-list">
                    {page.items.into_iter().map(|n| view! { <NotificationItem n /> }).collect_view()}
                </ul>
                {page.older.map(|from| view! { <Older from lang /> }.into_any())}
            }
                .into_any(),
            Some(Err(e)) => view! {
                <p class="form-error" role="alert">{move || e.message(lang.get())}</p>
            }
                .into_any(),
        }}
    }
    .into_any()
}

#[component]
fn NotificationItem(n: Notification) -> impl IntoView {
    let i18n = use_i18n();
    let Notification {
        riwayat,
        kind,
        level,
        reason,
        at,
        unread,
        ..
    } = n;
    view! {
        <li class=if unread { "notification unread" } else { "notification" } data-testid="notification">
            <p>
                <strong>{move || event_label(kind, i18n.get_locale())}</strong>
                {unread.then(|| view! { <span class="badge" data-testid="new">{t!(i18n, notifications.new_badge)}</span> })}
                " · " <time>{in_wib(at)}</time>
            </p>
            <p data-testid="headline">{move || headline(riwayat, kind, level, i18n.get_locale())}</p>
            {reason.map(|r| view! {
                <p class="reason" data-testid="reason">
                    {t!(i18n, notifications.reason)} {r.clone()}
                </p>
            })}
            <p><a href="/usulan">{t!(i18n, notifications.see_proposal)}</a></p>
        </li>
    }
}
