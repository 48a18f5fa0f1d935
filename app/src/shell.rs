use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    ParamSegment, SsrMode, StaticSegment,
};

use crate::components::layout::Layout;
use crate::i18n::{t_string, use_i18n, I18nContextProvider};
use crate::pages::{
    account::AccountPage,
    admin::AdminPage,
    confirmation::ConfirmationPage,
    home::HomePage,
    login::LoginPage,
    not_found::NotFound,
    notifications::NotificationsPage,
    profile::ProfilePage,
    proof::ProofPage,
    proposals::ProposalsPage,
    propose::ProposePage,
    reconciliation::{ConfirmContactPage, ReconciliationPage},
    registration::{RegistrationDecisionPage, RegistrationPage},
    set_password::SetPasswordPage,
    token_request::{ActivationPage, ForgotPasswordPage},
    verification::{DecisionPage, VerificationPage},
};

/// The HTML document the server streams around the app. It lives here so that
/// the server and the route list agree on one shell.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        // leptos_i18n sets `lang` on this element from the active locale.
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0b5cab" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" href="/icons/icon-192.png" type="image/png" />
                <link rel="apple-touch-icon" href="/icons/icon-192.png" />
                <AutoReload options=options.clone() />
                <HydrationScripts options=options.clone() />
                <HashedStylesheet options id="leptos" />
                // Registered from a static script so the app installs and works offline
                // even before (or without) the WASM bundle.
                <script src="/sw-register.js" defer></script>
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The document's title and description, in the page's language.
#[component]
fn Head() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, shell.brand) />
        <Meta name="description" content=move || t_string!(i18n, shell.description) />
        <Link rel="preload" href="/icons/icon-192.png" as_="image" />
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <I18nContextProvider>
            <Head />
            <Router>
                <Layout>
                    <Routes fallback=NotFound>
                        <Route path=StaticSegment("") view=HomePage />
                        <Route path=StaticSegment("masuk") view=LoginPage />
                        <Route path=StaticSegment("aktivasi") view=ActivationPage />
                        <Route path=StaticSegment("lupa-kata-sandi") view=ForgotPasswordPage />
                        <Route path=StaticSegment("kata-sandi") view=SetPasswordPage />
                        <Route path=StaticSegment("akun") view=AccountPage />
                        <Route path=StaticSegment("admin") view=AdminPage />
                        <Route path=StaticSegment("rekonsiliasi") view=ReconciliationPage />
                        <Route path=StaticSegment("registrasi") view=RegistrationPage />
                        <Route path=StaticSegment("usulan") view=ProposalsPage />
                        <Route path=StaticSegment("notifikasi") view=NotificationsPage />
                        <Route path=StaticSegment("konfirmasi") view=ConfirmationPage />
                        <Route path=StaticSegment("verifikasi") view=VerificationPage />
                        <Route
                            path=(StaticSegment("verifikasi"), ParamSegment("id"))
                            view=DecisionPage
                        />
                        <Route
                            path=(StaticSegment("usulan"), StaticSegment("baru"), ParamSegment("riwayat"))
                            view=ProposePage
                        />
                        <Route
                            path=(StaticSegment("usulan"), ParamSegment("id"), StaticSegment("bukti"))
                            view=ProofPage
                        />
                        <Route
                            path=(StaticSegment("registrasi"), StaticSegment("verifikasi"))
                            view=RegistrationDecisionPage
                        />
                        <Route
                            path=(StaticSegment("rekonsiliasi"), StaticSegment("konfirmasi"))
                            view=ConfirmContactPage
                        />
                        // Async: the whole profile is in the first HTML, for phones
                        // on slow links and for browsers without JavaScript.
                        <Route
                            path=(StaticSegment("profil"), ParamSegment("nomor"))
                            view=ProfilePage
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </Layout>
            </Router>
        </I18nContextProvider>
    }
}
