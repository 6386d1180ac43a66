//! The overall-satisfaction question (item 15) and the follow-up
//! conditions extension point (item 23).

use std::collections::BTreeSet;

use canvass_core::response::Answers;
use canvass_core::scoring::{FollowUpConditions, FollowUpReason, ItemStatus, ScoreReport};
use serde_json::json;

use crate::support::*;

#[test]
fn an_unscored_overall_question_has_numbers_but_counts_nowhere() {
    let model = survey(vec![radio("overall", domain_scale()), scale("a", 5).scored()])
        .scoring(|s| s.overall_question = Some("overall".to_owned()))
        .compile();
    let item = model.overall_question().unwrap();
    assert!(!item.scored);
    assert_eq!((item.lo, item.hi, item.box_k), (-10.0, 50.0, 2));
    assert!(model.item("overall").is_none(), "not among the scored items");
    let report = score(&model, json!({"overall": "非常不满意", "a": 2}));
    let value = report.overall_question.as_ref().unwrap();
    assert_eq!((value.status, value.x, value.score), (ItemStatus::Valid, Some(-10.0), Some(0.0)));
    assert_eq!(report.raw_total, Some(2.0), "not in the raw total");
    assert_eq!(report.overall, Some(50.0), "not in the overall score");
    assert_eq!(report.counts.valid, 1, "not counted");
    assert!(!report.follow_up.flagged, "its bottom box flags nothing");
    let report = model.score(&answers(json!({"overall": "满意"})), &hidden(&["overall"])).unwrap();
    assert_eq!(report.overall_question.unwrap().status, ItemStatus::Hidden);
}

#[test]
fn a_scored_overall_question_counts_like_any_item() {
    let model = survey(vec![radio("overall", domain_scale()).scored().reverse()])
        .scoring(|s| s.overall_question = Some("overall".to_owned()))
        .compile();
    assert_eq!(model.overall_question(), model.item("overall"));
    let report = score(&model, json!({"overall": "非常满意"}));
    assert_eq!(report.overall, Some(0.0));
    assert_eq!(report.raw_total, Some(-10.0));
    assert!(report.follow_up.flagged);
    assert_eq!(report.overall_question.as_ref(), report.items.first());
}

/// A stand-in for compiled expression conditions.
struct BelowHalf;

impl FollowUpConditions for BelowHalf {
    fn holding(&self, answers: &Answers, hidden: &BTreeSet<String>, report: &ScoreReport) -> Vec<String> {
        assert!(hidden.is_empty() && answers.contains_key("a"));
        match report.overall {
            Some(s) if s < 50.0 => vec!["below half".to_owned()],
            _ => vec![],
        }
    }
}

#[test]
fn declared_conditions_are_added_by_the_caller_supplied_evaluator() {
    let model = survey(vec![scale("a", 9).scored()]).compile();
    let none = BTreeSet::new();
    // 3 of 0..8 is 37.5, above the bottom box {0, 1}.
    let report = model.score_with(&answers(json!({"a": 3})), &none, &BelowHalf).unwrap();
    assert_eq!(report.follow_up.reasons, [FollowUpReason::Condition { name: "below half".to_owned() }]);
    assert!(report.follow_up.flagged);
    let report = model.score_with(&answers(json!({"a": 6})), &none, &BelowHalf).unwrap();
    assert!(!report.follow_up.flagged);
    // Plain `score` evaluates no declared condition.
    assert!(!model.score(&answers(json!({"a": 3})), &none).unwrap().follow_up.flagged);
}
