//! Activation and reset tokens: 256 random bits from the operating system,
//! sent as URL-safe base64, stored only as their SHA-256.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::TryRngCore;
use sha2::{Digest, Sha256};

/// A fresh token as the user receives it.
pub struct IssuedToken {
    pub secret: String,
    pub hash: [u8; 32],
}

pub fn issue() -> IssuedToken {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng
        .try_fill_bytes(&mut bytes)
        .expect("the operating system's random source");
    let secret = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash(&secret);
    IssuedToken { secret, hash }
}

pub fn hash(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.trim().as_bytes()).into()
}

/// A token as typed or pasted: 43 base64url characters, nothing else.
pub fn looks_like_token(secret: &str) -> bool {
    let s = secret.trim();
    s.len() == 43
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_well_formed_and_hashed() {
        let a = issue();
        let b = issue();
        assert_ne!(a.secret, b.secret);
        assert!(looks_like_token(&a.secret));
        assert_eq!(hash(&a.secret), a.hash);
        assert_ne!(a.hash, b.hash);
        assert!(!looks_like_token("short"));
        assert!(!looks_like_token(&format!("{}=", &a.secret[..42])));
    }
}
