//! Confirming one's own record: only the sections the employee has, each
//! confirmation audited by the store.

use std::net::IpAddr;

use sqlx::PgPool;

use super::confirmation::{Progress, Section};
use super::store;
use crate::domain::localized::{Lang, Localized};
use crate::edge::error::{AppError, FieldError};

#[derive(Debug)]
pub enum ConfirmationError {
    /// The caller has no employee record (an account without one).
    NoRecord,
    /// Not a section this employee's record has (a PPPK has no rank history).
    NoSuchSection,
    Database(sqlx::Error),
}

/// The one refusal a person reads here.
struct NoSuchSection;

impl Localized for NoSuchSection {
    fn message(&self, lang: Lang) -> String {
        lang.pick(
            "Bagian data ini tidak ada pada data Anda.",
            "Your record has no such section.",
        )
        .to_owned()
    }
}

impl From<ConfirmationError> for AppError {
    fn from(e: ConfirmationError) -> Self {
        match e {
            ConfirmationError::NoRecord => AppError::Forbidden,
            ConfirmationError::NoSuchSection => {
                AppError::Invalid(vec![FieldError::of("bagian", &NoSuchSection)])
            }
            ConfirmationError::Database(e) => AppError::internal("confirmations", e),
        }
    }
}

impl From<sqlx::Error> for ConfirmationError {
    fn from(e: sqlx::Error) -> Self {
        ConfirmationError::Database(e)
    }
}

/// The employee's progress; `NoRecord` for an account without a record.
pub async fn progress(pool: &PgPool, pegawai_id: i64) -> Result<Progress, ConfirmationError> {
    store::progress(pool, pegawai_id)
        .await?
        .ok_or(ConfirmationError::NoRecord)
}

/// "Data sudah sesuai" for one section (`bagian`: "data_personal" or a history's
/// code). Answers the new progress.
pub async fn confirm(
    pool: &PgPool,
    pegawai_id: i64,
    bagian: &str,
    ip: Option<IpAddr>,
) -> Result<Progress, ConfirmationError> {
    let before = progress(pool, pegawai_id).await?;
    let section = Section::parse(bagian.trim())
        .filter(|s| before.sections.iter().any(|(own, _)| own == s))
        .ok_or(ConfirmationError::NoSuchSection)?;
    store::confirm(pool, pegawai_id, section, ip).await?;
    progress(pool, pegawai_id).await
}
