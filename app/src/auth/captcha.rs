//! A captcha the app serves itself: five digits drawn as an SVG with noise. It is
//! stateless: the token carries a random nonce and an expiry, sealed with an HMAC
//! under the server's key; the answer is derived from the key and the nonce, so
//! nothing is stored until an answer is spent (then the nonce is recorded, so each
//! captcha works once).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::TryRngCore;
use sha2::Sha256;
use time::OffsetDateTime;

const DIGITS: usize = 5;
const LIFETIME_SECS: i64 = 10 * 60;

pub use crate::contact_types::Captcha;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaptchaError {
    Malformed,
    Expired,
    Wrong,
}

fn mac(key: &[u8; 32], label: &[u8], data: &[u8]) -> [u8; 32] {
    let mut m = Hmac::<Sha256>::new_from_slice(key).expect("any key length");
    m.update(label);
    m.update(data);
    m.finalize().into_bytes().into()
}

/// The digits a nonce stands for.
pub fn answer(key: &[u8; 32], nonce: &[u8; 16]) -> String {
    mac(key, b"mutakhir-captcha-answer", nonce)
        .iter()
        .take(DIGITS)
        .map(|b| char::from(b'0' + b % 10))
        .collect()
}

pub fn issue(key: &[u8; 32], now: OffsetDateTime) -> Captcha {
    let mut nonce = [0u8; 16];
    rand::rngs::OsRng
        .try_fill_bytes(&mut nonce)
        .expect("the operating system's random source");
    let expiry = (now.unix_timestamp() + LIFETIME_SECS).to_be_bytes();
    let mut sealed = Vec::with_capacity(56);
    sealed.extend_from_slice(&nonce);
    sealed.extend_from_slice(&expiry);
    let tag = mac(key, b"mutakhir-captcha-token", &sealed);
    sealed.extend_from_slice(&tag);
    Captcha {
        token: URL_SAFE_NO_PAD.encode(&sealed),
        svg: draw(
            &answer(key, &nonce),
            &mac(key, b"mutakhir-captcha-noise", &nonce),
        ),
    }
}

/// The nonce and expiry of a token whose seal holds.
fn unseal(key: &[u8; 32], token: &str) -> Option<([u8; 16], i64)> {
    let raw = URL_SAFE_NO_PAD.decode(token.trim()).ok()?;
    if raw.len() != 56 {
        return None;
    }
    let (sealed, tag) = raw.split_at(24);
    let mut m = Hmac::<Sha256>::new_from_slice(key).expect("any key length");
    m.update(b"mutakhir-captcha-token");
    m.update(sealed);
    m.verify_slice(tag).ok()?;
    let nonce = sealed[..16].try_into().ok()?;
    let expiry = i64::from_be_bytes(sealed[16..24].try_into().ok()?);
    Some((nonce, expiry))
}

/// The nonce of a token whose seal holds, for spending it whatever the answer.
pub fn sealed_nonce(key: &[u8; 32], token: &str) -> Option<[u8; 16]> {
    unseal(key, token).map(|(nonce, _)| nonce)
}

/// Checks the token's seal and age and the answer; returns the nonce to spend.
pub fn check(
    key: &[u8; 32],
    token: &str,
    given: &str,
    now: OffsetDateTime,
) -> Result<[u8; 16], CaptchaError> {
    let (nonce, expiry) = unseal(key, token).ok_or(CaptchaError::Malformed)?;
    if now.unix_timestamp() > expiry {
        return Err(CaptchaError::Expired);
    }
    let given: String = given.chars().filter(|c| !c.is_whitespace()).collect();
    if given != answer(key, &nonce) {
        return Err(CaptchaError::Wrong);
    }
    Ok(nonce)
}

