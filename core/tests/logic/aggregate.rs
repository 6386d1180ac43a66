//! Re-scoring stored responses with the survey's logic: the hidden set and
//! the declared follow-up conditions reach the aggregate report.

use std::collections::BTreeMap;

use canvass_core::aggregate::{aggregate_with, AggregateOptions};
use canvass_core::logic::ResponseLogic;
use canvass_core::response::{Response, SurveyRef};
use canvass_core::scoring::FollowUpReason;
use serde_json::json;
use uuid::Uuid;

use super::support::{answers, env, load};

#[test]
fn aggregation_uses_the_hidden_set_and_the_declared_conditions() {
    let loaded = load(
        r#"{"elements": [
            {"type": "radiogroup", "name": "sat", "choices": [1, 2, 3, 4, 5], "scored": true},
            {"type": "rating", "name": "fix", "visibleIf": "{sat} <= 2", "scored": true},
            {"type": "boolean", "name": "call"}
        ], "scoring": {"followUp": [{"name": "call", "expression": "{call} = true"}]}}"#,
    );
    let response = |n: u128, values: serde_json::Value| Response {
        id: Uuid::from_u128(n),
        survey: SurveyRef {
            id: loaded.survey.id.clone(),
            version: loaded.survey.version.clone(),
            hash: loaded.survey.hash.clone(),
        },
        started_at: "2026-11-23T10:00:00+08:00".into(),
        completed_at: Some("2026-11-23T10:05:00+08:00".into()),
        answers: answers(values),
        meta: BTreeMap::new(),
        score: None,
        visit: None,
    };
    let records = [
        response(1, json!({"sat": 5, "fix": 1})),
        response(2, json!({"sat": 1, "fix": 4, "call": true})),
    ];
    let logic = ResponseLogic::new(&loaded.logic, env());
    let report = aggregate_with(
        &loaded.scoring,
        &loaded.survey,
        &loaded.analysis,
        &records,
        &AggregateOptions::default(),
        &logic,
    )
    .unwrap();
    let fix = report.total.items.iter().find(|i| i.id == "fix").unwrap();
    assert_eq!(
        (fix.valid, fix.hidden),
        (1, 1),
        "the first response's fix is hidden"
    );
    assert_eq!(report.follow_ups.len(), 1);
    assert!(report.follow_ups[0]
        .reasons
        .contains(&FollowUpReason::Condition {
            name: "call".into()
        }));
}
