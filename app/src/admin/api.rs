//! Admin server functions: authorise against the organisation tree, parse,
//! write with an audit entry. A refusal is audited too.

use leptos::prelude::*;

use crate::auth::error::AuthError;

#[cfg(feature = "ssr")]
mod edge {
    use crate::audit::{self, AuditEntry, AuditEvent};
    use crate::auth::access::{authorize, Action, Principal, Subject};
    use crate::auth::api::{current_user, edge::refuse};
    use crate::auth::error::{AuthError, Message};

    fn server(e: sqlx::Error) -> AuthError {
        tracing::error!(error = %e, "admin");
        refuse(AuthError::Server("admin".into()))
    }

    /// The signed-in caller, who must hold an admin role to get further.
    pub async fn admin() -> Result<Principal, AuthError> {
        let user = current_user()
            .await?
            .ok_or_else(|| refuse(AuthError::Unauthenticated))?;
        let principal = user.principal;
        if !principal.roles.iter().any(|r| {
            matches!(
                r,
                crate::auth::access::Role::AdminInstansi { .. }
                    | crate::auth::access::Role::AdminBkn
            )
        }) {
            denied(&principal, None, "admin").await?;
        }
        Ok(principal)
    }

    /// Refuses with 403 and writes the refusal to the audit log.
    pub async fn denied(
        who: &Principal,
        subject: Option<i64>,
        what: &str,
    ) -> Result<(), AuthError> {
        audit::record(
            &crate::auth::api::edge::pool(),
            AuditEvent::AccessDenied,
            AuditEntry {
                actor: Some(who.pegawai_id),
                subject,
                ip: None,
                detail: serde_json::json!({ "action": what }),
            },
        )
        .await
        .map_err(server)?;
        Err(refuse(AuthError::Forbidden))
    }

    pub async fn subject(nomor_induk: &str) -> Result<Subject, AuthError> {
        crate::auth::store::subject_by_nomor_induk(&crate::auth::api::edge::pool(), nomor_induk)
            .await
            .map_err(server)?
            .ok_or_else(|| {
                refuse(AuthError::Refused(Message::new(
                    "Pegawai dengan NIP ini tidak ditemukan.",
                    "No employee has this NIP.",
                )))
            })
    }

    pub async fn permit(
        who: &Principal,
        action: Action,
        subject: Option<i64>,
        what: &str,
    ) -> Result<(), AuthError> {
        match authorize(who, &action) {
            Ok(()) => Ok(()),
            Err(_) => denied(who, subject, what).await,
        }
    }

    pub fn db(e: sqlx::Error) -> AuthError {
        server(e)
    }
}

#[cfg(feature = "ssr")]
fn invalid(field: &str, e: &impl crate::domain::Localized) -> crate::auth::error::FieldError {
    crate::auth::error::FieldError {
        field: field.to_owned(),
        messages: vec![crate::auth::error::Message::of(e)],
    }
}

