//! Items: x, s, reverse keying, N/A vs skipped vs hidden, ranges and boxes.

use canvass_core::scoring::{ItemStatus, ItemStatus::*, ScoringModel};
use serde_json::{json, Value};

use crate::support::*;

/// Every item kind, all scored, no indicators (the implicit one).
fn all_kinds() -> ScoringModel {
    survey(vec![
        radio("sat", domain_scale()).scored(),
        radio("sat_r", domain_scale()).scored().reverse(),
        rating("r5", 1.0, 5.0, 1.0).scored(),
        rating("r10", 0.0, 10.0, 2.0).scored(),
        dropdown("d", vec![c(1), c(2), c(3)]).scored(),
        boolean("b", 1.0, 0.0).scored(),
        boolean("b5", 5.0, -5.0).scored(),
        boolean("b_r", 1.0, 0.0).scored().reverse(),
        checkbox("cb", vec![cs("a", 3.0), cs("b", 2.0), cs("c", -1.0), cs("d", -4.0), na("e")]).scored(),
        number("n", 0.0, 10.0).scored(),
        number("n_r", -5.0, 5.0).scored().reverse(),
        matrix("m", &["r1", "r2"], vec![cs("good", 2.0), cs("ok", 1.0), cs("bad", 0.0), na("na")]).scored(),
    ])
    .compile()
}

#[test]
fn each_answer_gives_the_hand_computed_x_and_s() {
    let model = all_kinds();
    // (question, answer, item id, status, x, s)
    let cases: &[(&str, Value, &str, ItemStatus, Option<f64>, Option<f64>)] = &[
        // DOMAIN scale 50/30/20/0/−10: lo = −10, hi = 50, s = 100·(x + 10)/60.
        ("sat", json!("非常满意"), "sat", Valid, Some(50.0), Some(100.0)),
        ("sat", json!("满意"), "sat", Valid, Some(30.0), Some(200.0 / 3.0)),
        ("sat", json!("一般"), "sat", Valid, Some(20.0), Some(50.0)),
        ("sat", json!("不满意"), "sat", Valid, Some(0.0), Some(50.0 / 3.0)),
        ("sat", json!("非常不满意"), "sat", Valid, Some(-10.0), Some(0.0)),
        ("sat", json!("不清楚"), "sat", NotApplicable, None, None),
        ("sat", json!(null), "sat", Skipped, None, None),
        ("sat", json!(""), "sat", Skipped, None, None),
        // Reverse-keyed: s = 100 − that.
        ("sat_r", json!("非常满意"), "sat_r", Valid, Some(50.0), Some(0.0)),
        ("sat_r", json!("满意"), "sat_r", Valid, Some(30.0), Some(100.0 / 3.0)),
        ("sat_r", json!("非常不满意"), "sat_r", Valid, Some(-10.0), Some(100.0)),
        // Ratings: points are the numbers; 4.0 matches the point 4.
        ("r5", json!(4), "r5", Valid, Some(4.0), Some(75.0)),
        ("r5", json!(4.0), "r5", Valid, Some(4.0), Some(75.0)),
        ("r5", json!(1), "r5", Valid, Some(1.0), Some(0.0)),
        ("r10", json!(6), "r10", Valid, Some(6.0), Some(60.0)),
        // A numeric choice value without a score is its number.
        ("d", json!(2), "d", Valid, Some(2.0), Some(50.0)),
        // Booleans: 1/0 by default, declared numbers otherwise.
        ("b", json!(true), "b", Valid, Some(1.0), Some(100.0)),
        ("b", json!(false), "b", Valid, Some(0.0), Some(0.0)),
        ("b5", json!(true), "b5", Valid, Some(5.0), Some(100.0)),
        ("b5", json!(false), "b5", Valid, Some(-5.0), Some(0.0)),
        ("b_r", json!(true), "b_r", Valid, Some(1.0), Some(0.0)),
        // Checkbox: lo = −1 − 4 = −5, hi = 3 + 2 = 5.
        ("cb", json!(["a", "c"]), "cb", Valid, Some(2.0), Some(70.0)),
        ("cb", json!(["a", "b"]), "cb", Valid, Some(5.0), Some(100.0)),
        ("cb", json!(["d", "c"]), "cb", Valid, Some(-5.0), Some(0.0)),
        ("cb", json!(["d"]), "cb", Valid, Some(-4.0), Some(10.0)),
        ("cb", json!([]), "cb", Skipped, None, None),
        ("cb", json!(["a", "e"]), "cb", NotApplicable, None, None),
        // Numbers within their bounds, bounds included.
        ("n", json!(7), "n", Valid, Some(7.0), Some(70.0)),
        ("n", json!(0), "n", Valid, Some(0.0), Some(0.0)),
        ("n", json!(10), "n", Valid, Some(10.0), Some(100.0)),
        ("n", json!(2.5), "n", Valid, Some(2.5), Some(25.0)),
        ("n_r", json!(2.5), "n_r", Valid, Some(2.5), Some(25.0)),
        // Matrix rows read their own cell.
        ("m", json!({"r1": "good", "r2": "na"}), "m.r1", Valid, Some(2.0), Some(100.0)),
        ("m", json!({"r1": "good", "r2": "na"}), "m.r2", NotApplicable, None, None),
        ("m", json!({"r1": "ok"}), "m.r1", Valid, Some(1.0), Some(50.0)),
        ("m", json!({"r1": "ok"}), "m.r2", Skipped, None, None),
        ("m", json!({"r1": null, "r2": ""}), "m.r1", Skipped, None, None),
        ("m", json!({}), "m.r2", Skipped, None, None),
    ];
    for (question, answer, id, status, x, s) in cases {
        let report = score(&model, json!({ *question: answer }));
        let item = report.items.iter().find(|i| i.id == *id).unwrap();
        assert_eq!(item.status, *status, "{question} = {answer}");
        close(item.x, *x, &format!("x of {question} = {answer}"));
        close(item.score, *s, &format!("s of {question} = {answer}"));
    }
}

