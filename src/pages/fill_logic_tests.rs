use canvass_core::expr::{Date, Value as ExprValue};
use canvass_core::logic::{Env, LogicState};
use canvass_core::response::Answers;
use canvass_core::survey::{value_key, QuestionKind};
use serde_json::json;

use super::*;

const SURVEY: &str = r#"{"elements": [
  {"type": "radiogroup", "name": "sat", "choices": [1, 2, 3, 4, 5]},
  {"type": "checkbox", "name": "why", "visibleIf": "{sat} <= 2", "requiredIf": "{sat} = 1",
   "enableIf": "{sat} != 2",
   "choices": ["price", {"value": "staff", "visibleIf": "{sat} = 1"}, "time"]},
  {"type": "expression", "name": "double", "expression": "{sat} * 2"}
]}"#;

fn state_for(sat: Option<i64>) -> (canvass_core::LoadedSurvey, LogicState) {
    let loaded = canvass_core::load(SURVEY).unwrap();
    let mut answers = Answers::new();
    if let Some(s) = sat {
        answers.insert("sat".into(), json!(s));
    }
    let env = Env::new(Date::parse("2026-11-23").unwrap(), "en");
    let state = LogicState::new(&loaded.logic, &answers, env);
    (loaded, state)
}

#[test]
fn shape_follows_visibility_enabling_requirement_and_choices() {
    let shown = |enabled, required, choices: [bool; 3]| {
        Some(Shape {
            enabled,
            required,
            choices: choices.to_vec(),
        })
    };
    let cases = [
        (None, None),
        (Some(5), None),
        (Some(1), shown(true, true, [true, true, true])),
        (Some(2), shown(false, false, [true, false, true])),
    ];
    for (sat, expected) in cases {
        let (loaded, state) = state_for(sat);
        let why = loaded.survey.question("why").unwrap();
        assert_eq!(shape(&state, why), expected, "sat = {sat:?}");
    }
}

#[test]
fn shaped_keeps_only_offered_choices_and_sets_required() {
    let (loaded, state) = state_for(Some(2));
    let why = loaded.survey.question("why").unwrap().clone();
    let sh = shape(&state, &why).unwrap();
    let q = shaped(why, &sh);
    assert!(!q.is_required);
    let QuestionKind::Checkbox { choices } = &q.kind else {
        panic!("checkbox expected");
    };
    let values: Vec<String> = choices.iter().map(|c| value_key(&c.value)).collect();
    assert_eq!(values, ["price", "time"]);
}

#[test]
fn expression_text_is_empty_for_null_and_js_text_otherwise() {
    let (_, state) = state_for(Some(3));
    assert_eq!(
        expression_text(state.expression_value("double")).as_deref(),
        Some("6")
    );
    let (_, empty) = state_for(None);
    let value = empty.expression_value("double");
    assert_eq!(expression_text(ExprValue::Null), None);
    assert_ne!(expression_text(value).as_deref(), Some("null"));
}

#[test]
fn ticking_an_offered_choice_keeps_hidden_selections() {
    let loaded = canvass_core::load(SURVEY).unwrap();
    let QuestionKind::Checkbox { choices } = &loaded.survey.question("why").unwrap().kind else {
        panic!("checkbox expected");
    };
    let offered = [true, false, true];
    let cases = [
        (
            json!(["staff"]),
            Some(json!(["time"])),
            Some(json!(["staff", "time"])),
        ),
        (json!(["price", "staff"]), None, Some(json!(["staff"]))),
        (json!(["price"]), None, None),
        (
            json!(["staff"]),
            Some(json!(["staff"])),
            Some(json!(["staff"])),
        ),
    ];
    for (previous, new, expected) in cases {
        let out = keep_hidden_selections(choices, &offered, Some(&previous), new.clone());
        assert_eq!(out, expected, "{previous} then {new:?}");
    }
}