/// Fixes an employee's registered email and/or mobile number (empty: unchanged).
#[server(prefix = "/api", endpoint = "ubah_kontak")]
pub async fn ubah_kontak(
    nomor_induk: String,
    email: String,
    nomor_hp: String,
) -> Result<(), AuthError> {
    use super::store::{fix_contact, ContactChange};
    use crate::auth::access::Action;
    use crate::auth::api::edge::refuse;
    use crate::auth::login_id::LoginId;
    use crate::domain::{Email, MobileNumber};

    let who = edge::admin().await?;
    let mut fields = Vec::new();
    let nomor = match LoginId::parse(&nomor_induk) {
        Ok(LoginId::NomorInduk(n)) => Some(n),
        Ok(LoginId::Nik(_)) => None,
        Err(e) => {
            fields.push(invalid("nomor_induk", &e));
            None
        }
    };
    let email = match email.trim() {
        "" => None,
        e => match Email::parse(e) {
            Ok(e) => Some(e),
            Err(err) => {
                fields.push(invalid("email", &err));
                None
            }
        },
    };
    let mobile = match nomor_hp.trim() {
        "" => None,
        m => match MobileNumber::parse(m) {
            Ok(m) => Some(m),
            Err(err) => {
                fields.push(invalid("nomor_hp", &err));
                None
            }
        },
    };
    if !fields.is_empty() {
        return Err(refuse(AuthError::Invalid(fields)));
    }
    let Some(nomor) = nomor else {
        return Err(refuse(AuthError::Invalid(vec![
            crate::auth::error::FieldError {
                field: "nomor_induk".into(),
                messages: vec![crate::auth::error::Message::new(
                    "Masukkan NIP / NI PPPK pegawai.",
                    "Enter the employee's NIP / NI PPPK.",
                )],
            },
        ])));
    };
    if email.is_none() && mobile.is_none() {
        return Err(refuse(AuthError::Invalid(vec![
            crate::auth::error::FieldError {
                field: "email".into(),
                messages: vec![crate::auth::error::Message::new(
                    "Isi email atau nomor HP yang baru.",
                    "Enter the new email or mobile number.",
                )],
            },
        ])));
    }
    let subject = edge::subject(&nomor).await?;
    edge::permit(
        &who,
        Action::FixContact(subject),
        Some(subject.pegawai_id),
        "fix_contact",
    )
    .await?;
    fix_contact(
        &crate::auth::api::edge::pool(),
        ContactChange {
            actor: who.pegawai_id,
            pegawai_id: subject.pegawai_id,
            email: email.as_ref().map(|e| e.as_str()),
            nomor_hp: mobile.as_ref().map(|m| m.as_str()),
        },
    )
    .await
    .map_err(edge::db)
}

/// Appoints an employee as verifier at `tingkat` (1 unit kerja … 4 BKN Pusat)
/// for `lingkup` ("unit_kerja", "instansi", "kanreg", "pusat") with its id.
#[server(prefix = "/api", endpoint = "angkat_verifikator")]
pub async fn angkat_verifikator(
    nomor_induk: String,
    lingkup: String,
    lingkup_id: Option<i64>,
    tingkat: i16,
) -> Result<bool, AuthError> {
    use crate::auth::access::{Action, Scope};
    use crate::auth::api::edge::refuse;
    use crate::auth::error::{FieldError, Message};

    let who = edge::admin().await?;
    let bad = |field: &str, id: &str, en: &str| {
        refuse(AuthError::Invalid(vec![FieldError {
            field: field.to_owned(),
            messages: vec![Message::new(id, en)],
        }]))
    };
    let scope = match (lingkup.as_str(), lingkup_id) {
        ("unit_kerja", Some(id)) => Scope::UnitKerja(id),
        ("instansi", Some(id)) => Scope::Instansi(
            i32::try_from(id)
                .map_err(|_| bad("lingkup_id", "Instansi tidak dikenal.", "Unknown agency."))?,
        ),
        ("kanreg", Some(id)) => Scope::Kanreg(i16::try_from(id).map_err(|_| {
            bad(
                "lingkup_id",
                "Kanreg tidak dikenal.",
                "Unknown regional office.",
            )
        })?),
        ("pusat", _) => Scope::Pusat,
        _ => return Err(bad("lingkup", "Lingkup tidak dikenal.", "Unknown scope.")),
    };
    if i16::from(scope.level()) != tingkat {
        return Err(bad(
            "tingkat",
            "Tingkat tidak sesuai lingkup: 1 unit kerja, 2 instansi, 3 Kanreg, 4 BKN Pusat.",
            "The level does not fit the scope: 1 work unit, 2 agency, 3 regional office, 4 BKN.",
        ));
    }
    let subject = edge::subject(nomor_induk.trim()).await?;
    let pool = crate::auth::api::edge::pool();
    let unit_instansi = match scope {
        Scope::UnitKerja(u) => Some(
            super::store::unit_instansi(&pool, u)
                .await
                .map_err(edge::db)?
                .ok_or_else(|| {
                    bad(
                        "lingkup_id",
                        "Unit kerja tidak dikenal.",
                        "Unknown work unit.",
                    )
                })?,
        ),
        _ => None,
    };
    edge::permit(
        &who,
        Action::AppointVerifier {
            scope,
            unit_instansi,
            appointee: subject.placement,
        },
        Some(subject.pegawai_id),
        "appoint_verifier",
    )
    .await?;
    super::store::appoint_verifier(&pool, who.pegawai_id, subject.pegawai_id, scope, tingkat)
        .await
        .map_err(edge::db)
}
