//! Delivers the decision emails the outbox holds. Any app server may run this: each
//! row is taken with SKIP LOCKED under a lease, so two servers never send the same
//! one at once. A
//! failed send is retried later with a growing delay, then given up on (the
//! notification stays in the app either way).

use sqlx::PgPool;

use super::mail::{decision_mail, DecisionMail};
use crate::domain::reference::Riwayat;
use crate::mail::Mailer;
use crate::proposal::lifecycle::Level;
use crate::proposal::submission::EventKind;

/// Attempts before an email is given up on (about two hours of retries).
pub const MAX_ATTEMPTS: i16 = 8;

/// The delay before attempt `n + 1`: a minute, doubling, at most six hours.
pub fn retry_delay_seconds(attempts: i16) -> i64 {
    let doublings = u32::try_from(attempts.clamp(1, 16) - 1).unwrap_or(0);
    (60_i64 << doublings).min(6 * 3600)
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
    pub without_address: usize,
}

/// How long a taken email is someone's to send: if its server dies mid-send, another
/// takes it after this (the employee may then get it twice, never not at all).
const LEASE_SECONDS: f64 = 300.0;

/// Sends every email that is due, one at a time, until none is left. Each is taken
/// in a short transaction (its retry time pushed past a lease, its attempt counted),
/// sent with no transaction open, and its outcome recorded in another: a slow mail
/// server holds no row lock and no pooled connection.
pub async fn deliver_due(
    pool: &PgPool,
    mailer: &dyn Mailer,
    base_url: &str,
) -> Result<Delivery, sqlx::Error> {
    let mut done = Delivery::default();
    let link = format!("{}/usulan", base_url.trim_end_matches('/'));
    loop {
        let Some(row) = sqlx::query!(
            r#"WITH taken AS (
                   UPDATE surat_notifikasi
                      SET percobaan = percobaan + 1,
                          coba_lagi = now() + make_interval(secs => $1)
                    WHERE peristiwa_id = (
                          SELECT peristiwa_id FROM surat_notifikasi
                           WHERE status = 'menunggu' AND coba_lagi <= now()
                           ORDER BY coba_lagi, peristiwa_id
                           LIMIT 1
                             FOR UPDATE SKIP LOCKED)
                   RETURNING peristiwa_id, percobaan)
               SELECT t.peristiwa_id AS "peristiwa_id!", t.percobaan AS "percobaan!",
                      e.jenis, e.tingkat, e.alasan, u.riwayat, p.nama, p.email
                 FROM taken t
                 JOIN usulan_peristiwa e ON e.id = t.peristiwa_id
                 JOIN usulan u ON u.id = e.usulan_id
                 JOIN pegawai p ON p.id = e.pegawai_id"#,
            LEASE_SECONDS
        )
        .fetch_optional(pool)
        .await?
        else {
            return Ok(done);
        };
        let parsed = Riwayat::parse(&row.riwayat)
            .ok()
            .zip(EventKind::from_code(&row.jenis));
        let (Some(to), Some((riwayat, kind))) = (row.email.filter(|e| !e.is_empty()), parsed)
        else {
            sqlx::query!(
                "UPDATE surat_notifikasi SET status = 'tanpa_alamat' WHERE peristiwa_id = $1",
                row.peristiwa_id
            )
            .execute(pool)
            .await?;
            done.without_address += 1;
            continue;
        };
        let mail = decision_mail(&DecisionMail {
            to: &to,
            name: &row.nama,
            riwayat,
            kind,
            level: row
                .tingkat
                .and_then(|t| Level::from_number(u8::try_from(t).ok()?)),
            reason: row.alasan.as_deref(),
            link: &link,
        });
        match mailer.send(mail).await {
            Ok(()) => {
                sqlx::query!(
                    "UPDATE surat_notifikasi
                        SET status = 'terkirim', terkirim = now(), galat = NULL
                      WHERE peristiwa_id = $1",
                    row.peristiwa_id
                )
                .execute(pool)
                .await?;
                done.sent += 1;
            }
            Err(e) => {
                let attempts = row.percobaan;
                tracing::warn!(error = %e, step = row.peristiwa_id, attempts, "a decision email failed");
                sqlx::query!(
                    "UPDATE surat_notifikasi
                        SET galat = $2,
                            status = CASE WHEN $3::smallint >= $4::smallint THEN 'gagal' ELSE 'menunggu' END,
                            coba_lagi = now() + make_interval(secs => $5)
                      WHERE peristiwa_id = $1",
                    row.peristiwa_id,
                    e.to_string(),
                    attempts,
                    MAX_ATTEMPTS,
                    retry_delay_seconds(attempts) as f64
                )
                .execute(pool)
                .await?;
                done.failed += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_six_hours() {
        let delays: Vec<i64> = (1..=MAX_ATTEMPTS).map(retry_delay_seconds).collect();
        assert_eq!(delays[0], 60);
        assert!(delays.windows(2).all(|w| w[0] <= w[1]), "{delays:?}");
        assert_eq!(retry_delay_seconds(16), 6 * 3600);
        assert_eq!(retry_delay_seconds(0), 60);
        // Given up on within a day.
        assert!(delays.iter().sum::<i64>() < 24 * 3600);
    }
}
