//! The proof of submission (`/usulan/{id}/bukti`): a printable page (print, or save
//! as PDF from the print dialog) with what was proposed, when, and a verification
//! code the server derives with its key, so a verifier handed the paper can check it.

use leptos::prelude::*;

use crate::components::compare_table::{compare_rows, CompareTable};
use crate::components::params::id_param;
use crate::components::session::{use_lang, SignInTo};
use crate::domain::localized::Lang;
use crate::i18n::{t, use_i18n};
use crate::proposal::api::usulan_saya;
use crate::proposal::labels::level_label;
use crate::proposal::period::in_wib;
use crate::proposal::submission::ProposalView;

#[component]
pub fn ProofPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let id = id_param();
    let list = Resource::new(|| (), |_| usulan_saya());
    view! {
        <section class="proof" data-testid="proof-page">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let wanted = id();
                    match list.await {
                        Ok(rows) => match rows.into_iter().find(|p| Some(p.id) == wanted) {
                            Some(proposal) => view! { <Proof proposal lang /> }.into_any(),
                            None => view! {
                                <p class="form-error" role="alert" data-testid="form-error">
                                    {t!(i18n, proof.not_found)}
                                </p>
                            }
                                .into_any(),
                        },
                        Err(_) => view! { <SignInTo>{t!(i18n, proof.sign_in)}</SignInTo> }
                            .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Proof(proposal: ProposalView, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    // Runs only in the browser, on a click.
    let print = move |_| {
        let _ = window().print();
    };
    // A proof shows what was sent, even after a verifier corrected it.
    let mut sent = proposal.clone();
    if let Some(submitted) = sent.submitted.take() {
        sent.after = submitted;
    }
    let rows = compare_rows(&sent);
    let riwayat = proposal.riwayat;
    let jenis = proposal.jenis_dokumen;
    let chain = proposal.chain.levels().to_vec();
    view! {
        <h1>{t!(i18n, proof.title)}</h1>
        <dl class="proof-facts">
            <dt>{t!(i18n, proof.number)}</dt>
            <dd data-testid="proof-number">{proposal.id}</dd>
            <dt>{t!(i18n, proof.history)}</dt>
            <dd>{move || riwayat.name(lang.get())}</dd>
            <dt>{t!(i18n, proof.submitted)}</dt>
            <dd>{in_wib(proposal.submitted_at)}</dd>
            <dt>{t!(i18n, proof.document)}</dt>
            <dd>{move || jenis.name(lang.get())}</dd>
            <dt>{t!(i18n, proof.verified_by)}</dt>
            <dd>
                {move || {
                    chain
                        .iter()
                        .map(|l| level_label(*l, i18n.get_locale()))
                        .collect::<Vec<_>>()
                        .join(" → ")
                }}
            </dd>
            <dt>{t!(i18n, proof.code)}</dt>
            <dd class="code" data-testid="verification-code">{proposal.kode_bukti}</dd>
        </dl>
        <CompareTable rows riwayat lang />
        <p class="note">
            {t!(i18n, proof.note)}
        </p>
        <div class="actions no-print">
            <button type="button" data-testid="print-proof" on:click=print>
                {t!(i18n, proof.print)}
            </button>
            <a href="/usulan">{t!(i18n, proof.back)}</a>
        </div>
    }
}
