//! "Periksa Data": the employee checks each section of their record on the profile
//! and says "Data sudah sesuai" here, section by section; the bar shows what is
//! still to check. A wrong record is corrected by a proposal, not here.

use leptos::prelude::*;

use crate::components::form::{refusal, FormError};
use crate::components::session::{use_lang, use_session, SignInTo};
use crate::i18n::{t, use_i18n};
use crate::proposal::period::in_wib;
use crate::selfservice::api::{konfirmasi_saya, KonfirmasiData};

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let session = use_session();
    let confirm = ServerAction::<KonfirmasiData>::new();
    let progress = Resource::new(move || confirm.version().get(), |_| konfirmasi_saya());
    let error = refusal(confirm);
    view! {
        <section class="confirmation" data-testid="confirmation-page">
            <h1>{t!(i18n, confirmation.title)}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let profile = session
                        .me
                        .await
                        .ok()
                        .flatten()
                        .and_then(|me| me.nomor_induk)
                        .map(|n| format!("/profil/{n}"));
                    view! {
                        <p class="hint">
                            {t!(
                                i18n,
                                confirmation.hint,
                                <profile> = move |children: ChildrenFn| view! {
                                    <a href=profile.clone().unwrap_or_else(|| "/akun".to_owned())>{children()}</a>
                                }
                            )}
                        </p>
                    }
                })}
            </Transition>
            <FormError error lang />
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let Ok(progress) = progress.await else {
                        return view! { <SignInTo>{t!(i18n, confirmation.sign_in)}</SignInTo> }
                            .into_any();
                    };
                    let (done, total) = (progress.done(), progress.total());
                    view! {
                        <p data-testid="progress-text">
                            {t!(i18n, confirmation.progress, done, total)}
                        </p>
                        <progress data-testid="progress" max=total.to_string() value=done.to_string()></progress>
                        <Show when=move || done == total>
                            <p class="notice success" role="status" data-testid="all-confirmed">
                                {t!(i18n, confirmation.all_confirmed)}
                            </p>
                        </Show>
                        <ul class="records sections">
                            {progress
                                .sections
                                .into_iter()
                                .map(|(section, at)| {
                                    let code = section.code();
                                    view! {
                                        <li
                                            class="record"
                                            data-section=code
                                            data-confirmed=if at.is_some() { "true" } else { "false" }
                                        >
                                            <p>
                                                <strong>{move || section.name(lang.get())}</strong>
                                                " · "
                                                {match at {
                                                    Some(at) => view! { <span class="confirmed-at">{in_wib(at)}</span> }.into_any(),
                                                    None => view! {
                                                        <span class="pending">{t!(i18n, confirmation.not_confirmed)}</span>
                                                    }
                                                        .into_any(),
                                                }}
                                            </p>
                                            <button
                                                type="button"
                                                class=if at.is_some() { "secondary" } else { "" }
                                                data-testid=format!("confirm-{code}")
                                                disabled=move || confirm.pending().get()
                                                on:click=move |_| {
                                                    confirm.dispatch(KonfirmasiData { bagian: code.to_owned() });
                                                }
                                            >
                                                {t!(i18n, confirmation.confirm)}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                })}
            </Transition>
        </section>
    }
}
