use serde_json::json;

use crate::expr::Date;
use crate::logic::{validate_page, Env, ErrorKind, LogicState, PartItem};
use crate::response::Answers;

fn env() -> Env {
    Env::new(Date::from_ymd(2026, 11, 23).unwrap(), "en")
}

#[track_caller]
fn load(json: serde_json::Value) -> crate::LoadedSurvey {
    match crate::load(&json.to_string()) {
        Ok(l) => l,
        Err(e) => panic!("does not load: {:?}", e.errors),
    }
}

fn answers(v: serde_json::Value) -> Answers {
    serde_json::from_value(v).unwrap()
}

fn household() -> crate::LoadedSurvey {
    load(json!({"elements": [
        {"type": "boolean", "name": "adults_only"},
        {"type": "paneldynamic", "name": "people", "panelCount": 1, "templateElements": [
            {"type": "text", "name": "name", "isRequired": true, "title": "Name"},
            {"type": "text", "name": "age", "inputType": "number"},
            {"type": "comment", "name": "school", "visibleIf": "{panel.age} < 18 and {adults_only} != true",
             "isRequired": true, "title": "School"},
            {"type": "text", "name": "job", "requiredIf": "{panel.age} >= 18", "title": "Job"}
        ]},
        {"type": "matrixdynamic", "name": "bill", "rowCount": 1, "columns": [
            {"name": "qty", "cellType": "text", "inputType": "number"},
            {"name": "price", "cellType": "text", "inputType": "number"},
            {"name": "total", "cellType": "expression", "expression": "{row.qty} * {row.price}"},
            {"name": "note", "cellType": "text", "visibleIf": "{row.total} > 100", "isRequired": true, "title": "Why so much?"}
        ]},
        {"type": "expression", "name": "sum", "expression": "sumInArray({bill}, 'total')"}
    ]}))
}

#[test]
fn a_panel_part_reads_its_own_panel_and_the_survey() {
    let l = household();
    let parts = l.logic.parts("people").unwrap();
    let a = answers(json!({}));
    let state = LogicState::new(&l.logic, &a, env());
    let scope = state.scope(&a);
    let (_, child) = parts.evaluate(Some(&json!({"age": 9})), &scope);
    assert!(child[2].visible && child[2].required);
    assert!(!child[3].required, "job is required only for adults");
    let (_, adult) = parts.evaluate(Some(&json!({"age": 40})), &scope);
    assert!(
        !adult[2].visible && !adult[2].required,
        "hidden is not required"
    );
    assert!(adult[3].required);

    let a = answers(json!({"adults_only": true}));
    let state = LogicState::new(&l.logic, &a, env());
    let (_, child) = parts.evaluate(Some(&json!({"age": 9})), &state.scope(&a));
    assert!(!child[2].visible, "a survey answer hides the part");
}

#[test]
fn required_parts_block_with_the_panel_and_field_named() {
    let l = household();
    let a = answers(json!({"people": [{"name": "Li", "age": 9}, {"age": 40}]}));
    let state = LogicState::new(&l.logic, &a, env());
    let errors = validate_page(&l.logic, &state, 0, &a);
    let messages: Vec<String> = errors.iter().map(|e| e.message("en")).collect();
    assert_eq!(
        messages,
        [
            "Panel 1, “School”: Response required.",
            "Panel 2, “Name”: Response required.",
            "Panel 2, “Job”: Response required.",
        ]
    );
    assert_eq!(
        errors[0].message("zh-cn"),
        "第 1 组「School」：请填写此问题"
    );
    assert!(matches!(
        errors[0].kind,
        ErrorKind::PartRequired {
            item: PartItem::Panel(1),
            ..
        }
    ));

    let a = answers(
        json!({"people": [{"name": "Li", "age": 9, "school": "No. 3"},
                                        {"name": "Wang", "age": 40, "job": "cook"}]}),
    );
    let state = LogicState::new(&l.logic, &a, env());
    assert!(validate_page(&l.logic, &state, 0, &a).is_empty());
}

#[test]
fn an_unanswered_dynamic_question_shows_its_initial_panels_and_requires_their_parts() {
    let l = household();
    let a = Answers::new();
    let state = LogicState::new(&l.logic, &a, env());
    let messages: Vec<String> = validate_page(&l.logic, &state, 0, &a)
        .iter()
        .map(|e| e.message("en"))
        .collect();
    assert_eq!(messages, ["Panel 1, “Name”: Response required."]);
}

