//! How a name is shown with its academic and religious titles, e.g.
//! "Dr. Siti Aminah, S.Kom., M.T.": titles before the name separated by spaces,
//! titles after it each preceded by a comma.

use std::fmt;

/// Borrowed view of a name and its titles that formats as the full name.
#[derive(Clone, Copy, Debug)]
pub struct DisplayName<'a> {
    pub name: &'a str,
    pub front_titles: &'a [String],
    pub back_titles: &'a [String],
}

impl fmt::Display for DisplayName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for title in present(self.front_titles) {
            write!(f, "{title} ")?;
        }
        f.write_str(self.name.trim())?;
        for title in present(self.back_titles) {
            write!(f, ", {title}")?;
        }
        Ok(())
    }
}

/// Blank titles come from half-filled forms; skipping them avoids stray commas.
fn present(titles: &[String]) -> impl Iterator<Item = &str> {
    titles.iter().map(|t| t.trim()).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn titles_surround_the_name() {
        let front = titles(&["Dr."]);
        let back = titles(&["S.Kom.", "M.T."]);
        let name = DisplayName {
            name: "Siti Aminah",
            front_titles: &front,
            back_titles: &back,
        };
        assert_eq!(name.to_string(), "Dr. Siti Aminah, S.Kom., M.T.");
    }

    #[test]
    fn blank_titles_and_padding_are_dropped() {
        let front = titles(&["", " H. "]);
        let back = titles(&[" "]);
        let name = DisplayName {
            name: " Budi ",
            front_titles: &front,
            back_titles: &back,
        };
        assert_eq!(name.to_string(), "H. Budi");
        let none = DisplayName {
            name: "Budi",
            front_titles: &[],
            back_titles: &[],
        };
        assert_eq!(none.to_string(), "Budi");
    }
}
