//! The backup file: everything not yet exported — drafts, unexported
//! responses, every other kind, quarantined records, and values storage
//! refused (held in memory) — as one JSON document a person can keep when
//! storage fails. Pure, so its shape is tested natively.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::record::Envelope;

/// The backup document. `groups` are (kind name, records); a record whose
/// text is not JSON is kept as a string. `errors` name the kinds that
/// could not be read (their in-memory values are still in `groups`).
pub fn backup_document(
    created_at: &str,
    groups: &[(&str, Vec<Envelope>)],
    errors: &[String],
) -> String {
    let mut doc = json!({ "format": "canvass-backup", "version": 2, "createdAt": created_at });
    let mut by_kind: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
    for (kind, records) in groups {
        let map = by_kind.entry(kind).or_default();
        for r in records {
            let value =
                serde_json::from_str(&r.data).unwrap_or_else(|_| Value::String(r.data.clone()));
            map.insert(r.id.clone(), value);
        }
    }
    for (kind, map) in by_kind {
        if !map.is_empty() {
            doc[kind] = Value::Object(map);
        }
    }
    if !errors.is_empty() {
        doc["errors"] = json!(errors);
    }
    serde_json::to_string_pretty(&doc).expect("a JSON value always serialises")
}
