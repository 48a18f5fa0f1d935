//! Delivers the decision emails the outbox holds. Any app server may run this: each
//! row is taken with SKIP LOCKED, so two servers never send the same one at once. A
//! failed send is retried later with a growing delay, then given up on (the
//! notification stays in the app either way).

use sqlx::PgPool;

use super::mail::{decision_mail, DecisionMail};
use crate::auth::mail::Mailer;
use crate::domain::reference::Riwayat;
use crate::proposal::lifecycle::Level;
use crate::proposal::submission::EventKind;

/// Attempts before an email is given up on (about four hours of retries).
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

/// Sends every email that is due, one at a time, until none is left.
pub async fn deliver_due(
    pool: &PgPool,
    mailer: &dyn Mailer,
    base_url: &str,
) -> Result<Delivery, sqlx::Error> {
    let mut done = Delivery::default();
    let link = format!("{}/usulan", base_url.trim_end_matches('/'));
    loop {
        let mut tx = pool.begin().await?;
        let Some(row) = sqlx::query!(
            r#"SELECT s.peristiwa_id, s.percobaan, e.jenis, e.tingkat, e.alasan, u.riwayat,
                      p.nama, p.email
                 FROM surat_notifikasi s
                 JOIN usulan_peristiwa e ON e.id = s.peristiwa_id
                 JOIN usulan u ON u.id = e.usulan_id
                 JOIN pegawai p ON p.id = e.pegawai_id
                WHERE s.status = 'menunggu' AND s.coba_lagi <= now()
                ORDER BY s.coba_lagi, s.peristiwa_id
                LIMIT 1
                  FOR UPDATE OF s SKIP LOCKED"#
        )
        .fetch_optional(&mut *tx)
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
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
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
                        SET status = 'terkirim', terkirim = now(), percobaan = percobaan + 1,
                            galat = NULL
                      WHERE peristiwa_id = $1",
                    row.peristiwa_id
                )
                .execute(&mut *tx)
                .await?;
                done.sent += 1;
            }
            Err(e) => {
                let attempts = row.percobaan + 1;
                tracing::warn!(error = %e, step = row.peristiwa_id, attempts, "a decision email failed");
                sqlx::query!(
                    "UPDATE surat_notifikasi
                        SET percobaan = $2::smallint, galat = $3,
                            status = CASE WHEN $2::smallint >= $4::smallint THEN 'gagal' ELSE 'menunggu' END,
                            coba_lagi = now() + make_interval(secs => $5)
                      WHERE peristiwa_id = $1",
                    row.peristiwa_id,
                    attempts,
                    e.to_string(),
                    MAX_ATTEMPTS,
                    retry_delay_seconds(attempts) as f64
                )
                .execute(&mut *tx)
                .await?;
                done.failed += 1;
            }
        }
        tx.commit().await?;
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
