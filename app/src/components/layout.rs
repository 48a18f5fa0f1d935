use leptos::prelude::*;

use crate::components::language_switch::LanguageSwitch;
use crate::components::session::{provide_session, use_session};
use crate::i18n::{t, t_string, use_i18n};

/// Page chrome shared by every route: header with the product name, the account
/// link and the language switch, the main content, and a footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    provide_session();
    view! {
        <header class="topbar">
            <a class="brand" href="/">
                <img src="/icons/icon-192.png" alt="" width="32" height="32" />
                <span class="brand-name">{t!(i18n, shell.brand)}</span>
            </a>
            <AccountLink />
            <LanguageSwitch />
        </header>
        <main id="main" class="content">
            {children()}
        </main>
        <footer class="footer">
            <p>{t!(i18n, footer_note)}</p>
        </footer>
    }
}

#[component]
fn AccountLink() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match session.me.await {
                    Ok(Some(me)) => {
                        let unread = me.notifikasi_baru;
                        let class = if unread > 0 { "notification-link unread" } else { "notification-link" };
                        let label = move || match unread {
                            0 => t_string!(i18n, shell.notifications).to_owned(),
                            count => t_string!(i18n, shell.notifications_unread, count),
                        };
                        view! {
                            <a
                                class=class
                                href="/notifikasi"
                                data-testid="notification-link"
                                data-unread=unread.to_string()
                            >
                                {label}
                            </a>
                            <a class="account-link" href="/akun" data-testid="account-link">
                                {me.name}
                            </a>
                        }
                            .into_any()
                    }
                    _ => {
                        view! {
                            <a class="account-link" href="/masuk" data-testid="login-link">
                                {t!(i18n, login_title)}
                            </a>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}
