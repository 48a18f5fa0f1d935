//! Who approves what (*kewenangan*). The approval chain of each history (and of Data
//! Personal) is configuration, kept in the table `rantai_persetujuan`: seeded with
//! unverified defaults by the migration, changed by BKN's admin (`atur_rantai`). A
//! chain is fixed on a proposal when it is submitted, so a change never reroutes a
//! proposal already under way.

use serde::{Deserialize, Serialize};

use super::lifecycle::{Chain, Level};
use crate::domain::reference::Riwayat;

/// What a chain is for: one history, or Data Personal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChainSubject {
    Riwayat(Riwayat),
    DataPersonal,
}

impl ChainSubject {
    pub fn code(self) -> &'static str {
        match self {
            ChainSubject::Riwayat(r) => r.code(),
            ChainSubject::DataPersonal => "data_personal",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        if code == "data_personal" {
            return Some(ChainSubject::DataPersonal);
        }
        Riwayat::parse(code).ok().map(ChainSubject::Riwayat)
    }
}

/// The older ePUPNS route: every update through four inboxes.
pub fn epupns() -> Chain {
    Chain::try_from(Level::ALL.to_vec()).expect("the four levels go up the tree")
}

/// A chain as levels' numbers (what the table and the form hold), checked.
pub fn chain_of_numbers(numbers: &[i16]) -> Option<Chain> {
    let levels = numbers
        .iter()
        .map(|n| Level::from_number(u8::try_from(*n).ok()?))
        .collect::<Option<Vec<_>>>()?;
    Chain::try_from(levels).ok()
}

pub fn numbers_of(chain: &Chain) -> Vec<i16> {
    chain
        .levels()
        .iter()
        .map(|l| i16::from(l.number()))
        .collect()
}

#[cfg(feature = "ssr")]
mod stored {
    use sqlx::{PgExecutor, Postgres, Transaction};

    use super::*;

    #[derive(Debug, thiserror::Error)]
    pub enum ChainError {
        #[error("no approval chain is configured for {0}")]
        Missing(&'static str),
        #[error("the configured approval chain for {0} is not a valid chain")]
        Invalid(&'static str),
        #[error(transparent)]
        Database(#[from] sqlx::Error),
    }

    /// The chain a proposal about `subject` takes, as configured now.
    pub async fn chain_for(
        db: impl PgExecutor<'_>,
        subject: ChainSubject,
    ) -> Result<Chain, ChainError> {
        let numbers = sqlx::query_scalar!(
            "SELECT tingkat FROM rantai_persetujuan WHERE riwayat = $1",
            subject.code()
        )
        .fetch_optional(db)
        .await?
        .ok_or(ChainError::Missing(subject.code()))?;
        chain_of_numbers(&numbers).ok_or(ChainError::Invalid(subject.code()))
    }

    /// Every configured chain, by subject code.
    pub async fn all_chains(db: impl PgExecutor<'_>) -> Result<Vec<(String, Chain)>, sqlx::Error> {
        let rows = sqlx::query!("SELECT riwayat, tingkat FROM rantai_persetujuan ORDER BY riwayat")
            .fetch_all(db)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| Some((r.riwayat, chain_of_numbers(&r.tingkat)?)))
            .collect())
    }

    /// Sets a subject's chain; answers the one it replaces.
    pub async fn set_chain(
        tx: &mut Transaction<'_, Postgres>,
        subject: ChainSubject,
        chain: &Chain,
        actor: i64,
    ) -> Result<Option<Vec<i16>>, sqlx::Error> {
        let old = sqlx::query_scalar!(
            "SELECT tingkat FROM rantai_persetujuan WHERE riwayat = $1 FOR UPDATE",
            subject.code()
        )
        .fetch_optional(&mut **tx)
        .await?;
        sqlx::query!(
            "INSERT INTO rantai_persetujuan (riwayat, tingkat, diubah_oleh) VALUES ($1, $2, $3)
             ON CONFLICT (riwayat) DO UPDATE
                SET tingkat = excluded.tingkat, diubah_oleh = excluded.diubah_oleh, diubah_at = now()",
            subject.code(),
            &numbers_of(chain),
            actor
        )
        .execute(&mut **tx)
        .await?;
        Ok(old)
    }
}

#[cfg(feature = "ssr")]
pub use stored::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_round_trip_through_their_codes() {
        for riwayat in Riwayat::all() {
            let subject = ChainSubject::Riwayat(*riwayat);
            assert_eq!(ChainSubject::parse(subject.code()), Some(subject));
        }
        assert_eq!(
            ChainSubject::parse("data_personal"),
            Some(ChainSubject::DataPersonal)
        );
        assert_eq!(ChainSubject::parse("gaji"), None);
    }

    #[test]
    fn the_epupns_preset_and_stored_numbers_are_chains() {
        assert_eq!(numbers_of(&epupns()), [1, 2, 3, 4]);
        assert_eq!(chain_of_numbers(&[1, 2, 3, 4]), Some(epupns()));
        assert_eq!(chain_of_numbers(&[4, 2]), None);
        assert_eq!(chain_of_numbers(&[2, 5]), None);
        assert_eq!(chain_of_numbers(&[]), None);
    }
}