#[test]
fn absent_and_hidden_answers_are_missing_and_counted_apart() {
    let model = all_kinds();
    let all = json!({"sat": "满意", "sat_r": "不清楚", "r5": 5, "b": true, "m": {"r1": "good"}});
    let report = model.score(&answers(all.clone()), &hidden(&["r5", "m"])).unwrap();
    let status = |id: &str| report.items.iter().find(|i| i.id == id).unwrap().status;
    assert_eq!(status("sat"), Valid);
    assert_eq!(status("sat_r"), NotApplicable);
    assert_eq!(status("r5"), Hidden, "a hidden question's stored answer is ignored");
    assert_eq!(status("m.r1"), Hidden);
    assert_eq!(status("m.r2"), Hidden);
    assert_eq!(status("d"), Skipped);
    let c = report.counts;
    assert_eq!((c.valid, c.not_applicable, c.skipped, c.hidden), (2, 1, 7, 3));
    assert_eq!(report.items.len(), 13, "every scored item, matrix rows apart");
    let ids: Vec<&str> = report.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(&ids[..3], ["sat", "sat_r", "r5"], "survey order");
    assert_eq!(&ids[11..], ["m.r1", "m.r2"]);
}

#[test]
fn raw_total_sums_x_prime_and_is_missing_when_nothing_is_answered() {
    let model = all_kinds();
    // sat 30, sat_r 50 → −10 + 50 − 50 = −10, b5 true 5, n_r 2.5 → −5 + 5 − 2.5 = −2.5, cb [a, d] −1.
    let report = score(&model, json!({"sat": "满意", "sat_r": "非常满意", "b5": true, "n_r": 2.5, "cb": ["a", "d"], "d": null}));
    close(report.raw_total, Some(30.0 - 10.0 + 5.0 - 2.5 - 1.0), "raw total");
    let report = score(&model, json!({"sat": "不清楚", "cb": []}));
    assert_eq!(report.raw_total, None);
    assert_eq!(report.overall, None, "no item has a score");
}

