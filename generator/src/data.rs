//! The generator's lists (names, schools, positions, courses…) are data, not code:
//! TSV files under `generator/data/`, compiled in with `include_str!` and parsed once,
//! on first use, behind a `LazyLock`. Each file opens with `#` comment lines saying
//! what it holds, then a header row naming its columns, then one row a line, in
//! drawing order (the order is part of what a seed produces). A malformed file
//! panics on first use, naming the file and line; the tests of `catalog` and
//! `names` load every list, so that is a test failure rather than a failed load.

use std::str::FromStr;

/// One TSV file compiled into the binary.
pub(crate) struct Tsv {
    /// The file's path under `generator/data/`, for messages.
    pub name: &'static str,
    pub text: &'static str,
}

/// The TSV file `generator/data/$file`, compiled in.
macro_rules! tsv {
    ($file:literal) => {
        $crate::data::Tsv {
            name: $file,
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $file)),
        }
    };
}
pub(crate) use tsv;

impl Tsv {
    /// The rows after the header, which must name exactly `columns`; every row must
    /// have as many fields (an empty field is an empty string).
    pub fn rows<const N: usize>(&self, columns: [&str; N]) -> Vec<[&'static str; N]> {
        let mut lines = self
            .text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'));
        let header = lines.next().map(|(_, line)| line);
        assert_eq!(
            header,
            Some(columns.join("\t").as_str()),
            "data/{}: the header must name the columns {columns:?}",
            self.name
        );
        lines
            .map(|(i, line)| {
                let fields: Vec<&'static str> = line.split('\t').collect();
                fields.try_into().unwrap_or_else(|fields: Vec<&str>| {
                    panic!(
                        "data/{} line {}: {} fields, expected {N} ({columns:?})",
                        self.name,
                        i + 1,
                        fields.len()
                    )
                })
            })
            .collect()
    }

    /// `value` of column `column` parsed, or a panic naming the file.
    pub fn parse<T: FromStr>(&self, column: &str, value: &str) -> T {
        value.parse().unwrap_or_else(|_| {
            panic!(
                "data/{}: {column} {value:?} is not a valid {}",
                self.name,
                std::any::type_name::<T>()
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: Tsv = Tsv {
        name: "sample.tsv",
        text: "# What the file holds.\n#\ngroup\tname\n\na\tSiti\nb\t\n",
    };

    #[test]
    fn rows_follow_the_header_and_keep_empty_fields() {
        assert_eq!(
            SAMPLE.rows(["group", "name"]),
            vec![["a", "Siti"], ["b", ""]]
        );
        assert_eq!(SAMPLE.parse::<u32>("weight", "12"), 12);
    }

    #[test]
    #[should_panic(expected = "data/sample.tsv: the header must name the columns")]
    fn another_header_is_refused() {
        SAMPLE.rows(["group", "nama"]);
    }

    #[test]
    #[should_panic(expected = "data/sample.tsv line 6: 2 fields, expected 3")]
    fn a_short_row_is_refused_with_its_line() {
        let file = Tsv {
            name: "sample.tsv",
            text: "# x\n#\na\tb\tc\n1\t2\t3\n\n4\t5\n",
        };
        file.rows(["a", "b", "c"]);
    }

    #[test]
    #[should_panic(expected = "data/sample.tsv: weight \"many\" is not a valid u32")]
    fn a_value_that_does_not_parse_is_named() {
        SAMPLE.parse::<u32>("weight", "many");
    }
}
