//! Indicators and the overall score: nesting, weights, matrices, missing
//! shares, zero weights, the implicit indicator, AHP weights.

use serde_json::{json, Value};

use canvass_core::scoring::{ahp, complete_ahp_matrix, Node};

use crate::support::*;

/// q1..q5 answer 0..4 (s = 25·x). facility ⊂ service; service and price top level.
fn nested() -> SurveyBuilder {
    survey(vec![scale("q1", 5), scale("q2", 5), scale("q3", 5), scale("q4", 5).weight(3.0), scale("q5", 5)])
        .indicator(ind("service", vec![qw("q1", 2.0), q("q2"), sub("facility")]))
        .indicator(ind("facility", vec![q("q3"), q("q4")]))
        .indicator(ind("price", vec![q("q5")]))
        .scoring(|s| s.top_weights = [("service".to_owned(), 3.0), ("price".to_owned(), 1.0)].into())
}

#[test]
fn nested_weighted_indicators() {
    let model = nested().compile();
    let top: Vec<&str> = model.top_level_indicators().map(|i| i.name.as_str()).collect();
    assert_eq!(top, ["service", "price"]);
    let weights: Vec<f64> = model.indicator("facility").unwrap().children.iter().map(|c| c.weight).collect();
    assert_eq!(weights, [1.0, 3.0], "a child's weight defaults to its question's weight");
    // (answers, facility, service, price, overall)
    let cases: &[(Value, Option<f64>, Option<f64>, Option<f64>, Option<f64>)] = &[
        // facility (0 + 3·75)/4 = 56.25; service (2·100 + 50 + 56.25)/4 = 76.5625;
        // overall (3·76.5625 + 25)/4 = 63.671875.
        (json!({"q1": 4, "q2": 2, "q3": 0, "q4": 3, "q5": 1}), Some(56.25), Some(76.5625), Some(25.0), Some(63.671875)),
        // q3 skipped: facility 75; service (200 + 50 + 75)/4 = 81.25; overall (243.75 + 25)/4.
        (json!({"q1": 4, "q2": 2, "q4": 3, "q5": 1}), Some(75.0), Some(81.25), Some(25.0), Some(67.1875)),
        // price missing: overall = service alone.
        (json!({"q1": 4, "q2": 2, "q4": 3}), Some(75.0), Some(81.25), None, Some(81.25)),
        // facility missing: service (200 + 50)/3.
        (json!({"q1": 4, "q2": 2}), None, Some(250.0 / 3.0), None, Some(250.0 / 3.0)),
        (json!({}), None, None, None, None),
    ];
    for (given, facility, service, price, overall) in cases {
        let report = score(&model, given.clone());
        close(indicator(&report, "facility"), *facility, &format!("facility {given}"));
        close(indicator(&report, "service"), *service, &format!("service {given}"));
        close(indicator(&report, "price"), *price, &format!("price {given}"));
        close(report.overall, *overall, &format!("overall {given}"));
    }
    let report = score(&model, json!({"q1": 4, "q4": 3}));
    let names: Vec<&str> = report.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["service", "facility", "price"], "declaration order");
    assert_eq!(report.indicators[1].answered_share, 0.75);
    assert_eq!(report.indicators[0].answered_share, 0.75, "q1 (2) + facility (1) of 4");
}

#[test]
fn a_matrix_named_by_an_indicator_is_a_sub_indicator_over_its_rows() {
    let columns = vec![c(0), c(1), c(2), na("na")];
    let model = survey(vec![scale("q1", 5), matrix("m", &["r1", "r2", "r3"], columns)])
        .indicator(ind("env", vec![qw("m", 3.0), q("q1")]))
        .indicator(ind("rows", vec![qw("m", 1.0)]))
        .indicator(ind("picked", vec![ChildSpecExt::weighted(row("m", "r2"), 2.0), row("m", "r1")]))
        .compile();
    assert_eq!(model.matrices().len(), 1, "one sub-indicator however often the matrix is named");
    assert_eq!(model.indicator("env").unwrap().children[0].node, Node::Matrix(0));
    assert!(model.items().iter().all(|i| i.in_indicator));
    // (answers, env, picked)
    let cases: &[(Value, Option<f64>, Option<f64>)] = &[
        // rows 100, 50, 0 → 50; env (3·50 + 100)/4; picked (2·50 + 100)/3.
        (json!({"q1": 4, "m": {"r1": 2, "r2": 1, "r3": 0}}), Some(62.5), Some(200.0 / 3.0)),
        // r2 N/A, r3 skipped → matrix 100; env (300 + 100)/4; picked r1 only.
        (json!({"q1": 4, "m": {"r1": 2, "r2": "na"}}), Some(100.0), Some(100.0)),
        (json!({"q1": 0}), Some(0.0), None),
    ];
    for (given, env, picked) in cases {
        let report = score(&model, given.clone());
        close(indicator(&report, "env"), *env, &format!("env {given}"));
        close(indicator(&report, "picked"), *picked, &format!("picked {given}"));
        assert_eq!(report.indicators.len(), 3, "the matrix sub-indicator is not reported");
    }
}

/// A helper so the table above reads naturally.
trait ChildSpecExt {
    fn weighted(self, w: f64) -> Self;
}
impl ChildSpecExt for canvass_core::survey::ChildSpec {
    fn weighted(mut self, w: f64) -> Self {
        self.weight = Some(w);
        self
    }
}

