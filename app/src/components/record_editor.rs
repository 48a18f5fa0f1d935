//! One record as inputs, a row per field, named for people: the proposal form and
//! the verifier's typo correction are the same editor. What is typed stays text in
//! the page's signals; the caller puts it back into the record (`proposal::form::
//! compose`) and says what is wrong at which field.

use leptos::prelude::*;

use crate::domain::localized::Lang;
use crate::domain::reference::Riwayat;
use crate::proposal::form::{FormField, Shape};
use crate::proposal::labels::field_label;

/// Which of the two editors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editor {
    /// The employee's proposal: the current value beside each input, inputs typed
    /// by the field's shape (a date picker for a date).
    Proposal,
    /// The verifier's correction of the proposed values: inputs only, all text, so
    /// whatever typo was made can be seen and fixed.
    Correction,
}

impl Editor {
    fn id_prefix(self) -> &'static str {
        match self {
            Editor::Proposal => "usulan",
            Editor::Correction => "koreksi",
        }
    }
}

/// The editor's rows (a table body): one per field, marked when its text differs
/// from the value it started from, with `messages` of the field under its input.
pub fn record_rows<M>(
    editor: Editor,
    riwayat: Riwayat,
    fields: Vec<FormField>,
    inputs: Vec<RwSignal<String>>,
    messages: M,
    lang: Signal<Lang>,
) -> impl IntoView
where
    M: Fn(&str) -> Vec<String> + Clone + Send + Sync + 'static,
{
    fields
        .into_iter()
        .zip(inputs)
        .map(|(field, value)| {
            let path = field.path.clone();
            let current = field.current.clone();
            let input_id = format!("{}-{}", editor.id_prefix(), path.replace('.', "-"));
            let changed = {
                let current = current.clone();
                move || value.get().trim() != current
            };
            let messages = {
                let (path, messages) = (path.clone(), messages.clone());
                move || messages(&path)
            };
            let has_messages = {
                let messages = messages.clone();
                move || !messages().is_empty()
            };
            let kind = match (editor, field.shape) {
                (Editor::Proposal, Shape::Date) => "date",
                (Editor::Proposal, Shape::Number) => "number",
                _ => "text",
            };
            let label = {
                let path = path.clone();
                move || field_label(riwayat, &path, lang.get())
            };
            let shown = if current.is_empty() { "—".to_owned() } else { current.clone() };
            view! {
                <tr class=move || if changed() { "changed" } else { "" } data-field=path.clone()>
                    <th scope="row"><label for=input_id.clone()>{label}</label></th>
                    {(editor == Editor::Proposal).then(|| view! { <td class="old">{shown}</td> })}
                    <td class="new">
                        <input
                            id=input_id
                            type=kind
                            prop:value=move || value.get()
                            on:input=move |ev| value.set(event_target_value(&ev))
                            aria-invalid=move || if has_messages() { "true" } else { "false" }
                        />
                        <ul class="field-errors" aria-live="polite">
                            {move || messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                        </ul>
                    </td>
                </tr>
            }
        })
        .collect_view()
}
