//! "Periksa Data": the employee checks each section of their record on the profile
//! and says "Data sudah sesuai" here, section by section; the bar shows what is
//! still to check. A wrong record is corrected by a proposal, not here.

use leptos::prelude::*;

use crate::components::form::FormError;
use crate::components::session::{lang_of, use_session, SignInTo};
use crate::i18n::use_i18n;
use crate::proposal::period::in_wib;
use crate::selfservice::api::{konfirmasi_saya, KonfirmasiData};

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = Signal::derive(move || lang_of(i18n));
    let session = use_session();
    let confirm = ServerAction::<KonfirmasiData>::new();
    let progress = Resource::new(move || confirm.version().get(), |_| konfirmasi_saya());
    let error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    view! {
        <section class="confirmation" data-testid="confirmation-page">
            <h1>{move || lang.get().pick("Periksa dan Konfirmasi Data", "Check and confirm your data")}</h1>
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
                            {move || lang.get().pick(
                                "Periksa setiap bagian pada ",
                                "Check each section on ",
                            )}
                            <a href=profile.unwrap_or_else(|| "/akun".to_owned())>
                                {move || lang.get().pick("profil Anda", "your profile")}
                            </a>
                            {move || lang.get().pick(
                                ". Jika sudah benar, tekan \"Data sudah sesuai\". Jika ada yang salah, ajukan perbaikannya sebagai usulan.",
                                ". If it is right, press \"Data sudah sesuai\" (the data is correct). If something is wrong, propose a correction.",
                            )}
                        </p>
                    }
                })}
            </Transition>
            <FormError error lang />
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let Ok(progress) = progress.await else {
                        return view! { <SignInTo id="Masuk untuk memeriksa data Anda" en="Sign in to check your data" lang /> }
                            .into_any();
                    };
                    let (done, total) = (progress.done(), progress.total());
                    view! {
                        <p data-testid="progress-text">
                            {move || {
                                lang.get()
                                    .pick("{d} dari {t} bagian sudah dikonfirmasi", "{d} of {t} sections confirmed")
                                    .replace("{d}", &done.to_string())
                                    .replace("{t}", &total.to_string())
                            }}
                        </p>
                        <progress data-testid="progress" max=total.to_string() value=done.to_string()></progress>
                        <Show when=move || done == total>
                            <p class="notice success" role="status" data-testid="all-confirmed">
                                {move || lang.get().pick(
                                    "Semua bagian sudah Anda konfirmasi. Terima kasih.",
                                    "You have confirmed every section. Thank you.",
                                )}
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
                                                        <span class="pending">{move || lang.get().pick("Belum dikonfirmasi", "Not confirmed yet")}</span>
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
                                                {move || lang.get().pick("Data sudah sesuai", "The data is correct")}
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