#[test]
fn ranges_scale_points_and_box_sizes() {
    let model = survey(vec![
        radio("sat", domain_scale()).scored(),
        radio("sat_r", domain_scale()).scored().reverse(),
        boolean("b", 1.0, 0.0).scored().box_size(3),
        boolean("b_r", 2.0, 7.0).scored().reverse(),
        rating("r5", 1.0, 5.0, 1.0).scored().box_size(3),
        rating("r7", 1.0, 7.0, 1.0).scored().box_size(3),
        rating("r9", 1.0, 5.0, 0.5).scored(),
        radio("dup", vec![c(1), c(1.0), cs("x", 2.0), c(2)]).scored(),
        checkbox("cb", vec![cs("a", 3.0), cs("b", 2.0)]).scored(),
        number("n", -3.0, 3.0).scored(),
        matrix("m", &["r1"], vec![c(1), c(2), c(3), c(4)]).scored().box_size(1),
    ])
    .compile();
    // (id, lo, hi, points worst first, k)
    let cases: &[(&str, f64, f64, &[f64], usize)] = &[
        ("sat", -10.0, 50.0, &[-10.0, 0.0, 20.0, 30.0, 50.0], 2),
        ("sat_r", -10.0, 50.0, &[50.0, 30.0, 20.0, 0.0, -10.0], 2),
        ("b", 0.0, 1.0, &[0.0, 1.0], 1),
        ("b_r", 2.0, 7.0, &[7.0, 2.0], 1),
        ("r5", 1.0, 5.0, &[1.0, 2.0, 3.0, 4.0, 5.0], 2),
        ("r7", 1.0, 7.0, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], 3),
        ("r9", 1.0, 5.0, &[1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0], 2),
        ("dup", 1.0, 2.0, &[1.0, 2.0], 1),
        ("cb", 0.0, 5.0, &[], 0),
        ("n", -3.0, 3.0, &[], 0),
        ("m.r1", 1.0, 4.0, &[1.0, 2.0, 3.0, 4.0], 1),
    ];
    for (id, lo, hi, points, k) in cases {
        let item = model.item(id).unwrap_or_else(|| panic!("no item {id}"));
        assert_eq!((item.lo, item.hi), (*lo, *hi), "{id} range");
        assert_eq!(item.scale_points, *points, "{id} scale points");
        assert_eq!(item.box_k, *k, "{id} k");
        assert!(item.scored && item.enters_overall && !item.in_indicator, "{id} flags");
    }
    let sat_r = model.item("sat_r").unwrap();
    assert!(sat_r.in_bottom_box(50.0) && sat_r.in_bottom_box(30.0) && !sat_r.in_bottom_box(20.0));
    assert!(sat_r.in_top_box(-10.0) && sat_r.in_top_box(0.0) && !sat_r.in_top_box(20.0));
}

#[test]
fn survey_box_size_applies_and_zero_means_the_default() {
    for (survey_k, want) in [(0, 2), (1, 1), (3, 3), (9, 3)] {
        let model = survey(vec![rating("r7", 1.0, 7.0, 1.0).scored()]).scoring(|s| s.box_size = survey_k).compile();
        assert_eq!(model.item("r7").unwrap().box_k, want, "boxSize {survey_k}");
    }
}

#[test]
fn bottom_box_answers_flag_a_follow_up_wherever_the_item_sits() {
    let model = survey(vec![
        radio("sat", domain_scale()).scored(),
        radio("sat_r", domain_scale()).scored().reverse(),
        boolean("b", 1.0, 0.0),
        checkbox("cb", vec![cs("a", 1.0), cs("b", -1.0)]).scored(),
    ])
    .indicator(ind("only_b", vec![q("b")]))
    .compile();
    // (answers, flagged items)
    let cases: &[(Value, &[&str])] = &[
        (json!({"sat": "不满意"}), &["sat"]),
        (json!({"sat": "非常不满意"}), &["sat"]),
        (json!({"sat": "一般"}), &[]),
        (json!({"sat": "不清楚"}), &[]),
        (json!({"sat_r": "非常满意"}), &["sat_r"]),
        (json!({"sat_r": "满意"}), &["sat_r"]),
        (json!({"sat_r": "非常不满意"}), &[]),
        (json!({"b": false}), &["b"]),
        (json!({"b": true}), &[]),
        (json!({"cb": ["b"]}), &[]),
        (json!({"sat": "不满意", "b": false, "sat_r": "一般"}), &["sat", "b"]),
    ];
    for (given, flagged) in cases {
        let report = score(&model, given.clone());
        let got: Vec<String> = report
            .follow_up
            .reasons
            .iter()
            .map(|r| match r {
                canvass_core::scoring::FollowUpReason::BottomBox { item } => item.clone(),
                other => panic!("unexpected reason {other:?}"),
            })
            .collect();
        assert_eq!(got, *flagged, "{given}");
        assert_eq!(report.follow_up.flagged, !flagged.is_empty(), "{given}");
    }
    assert!(!model.item("sat").unwrap().in_indicator, "sat is scored outside every indicator");
    assert!(!model.item("sat").unwrap().enters_overall);
}

#[test]
fn scored_items_outside_indicators_enter_the_total_but_not_the_overall_score() {
    let model = survey(vec![scale("a", 5), scale("extra", 5).scored()]).indicator(ind("i", vec![q("a")])).compile();
    let report = score(&model, json!({"a": 4, "extra": 0}));
    assert_eq!(report.overall, Some(100.0));
    assert_eq!(report.raw_total, Some(4.0));
    assert_eq!(report.counts.valid, 2);
}
