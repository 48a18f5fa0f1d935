//! Admin server functions: take the caller, call the service, convert its error.

use leptos::prelude::*;

use crate::edge::error::AppError;

/// Fixes an employee's registered email and/or mobile number (empty: unchanged).
#[server(prefix = "/api", endpoint = "ubah_kontak")]
pub async fn ubah_kontak(
    nomor_induk: String,
    email: String,
    nomor_hp: String,
) -> Result<(), AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        Ok(
            super::service::fix_contact(&me.pool, &me.principal, &nomor_induk, &email, &nomor_hp)
                .await?,
        )
    })
    .await
}

/// Appoints an employee as verifier at `tingkat` (1 unit kerja … 4 BKN Pusat)
/// for `lingkup` ("unit_kerja", "instansi", "kanreg", "pusat") with its id.
#[server(prefix = "/api", endpoint = "angkat_verifikator")]
pub async fn angkat_verifikator(
    nomor_induk: String,
    lingkup: String,
    lingkup_id: Option<i64>,
    tingkat: i16,
) -> Result<bool, AppError> {
    use crate::edge;
    edge::as_signed_in(|me| async move {
        let scope = (lingkup.as_str(), lingkup_id);
        Ok(
            super::service::appoint_verifier(&me.pool, &me.principal, &nomor_induk, scope, tingkat)
                .await?,
        )
    })
    .await
}
