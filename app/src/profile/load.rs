use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::Profil;

/// Reads one employee's profile by NIP / NI PPPK.
///
/// Until sign-in exists (issue 4) profiles are readable only when the server runs
/// with demo data (`ProfileAccess::Demo` in context); otherwise this refuses, so a
/// production server never exposes personal data to anonymous callers.
#[server(prefix = "/api", endpoint = "profil", input = GetUrl)]
pub async fn load_profil(nomor_induk: String) -> Result<Option<Profil>, ServerFnError> {
    use super::store::{self, ProfileAccess};

    let access = use_context::<ProfileAccess>().unwrap_or(ProfileAccess::Closed);
    if access != ProfileAccess::Demo {
        leptos_axum::ResponseOptions::set_status(
            &expect_context::<leptos_axum::ResponseOptions>(),
            axum::http::StatusCode::FORBIDDEN,
        );
        return Err(ServerFnError::new(
            "profil hanya untuk pegawai yang masuk / sign in required",
        ));
    }
    let pool = expect_context::<sqlx::PgPool>();
    store::profil_by_nomor_induk(&pool, &nomor_induk)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "loading a profile");
            ServerFnError::new("gagal memuat profil / could not load the profile")
        })
}
