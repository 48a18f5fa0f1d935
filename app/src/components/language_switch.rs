use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{t, use_i18n, I18nLocaleTrait, Locale};

/// Switches between Bahasa Indonesia (the default) and English.
///
/// It is a link to `/lang/{code}`, which stores the choice in leptos_i18n's cookie
/// and comes back here, so it works without JavaScript. Once hydrated, the click
/// switches in place instead and leptos_i18n writes the same cookie.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // Indonesian is the default: from any other locale the switch goes to it.
    let other = move || match i18n.get_locale() {
        Locale::id => Locale::en,
        _ => Locale::id,
    };
    let code = move || other().as_str();
    let href = move || {
        let here = location.pathname.get();
        let query = location.search.get();
        let next = if query.is_empty() {
            here
        } else {
            format!("{here}?{query}")
        };
        format!("/lang/{}?next={}", code(), urlencode(&next))
    };
    view! {
        <a
            class="lang-switch"
            data-testid="lang-switch"
            rel="nofollow"
            hreflang=code
            lang=code
            href=href
            on:click=move |ev| {
                ev.prevent_default();
                i18n.set_locale(other());
            }
        >
            {t!(i18n, switch_language)}
        </a>
    }
}

/// Percent-encodes everything but unreserved characters and `/`, enough for a path
/// and query carried as one query value.
fn urlencode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::urlencode;

    #[test]
    fn keeps_paths_and_escapes_query_syntax() {
        assert_eq!(urlencode("/profil/riwayat"), "/profil/riwayat");
        assert_eq!(urlencode("/a?b=c&d"), "/a%3Fb%3Dc%26d");
        assert_eq!(urlencode("/é"), "/%C3%A9");
    }
}
