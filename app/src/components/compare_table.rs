//! A proposal beside the record it changes: each field's current and proposed value,
//! named for people, changed rows marked. The tracking page, the proof and the
//! verifier's decision page show the same table.

use leptos::prelude::*;

use crate::domain::localized::Lang;
use crate::domain::reference::Riwayat;
use crate::i18n::{t, use_i18n};
use crate::json_paths::leaves;
use crate::proposal::change::ProposedRecord;
use crate::proposal::submission::ProposalView;

/// A record's fields as `path → value` text, in a stable order.
fn fields(record: Option<&ProposedRecord>) -> Vec<(String, String)> {
    let Some(record) = record else {
        return Vec::new();
    };
    let json = serde_json::to_value(record).unwrap_or_default();
    leaves(&json["data"])
        .into_iter()
        .filter(|(path, _)| path != "id")
        .map(|(path, value)| {
            let text = match value {
                serde_json::Value::Null => "—".to_owned(),
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (path, text)
        })
        .collect()
}

/// Each field of a proposal as `(path, current, proposed, changed)`.
pub fn compare_rows(proposal: &ProposalView) -> Vec<(String, String, String, bool)> {
    let before = fields(proposal.before.as_ref());
    fields(Some(&proposal.after))
        .into_iter()
        .map(|(path, new)| {
            let old = before
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| "—".to_owned());
            let changed = old != new;
            (path, old, new, changed)
        })
        .collect()
}

/// The columns of a comparison: the field, its current value, the proposed one.
#[component]
pub fn CompareHead() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <thead>
            <tr>
                <th scope="col">{t!(i18n, compare.field)}</th>
                <th scope="col">{t!(i18n, compare.current)}</th>
                <th scope="col">{t!(i18n, compare.proposed)}</th>
            </tr>
        </thead>
    }
}

/// A proposal's fields: the current value beside the proposed one, changes marked.
#[component]
pub fn CompareTable(
    rows: Vec<(String, String, String, bool)>,
    riwayat: Riwayat,
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <table class="compare">
            <CompareHead />
            <tbody>
                {rows
                    .into_iter()
                    .map(|(path, old, new, changed)| {
                        let field = path.clone();
                        view! {
                            <tr class=if changed { "changed" } else { "" } data-field=field>
                                <th scope="row">{move || crate::proposal::labels::field_label(riwayat, &path, lang.get())}</th>
                                <td class="old">{old}</td>
                                <td class="new">{new}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