/// The digits, each turned and shifted by the noise bytes, over crossing lines.
fn draw(digits: &str, noise: &[u8; 32]) -> String {
    let mut svg = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 160 56\" width=\"160\" height=\"56\" role=\"img\" aria-label=\"captcha\">\
         <rect width=\"160\" height=\"56\" fill=\"#f3f6fa\"/>",
    );
    for i in 0..6 {
        let n = |k: usize| u32::from(noise[(i * 4 + k) % 32]);
        svg.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8aa0b8\" stroke-width=\"1.5\"/>",
            n(0) % 160,
            n(1) % 56,
            n(2) % 160,
            n(3) % 56
        ));
    }
    // Digits as jittered seven-segment strokes, not text: no markup to read them from.
    const SEGMENTS: [u8; 10] = [
        0b011_1111, 0b000_0110, 0b101_1011, 0b100_1111, 0b110_0110, 0b110_1101, 0b111_1101,
        0b000_0111, 0b111_1111, 0b110_1111,
    ];
    for (i, d) in digits.chars().enumerate() {
        let n = |k: usize| i32::from(noise[(i * 5 + k) % 32]);
        let (x, y) = (12 + i as i32 * 29 + n(0) % 6, 8 + n(1) % 6);
        let (w, h) = (16, 18);
        let skew = n(2) % 7 - 3;
        // a top, b upper right, c lower right, d bottom, e lower left, f upper left, g middle
        let ends = [
            ((0, 0), (w, 0)),
            ((w, 0), (w, h)),
            ((w, h), (w, 2 * h)),
            ((0, 2 * h), (w, 2 * h)),
            ((0, h), (0, 2 * h)),
            ((0, 0), (0, h)),
            ((0, h), (w, h)),
        ];
        let bits = SEGMENTS[d.to_digit(10).unwrap_or(0) as usize];
        let mut path = String::new();
        for (k, ((x1, y1), (x2, y2))) in ends.iter().enumerate() {
            if bits & (1 << k) != 0 {
                let j = n(3 + k % 2) % 3 - 1;
                path.push_str(&format!(
                    "M{} {}L{} {}",
                    x + x1 + skew * (2 * h - y1) / (2 * h) + j,
                    y + y1,
                    x + x2 + skew * (2 * h - y2) / (2 * h) - j,
                    y + y2 + j
                ));
            }
        }
        svg.push_str(&format!(
            "<path d=\"{path}\" stroke=\"#1d3557\" stroke-width=\"4\" stroke-linecap=\"round\" fill=\"none\"/>"
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];

    fn nonce_of(token: &str) -> [u8; 16] {
        URL_SAFE_NO_PAD.decode(token).unwrap()[..16]
            .try_into()
            .unwrap()
    }

    #[test]
    fn the_right_answer_passes_once_sealed_and_in_time() {
        let now = OffsetDateTime::now_utc();
        let c = issue(&KEY, now);
        let right = answer(&KEY, &nonce_of(&c.token));
        assert_eq!(right.len(), 5);
        assert!(c.svg.starts_with("<svg") && c.svg.contains("<path"));
        assert!(!c.svg.contains("<text"), "no digits as text to scrape");
        assert_eq!(check(&KEY, &c.token, &right, now), Ok(nonce_of(&c.token)));
        let wrong = if right == "00000" { "11111" } else { "00000" };
        assert_eq!(check(&KEY, &c.token, wrong, now), Err(CaptchaError::Wrong));
        let later = now + time::Duration::seconds(LIFETIME_SECS + 1);
        assert_eq!(
            check(&KEY, &c.token, &right, later),
            Err(CaptchaError::Expired)
        );
        assert_eq!(
            check(&[8; 32], &c.token, &right, now),
            Err(CaptchaError::Malformed)
        );
        assert_eq!(
            check(&KEY, "rusak", &right, now),
            Err(CaptchaError::Malformed)
        );
    }

    #[test]
    fn a_tampered_expiry_breaks_the_seal() {
        let now = OffsetDateTime::now_utc();
        let c = issue(&KEY, now);
        let mut raw = URL_SAFE_NO_PAD.decode(&c.token).unwrap();
        raw[23] ^= 1;
        let forged = URL_SAFE_NO_PAD.encode(raw);
        let right = answer(&KEY, &nonce_of(&c.token));
        assert_eq!(
            check(&KEY, &forged, &right, now),
            Err(CaptchaError::Malformed)
        );
    }
}
