use leptos::prelude::*;

use crate::domain::{Lang, Localized};
use crate::edge::error::AppError;
use crate::i18n::{t, t_string, use_i18n};

/// Problems under a field: what the browser found while typing, or else what the
/// server said about this field.
#[component]
pub fn FieldErrors(
    #[prop(into)] id: String,
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

/// A labelled input (the children are its label) with its problems under it, tied
/// to it by `aria-describedby`: the list's id is the input's with `-errors`. `name`
/// is the server's field name, so what the server says about it shows here too.
#[component]
pub fn TextField(
    id: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(into)] local: Signal<Vec<String>>,
    #[prop(into)] server: Signal<Option<AppError>>,
    #[prop(into)] lang: Signal<Lang>,
    /// The input's `type`.
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    /// Set when the field loses focus, for forms that check what was typed then.
    #[prop(optional)]
    touched: Option<RwSignal<bool>>,
    children: Children,
) -> impl IntoView {
    let errors = format!("{id}-errors");
    view! {
        <label for=id>{children()}</label>
        <input
            id=id
            name=name
            type=kind
            inputmode=inputmode
            autocomplete=autocomplete
            required=required
            aria-describedby=errors.clone()
            bind:value=value
            on:blur=move |_| {
                if let Some(touched) = touched {
                    touched.set(true);
                }
            }
        />
        <FieldErrors id=errors local server field=name lang />
    }
}

/// The refusal in a server action's last answer, if it was one: what a form's
/// fields (`TextField`, `FieldErrors`) and its `FormError` show.
pub fn refusal<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
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

/// A new password typed twice (`kata_sandi`, `ulangi`), checked as it is typed:
/// the policy against `identifier` (the server checks again, with the one it
/// knows) and that the two agree.
#[derive(Clone, Copy)]
pub struct NewPassword {
    pub password: RwSignal<String>,
    pub repeat: RwSignal<String>,
    problems: Signal<Vec<String>>,
    repeat_problems: Signal<Vec<String>>,
}

impl NewPassword {
    pub fn new(touched: RwSignal<bool>, identifier: Signal<String>, lang: Signal<Lang>) -> Self {
        let password = RwSignal::new(String::new());
        let repeat = RwSignal::new(String::new());
        NewPassword {
            password,
            repeat,
            problems: password_problems(touched, password, identifier, lang),
            repeat_problems: repeat_problems(touched, password, repeat),
        }
    }

    /// Whether both fields pass (read without tracking, for a submit handler).
    pub fn acceptable(self) -> bool {
        self.problems.get_untracked().is_empty() && self.repeat_problems.get_untracked().is_empty()
    }
}

/// The two fields of a `NewPassword`, labelled, with their problems.
#[component]
pub fn NewPasswordFields(
    new: NewPassword,
    #[prop(into)] server: Signal<Option<AppError>>,
    #[prop(into)] lang: Signal<Lang>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TextField id="kata_sandi" name="kata_sandi" kind="password" autocomplete="new-password" required=true
            value=new.password local=new.problems server lang>
            {t!(i18n, f_password_new)}
        </TextField>
        <TextField id="ulangi" name="ulangi" kind="password" autocomplete="new-password" required=true
            value=new.repeat local=new.repeat_problems server lang>
            {t!(i18n, f_password_repeat)}
        </TextField>
    }
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
