//! docs/FORMAT.md and docs/survey.schema.json stay true to the loader.

use serde_json::Value;

use super::{err, ok, page};

const FORMAT: &str = include_str!("../../../docs/FORMAT.md");
const SCHEMA: &str = include_str!("../../../docs/survey.schema.json");

/// The first ```json block after `heading` in FORMAT.md.
fn json_block(heading: &str) -> &'static str {
    let after = &FORMAT[FORMAT.find(heading).expect(heading)..];
    let start = after.find("```json\n").expect("json block") + "```json\n".len();
    let len = after[start..].find("```").expect("end of block");
    &after[start..start + len]
}

#[test]
fn the_short_survey_in_the_format_loads_without_warnings() {
    let (survey, warnings) = ok(json_block("## A short survey"));
    assert_eq!(warnings, []);
    assert_eq!(survey.id, "repair-callback");
    assert_eq!(survey.scoring.indicators.len(), 2);
}

#[test]
fn the_scoring_example_in_the_format_loads_beside_its_questions() {
    let scoring = json_block("## Scoring");
    let questions = r#"
        {"type": "rating", "name": "q1"}, {"type": "rating", "name": "q2"}, {"type": "rating", "name": "q3"},
        {"type": "rating", "name": "q4"}, {"type": "rating", "name": "q5"}, {"type": "rating", "name": "q_overall"},
        {"type": "matrix", "name": "m1", "rows": ["r1", "r2"], "columns": [1, 2, 3]},
        {"type": "matrix", "name": "m2", "rows": ["a", "b"], "columns": [1, 2, 3]}"#;
    let json = format!(r#"{{"elements": [{questions}], {scoring}}}"#);
    let (survey, warnings) = ok(&json);
    assert_eq!(warnings, []);
    assert_eq!(survey.scoring.indicators.len(), 3);
}

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

#[test]
fn the_schema_lists_exactly_the_question_types_the_loader_reads() {
    let schema = schema();
    let types = schema["$defs"]["question"]["properties"]["type"]["enum"]
        .as_array()
        .expect("type enum")
        .clone();
    assert_eq!(types.len(), 20);
    for t in &types {
        let t = t.as_str().unwrap();
        let props = match t {
            "radiogroup" | "dropdown" | "checkbox" | "ranking" | "tagbox" | "imagepicker" => r#", "choices": [1, 2]"#,
            "multipletext" => r#", "items": [{"name": "a"}]"#,
            "matrixdropdown" => r#", "rows": ["r"], "columns": [{"name": "c", "cellType": "text"}]"#,
            "matrixdynamic" => r#", "columns": [{"name": "c", "cellType": "text"}]"#,
            "paneldynamic" => r#", "templateElements": [{"type": "text", "name": "t"}]"#,
            "image" => r#", "imageLink": "https://example.com/a.png""#,
            "matrix" => r#", "rows": ["r"], "columns": [1, 2]"#,
            "expression" => r#", "expression": "1 + 1""#,
            _ => "",
        };
        ok(&page(&format!(r#"{{"type": "{t}", "name": "q"{props}}}"#)));
    }
    let messages = err(&page(r#"{"type": "flowpanel", "name": "q"}"#));
    assert!(messages[0].contains(r#"unknown question type "flowpanel""#));
}

#[test]
fn the_schema_lists_exactly_the_input_types_the_loader_reads() {
    let schema = schema();
    let text_rule = schema["$defs"]["question"]["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|rule| rule["if"]["properties"]["type"]["const"] == "text")
        .expect("a rule for text questions");
    let input_types = text_rule["then"]["properties"]["inputType"]["enum"]
        .as_array()
        .unwrap();
    let names: Vec<&str> = input_types.iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(names, ["text", "number", "date", "email", "tel"]);
    for name in names {
        ok(&page(&format!(
            r#"{{"type": "text", "name": "q", "inputType": "{name}"}}"#
        )));
    }
}