#[test]
fn expression_cells_are_computed_stored_and_read_by_the_survey() {
    let l = household();
    let parts = l.logic.parts("bill").unwrap();
    let mut a = answers(json!({}));
    let raw = json!([{"qty": 3, "price": 50}, {"qty": 1, "price": 20}, {}]);
    let state = LogicState::new(&l.logic, &a, env());
    let stored = parts
        .normalized(Some(&raw), &state.scope(&a), false)
        .unwrap();
    assert_eq!(
        stored,
        json!([{"qty": 3, "price": 50, "total": 150},
                              {"qty": 1, "price": 20, "total": 20}, {}])
    );
    a.insert("bill".into(), stored);
    let state = LogicState::new(&l.logic, &a, env());
    assert_eq!(state.expression_value("sum").to_json(), json!(170));
    // {row.total} > 100 shows the required note in row 1 only.
    let messages: Vec<String> = validate_page(&l.logic, &state, 0, &a)
        .iter()
        .map(|e| e.message("en"))
        .collect();
    assert!(messages.contains(&"Row 1, “Why so much?”: Response required.".to_owned()));
    assert!(!messages.iter().any(|m| m.starts_with("Row 2")));
}

#[test]
fn completion_clears_hidden_parts_and_keeps_the_rest() {
    let l = household();
    let a = answers(json!({
        "people": [{"name": "Wang", "age": 40, "school": "typed before the age", "job": "cook"}],
        "bill": [{"qty": 1, "price": 20, "note": "typed, then price changed"}]
    }));
    let state = LogicState::new(&l.logic, &a, env());
    let done = state.part_answers(&l.logic, &a);
    assert_eq!(
        done["people"],
        json!([{"name": "Wang", "age": 40, "job": "cook"}])
    );
    assert_eq!(done["bill"], json!([{"qty": 1, "price": 20, "total": 20}]));
    // The same values reach scoring.
    let scoring = state.scoring_answers(&l.logic, &a);
    assert_eq!(scoring["people"], done["people"]);
}

#[test]
fn a_hidden_question_keeps_its_parts_untouched() {
    let l = load(json!({"elements": [
        {"type": "boolean", "name": "has"},
        {"type": "matrixdynamic", "name": "m", "visibleIf": "{has} = true", "columns": [
            {"name": "a", "cellType": "text"},
            {"name": "b", "cellType": "expression", "expression": "{row.a} + '!'"}
        ]}
    ]}));
    let a = answers(json!({"m": [{"a": "x"}]}));
    let state = LogicState::new(&l.logic, &a, env());
    assert!(state.part_answers(&l.logic, &a).is_empty());
}

#[test]
fn matrixdropdown_rows_are_named_by_their_text_and_expression_cells_score() {
    let l = load(json!({"elements": [
        {"type": "matrixdropdown", "name": "svc", "scored": true,
         "rows": [{"value": "water", "text": {"default": "Water", "zh-cn": "水"}}, "power"],
         "columns": [
            {"name": "sat", "cellType": "rating", "rateMin": 1, "rateMax": 5, "isRequired": true, "title": {"default": "Satisfaction", "zh-cn": "满意度"}},
            {"name": "double", "cellType": "expression", "expression": "{row.sat} * 2", "min": 2, "max": 10}
         ]}
    ]}));
    let a = answers(json!({"svc": {"water": {"sat": 4}}}));
    let state = LogicState::new(&l.logic, &a, env());
    let errors = validate_page(&l.logic, &state, 0, &a);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].message("zh-cn"),
        "「power」行「满意度」：请填写此问题"
    );
    assert_eq!(
        errors[0].message("en"),
        "Row “power”, “Satisfaction”: Response required."
    );
    let scoring = state.scoring_answers(&l.logic, &a);
    assert_eq!(scoring["svc"], json!({"water": {"sat": 4, "double": 8}}));
    let report = l
        .scoring
        .score_with(
            &scoring,
            &state.hidden_questions(),
            &crate::logic::FollowUps::new(&l.logic, env()),
        )
        .unwrap();
    let cell = report
        .items
        .iter()
        .find(|i| i.id == "svc.water.double")
        .expect("expression cell item");
    assert_eq!(cell.x, Some(8.0));
}

