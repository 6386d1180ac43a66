//! `choicesOrder`: `asc`/`desc` sort by the default text, stably (equal
//! texts keep their written order), as SurveyJS does.

use canvass_core::survey::QuestionKind;
use serde_json::{json, Value};

fn order(direction: &str) -> Vec<Value> {
    let survey = json!({"pages": [{"elements": [{"type": "radiogroup", "name": "q", "choicesOrder": direction,
        "choices": [{"value": 1, "text": "b"}, {"value": 2, "text": "a"}, {"value": 3, "text": "c"},
                    {"value": 4, "text": "a"}, {"value": 5, "text": "b"}]}]}]});
    let loaded = canvass_core::load(&survey.to_string()).unwrap_or_else(|_| panic!("loads"));
    let q = loaded.survey.questions().into_iter().find(|q| q.name == "q").unwrap();
    match &q.kind {
        QuestionKind::RadioGroup { choices } => choices.iter().map(|c| c.value.clone()).collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn ascending_and_descending_are_stable() {
    assert_eq!(order("asc"), vec![json!(2), json!(4), json!(1), json!(5), json!(3)]);
    assert_eq!(order("desc"), vec![json!(3), json!(1), json!(5), json!(2), json!(4)]);
    assert_eq!(order("none"), vec![json!(1), json!(2), json!(3), json!(4), json!(5)]);
}
