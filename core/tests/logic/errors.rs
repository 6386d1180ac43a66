//! Load errors of logic: each names the element path and the property.

use super::support::{errors, page};

#[test]
fn expression_errors_name_the_element_and_property() {
    let q = |extra: &str| {
        page(&format!(
            r#"{{"type": "rating", "name": "q1"}}, {{"type": "comment", "name": "q2", {extra}}}"#
        ))
    };
    let cases: Vec<(String, &str)> = vec![
        (
            q(r#""visibleIf": "({q1} = 1""#),
            r#"pages[0].elements[1] "q2".visibleIf: at 9: expected ')', found end of input"#,
        ),
        (
            q(r#""enableIf": "isContainerReady('x')""#),
            r#"pages[0].elements[1] "q2".enableIf: at 0: unknown function "isContainerReady""#,
        ),
        (
            q(r#""requiredIf": "iif({q1})""#),
            r#"pages[0].elements[1] "q2".requiredIf: at 0: iif() takes 2 to 3 arguments, not 1"#,
        ),
        (
            q(r#""visibleIf": "{q9} = 1""#),
            r#"pages[0].elements[1] "q2".visibleIf: unknown variable {q9}"#,
        ),
        (
            q(r#""title": "About {qq1}""#),
            r#"pages[0].elements[1] "q2".title: unknown variable {qq1}"#,
        ),
        (
            q(r#""title": {"default": "A", "zh-cn": "关于{x}"}"#),
            r#"pages[0].elements[1] "q2".title["zh-cn"]: unknown variable {x}"#,
        ),
        (
            q(r#""validators": [{"type": "expression", "expression": "{q1} >"}]"#),
            r#"pages[0].elements[1] "q2".validators[0].expression: at 6: expected a value, found end of input"#,
        ),
        (
            q(r#""validators": [{"type": "regex", "regex": "(?=x)"}]"#),
            "REGEX",
        ),
    ];
    for (json, expected) in cases {
        let got = errors(&json);
        if expected == "REGEX" {
            assert_eq!(got.len(), 1);
            assert!(
                got[0].starts_with(
                    r#"pages[0].elements[1] "q2".validators[0].regex: invalid regular expression: "#
                ),
                "{got:?}"
            );
        } else {
            assert_eq!(got, [expected], "{json}");
        }
    }
}

#[test]
fn unknown_names_are_errors_wherever_expressions_and_texts_are() {
    let json = r#"{
      "pages": [{"visibleIf": "{nope1}", "title": "{nope2}", "elements": [
        {"type": "panel", "name": "p", "enableIf": "{nope3}", "description": "{nope4}", "elements": [
          {"type": "radiogroup", "name": "q", "choices": [{"value": 1, "visibleIf": "{nope5}", "text": "{nope6}"}]},
          {"type": "matrix", "name": "m", "rows": [{"value": "r1", "text": "{nope7}"}], "columns": [1],
           "visibleIf": "{m.r1} = 1 and {m.r2} = 1"},
          {"type": "expression", "name": "e", "expression": "{nope8}"}
        ]}
      ]}],
      "calculatedValues": [{"name": "c", "expression": "{nope9} + {c2}"}, {"name": "c2", "expression": "{locale}"}],
      "completedHtml": "{nope10}",
      "completedHtmlOnCondition": [{"expression": "{nope11}", "html": "{nope12}"}],
      "scoring": {"followUp": [{"name": "f", "expression": "{nope13}"}]}
    }"#;
    let got = errors(json);
    let expected = [
        r#"pages[0].visibleIf: unknown variable {nope1}"#,
        r#"pages[0].title: unknown variable {nope2}"#,
        r#"pages[0].elements[0] "p".enableIf: unknown variable {nope3}"#,
        r#"pages[0].elements[0] "p".description: unknown variable {nope4}"#,
        r#"pages[0].elements[0].elements[0] "q".choices[0].text: unknown variable {nope6}"#,
        r#"pages[0].elements[0].elements[0] "q".choices[0].visibleIf: unknown variable {nope5}"#,
        r#"pages[0].elements[0].elements[1] "m".visibleIf: {m.r2}: matrix "m" has no row "r2""#,
        r#"pages[0].elements[0].elements[1] "m".rows[0].text: unknown variable {nope7}"#,
        r#"pages[0].elements[0].elements[2] "e".expression: unknown variable {nope8}"#,
        r#"calculatedValues[0] "c".expression: unknown variable {nope9}"#,
        r#"completedHtmlOnCondition[0].html: unknown variable {nope12}"#,
        r#"completedHtmlOnCondition[0].expression: unknown variable {nope11}"#,
        r#"survey.completedHtml: unknown variable {nope10}"#,
        r#"scoring.followUp[0] "f".expression: unknown variable {nope13}"#,
    ];
    assert_eq!(got, expected);
}

#[test]
fn cycles_are_errors_naming_the_cycle() {
    let calc = r#"{"elements": [{"type": "comment", "name": "q"}], "calculatedValues": [
        {"name": "a", "expression": "{b} + 1"}, {"name": "b", "expression": "{a} + 1"}]}"#;
    let visible = page(
        r#"{"type": "comment", "name": "q1", "visibleIf": "{q2} notempty"},
           {"type": "comment", "name": "q2", "visibleIf": "{q1} notempty"}"#,
    );
    let itself = page(r#"{"type": "comment", "name": "q1", "visibleIf": "{q1} notempty"}"#);
    let panel = page(
        r#"{"type": "panel", "name": "p", "visibleIf": "{inside} = 1", "elements": [{"type": "rating", "name": "inside"}]}"#,
    );
    let expression = page(r#"{"type": "expression", "name": "e", "expression": "{c} + 1"}"#)
        .replace(
            "]}]}",
            r#"]}], "calculatedValues": [{"name": "c", "expression": "{e} * 2"}]}"#,
        );
    let choice = page(
        r#"{"type": "radiogroup", "name": "q", "choices": [{"value": 1, "visibleIf": "{q} empty"}]}"#,
    );
    let cases: Vec<(String, &str)> = vec![
        (
            calc.to_owned(),
            r#"calculatedValues[0] "a": cyclic dependency: calculatedValues[0] "a".expression → calculatedValues[1] "b".expression → calculatedValues[0] "a".expression"#,
        ),
        (
            visible,
            r#"pages[0].elements[0] "q1": cyclic dependency: pages[0].elements[0] "q1".visibleIf → {q2} → pages[0].elements[1] "q2".visibleIf → {q1} → pages[0].elements[0] "q1".visibleIf"#,
        ),
        (
            itself,
            r#"pages[0].elements[0] "q1": cyclic dependency: pages[0].elements[0] "q1".visibleIf → {q1} → pages[0].elements[0] "q1".visibleIf"#,
        ),
        (
            panel,
            r#"pages[0].elements[0] "p": cyclic dependency: pages[0].elements[0] "p".visibleIf → {inside} → pages[0].elements[0] "p".visibleIf"#,
        ),
        (
            expression,
            r#"calculatedValues[0] "c": cyclic dependency: calculatedValues[0] "c".expression → {e} → pages[0].elements[0] "e".expression → calculatedValues[0] "c".expression"#,
        ),
        (
            choice,
            r#"pages[0].elements[0] "q".choices[0]: cyclic dependency: pages[0].elements[0] "q".choices[0].visibleIf → {q} → pages[0].elements[0] "q".choices[0].visibleIf"#,
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(errors(&json), [expected], "{json}");
    }
}

#[test]
fn reading_a_question_in_another_condition_is_not_a_cycle() {
    // enableIf and requiredIf do not change values, so reading oneself there is fine.
    let json = page(
        r#"{"type": "comment", "name": "q1", "enableIf": "{q1} empty", "requiredIf": "{q1} notempty"},
           {"type": "comment", "name": "q2", "visibleIf": "{q1} notempty"},
           {"type": "comment", "name": "q3", "visibleIf": "{q2} notempty and {q1} notempty"}"#,
    );
    super::support::load(&json);
}

#[test]
fn loader_errors_of_the_new_properties_name_their_place() {
    let q = |validators: &str| {
        page(&format!(
            r#"{{"type": "text", "name": "q", "validators": [{validators}]}}"#
        ))
    };
    let cases: Vec<(String, &str)> = vec![
        (q(r#"{"type": "phone"}"#), r#"pages[0].elements[0] "q".validators[0]: type must be one of numeric, text, regex, email, expression, answercount, found "phone""#),
        (q(r#"{"minValue": 1}"#), r#"pages[0].elements[0] "q".validators[0]: type is required"#),
        (q(r#"{"type": "numeric", "minValue": 5, "maxValue": 1}"#), r#"pages[0].elements[0] "q".validators[0]: minValue (5) must not be greater than maxValue (1)"#),
        (q(r#"{"type": "text", "minLength": 1.5}"#), r#"pages[0].elements[0] "q".validators[0]: minLength must be a whole number ≥ 0, found 1.5"#),
        (q(r#"{"type": "answercount", "minCount": 3, "maxCount": 2}"#), r#"pages[0].elements[0] "q".validators[0]: minCount (3) must not be greater than maxCount (2)"#),
        (q(r#"{"type": "regex"}"#), r#"pages[0].elements[0] "q".validators[0]: regex is required"#),
        (q(r#"{"type": "expression", "expression": " "}"#), r#"pages[0].elements[0] "q".validators[0]: expression must not be empty"#),
        (page(r#"{"type": "expression", "name": "e"}"#), r#"pages[0].elements[0] "e": expression is required"#),
        (page(r#"{"type": "expression", "name": "e", "expression": "1", "min": 3, "max": 1}"#), r#"pages[0].elements[0] "e": min (3) must not be greater than max (1)"#),
        (
            r#"{"elements": [{"type": "comment", "name": "x"}], "calculatedValues": [{"name": "x", "expression": "1"}, {"name": "y", "expression": "1"}, {"name": "y", "expression": "2"}, {"expression": "3"}]}"#.to_owned(),
            r#"calculatedValues[0] "x": calculated value name "x" is already used at elements[0] "x""#,
        ),
        (
            r#"{"elements": [{"type": "comment", "name": "x"}], "completedHtmlOnCondition": [{"expression": "true"}]}"#.to_owned(),
            r#"completedHtmlOnCondition[0]: html is required"#,
        ),
        (
            r#"{"elements": [{"type": "comment", "name": "x"}], "scoring": {"followUp": [{"name": "f", "expression": "true"}, {"name": "f", "expression": "false"}]}}"#.to_owned(),
            r#"scoring.followUp[1] "f": follow-up condition name "f" is already used at scoring.followUp[0] "f""#,
        ),
    ];
    for (json, expected) in cases {
        let got = errors(&json);
        assert_eq!(got[0], expected, "{json}");
    }
    let got = errors(
        r#"{"elements": [{"type": "comment", "name": "x"}], "calculatedValues": [{"name": "y", "expression": "1"}, {"name": "y", "expression": "2"}, {"expression": "3"}]}"#,
    );
    assert_eq!(
        got,
        [
            r#"calculatedValues[1] "y": calculated value name "y" is already used at calculatedValues[0] "y""#,
            r#"calculatedValues[2]: name is required"#,
        ]
    );
}

#[test]
fn scoring_and_logic_errors_are_reported_together() {
    let json = r#"{"elements": [
        {"type": "comment", "name": "c", "scored": true, "visibleIf": "{zzz}"}]}"#;
    assert_eq!(
        errors(json),
        [
            r#"elements[0] "c": a comment question cannot be scored"#,
            r#"elements[0] "c".visibleIf: unknown variable {zzz}"#,
        ]
    );
}