#[test]
fn multipletext_items_have_conditions_and_required_items() {
    let l = load(json!({"elements": [
        {"type": "boolean", "name": "mobile"},
        {"type": "multipletext", "name": "contact", "items": [
            {"name": "phone", "isRequired": true, "title": "Phone"},
            {"name": "sms", "visibleIf": "{mobile} = true", "isRequired": true, "title": "SMS"}
        ]}
    ]}));
    let a = answers(json!({"contact": {"sms": "1"}}));
    let state = LogicState::new(&l.logic, &a, env());
    let messages: Vec<String> = validate_page(&l.logic, &state, 0, &a)
        .iter()
        .map(|e| e.message("en"))
        .collect();
    assert_eq!(messages, ["“Phone”: Response required."]);
    assert_eq!(state.part_answers(&l.logic, &a)["contact"], json!({}));
}

#[test]
fn part_expressions_are_checked_when_the_survey_loads() {
    let bad = |columns: serde_json::Value| {
        let json =
            json!({"elements": [{"type": "matrixdynamic", "name": "m", "columns": columns}]});
        crate::load(&json.to_string())
            .err()
            .map(|e| format!("{:?}", e.errors))
            .unwrap_or_default()
    };
    let e = bad(json!([{"name": "a", "cellType": "text", "visibleIf": "{row.nope} = 1"}]));
    assert!(e.contains("unknown variable {row.nope}"), "{e}");
    let e = bad(json!([{"name": "a", "cellType": "text", "enableIf": "{nowhere} = 1"}]));
    assert!(e.contains("enableIf: unknown variable {nowhere}"), "{e}");
    let e = bad(json!([{"name": "a", "cellType": "expression", "expression": "{row.a} +"}]));
    assert!(e.contains("expression"), "{e}");
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// For any rows: a part that is hidden is never required, the
        /// completed answer holds no hidden part, and normalising twice
        /// changes nothing (the stored answer is a fixed point).
        #[test]
        fn hidden_is_never_required_and_normalising_is_idempotent(
            rows in proptest::collection::vec((proptest::option::of(0i32..40), proptest::option::of(0i32..5), any::<bool>()), 0..6),
            adults in any::<bool>(),
        ) {
            let l = household();
            let people: Vec<serde_json::Value> = rows.iter().map(|(age, _, named)| {
                let mut m = serde_json::Map::new();
                if let Some(age) = age { m.insert("age".into(), json!(age)); }
                if *named { m.insert("name".into(), json!("n")); m.insert("school".into(), json!("s")); }
                serde_json::Value::Object(m)
            }).collect();
            let bill: Vec<serde_json::Value> = rows.iter().map(|(age, qty, _)| {
                let mut m = serde_json::Map::new();
                if let Some(q) = qty { m.insert("qty".into(), json!(q)); }
                if let Some(p) = age { m.insert("price".into(), json!(p * 10)); }
                m.insert("note".into(), json!("x"));
                serde_json::Value::Object(m)
            }).collect();
            let a = answers(json!({"adults_only": adults, "people": people, "bill": bill}));
            let state = LogicState::new(&l.logic, &a, env());
            let scope = state.scope(&a);
            for name in ["people", "bill"] {
                let parts = l.logic.parts(name).unwrap();
                let once = parts.normalized(a.get(name), &scope, true);
                let twice = parts.normalized(once.as_ref(), &scope, true);
                prop_assert_eq!(&once, &twice);
                for row in once.as_ref().and_then(|v| v.as_array()).into_iter().flatten() {
                    let (_, states) = parts.evaluate(Some(row), &scope);
                    for (part, st) in parts.names().zip(&states) {
                        prop_assert!(st.visible || !st.required);
                        if !st.visible && st.computed.is_none() {
                            prop_assert!(row.get(part).is_none(), "hidden {} kept in {}", part, row);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_e2e_fixture_loads_with_its_parts_logic() {
    let text = include_str!("../../../tests/fixtures/surveys/parts.json");
    let l = crate::load(text).unwrap_or_else(|e| panic!("{:?}", e.errors));
    assert!(l.logic.parts("members").unwrap().has_logic());
    let a = answers(
        json!({"members": [{"name": "Li", "age": 30, "school": "kept while typing"}],
                           "bill": {"water": {"qty": 3, "price": 50}}}),
    );
    let state = LogicState::new(&l.logic, &a, env());
    let done = state.part_answers(&l.logic, &a);
    assert_eq!(done["members"], json!([{"name": "Li", "age": 30}]));
    assert_eq!(
        done["bill"],
        json!({"water": {"qty": 3, "price": 50, "total": 150}})
    );
    let random = include_str!("../../../tests/fixtures/surveys/random.json");
    assert!(crate::load(random).is_ok());
}
