//! The server's own checks, run in the browser while the employee types: the
//! record's types first (`compose`), then the cross-field rules against the rest of
//! the employee's record (`prepare`).

use leptos::prelude::*;
use time::Date;

use crate::domain::checks::Finding;
use crate::domain::localized::{Lang, Localized};
use crate::domain::reference::JenisDokumen;
use crate::domain::Pegawai;
use crate::proposal::change::{prepare, ChangeProblem, ProposedRecord, Target};
use crate::proposal::form::{compose, FieldProblem, FormField};

/// What the typed values make, recomputed as they change.
#[derive(Clone, Copy)]
pub struct Checks {
    composed: Memo<Result<ProposedRecord, Vec<FieldProblem>>>,
    /// The record ready to send with its warnings, or what blocks sending.
    pub checked: Memo<Result<(ProposedRecord, Vec<Finding>), ChangeProblem>>,
}

/// What the checks run on besides the typed values.
pub struct Against {
    pub pegawai: Pegawai,
    pub target: Signal<Target>,
    pub jenis: RwSignal<JenisDokumen>,
    pub today: Date,
}

impl Checks {
    pub fn new(
        template: ProposedRecord,
        fields: Vec<FormField>,
        inputs: Vec<RwSignal<String>>,
        against: Against,
    ) -> Self {
        let composed = Memo::new(move |_| {
            let typed: Vec<(FormField, String)> = fields
                .iter()
                .cloned()
                .zip(inputs.iter().map(|s| s.get()))
                .collect();
            compose(&template, &typed)
        });
        let Against {
            pegawai,
            target,
            jenis,
            today,
        } = against;
        let pegawai = StoredValue::new(pegawai);
        let checked = Memo::new(move |_| match composed.get() {
            Ok(record) => pegawai.with_value(|p| {
                prepare(p, target.get(), record.clone(), jenis.get(), today)
                    .map(|prepared| (record, prepared.warnings))
            }),
            Err(_) => Err(ChangeProblem::NoChange),
        });
        Checks { composed, checked }
    }

    /// Every problem of one field, its type's and the cross-field rules'.
    pub fn field_messages(self, path: &str, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if let Err(problems) = self.composed.get() {
            out.extend(
                problems
                    .iter()
                    .filter(|p| p.path == path)
                    .map(|p| p.message(lang).to_owned()),
            );
        }
        if let Err(ChangeProblem::Inconsistent(findings)) = self.checked.get() {
            out.extend(
                findings
                    .iter()
                    .filter(|f| f.field.field == path)
                    .map(|f| f.message(lang)),
            );
        }
        out
    }

    /// What blocks sending, for the summary above the button; `None` when nothing
    /// does. `marked` is the sentence for "correct the marked fields".
    pub fn blocking(self, lang: Lang, marked: impl FnOnce() -> String) -> Option<String> {
        if self.composed.get().is_err() {
            return Some(marked());
        }
        self.checked
            .get()
            .err()
            .map(|problem| problem.message(lang))
    }

    /// Whether nothing was changed yet (so there is nothing to complain about).
    pub fn unchanged(self) -> bool {
        matches!(self.checked.get(), Err(ChangeProblem::NoChange))
    }

    /// What the employee should look at again, without blocking.
    pub fn warnings(self, lang: Lang) -> Vec<String> {
        match self.checked.get() {
            Ok((_, warnings)) => warnings.iter().map(|w| w.message(lang)).collect(),
            Err(_) => Vec::new(),
        }
    }
}
