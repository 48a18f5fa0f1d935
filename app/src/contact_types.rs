//! Values the reconciliation pages and server functions exchange.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Captcha {
    pub token: String,
    pub svg: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instansi {
    pub id: i32,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenStatement {
    pub id: i64,
    pub nomor_induk: Option<String>,
    pub nama: String,
    pub email: String,
    pub nomor_hp: String,
    pub email_confirmed: bool,
}

/// "Rina Kartika Sari" → "R*** K*** S***": enough to recognise oneself.
pub fn mask_name(name: &str) -> String {
    name.split_whitespace()
        .map(|w| format!("{}***", w.chars().next().unwrap_or('*')))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_masked_word_by_word() {
        assert_eq!(super::mask_name("Rina Kartika  Sari"), "R*** K*** S***");
    }
}
