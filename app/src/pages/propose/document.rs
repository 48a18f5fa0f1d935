//! The supporting document of a proposal: its kind and the PDF, checked in the
//! browser as the server will check it, before anything is uploaded.

use leptos::prelude::*;

use crate::document::kind::{classify, DocumentProblem, Wanted};
use crate::domain::localized::{Lang, Localized};
use crate::domain::reference::JenisDokumen;
use crate::i18n::{t, use_i18n};

/// What the employee chose: the kind, the file and what is wrong with it.
#[derive(Clone, Copy)]
pub struct DocumentChoice {
    pub jenis: RwSignal<JenisDokumen>,
    input: NodeRef<leptos::html::Input>,
    problem: RwSignal<Option<DocumentProblem>>,
    missing: RwSignal<bool>,
    /// Bumped whenever another file is chosen: another file, another submission.
    pub version: RwSignal<u32>,
}

impl DocumentChoice {
    pub fn new(first: JenisDokumen) -> Self {
        DocumentChoice {
            jenis: RwSignal::new(first),
            input: NodeRef::new(),
            problem: RwSignal::new(None),
            missing: RwSignal::new(false),
            version: RwSignal::new(0),
        }
    }

    fn file(self) -> Option<web_sys::File> {
        self.input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
    }

    /// The file to send, if one is chosen and passed its checks; marks a missing one.
    pub fn ready(self) -> Option<web_sys::File> {
        let file = self.file();
        self.missing.set(file.is_none());
        file.filter(|_| self.problem.get_untracked().is_none())
    }

    fn chosen(self, max_bytes: u64) {
        self.missing.set(false);
        self.version.update(|v| *v = v.wrapping_add(1));
        let Some(file) = self.file() else {
            self.problem.set(None);
            return;
        };
        leptos::task::spawn_local(async move {
            self.problem.set(check_file(file, max_bytes).await.err());
        });
    }
}

/// The kind select, the file input and their problems.
#[component]
pub fn DocumentPicker(
    choice: DocumentChoice,
    /// The kinds that fit this history, the usual first.
    documents: &'static [JenisDokumen],
    max_bytes: u64,
    /// Whether sending was tried (a missing file is said only then).
    touched: RwSignal<bool>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let i18n = use_i18n();
    let jenis = choice.jenis;
    view! {
        <label for="jenis-dokumen">{t!(i18n, propose.document_kind)}</label>
        <select
            id="jenis-dokumen"
            on:change=move |ev| {
                if let Ok(kind) = JenisDokumen::parse(&event_target_value(&ev)) {
                    jenis.set(kind);
                }
            }
        >
            {documents
                .iter()
                .map(|&d| {
                    view! {
                        <option value=d.code() selected=move || jenis.get() == d>
                            {move || d.name(lang.get())}
                        </option>
                    }
                })
                .collect_view()}
        </select>
        <label for="berkas">{t!(i18n, propose.document)}</label>
        <input
            id="berkas"
            type="file"
            accept="application/pdf,.pdf"
            node_ref=choice.input
            on:change=move |_| choice.chosen(max_bytes)
        />
        <ul class="field-errors" aria-live="polite" data-testid="file-errors">
            {move || choice.problem.get().map(|p| view! { <li>{p.message(lang.get())}</li> })}
            {move || {
                (touched.get() && choice.missing.get())
                    .then(|| view! { <li>{t!(i18n, propose.attach_document)}</li> })
            }}
        </ul>
    }
    // Erased: the proposal form's view type is deep enough without this part's.
    .into_any()
}

/// Reads the chosen file and checks it as the server will: size first (without
/// reading a huge file), then what its bytes say it is.
#[cfg(feature = "hydrate")]
async fn check_file(file: web_sys::File, max_bytes: u64) -> Result<(), DocumentProblem> {
    let size = file.size() as u64;
    if size > max_bytes {
        return Err(DocumentProblem::TooLarge { limit: max_bytes });
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| DocumentProblem::Empty)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    classify(&bytes, Wanted::Document, max_bytes).map(|_| ())
}

/// On the server the form's handlers never run.
#[cfg(not(feature = "hydrate"))]
async fn check_file(_file: web_sys::File, max_bytes: u64) -> Result<(), DocumentProblem> {
    classify(&[], Wanted::Document, max_bytes).map(|_| ())
}
