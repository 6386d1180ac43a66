//! `Survey::hash`: the identity of a definition's content, whatever its
//! formatting, so that responses can say exactly which definition they
//! answer.

use std::fmt::Write;

use serde_json::Value;
use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256 of the canonical JSON of `value`.
pub(super) fn canonical_hash(value: &Value) -> String {
    let mut text = String::new();
    canonical(value, &mut text);
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Compact JSON with object keys sorted by their UTF-8 bytes: the same text
/// `serde_json::to_string` gives with its default sorted map, written here
/// so that the hash stays the same if any crate in a build turns on
/// serde_json's `preserve_order` feature.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            crate::small_sort::sort_small_by(&mut entries, |a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (key, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(v, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_text_equals_serde_json_sorted_output() {
        let value: Value =
            serde_json::from_str(r#"{"b":[1,{"z":null,"a":"\u00e9\n"}],"a":1.5,"é":true}"#)
                .unwrap();
        let mut text = String::new();
        canonical(&value, &mut text);
        assert_eq!(text, serde_json::to_string(&value).unwrap());
        assert_eq!(text, r#"{"a":1.5,"b":[1,{"a":"é\n","z":null}],"é":true}"#);
    }

    #[test]
    fn hash_is_lower_hex_sha256() {
        // SHA-256 of the two bytes `{}`.
        assert_eq!(
            canonical_hash(&serde_json::json!({})),
            "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
    }
}
