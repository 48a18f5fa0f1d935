//! A JSON value's leaves by their dotted paths (`sk.nomor`): how a record's fields
//! are named in forms, comparisons and labels, and how locale keys are named.

use serde_json::Value;

/// Every value that is not an object, depth-first in the object's key order, with
/// its path from `value` (an empty path for `value` itself when it is a leaf).
pub fn leaves(value: &Value) -> Vec<(String, &Value)> {
    fn walk<'a>(prefix: &str, value: &'a Value, out: &mut Vec<(String, &'a Value)>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(&path, inner, out);
                }
            }
            leaf => out.push((prefix.to_owned(), leaf)),
        }
    }
    let mut out = Vec::new();
    walk("", value, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn names_nested_leaves_by_dotted_paths_in_order() {
        let record =
            json!({ "golongan": "III/a", "list": [1], "sk": { "nomor": "1", "tanggal": null } });
        let paths: Vec<(String, Value)> = leaves(&record)
            .into_iter()
            .map(|(p, v)| (p, v.clone()))
            .collect();
        assert_eq!(
            paths,
            vec![
                ("golongan".into(), json!("III/a")),
                ("list".into(), json!([1])),
                ("sk.nomor".into(), json!("1")),
                ("sk.tanggal".into(), Value::Null),
            ]
        );
        assert_eq!(leaves(&json!(3)), vec![(String::new(), &json!(3))]);
    }
}
