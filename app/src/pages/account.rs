//! The signed-in user's account: who they are, sign out here or everywhere.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::form::{refusal, FormError};
use crate::components::session::{use_lang, use_session};
use crate::i18n::{t, use_i18n};
use crate::me::Keluar;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let session = use_session();
    let action = ServerAction::<Keluar>::new();
    let server_error = refusal(action);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            session.me.refetch();
            navigate("/masuk", Default::default());
        }
    });
    view! {
        <section class="auth" data-testid="account-page">
            <h1>{t!(i18n, account_title)}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match session.me.await {
                        Ok(Some(me)) => {
                            let profile = me.nomor_induk.clone().map(|n| format!("/profil/{n}"));
                            view! {
                                <p>{t!(i18n, signed_in_as)} " " <strong data-testid="me-name">{me.name}</strong></p>
                                {profile.map(|href| view! { <p><a href=href>{t!(i18n, my_profile)}</a></p> })}
                                <p><a href="/konfirmasi" data-testid="confirmation-link">{t!(i18n, check_data)}</a></p>
                                <p><a href="/usulan" data-testid="proposals-link">{t!(i18n, my_proposals)}</a></p>
                                {me.is_verifier.then(|| view! { <p><a href="/verifikasi" data-testid="verification-link">{t!(i18n, account.verification_link)}</a></p> })}
                                {me.is_admin.then(|| view! { <p><a href="/admin" data-testid="admin-link">{t!(i18n, admin_link)}</a></p> })}
                                {me.registration_desk.then(|| view! { <p><a href="/registrasi/verifikasi" data-testid="registration-desk-link">{t!(i18n, registration_desk_link)}</a></p> })}
                                <div class="actions">
                                    <button
                                        type="button"
                                        data-testid="logout"
                                        on:click=move |_| { action.dispatch(Keluar { semua: false }); }
                                    >
                                        {t!(i18n, logout)}
                                    </button>
                                    <button
                                        type="button"
                                        class="secondary"
                                        data-testid="logout-everywhere"
                                        on:click=move |_| { action.dispatch(Keluar { semua: true }); }
                                    >
                                        {t!(i18n, logout_everywhere)}
                                    </button>
                                </div>
                                <p class="hint">{t!(i18n, logout_everywhere_hint)}</p>
                            }
                                .into_any()
                        }
                        _ => view! { <p><a href="/masuk">{t!(i18n, login_title)}</a></p> }.into_any(),
                    }
                })}
            </Transition>
            <FormError error=server_error lang />
        </section>
    }
}
