use serde_json::{json, Value};

use super::*;
use crate::storage::kind::{DRAFTS, RESPONSES, SURVEYS};

#[test]
fn encode_names_the_survey_and_marks_responses_unexported() {
    let r = encode(RESPONSES, "r1", &json!({"id": "r1", "survey": {"id": "s"}}));
    assert_eq!(
        (r.v, r.survey.as_deref(), r.unexported),
        (1, Some("s"), true)
    );
    let d = encode(
        DRAFTS,
        "s",
        &json!({"response": {"survey": {"id": "s"}}, "page": 0}),
    );
    assert_eq!((d.survey.as_deref(), d.unexported), (Some("s"), false));
    let v = encode(SURVEYS, "x", &json!({"surveyId": "s2"}));
    assert_eq!(v.survey.as_deref(), Some("s2"));
    assert_eq!(encode(SURVEYS, "x", &"text").survey, None);
}

#[test]
fn decode_reads_back_what_encode_wrote() {
    let value = json!({"a": [1, 2, {"b": "文字"}]});
    let env = encode(SURVEYS, "x", &value);
    assert_eq!(decode::<Value>(SURVEYS, &env), Decoded::Ok(value));
}

#[test]
fn decode_reports_corrupt_and_newer_records() {
    let mut env = encode(DRAFTS, "s", &json!({}));
    env.data = "{not json".into();
    assert!(
        matches!(decode::<Value>(DRAFTS, &env), Decoded::Corrupt(r) if r.starts_with("not JSON"))
    );
    env.data = "[1]".into();
    assert!(matches!(
        decode::<crate::storage::Draft>(DRAFTS, &env),
        Decoded::Corrupt(_)
    ));
    env.v = 7;
    assert_eq!(decode::<Value>(DRAFTS, &env), Decoded::TooNew(7));
}

const V3: Kind = Kind::new("things", 3);

fn rename_name_to_title(mut v: Value) -> Result<Value, String> {
    let name = v
        .as_object_mut()
        .ok_or("not an object")?
        .remove("name")
        .ok_or("no name")?;
    v["title"] = name;
    Ok(v)
}

fn add_tags(mut v: Value) -> Result<Value, String> {
    v["tags"] = json!([]);
    Ok(v)
}

const STEPS: &[Step] = &[
    Step {
        kind: "things",
        from: 1,
        run: rename_name_to_title,
    },
    Step {
        kind: "things",
        from: 2,
        run: add_tags,
    },
    Step {
        kind: "other",
        from: 1,
        run: |_| Err("never".into()),
    },
];

#[test]
fn migrations_chain_from_any_older_version() {
    let from1 = migrate_with(STEPS, V3, 1, json!({"name": "a"})).unwrap();
    assert_eq!(from1, json!({"title": "a", "tags": []}));
    let from2 = migrate_with(STEPS, V3, 2, json!({"title": "b"})).unwrap();
    assert_eq!(from2, json!({"title": "b", "tags": []}));
    let current = migrate_with(STEPS, V3, 3, json!({"x": 1})).unwrap();
    assert_eq!(current, json!({"x": 1}));
}

#[test]
fn a_failed_or_missing_migration_names_the_kind_and_version() {
    let e = migrate_with(STEPS, V3, 1, json!({"title": "no name"})).unwrap_err();
    assert_eq!(e, "migration of things from version 1: no name");
    let e = migrate_with(STEPS, V3, 0, json!({})).unwrap_err();
    assert_eq!(e, "no migration of things from version 0");
    let env = Envelope {
        id: "t".into(),
        v: 1,
        data: "{}".into(),
        survey: None,
        unexported: false,
        done: false,
    };
    assert!(
        matches!(decode_with::<Value>(STEPS, V3, &env), Decoded::Corrupt(e) if e.contains("no name"))
    );
    let env = Envelope {
        data: r#"{"name":"n"}"#.into(),
        ..env
    };
    assert_eq!(
        decode_with::<Value>(STEPS, V3, &env),
        Decoded::Ok(json!({"title": "n", "tags": []}))
    );
}

#[test]
fn every_current_kind_has_its_migrations() {
    // Raising a kind's version without a step would make its old records
    // unreadable: each version below the current one needs a step.
    for kind in crate::storage::KINDS {
        for from in 1..kind.version {
            assert!(
                MIGRATIONS
                    .iter()
                    .any(|s| s.kind == kind.name && s.from == from),
                "{} has no migration from version {from}",
                kind.name
            );
        }
    }
}

#[test]
fn only_completed_responses_carry_the_done_mark() {
    let mut r = json!({"id": "x", "survey": {"id": "s"}, "completedAt": "2026-11-23T10:00:00+08:00"});
    let env = encode(RESPONSES, "x", &r);
    assert!(env.done && env.unexported);
    assert_eq!(env.survey.as_deref(), Some("s"));
    r["completedAt"] = Value::Null;
    assert!(!encode(RESPONSES, "x", &r).done);
    r["completedAt"] = json!("2026-11-23T10:00:00+08:00");
    assert!(!encode(DRAFTS, "x", &r).done, "only responses");
}

#[test]
fn a_version_1_rows_chunk_becomes_its_array_and_current_text_is_not_reparsed() {
    use crate::storage::ROWS;
    let long = json!([{"id": "00000000-0000-4000-8000-000000000001", "survey": "s", "status": "completed",
                       "at": "2026-11-23T10:00:00+08:00", "visitAt": "2026-11-23T10:00:00+08:00",
                       "followUp": "open", "text": "x"}]);
    let rows = json!([{"i": "00000000-0000-4000-8000-000000000001", "s": "s", "st": "completed",
                       "a": "2026-11-23T10:00:00+08:00", "va": "2026-11-23T10:00:00+08:00",
                       "f": "open", "t": "x"}]);
    let old = Envelope {
        id: "chunk:00000".into(),
        v: 1,
        data: Value::String(long.to_string()).to_string(),
        survey: None,
        unexported: false,
        done: false,
    };
    assert_eq!(decode::<Value>(ROWS, &old), Decoded::Ok(rows.clone()));
    assert_eq!(current_text(ROWS, &old), Decoded::Ok(rows.to_string()));
    // What the list parses: the app's own row type.
    let parsed: Vec<canvass_core::listing::ResponseRow> = serde_json::from_value(rows.clone()).unwrap();
    assert_eq!(parsed[0].visit_at.as_deref(), Some("2026-11-23T10:00:00+08:00"));
    let new = encode(ROWS, "chunk:00000", &rows);
    assert_eq!(new.v, 2);
    assert_eq!(current_text(ROWS, &new), Decoded::Ok(new.data.clone()));
    let bad = Envelope { data: "\"[not json\"".into(), ..old };
    assert!(matches!(current_text(ROWS, &bad), Decoded::Corrupt(e) if e.contains("rows chunk")));
}
