//! `canvass validate` over the SurveyJS compatibility fixtures: legacy
//! shapes load with warnings naming the old spelling, a survey needing a
//! server fails naming each feature and place.

use std::process::Command;

fn validate(name: &str) -> (Option<i32>, String) {
    let path = format!(
        "{}/../tests/fixtures/surveys/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args(["validate", &path])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    (out.status.code(), text.replace(&path, "S"))
}

#[test]
fn legacy_surveys_validate_with_their_warnings() {
    let (code, text) = validate("compat/legacy-questions.json");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains(r#"S: warning: survey: "questions" is the old spelling of "elements"; it is read as such"#), "{text}");
    assert!(
        text.contains("4 questions, 0 indicators, 0 expressions, 4 warnings"),
        "{text}"
    );
}

#[test]
fn a_survey_needing_a_server_fails_naming_each_place() {
    let (code, text) = validate("compat/needs-server.json");
    assert_eq!(code, Some(1));
    assert!(
        text.contains(r#"S: error: pages[0].elements[0] "country": choicesByUrl is not supported"#),
        "{text}"
    );
    assert!(
        text.contains(
            r#"S: error: pages[0].elements[1].columns[0] "c": cellType "file" is not supported"#
        ),
        "{text}"
    );
    assert!(text.contains("S: 3 errors"), "{text}");
}
