//! The number-shaped identifiers (NIP, NIK, NPWP, phone) are typed by people with
//! spaces and punctuation; this strips what is allowed and pinpoints the first stray
//! character, so each parser reports *where* the input went wrong.

/// What stopped the input from being a string of digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DigitsError {
    Empty,
    /// `position` counts characters from 1 in the input as typed.
    NonDigit {
        position: usize,
        found: char,
    },
}

/// The ASCII digits of `input`, after dropping whitespace and the given separators.
pub(crate) fn digits_only(input: &str, separators: &[char]) -> Result<String, DigitsError> {
    let mut digits = String::with_capacity(input.len());
    for (index, ch) in input.chars().enumerate() {
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else if !(ch.is_whitespace() || separators.contains(&ch)) {
            return Err(DigitsError::NonDigit {
                position: index + 1,
                found: ch,
            });
        }
    }
    if digits.is_empty() {
        Err(DigitsError::Empty)
    } else {
        Ok(digits)
    }
}

/// The number written by the ASCII digits `digits[range]`; callers pass only checked digits.
pub(crate) fn number(digits: &str, range: std::ops::Range<usize>) -> u32 {
    digits[range]
        .bytes()
        .fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_whitespace_and_separators() {
        assert_eq!(
            digits_only(" 12 3.4-5 ", &['.', '-']).as_deref(),
            Ok("12345")
        );
    }

    #[test]
    fn reports_the_first_stray_character_by_typed_position() {
        assert_eq!(
            digits_only("12 a4", &[]),
            Err(DigitsError::NonDigit {
                position: 4,
                found: 'a'
            })
        );
    }

    #[test]
    fn nothing_but_separators_is_empty() {
        assert_eq!(digits_only(" - ", &['-']), Err(DigitsError::Empty));
    }

    #[test]
    fn reads_numbers_from_slices() {
        assert_eq!(number("0012345", 2..5), 123);
    }
}
