//! The hand-written readers against serde's derive (the same structs,
//! derived, in `derived`): the same values from stored responses, the same
//! errors for one bad field.

use serde_json::{from_str, from_value, json, to_value, Value};

use crate::response::{Response, SurveyRef};
use crate::visit::{Channel, Outcome, Position, Visit};

/// What serde's derive read before (same names, so the messages match).
mod derived {
    #![allow(dead_code)]
    use std::collections::BTreeMap;

    use crate::response::Answers;
    use crate::scoring::ScoreReport;
    use crate::visit::{Channel, Outcome};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct SurveyRef {
        pub id: String,
        pub version: String,
        pub hash: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Response {
        pub id: uuid::Uuid,
        pub survey: SurveyRef,
        pub started_at: String,
        #[serde(default)]
        pub completed_at: Option<String>,
        pub answers: Answers,
        #[serde(default)]
        pub meta: BTreeMap<String, String>,
        #[serde(default)]
        pub score: Option<ScoreReport>,
        #[serde(default)]
        pub visit: Option<Visit>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Visit {
        #[serde(default)]
        pub household: Option<String>,
        #[serde(default)]
        pub interviewer: Option<String>,
        pub outcome: Outcome,
        #[serde(default)]
        pub at: Option<String>,
        #[serde(default)]
        pub channel: Option<Channel>,
        #[serde(default)]
        pub note: Option<String>,
        #[serde(default)]
        pub segment: Option<String>,
        #[serde(default)]
        pub team: Option<String>,
        #[serde(default)]
        pub position: Option<Position>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Position {
        pub latitude: f64,
        pub longitude: f64,
        pub accuracy_m: f64,
    }
}

fn response(full: bool) -> Response {
    let mut answers = crate::response::Answers::new();
    answers.insert("speed".into(), json!("good"));
    answers.insert("m".into(), json!({"r1": 3}));
    Response {
        id: uuid::Uuid::from_u128(7),
        survey: SurveyRef { id: "callback".into(), version: "2".into(), hash: "ab12".into() },
        started_at: "2026-11-23T09:00:00+08:00".into(),
        completed_at: full.then(|| "2026-11-23T09:02:00+08:00".into()),
        answers,
        meta: if full { [("lang".to_string(), "zh-cn".to_string())].into() } else { Default::default() },
        score: None,
        visit: full.then(|| Visit {
            household: Some("A-3".into()),
            interviewer: Some("王".into()),
            outcome: Outcome::default(),
            at: Some("2026-11-23T09:00:00+08:00".into()),
            channel: Some(Channel::Phone),
            note: Some("n".into()),
            segment: Some("east".into()),
            team: Some("t1".into()),
            position: Some(Position { latitude: 31.2, longitude: 121.5, accuracy_m: 12.0 }),
        }),
    }
}

#[test]
fn stored_responses_read_back_as_written() {
    for r in [response(true), response(false)] {
        let v = to_value(&r).unwrap();
        assert_eq!(from_value::<Response>(v.clone()).unwrap(), r);
        assert_eq!(from_str::<Response>(&v.to_string()).unwrap(), r);
    }
    // A visit with only its outcome, as older records hold it.
    let v: Visit = from_value(json!({"outcome": "completed"})).unwrap();
    assert_eq!(v.household, None);
}

#[test]
fn bad_responses_get_the_derives_errors() {
    let good = to_value(response(true)).unwrap();
    let with = |path: &[&str], value: Option<Value>| crate::json_read::edited(&good, path, value);
    assert_eq!(
        from_value::<Response>(json!([])).unwrap_err().to_string(),
        "invalid type: sequence, expected struct Response"
    );
    let mut cases = vec![json!("response"), json!(null), json!(3)];
    for key in ["id", "survey", "startedAt", "answers"] {
        cases.push(with(&[key], None));
    }
    for key in ["id", "survey", "startedAt", "completedAt", "answers", "meta", "score", "visit"] {
        cases.push(with(&[key], Some(json!(true))));
    }
    cases.push(with(&["id"], Some(json!("not-a-uuid"))));
    cases.push(with(&["meta"], Some(json!({"k": 1}))));
    cases.push(with(&["score"], Some(json!({}))));
    for key in ["id", "version", "hash"] {
        cases.push(with(&["survey", key], None));
        cases.push(with(&["survey", key], Some(json!(1))));
    }
    cases.push(with(&["visit", "outcome"], None));
    cases.push(with(&["visit", "outcome"], Some(json!("maybe"))));
    cases.push(with(&["visit", "channel"], Some(json!("pigeon"))));
    for key in ["household", "interviewer", "at", "note", "segment", "team", "position"] {
        cases.push(with(&["visit", key], Some(json!(5))));
    }
    for key in ["latitude", "longitude", "accuracyM"] {
        cases.push(with(&["visit", "position", key], None));
        cases.push(with(&["visit", "position", key], Some(json!("x"))));
    }
    for v in cases {
        let ours = from_value::<Response>(v.clone()).unwrap_err().to_string();
        let derived = from_value::<derived::Response>(v.clone()).unwrap_err().to_string();
        assert_eq!(ours, derived, "{v}");
    }
}
