//! A proposal beside the record it changes: each field's current and proposed value,
//! named for people, changed rows marked. The tracking page, the proof and the
//! verifier's decision page show the same table.

use leptos::prelude::*;

use crate::domain::localized::Lang;
use crate::domain::reference::Riwayat;
use crate::i18n::{t, use_i18n};
use crate::proposal::change::ProposedRecord;
use crate::proposal::submission::ProposalView;

/// A record's fields as `path → value` text, in a stable order.
fn fields(record: Option<&ProposedRecord>) -> Vec<(String, String)> {
    fn walk(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, inner) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(&path, inner, out);
                }
            }
            serde_json::Value::Null => out.push((prefix.to_owned(), "—".to_owned())),
            serde_json::Value::String(s) => out.push((prefix.to_owned(), s.clone())),
            other => out.push((prefix.to_owned(), other.to_string())),
        }
    }
    let mut out = Vec::new();
    if let Some(record) = record {
        let json = serde_json::to_value(record).unwrap_or_default();
        walk("", &json["data"], &mut out);
    }
    out.retain(|(path, _)| path != "id");
    out
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

/// A proposal's fields: the current value beside the proposed one, changes marked.
#[component]
pub fn CompareTable(
    rows: Vec<(String, String, String, bool)>,
    riwayat: Riwayat,
    lang: Signal<Lang>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="compare">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, compare.field)}</th>
                    <th scope="col">{t!(i18n, compare.current)}</th>
                    <th scope="col">{t!(i18n, compare.proposed)}</th>
                </tr>
            </thead>
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
