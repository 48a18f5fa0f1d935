//! The verification code printed on a proof of submission: a keyed hash of what
//! identifies the submission, so a verifier who is handed the printout can tell a
//! real one from an edited one without the system storing anything more. Stable
//! for as long as `MUTAKHIR_SECRET_KEY` is.

#[cfg(feature = "ssr")]
use hmac::{Hmac, Mac};
#[cfg(feature = "ssr")]
use sha2::Sha256;
#[cfg(feature = "ssr")]
use time::OffsetDateTime;

/// Crockford's base32: no I, L, O or U to misread on paper.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `U{id}-XXXX-XXXX`: the proposal's number, then 40 bits of the keyed hash of who
/// submitted it, when, and `content` (what was proposed, with which document), so a
/// printout with edited values no longer matches its code.
#[cfg(feature = "ssr")]
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

/// The code of one proposal as listed for its owner or laid out for a verifier:
/// both derive it from the same facts, so a printout can be checked against it. The
/// values are the ones the employee sent: a verifier's correction since does not
/// make their printout look altered.
#[cfg(feature = "ssr")]
pub fn code_of(key: &[u8], view: &super::submission::ProposalView, pegawai_id: i64) -> String {
    verification_code(
        key,
        view.id,
        pegawai_id,
        view.submitted_at,
        serde_json::to_string(&(
            view.riwayat,
            view.submitted.as_ref().unwrap_or(&view.after),
            view.dokumen_id,
        ))
        .unwrap_or_default()
        .as_bytes(),
    )
}

/// A code as someone typed it from paper: case, spaces and the letters people
/// confuse with digits do not matter. Answers the proposal's number and the code
/// as printed, or None when it is not shaped like one.
pub fn read_code(typed: &str) -> Option<(i64, String)> {
    let cleaned: String = typed
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let rest = cleaned.strip_prefix('U')?;
    let (number, symbols) = rest.split_once('-')?;
    let id = number.parse::<i64>().ok().filter(|id| *id > 0)?;
    let symbols: String = symbols
        .chars()
        .filter(|c| *c != '-')
        .map(|c| match c {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    if symbols.len() != 8 || !symbols.bytes().all(|b| ALPHABET.contains(&b)) {
        return None;
    }
    Some((id, format!("U{id}-{}-{}", &symbols[..4], &symbols[4..])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_code_typed_from_paper_reads_back_as_printed() {
        assert_eq!(
            read_code(" u42-abcd-efgh "),
            Some((42, "U42-ABCD-EFGH".to_owned()))
        );
        // O and I/L are the digits they look like; the dashes inside are optional.
        assert_eq!(
            read_code("U7-0OIL 2345"),
            Some((7, "U7-0011-2345".to_owned()))
        );
        for junk in [
            "",
            "U-ABCD-EFGH",
            "U0-ABCD-EFGH",
            "X42-ABCD-EFGH",
            "U42-ABCD-EFG",
            "U42-ABCD-EFGU",
            "U42",
        ] {
            assert_eq!(read_code(junk), None, "{junk}");
        }
    }

    /// Records as they were stored (`usulan.nilai_diajukan`) before the histories
    /// got their one description. Their JSON is what a printed code covers, so each
    /// must read back and write again byte for byte, and its code stay as printed:
    /// a renamed Rust field keeps its JSON name (`serde(rename)`) or migrates the
    /// stored JSON.
    #[test]
    fn a_code_printed_earlier_still_verifies() {
        use crate::domain::reference::Riwayat;
        use crate::proposal::change::ProposedRecord;
        let printed = [
            (
                r#"{"riwayat":"pangkat","data":{"id":5,"golongan":"IV/a","jenis_kp":"reguler","sk":{"nomor":"800/1.3/BKD/2024","tanggal":"2024-03-20"},"tmt":"2024-04-01","persetujuan_bkn":null,"masa_kerja":{"years":14,"months":2}}}"#,
                Riwayat::Pangkat,
                "U42-7EPX-6960",
            ),
            (
                r#"{"riwayat":"keluarga","data":{"kind":"anak","id":9,"name":"Putri Lestari","nik":"3273014501150002","birth_place":"Bandung","birth_date":"2015-01-05","gender":"P","alive":true,"status":"kandung","pasangan_id":8}}"#,
                Riwayat::Keluarga,
                "U42-S2QV-CXF0",
            ),
            (
                r#"{"riwayat":"pendidikan","data":{"id":3,"tingkat":"s1","major":"Teknik Informatika","school":"Universitas Hasanuddin","graduation_date":"2008-08-30","certificate_number":"UH-2008-1234","front_title":null,"back_title":"S.Kom."}}"#,
                Riwayat::Pendidikan,
                "U42-W5C1-ZV0C",
            ),
        ];
        let at = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let (mut codes, mut printed_codes) = (Vec::new(), Vec::new());
        for (stored, riwayat, code) in printed {
            let record: ProposedRecord = serde_json::from_str(stored).unwrap();
            assert_eq!(serde_json::to_string(&record).unwrap(), stored);
            let content = serde_json::to_string(&(riwayat, &record, 77i64)).unwrap();
            codes.push(verification_code(
                b"a key of the past",
                42,
                7,
                at,
                content.as_bytes(),
            ));
            printed_codes.push(code);
        }
        assert_eq!(codes, printed_codes);
    }

    proptest! {
        #[test]
        fn every_printed_code_reads_back_as_itself(
            id in 1i64..1_000_000, who in 1i64..1_000_000, nanos in 0i64..1_000_000_000,
        ) {
            let at = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap()
                + time::Duration::nanoseconds(nanos);
            let code = verification_code(b"k", id, who, at, b"c");
            prop_assert_eq!(read_code(&code.to_lowercase()), Some((id, code)));
        }

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
