//! Which files each kind of document may be.

use super::JenisDokumen;

impl JenisDokumen {
    /// Accepted media types: scans are PDFs, only the photo is an image.
    pub fn accepted_media_types(self) -> &'static [&'static str] {
        match self {
            JenisDokumen::PasFoto => &["image/jpeg", "image/png"],
            _ => &["application/pdf"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn only_the_photo_is_an_image() {
        assert_eq!(
            JenisDokumen::PasFoto.accepted_media_types(),
            ["image/jpeg", "image/png"]
        );
        assert_eq!(
            JenisDokumen::Ijazah.accepted_media_types(),
            ["application/pdf"]
        );
    }
}
