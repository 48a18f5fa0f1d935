use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::domain::Lang;
use crate::edge::error::AppError;
use crate::i18n::Locale;
use crate::me::{saya, Me};

/// The signed-in user, loaded once per page and refreshed after sign-in and out.
#[derive(Clone, Copy)]
pub struct SessionState {
    pub me: Resource<Result<Option<Me>, AppError>>,
}

pub fn provide_session() -> SessionState {
    let state = SessionState {
        me: Resource::new(|| (), |_| saya()),
    };
    provide_context(state);
    state
}

pub fn use_session() -> SessionState {
    expect_context::<SessionState>()
}

/// The domain's language for the active locale (for `Localized` messages and the
/// field labels of a history's description).
pub fn lang_of(i18n: I18nContext<Locale>) -> Lang {
    i18n.get_locale().into()
}

/// What a page that needs a signed-in user shows someone who is not: a link to sign
/// in, saying what for (the page's own text, as children).
#[component]
pub fn SignInTo(children: Children) -> impl IntoView {
    view! {
        <p>
            <a href="/masuk">{children()}</a>
        </p>
    }
}

/// `lang_of` as a signal, for the pages' `Localized` messages.
pub fn use_lang() -> Signal<Lang> {
    let i18n = crate::i18n::use_i18n();
    Signal::derive(move || lang_of(i18n))
}
