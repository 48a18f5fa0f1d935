//! What a file really is, read from its bytes: the client's name and type are never
//! trusted. Pure, so the browser runs the same check before it uploads anything.

use serde::{Deserialize, Serialize};

use crate::domain::localized::{Lang, Localized};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocumentKind {
    Pdf,
    Jpeg,
    Png,
}

impl DocumentKind {
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Pdf => "pdf",
            DocumentKind::Jpeg => "jpeg",
            DocumentKind::Png => "png",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [DocumentKind::Pdf, DocumentKind::Jpeg, DocumentKind::Png]
            .into_iter()
            .find(|k| k.code() == code)
    }

    pub fn media_type(self) -> &'static str {
        match self {
            DocumentKind::Pdf => "application/pdf",
            DocumentKind::Jpeg => "image/jpeg",
            DocumentKind::Png => "image/png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            DocumentKind::Pdf => "pdf",
            DocumentKind::Jpeg => "jpg",
            DocumentKind::Png => "png",
        }
    }
}

/// The size cap when `MUTAKHIR_DOCUMENT_MAX_BYTES` does not set another: 2 MB.
pub const DEFAULT_MAX_BYTES: u64 = 2 * 1024 * 1024;

/// The size cap the server was configured with, for the pages that tell the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentLimit(pub u64);

/// Why a file is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentProblem {
    Empty,
    TooLarge {
        limit: u64,
    },
    /// Not a PDF (or, where a photo is asked for, not a JPG or PNG).
    NotAllowed {
        photo: bool,
    },
    /// Starts like a PDF/JPG/PNG but its end is missing: an interrupted download.
    Truncated,
}

impl Localized for DocumentProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            DocumentProblem::Empty => lang.pick("Berkas kosong.", "The file is empty.").into(),
            DocumentProblem::TooLarge { limit } => lang
                .pick("Berkas lebih besar dari {}.", "The file is larger than {}.")
                .replace("{}", &megabytes(*limit)),
            DocumentProblem::NotAllowed { photo: false } => lang
                .pick(
                    "Berkas bukan PDF. Unggah dokumen pendukung dalam format PDF.",
                    "The file is not a PDF. Upload the supporting document as a PDF.",
                )
                .into(),
            DocumentProblem::NotAllowed { photo: true } => lang
                .pick("Berkas bukan foto JPG atau PNG.", "The file is not a JPG or PNG photo.")
                .into(),
            DocumentProblem::Truncated => lang
                .pick(
                    "Berkas terpotong (tidak lengkap). Unduh atau pindai ulang, lalu unggah lagi.",
                    "The file is cut short (incomplete). Download or scan it again, then upload it.",
                )
                .into(),
        }
    }
}

fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// What is being asked for: a supporting document (PDF) or a photo (JPG/PNG).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    Document,
    Photo,
}

/// How far from the end a PDF's `%%EOF` may sit (writers add whitespace or junk).
const PDF_TAIL: usize = 1024;

/// Decides from the whole file what it is, or why it is refused.
pub fn classify(bytes: &[u8], wanted: Wanted, limit: u64) -> Result<DocumentKind, DocumentProblem> {
    if bytes.is_empty() {
        return Err(DocumentProblem::Empty);
    }
    if bytes.len() as u64 > limit {
        return Err(DocumentProblem::TooLarge { limit });
    }
    let kind = sniff(bytes).ok_or(DocumentProblem::NotAllowed {
        photo: wanted == Wanted::Photo,
    })?;
    let allowed = match wanted {
        Wanted::Document => kind == DocumentKind::Pdf,
        Wanted::Photo => kind != DocumentKind::Pdf,
    };
    if !allowed {
        return Err(DocumentProblem::NotAllowed {
            photo: wanted == Wanted::Photo,
        });
    }
    if !complete(kind, bytes) {
        return Err(DocumentProblem::Truncated);
    }
    Ok(kind)
}

/// The kind announced by the first bytes.
pub fn sniff(bytes: &[u8]) -> Option<DocumentKind> {
    if bytes.starts_with(b"%PDF-") {
        Some(DocumentKind::Pdf)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(DocumentKind::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(DocumentKind::Png)
    } else {
        None
    }
}

/// Whether the file has the end its format requires.
fn complete(kind: DocumentKind, bytes: &[u8]) -> bool {
    match kind {
        DocumentKind::Pdf => {
            let tail = &bytes[bytes.len().saturating_sub(PDF_TAIL)..];
            tail.windows(5).any(|w| w == b"%%EOF")
        }
        DocumentKind::Jpeg => {
            let trimmed = trim_end_padding(bytes);
            trimmed.len() > 4 && trimmed.ends_with(&[0xFF, 0xD9])
        }
        DocumentKind::Png => bytes.ends_with(b"IEND\xaeB`\x82"),
    }
}

fn trim_end_padding(bytes: &[u8]) -> &[u8] {
    let end = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    &bytes[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LIMIT: u64 = 2 * 1024 * 1024;

    fn pdf() -> Vec<u8> {
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .to_vec()
    }

    #[test]
    fn a_real_pdf_passes_and_its_kind_is_read_from_the_bytes() {
        assert_eq!(
            classify(&pdf(), Wanted::Document, LIMIT),
            Ok(DocumentKind::Pdf)
        );
    }

    #[test]
    fn empty_large_fake_and_cut_files_are_refused() {
        assert_eq!(
            classify(b"", Wanted::Document, LIMIT),
            Err(DocumentProblem::Empty)
        );
        let mut big = pdf();
        big.resize(LIMIT as usize + 1, b' ');
        assert_eq!(
            classify(&big, Wanted::Document, LIMIT),
            Err(DocumentProblem::TooLarge { limit: LIMIT })
        );
        // A Windows executable renamed to .pdf.
        let exe = b"MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode.%%EOF";
        assert_eq!(
            classify(exe, Wanted::Document, LIMIT),
            Err(DocumentProblem::NotAllowed { photo: false })
        );
        let cut = &pdf()[..30];
        assert_eq!(
            classify(cut, Wanted::Document, LIMIT),
            Err(DocumentProblem::Truncated)
        );
        let png = b"\x89PNG\r\n\x1a\n....IEND\xaeB`\x82";
        assert_eq!(
            classify(png, Wanted::Document, LIMIT),
            Err(DocumentProblem::NotAllowed { photo: false })
        );
        assert_eq!(classify(png, Wanted::Photo, LIMIT), Ok(DocumentKind::Png));
        assert_eq!(
            classify(&pdf(), Wanted::Photo, LIMIT),
            Err(DocumentProblem::NotAllowed { photo: true })
        );
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(megabytes(2 * 1024 * 1024), "2 MB");
        assert_eq!(megabytes(1536 * 1024), "1.5 MB");
    }

    proptest! {
        /// Whatever the bytes, only what starts with a PDF header and ends with
        /// `%%EOF` passes as a document.
        #[test]
        fn only_whole_pdfs_pass(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            let result = classify(&bytes, Wanted::Document, LIMIT);
            prop_assert_eq!(
                result.is_ok(),
                bytes.starts_with(b"%PDF-") && complete(DocumentKind::Pdf, &bytes)
            );
        }

        #[test]
        fn codes_round_trip(kind in proptest::sample::select(vec![DocumentKind::Pdf, DocumentKind::Jpeg, DocumentKind::Png])) {
            prop_assert_eq!(DocumentKind::from_code(kind.code()), Some(kind));
        }
    }
}
