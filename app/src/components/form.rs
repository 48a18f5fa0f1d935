use leptos::prelude::*;

use crate::domain::{Lang, Localized};
use crate::edge::error::AppError;
use crate::i18n::{t_string, use_i18n};

/// Problems under a field: what the browser found while typing, or else what the
/// server said about this field.
#[component]
pub fn FieldErrors(
    id: &'static str,
    #[prop(into)] local: Signal<Vec<String>>,
    #[prop(into)] server: Signal<Option<AppError>>,
    field: &'static str,
    #[prop(into)] lang: Signal<Lang>,
) -> impl IntoView {
    let messages = move || {
        let local = local.get();
        if !local.is_empty() {
            return local;
        }
        server
            .get()
            .map(|e| e.for_field(field, lang.get()))
            .unwrap_or_default()
    };
    view! {
        <ul id=id class="field-errors" aria-live="polite">
            <For each=messages key=|m| m.clone() let:message>
                <li>{message}</li>
            </For>
        </ul>
    }
}

/// A refusal that is not about one field (wrong password, locked, network).
#[component]
pub fn FormError(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(into)] lang: Signal<Lang>,
) -> impl IntoView {
    let text = move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .map(|e| e.message(lang.get()))
    };
    view! {
        <p class="form-error" role="alert" data-testid="form-error">{text}</p>
    }
}

/// What is wrong with a field's value, in the user's language: nothing until the
/// user has tried to submit (`touched`), then the parser's own message.
pub fn field_problems<T: 'static, E: Localized + 'static>(
    touched: RwSignal<bool>,
    value: RwSignal<String>,
    lang: Signal<Lang>,
    parse: fn(&str) -> Result<T, E>,
) -> Signal<Vec<String>> {
    Signal::derive(move || {
        if !touched.get() {
            return Vec::new();
        }
        parse(&value.get())
            .err()
            .map(|e| vec![e.message(lang.get())])
            .unwrap_or_default()
    })
}

/// The same for an optional field: empty is fine, anything else is checked as typed.
pub fn optional_field_problems<T: 'static, E: Localized + 'static>(
    value: RwSignal<String>,
    lang: Signal<Lang>,
    parse: fn(&str) -> Result<T, E>,
) -> Signal<Vec<String>> {
    Signal::derive(move || {
        let v = value.get();
        if v.trim().is_empty() {
            return Vec::new();
        }
        parse(&v)
            .err()
            .map(|e| vec![e.message(lang.get())])
            .unwrap_or_default()
    })
}

/// The password rules as the user types a new password (the server checks them
/// again, with the identifier it knows).
pub fn password_problems(
    touched: RwSignal<bool>,
    password: RwSignal<String>,
    identifier: Signal<String>,
    lang: Signal<Lang>,
) -> Signal<Vec<String>> {
    Signal::derive(move || {
        let pw = password.get();
        if pw.is_empty() && !touched.get() {
            return Vec::new();
        }
        crate::auth::password_policy::PasswordPolicy::default()
            .problems(&pw, identifier.get().trim())
            .iter()
            .map(|p| p.message(lang.get()))
            .collect()
    })
}

/// "Type it again" must match.
pub fn repeat_problems(
    touched: RwSignal<bool>,
    password: RwSignal<String>,
    repeat: RwSignal<String>,
) -> Signal<Vec<String>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        if touched.get() && repeat.get() != password.get() {
            vec![t_string!(i18n, form.passwords_differ).to_owned()]
        } else {
            Vec::new()
        }
    })
}
