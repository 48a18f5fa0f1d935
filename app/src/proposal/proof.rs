//! The verification code printed on a proof of submission: a keyed hash of what
//! identifies the submission, so a verifier who is handed the printout can tell a
//! real one from an edited one without the system storing anything more. Stable
//! for as long as `MUTAKHIR_SECRET_KEY` is.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use time::OffsetDateTime;

/// Crockford's base32: no I, L, O or U to misread on paper.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `U{id}-XXXX-XXXX`: the proposal's number, then 40 bits of the keyed hash of who
/// submitted it, when, and `content` (what was proposed, with which document), so a
/// printout with edited values no longer matches its code.
pub fn verification_code(
    key: &[u8],
    proposal_id: i64,
    pegawai_id: i64,
    submitted_at: OffsetDateTime,
    content: &[u8],
) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("any key length");
    mac.update(
        format!(
            "bukti-usulan:{proposal_id}:{pegawai_id}:{}",
            submitted_at.unix_timestamp_nanos()
        )
        .as_bytes(),
    );
    mac.update(content);
    let digest = mac.finalize().into_bytes();
    let bits = digest[..5]
        .iter()
        .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    let symbols: String = (0..8)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect();
    format!("U{proposal_id}-{}-{}", &symbols[..4], &symbols[4..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_other_submission_or_key_gives_another_code(
            id in 1i64..1_000_000, who in 1i64..1_000_000, nanos in 0i64..1_000_000_000,
        ) {
            let at = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap()
                + time::Duration::nanoseconds(nanos);
            let code = verification_code(b"k1", id, who, at, b"c");
            let prefix = format!("U{id}-");
            prop_assert!(code.starts_with(&prefix));
            prop_assert_eq!(code.len(), prefix.len() + 9);
            prop_assert_eq!(&code, &verification_code(b"k1", id, who, at, b"c"));
            prop_assert_ne!(&code, &verification_code(b"k1", id, who, at, b"d"));
            prop_assert_ne!(&code, &verification_code(b"k2", id, who, at, b"c"));
            prop_assert_ne!(&code, &verification_code(b"k1", id, who + 1, at, b"c"));
            prop_assert_ne!(&code, &verification_code(b"k1", id, who, at + time::Duration::nanoseconds(1), b"c"));
        }
    }
}
