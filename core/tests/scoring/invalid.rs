//! Invalid answers (DOMAIN 25): every kind names the question (and row),
//! scored or not; hidden questions' answers are not checked.

use serde_json::{json, Value};

use crate::support::*;
use canvass_core::survey::InputType;

#[test]
fn invalid_answers_name_the_question_and_never_score() {
    let model = survey(vec![
        radio("sat", domain_scale()).scored(),
        rating("r5", 1.0, 5.0, 1.0).scored(),
        checkbox("cb", vec![cs("a", 1.0), cs("b", 2.0)]).scored(),
        boolean("b", 1.0, 0.0).scored(),
        number("n", 0.0, 10.0).scored(),
        matrix("m", &["r1", "r2"], vec![c(0), c(1)]).scored(),
        // Not scored: still checked.
        radio("color", vec![c("red"), c("blue")]),
        comment("why"),
        text("age", InputType::Number, Some(0.0), None),
        text("mail", InputType::Email, None, None),
        ranking("rank", vec![c("x"), c("y")]),
    ])
    .compile();
    let cases: &[(Value, &str, &str)] = &[
        (json!({"sat": "nope"}), "sat", r#"question "sat": "nope" matches no choice"#),
        (json!({"sat": 30}), "sat", r#"question "sat": 30 matches no choice"#),
        (json!({"sat": ["满意"]}), "sat", r#"question "sat": expected a choice value (string or number), found an array"#),
        (json!({"sat": true}), "sat", r#"question "sat": expected a choice value (string or number), found a boolean"#),
        (json!({"r5": 3.5}), "r5", r#"question "r5": 3.5 matches no choice"#),
        (json!({"r5": "3"}), "r5", r#"question "r5": "3" matches no choice"#),
        (json!({"cb": "a"}), "cb", r#"question "cb": expected an array of choice values, found a string"#),
        (json!({"cb": ["a", "z"]}), "cb", r#"question "cb": "z" matches no choice"#),
        (json!({"cb": ["a", "a"]}), "cb", r#"question "cb": "a" is chosen more than once"#),
        (json!({"b": "true"}), "b", r#"question "b": expected true or false, found a string"#),
        (json!({"n": 11}), "n", r#"question "n": 11 is outside its bounds [0, 10]"#),
        (json!({"n": -0.5}), "n", r#"question "n": -0.5 is outside its bounds [0, 10]"#),
        (json!({"n": "7"}), "n", r#"question "n": expected a number, found a string"#),
        (json!({"m": ["r1"]}), "m", r#"question "m": expected an object of row → column, found an array"#),
        (json!({"m": {"r9": 1}}), "m", r#"question "m": row "r9" does not exist"#),
        (json!({"m": {"r1": 1, "r2": 5}}), "m", r#"question "m" row "r2": 5 matches no column"#),
        (json!({"m": {"r1": [1]}}), "m", r#"question "m" row "r1": expected a column value (string or number), found an array"#),
        (json!({"color": "green"}), "color", r#"question "color": "green" matches no choice"#),
        (json!({"why": 5}), "why", r#"question "why": expected a string, found a number"#),
        (json!({"age": -1}), "age", r#"question "age": -1 is outside its bounds [0, inf]"#),
        (json!({"mail": {}}), "mail", r#"question "mail": expected a string, found an object"#),
        (json!({"rank": ["x", "x"]}), "rank", r#"question "rank": "x" is chosen more than once"#),
    ];
    for (given, question, message) in cases {
        let error = model.score(&answers(given.clone()), &hidden(&[])).expect_err(&given.to_string());
        assert_eq!(error.to_string(), *message, "{given}");
        assert_eq!(error.question(), *question);
    }
}

#[test]
fn hidden_questions_are_not_checked_and_unknown_keys_are_ignored() {
    let model = survey(vec![radio("sat", domain_scale()).scored(), comment("why")]).compile();
    let given = answers(json!({"sat": "nope", "why": 5, "sat-Comment": "free text", "other": [1]}));
    let report = model.score(&given, &hidden(&["sat", "why"])).unwrap();
    assert_eq!(report.counts.hidden, 1);
}

#[test]
fn valid_answers_of_every_shape_pass() {
    let model = survey(vec![
        comment("why"),
        ranking("rank", vec![c("x"), c("y")]),
        text("age", InputType::Number, None, None),
        matrix("m", &["r1", "r2"], vec![c("a"), c("b")]),
    ])
    .compile();
    let report = score(&model, json!({"why": "", "rank": ["y", "x"], "age": 1e6, "m": {"r1": "b", "r2": null}}));
    assert!(report.items.is_empty() && report.overall.is_none() && report.raw_total.is_none());
    assert!(!report.follow_up.flagged);
}
