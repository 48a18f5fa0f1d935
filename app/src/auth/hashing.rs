//! Password hashing with argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane:
//! the crate's defaults), always on the blocking pool so a burst of sign-ins
//! cannot starve the async workers serving everyone else.

use std::sync::{Arc, LazyLock, OnceLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Params, PasswordVerifier, Version};
use rand::TryRngCore;
use tokio::sync::Semaphore;

fn salt() -> SaltString {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng
        .try_fill_bytes(&mut bytes)
        .expect("the operating system's random source");
    SaltString::encode_b64(&bytes).expect("16 bytes make a valid salt")
}

fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

/// How many hashes run at once; the rest wait their turn here instead of piling
/// onto the CPU that page requests need too. Set once at start-up
/// ([`set_concurrency`]); by default half the cores, at least one.
static HASHING: OnceLock<Arc<Semaphore>> = OnceLock::new();

fn hashing() -> &'static Arc<Semaphore> {
    HASHING.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Arc::new(Semaphore::new(cores.div_ceil(2).max(1)))
    })
}

/// Chooses how many passwords may be hashed at once. Only the first call counts.
pub fn set_concurrency(permits: usize) {
    let _ = HASHING.set(Arc::new(Semaphore::new(permits.max(1))));
}

/// A hash for a password nobody has: verifying against it costs the same as a real
/// check, so an unknown NIP answers as slowly as a known one.
static DECOY: LazyLock<String> = LazyLock::new(|| {
    let salt = salt();
    argon2()
        .hash_password(b"decoy-password-never-used", &salt)
        .expect("hashing a constant")
        .to_string()
});

#[derive(Debug, thiserror::Error)]
pub enum HashingError {
    #[error("argon2: {0}")]
    Argon2(String),
    #[error("the hashing task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
}

pub async fn hash_password(password: String) -> Result<String, HashingError> {
    let _permit = hashing()
        .acquire()
        .await
        .expect("the semaphore is never closed");
    tokio::task::spawn_blocking(move || {
        let salt = salt();
        argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| HashingError::Argon2(e.to_string()))
    })
    .await?
}

/// Checks `password` against `stored`, or against the decoy when there is no
/// stored hash, taking the same time either way.
pub async fn verify_password(
    password: String,
    stored: Option<String>,
) -> Result<bool, HashingError> {
    let _permit = hashing()
        .acquire()
        .await
        .expect("the semaphore is never closed");
    tokio::task::spawn_blocking(move || {
        let real = stored.is_some();
        let phc = stored.unwrap_or_else(|| DECOY.clone());
        let parsed = PasswordHash::new(&phc).map_err(|e| HashingError::Argon2(e.to_string()))?;
        let ok = argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(ok && real)
    })
    .await?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let h = hash_password("Kuat2026x".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_password("Kuat2026x".into(), Some(h.clone()))
            .await
            .unwrap());
        assert!(!verify_password("kuat2026x".into(), Some(h)).await.unwrap());
        assert!(!verify_password("decoy-password-never-used".into(), None)
            .await
            .unwrap());
    }
}
