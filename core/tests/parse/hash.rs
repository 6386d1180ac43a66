//! `Survey::hash` identifies content, not formatting.

use sha2::{Digest, Sha256};

use super::ok;

const SURVEY: &str = r#"{"title": "T", "elements": [{"type": "boolean", "name": "b", "title": {"zh-cn": "是否", "default": "Yes?"}}]}"#;

#[test]
fn hash_ignores_whitespace_and_key_order() {
    let (a, _) = ok(SURVEY);
    let reordered = r#"
        {
          "elements": [ { "title": { "default": "Yes?", "zh-cn": "是否" }, "name": "b", "type": "boolean" } ],
          "title": "T"
        }"#;
    let (b, _) = ok(reordered);
    assert_eq!(a.hash, b.hash);
    assert_eq!(a.hash.len(), 64);
    assert!(a
        .hash
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
}

#[test]
fn hash_is_sha256_of_the_compact_sorted_json() {
    let (survey, _) = ok(SURVEY);
    let canonical = r#"{"elements":[{"name":"b","title":{"default":"Yes?","zh-cn":"是否"},"type":"boolean"}],"title":"T"}"#;
    let expected: String = Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(survey.hash, expected);
}

#[test]
fn hash_changes_with_any_content_change() {
    let (base, _) = ok(SURVEY);
    let changes = [
        SURVEY.replace(r#""title": "T""#, r#""title": "T2""#),
        SURVEY.replace("是否", "是"),
        SURVEY.replace(r#""name": "b""#, r#""name": "b", "isRequired": false"#),
        SURVEY.replace(
            r#""title": "T""#,
            r#""title": "T", "showProgressBar": "top""#,
        ),
    ];
    for changed in changes {
        let (other, _) = ok(&changed);
        assert_ne!(base.hash, other.hash, "{changed}");
    }
}
