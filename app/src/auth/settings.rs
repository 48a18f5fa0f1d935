//! Account rules the server is configured with, handed to server functions
//! through Leptos context.

use std::time::Duration;

use super::password_policy::PasswordPolicy;

#[derive(Clone, Debug)]
pub struct AuthSettings {
    pub password: PasswordPolicy,
    /// Where links in emails point, e.g. `https://mutakhir.bkn.go.id`.
    pub base_url: String,
    pub token_ttl: Duration,
    /// Tokens one account may be sent within `token_ttl`.
    pub tokens_per_window: i64,
    /// A session unused for this long ends.
    pub idle_timeout: Duration,
    /// A session older than this ends, however active.
    pub absolute_timeout: Duration,
    /// Failed sign-ins before the identifier locks.
    pub lock_after: i32,
    /// First lock; each further failure doubles it, up to `max_lock`.
    pub first_lock: Duration,
    pub max_lock: Duration,
    /// Seals captchas (and anything else the server signs). From
    /// `MUTAKHIR_SECRET_KEY`; random per process when unset.
    pub secret_key: [u8; 32],
}

impl AuthSettings {
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            password: PasswordPolicy::default(),
            base_url: base_url.into(),
            token_ttl: Duration::from_secs(15 * 60),
            tokens_per_window: 3,
            idle_timeout: Duration::from_secs(30 * 60),
            absolute_timeout: Duration::from_secs(12 * 60 * 60),
            lock_after: 5,
            first_lock: Duration::from_secs(60),
            max_lock: Duration::from_secs(60 * 60),
            secret_key: random_key(),
        }
    }

    /// A key from a configured secret of any length.
    pub fn key_from(secret: &str) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        Sha256::digest(secret.as_bytes()).into()
    }

    /// How long the identifier stays locked after its `failures`-th failure.
    pub fn lock_for(&self, failures: i32) -> Option<Duration> {
        if failures < self.lock_after {
            return None;
        }
        let doublings = (failures - self.lock_after).clamp(0, 16) as u32;
        Some(
            self.first_lock
                .saturating_mul(1u32 << doublings)
                .min(self.max_lock),
        )
    }
}

fn random_key() -> [u8; 32] {
    use rand::TryRngCore;
    let mut key = [0u8; 32];
    rand::rngs::OsRng
        .try_fill_bytes(&mut key)
        .expect("the operating system's random source");
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_backs_off_and_is_capped() {
        let s = AuthSettings::new("http://x");
        assert_eq!(s.lock_for(4), None);
        assert_eq!(s.lock_for(5), Some(Duration::from_secs(60)));
        assert_eq!(s.lock_for(6), Some(Duration::from_secs(120)));
        assert_eq!(s.lock_for(8), Some(Duration::from_secs(480)));
        assert_eq!(s.lock_for(40), Some(Duration::from_secs(3600)));
    }
}
