//! Grades: default bands, the 1e-9 tolerance, bands without a catch-all,
//! grading on the raw total, and the lowest-band follow-up.

use canvass_core::scoring::FollowUpReason;
use canvass_core::survey::GradeBasis;
use serde_json::json;

use crate::support::*;

/// One number item 0..100 (s = x) in one indicator, so the overall score is the answer.
fn percent() -> SurveyBuilder {
    survey(vec![number("p", 0.0, 100.0)]).indicator(ind("i", vec![q("p")]))
}

#[test]
fn default_bands_apply_to_the_score_basis() {
    let model = percent().grades(GradeBasis::Score, vec![]).compile();
    let names: Vec<(&str, Option<f64>)> = model.bands().iter().map(|b| (b.name.as_str(), b.min)).collect();
    assert_eq!(names, [("优", Some(90.0)), ("良", Some(80.0)), ("中", Some(70.0)), ("可", Some(60.0)), ("差", None)]);
    assert_eq!(model.bands()[0].title.get("en"), "Excellent");
    let cases = [
        (100.0, "优"),
        (90.0, "优"),
        (90.0 - 5e-10, "优"),
        (90.0 - 2e-9, "良"),
        (80.0, "良"),
        (79.99, "中"),
        (60.0 - 5e-10, "可"),
        (59.9, "差"),
        (0.0, "差"),
    ];
    for (x, grade) in cases {
        let report = score(&model, json!({ "p": x }));
        assert_eq!(report.grade.as_deref(), Some(grade), "score {x}");
        let lowest = report.follow_up.reasons.contains(&FollowUpReason::LowestGrade { grade: "差".to_owned() });
        assert_eq!(lowest, grade == "差", "score {x}");
        assert_eq!(report.follow_up.flagged, grade == "差", "a number item has no bottom box");
    }
    assert_eq!(score(&model, json!({})).grade, None, "no score, no grade");
}

#[test]
fn without_a_catch_all_band_a_low_value_has_no_grade() {
    let model = percent().grades(GradeBasis::Score, vec![band("B", Some(50.0)), band("A", Some(80.0))]).compile();
    let names: Vec<&str> = model.bands().iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["A", "B"], "highest minimum first");
    for (x, grade, flagged) in [(85.0, Some("A"), false), (50.0, Some("B"), true), (49.0, None, false)] {
        let report = score(&model, json!({ "p": x }));
        assert_eq!(report.grade.as_deref(), grade, "score {x}");
        assert_eq!(report.follow_up.flagged, flagged, "the lowest band is B; {x}");
    }
}

#[test]
fn grading_on_the_raw_total() {
    let model = survey(vec![number("a", 0.0, 100.0).scored(), number("b", 0.0, 100.0).scored().reverse()])
        .grades(GradeBasis::Total, vec![band("low", Some(0.0)), band("high", Some(100.0)), band("debt", None)])
        .compile();
    assert_eq!(model.grade_basis(), Some(GradeBasis::Total));
    // b is reverse-keyed: x' = 100 − b.
    let cases = [
        (json!({"a": 60, "b": 50}), Some(110.0), Some("high")),
        (json!({"a": 40, "b": 50}), Some(90.0), Some("low")),
        (json!({"a": 100}), Some(100.0), Some("high")),
        (json!({"a": 100, "b": 100}), Some(100.0), Some("high")),
        (json!({"a": 0, "b": 100}), Some(0.0), Some("low")),
        (json!({}), None, None),
    ];
    for (given, total, grade) in cases {
        let report = score(&model, given.clone());
        close(report.raw_total, total, &format!("total {given}"));
        assert_eq!(report.grade.as_deref(), grade, "{given}");
    }
}

#[test]
fn surveys_without_grades_have_none() {
    let model = percent().compile();
    assert_eq!(model.grade_basis(), None);
    assert!(model.bands().is_empty());
    assert_eq!(score(&model, json!({"p": 10})).grade, None);
}
