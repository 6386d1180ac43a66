//! docs/LOGIC.md and the logic parts of docs/FORMAT.md and the schema stay
//! true to the code.

use canvass_core::logic::{completed_text, piped, validate_page, visible_pages, LogicState};
use serde_json::{json, Value};

use super::support::{env, load, Filling};

const LOGIC: &str = include_str!("../../../docs/LOGIC.md");
const FORMAT: &str = include_str!("../../../docs/FORMAT.md");
const SCHEMA: &str = include_str!("../../../docs/survey.schema.json");

/// The first ```json block after `heading` in `doc`.
fn json_block<'a>(doc: &'a str, heading: &str) -> &'a str {
    let after = &doc[doc.find(heading).expect(heading)..];
    let start = after.find("```json\n").expect("json block") + "```json\n".len();
    let len = after[start..].find("```").expect("end of block");
    &after[start..start + len]
}

#[test]
fn the_logic_example_behaves_as_described() {
    let json = json_block(LOGIC, "## Example");
    let loaded = load(json);
    assert_eq!(
        loaded.warnings,
        [],
        "the example uses only what Canvass reads"
    );
    let mut f = Filling::new(json);
    f.set("type", json!("home")).set("sat", json!(2));
    assert_eq!(visible_pages(&f.state), [0]);
    assert!(f.visible("why"));
    let why = f.loaded.survey.question("why").unwrap();
    assert_eq!(piped(&f.state, &f.answers, &why.title, "en"), "Why only 2?");
    let errors = validate_page(&f.loaded.logic, &f.state, 0, &f.answers);
    assert_eq!(
        errors
            .iter()
            .map(|e| e.message("zh-cn"))
            .collect::<Vec<_>>(),
        ["请填写此问题"]
    );
    f.set("why", json!("slow"));
    let errors = validate_page(&f.loaded.logic, &f.state, 0, &f.answers);
    assert_eq!(
        errors.iter().map(|e| e.message("en")).collect::<Vec<_>>(),
        ["A few words, please"]
    );
    assert_eq!(
        completed_text(&f.loaded.logic, &f.state, &f.answers, "en").as_deref(),
        Some("Sorry it was 2. We will call you.")
    );
    f.set("sat", json!(4));
    assert!(!f.visible("why"));
    assert!(validate_page(&f.loaded.logic, &f.state, 0, &f.answers).is_empty());
    assert_eq!(
        completed_text(&f.loaded.logic, &f.state, &f.answers, "zh-cn").as_deref(),
        Some("感谢您的参与！")
    );
    f.set("type", json!("plant")).set("stability", json!(5));
    assert_eq!(visible_pages(&f.state), [0, 1]);
    let mut answers = f.answers.clone();
    answers.extend(f.state.computed_answers(&f.loaded.logic));
    assert_eq!(answers["avg"], json!(4.5));
    assert_eq!(answers["unhappy"], json!(false));
    let scoring = load(&json.replace(
        r#""expression": "avg({sat}, {stability})", "min": 1, "max": 5"#,
        r#""expression": "avg({sat}, {stability})", "min": 1, "max": 5, "scored": true"#,
    ))
    .scoring;
    let report = scoring
        .score(&answers, &f.state.hidden_questions())
        .unwrap();
    assert_eq!(report.raw_total, Some(4.5));
}

#[test]
fn the_format_examples_of_logic_load() {
    let follow = json_block(FORMAT, "### Follow-up conditions");
    let json = format!(
        r#"{{"elements": [{{"type": "boolean", "name": "callback"}}, {{"type": "comment", "name": "why"}}], "scoring": {{{follow}}}}}"#
    );
    let loaded = load(&json);
    assert_eq!(loaded.warnings, []);
    assert_eq!(
        loaded.logic.follow_up_names().collect::<Vec<_>>(),
        ["wants_call", "leak"]
    );
    let _ = LogicState::new(&loaded.logic, &Default::default(), env());
}

#[test]
fn the_schema_lists_exactly_the_validator_types_the_loader_reads() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let types = schema["$defs"]["validator"]["properties"]["type"]["enum"]
        .as_array()
        .unwrap();
    let names: Vec<&str> = types.iter().map(|t| t.as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "numeric",
            "text",
            "regex",
            "email",
            "expression",
            "answercount"
        ]
    );
    for name in names {
        let extra = match name {
            "regex" => r#", "regex": "x""#,
            "expression" => r#", "expression": "true""#,
            _ => "",
        };
        let json = format!(
            r#"{{"elements": [{{"type": "text", "name": "q", "validators": [{{"type": "{name}"{extra}}}]}}]}}"#
        );
        assert_eq!(load(&json).warnings, [], "{name}");
    }
    for key in [
        "calculatedValues",
        "completedHtml",
        "completedHtmlOnCondition",
    ] {
        assert!(schema["properties"][key].is_object(), "{key}");
    }
    assert!(schema["$defs"]["scoring"]["properties"]["followUp"].is_object());
    assert!(schema["$defs"]["choice"]["properties"]["visibleIf"].is_object());
    for def in ["page", "panel"] {
        for key in ["enableIf", "isRequired", "requiredIf"] {
            assert!(
                schema["$defs"][def]["properties"][key].is_object(),
                "{def}.{key}"
            );
        }
    }
}
