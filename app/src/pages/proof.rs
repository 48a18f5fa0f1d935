//! The proof of submission (`/usulan/{id}/bukti`): a printable page (print, or save
//! as PDF from the print dialog) with what was proposed, when, and a verification
//! code the server derives with its key, so a verifier handed the paper can check it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::compare_table::{compare_rows, CompareTable};
use crate::components::session::{lang_of, SignInTo};
use crate::domain::localized::Lang;
use crate::i18n::use_i18n;
use crate::proposal::api::usulan_saya;
use crate::proposal::labels::level_label;
use crate::proposal::period::in_wib;
use crate::proposal::submission::ProposalView;

#[component]
pub fn ProofPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = Signal::derive(move || lang_of(i18n));
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    };
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
                                    {move || lang.get().pick("Usulan tidak ditemukan.", "Proposal not found.")}
                                </p>
                            }
                                .into_any(),
                        },
                        Err(_) => view! { <SignInTo id="Masuk untuk melihat bukti pengajuan" en="Sign in to see the proof of submission" lang /> }
                            .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Proof(proposal: ProposalView, lang: Signal<Lang>) -> impl IntoView {
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
        <h1>{move || lang.get().pick("Bukti Pengajuan Usulan Pemutakhiran Data", "Proof of Submission of a Data Update Proposal")}</h1>
        <dl class="proof-facts">
            <dt>{move || lang.get().pick("Nomor usulan", "Proposal number")}</dt>
            <dd data-testid="proof-number">{proposal.id}</dd>
            <dt>{move || lang.get().pick("Riwayat", "History")}</dt>
            <dd>{move || riwayat.name(lang.get())}</dd>
            <dt>{move || lang.get().pick("Diajukan", "Submitted")}</dt>
            <dd>{in_wib(proposal.submitted_at)}</dd>
            <dt>{move || lang.get().pick("Dokumen pendukung", "Supporting document")}</dt>
            <dd>{move || jenis.name(lang.get())}</dd>
            <dt>{move || lang.get().pick("Diverifikasi oleh", "Verified by")}</dt>
            <dd>
                {move || {
                    chain
                        .iter()
                        .map(|l| level_label(*l, lang.get()))
                        .collect::<Vec<_>>()
                        .join(" → ")
                }}
            </dd>
            <dt>{move || lang.get().pick("Kode verifikasi", "Verification code")}</dt>
            <dd class="code" data-testid="verification-code">{proposal.kode_bukti}</dd>
        </dl>
        <CompareTable rows riwayat lang />
        <p class="note">
            {move || lang.get().pick(
                "Usulan ini belum menjadi data kepegawaian Anda sampai disetujui verifikator.",
                "This proposal is not part of your personnel record until a verifier approves it.",
            )}
        </p>
        <div class="actions no-print">
            <button type="button" data-testid="print-proof" on:click=print>
                {move || lang.get().pick("Cetak / simpan sebagai PDF", "Print / save as PDF")}
            </button>
            <a href="/usulan">{move || lang.get().pick("Kembali ke Usulan Saya", "Back to My proposals")}</a>
        </div>
    }
}
