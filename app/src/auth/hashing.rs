//! Password hashing with argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane:
//! the crate's defaults), never on the async workers and at a lower CPU priority,
//! so a burst of sign-ins cannot starve the requests of everyone else.

use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Params, PasswordVerifier, Version};
use rand::TryRngCore;

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

/// Hashing runs on its own threads, a few at a time, at a lower CPU priority than
/// everything else: in a sign-in storm the page requests win the cores and the
/// sign-ins queue here (they are the ones that can afford to wait a little).
struct HashingPool {
    jobs: std::sync::mpsc::Sender<Job>,
}

type Job = Box<dyn FnOnce() + Send>;

/// How the pool is made; set once at start-up ([`configure`]).
#[derive(Clone, Copy, Debug)]
pub struct PoolSettings {
    /// Hashes computed at once: by default half the cores, at least one.
    pub threads: usize,
    /// How many nice steps the workers sit below the server (up to nice 19); 10 by default.
    pub nice: i32,
}

impl Default for PoolSettings {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        PoolSettings {
            threads: cores.div_ceil(2).max(1),
            nice: 10,
        }
    }
}

static SETTINGS: OnceLock<PoolSettings> = OnceLock::new();
static POOL: OnceLock<HashingPool> = OnceLock::new();

/// Chooses the pool's size and priority. Only a call before the first hash counts.
pub fn configure(settings: PoolSettings) {
    let _ = SETTINGS.set(PoolSettings {
        threads: settings.threads.max(1),
        nice: settings.nice.clamp(0, 19),
    });
}

fn pool() -> &'static HashingPool {
    POOL.get_or_init(|| HashingPool::start(*SETTINGS.get_or_init(PoolSettings::default)))
}

impl HashingPool {
    fn start(settings: PoolSettings) -> Self {
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..settings.threads {
            let queue = Arc::clone(&queue);
            std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || {
                    lower_priority(settings.nice);
                    loop {
                        let job = queue.lock().unwrap_or_else(|e| e.into_inner()).recv();
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    }
                })
                .expect("starting a hashing thread");
        }
        HashingPool { jobs }
    }

    /// Runs `work` on the pool. A caller that has gone away (the request was
    /// cancelled) before its turn costs nothing: the job is skipped.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashingError> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            if !reply.is_closed() {
                let _ = reply.send(work());
            }
        });
        self.jobs.send(job).map_err(|_| HashingError::Gone)?;
        answer.await.map_err(|_| HashingError::Gone)
    }
}

/// Lowers the calling worker `by` steps below the priority it was started with
/// (Linux keeps a nice value per thread, so nothing else is touched).
fn lower_priority(by: i32) {
    #[cfg(target_os = "linux")]
    // SAFETY: plain system calls on the calling thread's own id.
    unsafe {
        let tid = libc::gettid() as libc::id_t;
        let current = libc::getpriority(libc::PRIO_PROCESS, tid);
        if libc::setpriority(libc::PRIO_PROCESS, tid, (current + by).min(19)) != 0 {
            tracing::warn!(by, "could not lower the hashing thread's priority");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = by;
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
    #[error("the hashing pool is gone")]
    Gone,
}

pub async fn hash_password(password: String) -> Result<String, HashingError> {
    pool()
        .run(move || {
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
    pool()
        .run(move || {
            let real = stored.is_some();
            let phc = stored.unwrap_or_else(|| DECOY.clone());
            let parsed =
                PasswordHash::new(&phc).map_err(|e| HashingError::Argon2(e.to_string()))?;
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

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn hashing_threads_run_at_the_configured_lower_priority() {
        let pool = HashingPool::start(PoolSettings {
            threads: 1,
            nice: 7,
        });
        // SAFETY: reads the calling thread's own nice value.
        let nice = pool
            .run(|| unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t) })
            .await
            .unwrap();
        // SAFETY: as above, on this thread.
        let here = unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t) };
        assert_eq!(
            nice,
            (here + 7).min(19),
            "workers sit 7 steps below the server"
        );
    }

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
