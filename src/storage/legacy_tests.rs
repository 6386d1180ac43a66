use serde_json::{json, Value};

use super::*;
use crate::storage::record::decode;

fn entries(list: &[(&str, String)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn response(id: &str, survey: &str) -> Value {
    json!({"id": id, "survey": {"id": survey, "version": "1", "hash": "h"},
           "startedAt": "2026-11-23T16:20:05+08:00", "answers": {"q1": 1}})
}

#[test]
fn drafts_responses_and_surveys_become_records_and_their_keys_go() {
    let draft = json!({"response": response("d1", "s"), "page": 2});
    let plan = legacy_plan(&entries(&[
        ("canvass.draft.s", draft.to_string()),
        (
            "canvass.responses.s",
            json!([response("r1", "s"), response("r2", "s")]).to_string(),
        ),
        ("canvass.survey.mine", "{\"id\": \"mine\"}".into()),
        ("canvass.quarantine.canvass.draft.x.0", "garbage".into()),
        ("canvass.locale", "en".into()),
        ("other.key", "x".into()),
    ]));
    let kinds: Vec<(&str, &str)> = plan
        .records
        .iter()
        .map(|(k, e)| (k.name, e.id.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("drafts", "s"),
            ("responses", "r1"),
            ("responses", "r2"),
            ("surveys", "mine"),
            ("quarantine", "legacy/canvass.draft.x.0")
        ]
    );
    assert_eq!(
        plan.remove,
        [
            "canvass.draft.s",
            "canvass.responses.s",
            "canvass.survey.mine",
            "canvass.quarantine.canvass.draft.x.0"
        ]
    );
    assert!(plan.notices.is_empty());
    // Nothing lost: each record decodes to exactly the old value.
    let (_, d) = &plan.records[0];
    assert_eq!(
        decode::<Value>(DRAFTS, d),
        crate::storage::Decoded::Ok(draft)
    );
    assert_eq!(d.survey.as_deref(), Some("s"));
    let (_, r) = &plan.records[1];
    assert!(r.unexported, "migrated responses count as not yet exported");
    assert_eq!(r.survey.as_deref(), Some("s"));
    let (_, s) = &plan.records[3];
    assert_eq!(
        decode::<String>(SURVEYS, s),
        crate::storage::Decoded::Ok("{\"id\": \"mine\"}".into())
    );
}

#[test]
fn unreadable_values_are_quarantined_and_reported_not_dropped() {
    let plan = legacy_plan(&entries(&[
        ("canvass.draft.a", "{not json".into()),
        ("canvass.draft.b", "[1, 2]".into()),
        (
            "canvass.responses.s",
            json!([response("r1", "s"), {"id": 5}, response("r9", "other")]).to_string(),
        ),
        ("canvass.responses.t", "{}".into()),
    ]));
    let ids: Vec<&str> = plan.records.iter().map(|(_, e)| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "legacy/canvass.draft.a",
            "legacy/canvass.draft.b",
            "r1",
            "legacy/canvass.responses.s",
            "legacy/canvass.responses.t"
        ]
    );
    assert_eq!(plan.notices.len(), 4);
    let (kind, q) = &plan.records[3];
    assert_eq!(*kind, QUARANTINE);
    let entry: Value = serde_json::from_str(&q.data).unwrap();
    assert_eq!(entry["reason"], "2 entries are not responses to s");
    let kept: Value = serde_json::from_str(entry["raw"].as_str().unwrap()).unwrap();
    assert_eq!(kept, json!([{"id": 5}, response("r9", "other")]));
    let raw_a: Value = serde_json::from_str(&plan.records[0].1.data).unwrap();
    assert_eq!(raw_a["raw"], "{not json");
    // Every key is removed: its value lives on in a record.
    assert_eq!(plan.remove.len(), 4);
}
