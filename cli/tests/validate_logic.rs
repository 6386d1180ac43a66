//! `canvass validate` reports the survey's expression errors with their
//! places, and counts the expressions of a valid survey.

use std::process::Command;

fn validate(json: &str, name: &str) -> (Option<i32>, String, String) {
    let dir = std::env::temp_dir().join(format!("canvass-validate-logic-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, json).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args(["validate", path.to_str().unwrap()])
        .output()
        .expect("the binary runs");
    let text = |b: Vec<u8>| {
        String::from_utf8(b)
            .unwrap()
            .replace(path.to_str().unwrap(), "S")
    };
    (out.status.code(), text(out.stdout), text(out.stderr))
}

#[test]
fn expression_errors_are_reported_with_their_places() {
    let json = r#"{"elements": [
        {"type": "rating", "name": "q1"},
        {"type": "comment", "name": "q2", "visibleIf": "({q1} = 1", "title": "About {q9}"}
    ], "calculatedValues": [{"name": "a", "expression": "{b}"}, {"name": "b", "expression": "{a}"}]}"#;
    let (code, _, stderr) = validate(json, "bad.json");
    assert_eq!(code, Some(1));
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("S: error: "))
        .collect();
    assert_eq!(
        errors,
        [
            r#"S: error: elements[1] "q2".visibleIf: at 9: expected ')', found end of input"#,
            r#"S: error: elements[1] "q2".title: unknown variable {q9}"#,
            r#"S: error: calculatedValues[0] "a": cyclic dependency: calculatedValues[0] "a".expression → calculatedValues[1] "b".expression → calculatedValues[0] "a".expression"#,
        ]
    );
}

#[test]
fn a_valid_survey_reports_its_expression_count() {
    let json = r#"{"id": "s", "elements": [
        {"type": "rating", "name": "q1"},
        {"type": "comment", "name": "q2", "visibleIf": "{q1} <= 2", "requiredIf": "{q1} = 1"}
    ]}"#;
    let (code, stdout, _) = validate(json, "good.json");
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout.trim(),
        r#"S: ok — survey "s" version "1", 2 questions, 0 indicators, 2 expressions, 0 warnings"#
    );
}