#[test]
fn min_answered_is_compared_with_a_tolerance_of_1e_9() {
    // Two children of weight 1, one answered: share 0.5.
    for (min, present) in [(0.0, true), (0.5, true), (0.5 + 5e-10, true), (0.5 + 2e-9, false), (0.6, false), (1.0, false)] {
        let model = survey(vec![scale("a", 5), scale("b", 5)])
            .indicator(IndicatorSpecExt::min(ind("i", vec![q("a"), q("b")]), min))
            .compile();
        let report = score(&model, json!({"a": 2}));
        assert_eq!(report.indicators[0].answered_share, 0.5);
        close(indicator(&report, "i"), present.then_some(50.0), &format!("minAnswered {min}"));
        // The top level has its own minimum over top-level indicators.
        let model = survey(vec![scale("a", 5), scale("b", 5)])
            .indicator(ind("x", vec![q("a")]))
            .indicator(ind("y", vec![q("b")]))
            .scoring(|s| s.top_min_answered = min)
            .compile();
        close(score(&model, json!({"a": 2})).overall, present.then_some(50.0), &format!("top minAnswered {min}"));
    }
}

trait IndicatorSpecExt {
    fn min(self, min: f64) -> Self;
}
impl IndicatorSpecExt for canvass_core::survey::IndicatorSpec {
    fn min(mut self, min: f64) -> Self {
        self.min_answered = min;
        self
    }
}

#[test]
fn zero_weights() {
    let model = survey(vec![scale("a", 5), scale("b", 5), scale("c", 5)])
        .indicator(ind("half", vec![qw("a", 0.0), q("b")]))
        .indicator(ind("none", vec![qw("a", 0.0), qw("c", 0.0)]))
        .compile();
    // (answers, half, half's share, none)
    let cases: &[(Value, Option<f64>, f64, Option<f64>)] = &[
        (json!({"a": 4, "b": 1}), Some(25.0), 1.0, None),
        // Only the zero-weight child has a score: weights sum to 0 → missing.
        (json!({"a": 4}), None, 0.0, None),
        (json!({"b": 2}), Some(50.0), 1.0, None),
        (json!({"a": 4, "c": 4}), None, 0.0, None),
    ];
    for (given, half, share, none) in cases {
        let report = score(&model, given.clone());
        close(indicator(&report, "half"), *half, &format!("half {given}"));
        assert_eq!(report.indicators[0].answered_share, *share, "{given}");
        close(indicator(&report, "none"), *none, &format!("none {given}"));
        assert_eq!(report.indicators[1].answered_share, 0.0);
    }
    // A zero-weight top-level indicator does not move the overall score.
    let model = survey(vec![scale("a", 5), scale("b", 5)])
        .indicator(ind("x", vec![q("a")]))
        .indicator(ind("y", vec![q("b")]))
        .scoring(|s| s.top_weights = [("y".to_owned(), 0.0)].into())
        .compile();
    close(score(&model, json!({"a": 1, "b": 4})).overall, Some(25.0), "overall");
    close(score(&model, json!({"b": 4})).overall, None, "overall from a zero weight");
}

#[test]
fn an_item_or_indicator_under_several_parents_counts_in_each() {
    let model = survey(vec![scale("a", 5), scale("b", 5), scale("c", 5)])
        .indicator(ind("x", vec![q("a"), sub("shared")]))
        .indicator(ind("y", vec![q("a"), q("b"), sub("shared")]))
        .indicator(ind("shared", vec![q("c")]))
        .compile();
    let top: Vec<&str> = model.top_level_indicators().map(|i| i.name.as_str()).collect();
    assert_eq!(top, ["x", "y"]);
    let report = score(&model, json!({"a": 4, "b": 0, "c": 2}));
    close(indicator(&report, "x"), Some(75.0), "x");
    close(indicator(&report, "y"), Some(50.0), "y");
    close(report.overall, Some(62.5), "overall");
}

#[test]
fn without_indicators_every_scored_item_weighs_one() {
    let model = survey(vec![scale("a", 5).scored().weight(7.0), scale("b", 3).scored(), boolean("c", 1.0, 0.0).scored(), scale("free", 5)])
        .compile();
    assert!(model.top_level().implicit);
    assert!(model.indicators().is_empty());
    assert_eq!(model.top_level().children.len(), 3);
    // (100 + 50 + 0)/3; an unanswered item is left out.
    let report = score(&model, json!({"a": 4, "b": 1, "c": false, "free": 0}));
    close(report.overall, Some(50.0), "overall");
    assert!(report.indicators.is_empty(), "the implicit indicator is not reported");
    close(score(&model, json!({"a": 4, "b": 1})).overall, Some(75.0), "overall");
    // Nothing scored at all: no overall score.
    let model = survey(vec![scale("free", 5)]).compile();
    assert!(model.top_level().children.is_empty());
    assert_eq!(score(&model, json!({"free": 3})).overall, None);
}

#[test]
fn ahp_weights_replace_child_weights() {
    let matrix = upper(&[&[1.0, 3.0, 5.0], &[1.0, 2.0], &[1.0]]);
    let expected = ahp(&complete_ahp_matrix(&matrix, 3).unwrap());
    let mut spec = ind("i", vec![q("a"), q("b"), q("c")]);
    spec.ahp = Some(matrix.clone());
    let model = survey(vec![scale("a", 5), scale("b", 5).weight(9.0), scale("c", 5)]).indicator(spec).compile();
    let i = model.indicator("i").unwrap();
    let got = i.ahp.as_ref().unwrap();
    assert_eq!(*got, expected);
    assert!(got.consistent && got.cr < 0.01, "CR {}", got.cr);
    let weights: Vec<f64> = i.children.iter().map(|c| c.weight).collect();
    assert_eq!(weights, expected.weights, "the question's own weight is not used");
    let w = &expected.weights;
    let report = score(&model, json!({"a": 4, "b": 2, "c": 0}));
    close(indicator(&report, "i"), Some((w[0] * 100.0 + w[1] * 50.0) / (w[0] + w[1] + w[2])), "i");
    assert!(w[0] > w[1] && w[1] > w[2]);
}
