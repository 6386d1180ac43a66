//! The hand-written readers against serde's derive (the same structs,
//! derived, in `derived`): the same values from stored reports, the same
//! errors for one bad field.

use serde_json::{from_str, from_value, json, to_value, Value};

use crate::scoring::{FollowUp, FollowUpReason, IndicatorScore, ItemScore, ItemStatus, MissingCounts, ScoreReport};

/// What serde's derive read before (same names, so the messages match).
mod derived {
    #![allow(dead_code)]
    use crate::scoring::{FollowUpReason, ItemStatus};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct ScoreReport {
        pub scoring_version: u32,
        pub items: Vec<ItemScore>,
        pub indicators: Vec<IndicatorScore>,
        pub overall: Option<f64>,
        pub raw_total: Option<f64>,
        pub grade: Option<String>,
        pub counts: MissingCounts,
        pub follow_up: FollowUp,
        #[serde(default)]
        pub overall_question: Option<ItemScore>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct ItemScore {
        pub id: String,
        pub status: ItemStatus,
        #[serde(default)]
        pub x: Option<f64>,
        #[serde(default)]
        pub score: Option<f64>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct IndicatorScore {
        pub name: String,
        pub score: Option<f64>,
        pub answered_share: f64,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct MissingCounts {
        pub valid: u32,
        pub not_applicable: u32,
        pub skipped: u32,
        pub hidden: u32,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct FollowUp {
        pub flagged: bool,
        pub reasons: Vec<FollowUpReason>,
    }
}

fn report() -> ScoreReport {
    let item = |id: &str, status, x: Option<f64>| ItemScore { id: id.into(), status, x, score: x.map(|x| x * 10.0) };
    ScoreReport {
        scoring_version: 1,
        items: vec![
            item("speed", ItemStatus::Valid, Some(4.0)),
            item("m.row", ItemStatus::NotApplicable, None),
            item("skip", ItemStatus::Skipped, None),
            item("hid", ItemStatus::Hidden, None),
        ],
        indicators: vec![
            IndicatorScore { name: "service".into(), score: Some(75.5), answered_share: 0.5 },
            IndicatorScore { name: "empty".into(), score: None, answered_share: 0.0 },
        ],
        overall: Some(75.5),
        raw_total: Some(4.0),
        grade: Some("B".into()),
        counts: MissingCounts { valid: 1, not_applicable: 1, skipped: 1, hidden: 1 },
        follow_up: FollowUp {
            flagged: true,
            reasons: vec![FollowUpReason::LowestGrade { grade: "B".into() }],
        },
        overall_question: Some(item("overall", ItemStatus::Valid, Some(9.0))),
    }
}

#[test]
fn stored_reports_read_back_as_written() {
    let full = report();
    let mut bare = report();
    bare.overall = None;
    bare.raw_total = None;
    bare.grade = None;
    bare.overall_question = None;
    for r in [full, bare] {
        let v = to_value(&r).unwrap();
        assert_eq!(from_value::<ScoreReport>(v.clone()).unwrap(), r);
        assert_eq!(from_str::<ScoreReport>(&v.to_string()).unwrap(), r);
        assert_eq!(from_value::<Option<ScoreReport>>(v.clone()).unwrap(), Some(r.clone()));
        // Missing optional fields are `None`, as with the derive.
        let mut m = v.as_object().unwrap().clone();
        m.retain(|k, v| !v.is_null() && k != "overallQuestion");
        let back = from_value::<ScoreReport>(Value::Object(m)).unwrap();
        assert_eq!(back.overall, r.overall);
        assert_eq!(back.overall_question, None);
    }
    assert_eq!(from_value::<Option<ScoreReport>>(Value::Null).unwrap(), None);
}

#[test]
fn bad_reports_get_the_derives_errors() {
    let good = to_value(report()).unwrap();
    let with = |path: &[&str], value: Option<Value>| crate::json_read::edited(&good, path, value);
    // serde's array form of a struct (never written by Canvass) is the one
    // input read differently: refused as a sequence.
    assert_eq!(
        from_value::<ScoreReport>(json!([])).unwrap_err().to_string(),
        "invalid type: sequence, expected struct ScoreReport"
    );
    let mut cases = vec![json!("report"), json!(null), json!(3)];
    for key in ["scoringVersion", "items", "indicators", "counts", "followUp"] {
        cases.push(with(&[key], None));
        cases.push(with(&[key], Some(json!("x"))));
    }
    for key in ["overall", "rawTotal", "grade", "overallQuestion"] {
        cases.push(with(&[key], Some(json!(true))));
    }
    cases.push(with(&["scoringVersion"], Some(json!(-1))));
    cases.push(with(&["scoringVersion"], Some(json!(1.5))));
    for key in ["id", "status", "x", "score"] {
        cases.push(with(&["items", "0", key], Some(json!({}))));
    }
    cases.push(with(&["items", "0", "id"], None));
    cases.push(with(&["items", "0", "status"], Some(json!("great"))));
    cases.push(with(&["items", "1"], Some(json!(7))));
    cases.push(with(&["indicators", "0", "answeredShare"], None));
    cases.push(with(&["indicators", "0", "name"], Some(json!(2))));
    cases.push(with(&["counts", "hidden"], None));
    cases.push(with(&["counts", "valid"], Some(json!(4294967296u64))));
    cases.push(with(&["followUp", "flagged"], Some(json!("yes"))));
    cases.push(with(&["followUp", "reasons"], None));
    cases.push(with(&["followUp", "reasons", "0", "kind"], Some(json!("odd"))));
    cases.push(with(&["overallQuestion", "status"], None));
    for v in cases {
        let ours = from_value::<ScoreReport>(v.clone()).unwrap_err().to_string();
        let derived = from_value::<derived::ScoreReport>(v.clone()).unwrap_err().to_string();
        assert_eq!(ours, derived, "{v}");
    }
}
