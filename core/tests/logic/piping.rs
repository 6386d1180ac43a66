//! `{name}` piping in texts: choice texts in the UI language, booleans,
//! matrices, numbers, calculated values, missing and hidden values.

use canvass_core::logic::{pipe_str, piped};
use canvass_core::survey::LocalizedText;
use serde_json::json;

use super::support::Filling;

const SURVEY: &str = r#"{
  "pages": [{"elements": [
    {"type": "radiogroup", "name": "sat", "choices": [
      {"value": 1, "text": {"default": "Poor", "zh-cn": "差"}}, {"value": 5, "text": {"default": "Great", "zh-cn": "很好"}}]},
    {"type": "checkbox", "name": "topics", "choices": [{"value": "p", "text": "price"}, {"value": "n", "text": "noise"}]},
    {"type": "boolean", "name": "ok", "labelTrue": {"default": "Fixed", "zh-cn": "已解决"}},
    {"type": "boolean", "name": "plain"},
    {"type": "text", "name": "count", "inputType": "number"},
    {"type": "text", "name": "name"},
    {"type": "matrix", "name": "m", "rows": [{"value": "r1", "text": "Speed"}, "r2"],
     "columns": [{"value": 1, "text": "Bad"}, {"value": 2, "text": "Good"}]},
    {"type": "comment", "name": "secret", "visibleIf": "{sat} = 1"},
    {"type": "comment", "name": "why", "title": {"default": "Why {sat}, {name}?", "zh-cn": "为什么是{sat}？"},
     "description": "You chose {topics}"}
  ]}],
  "calculatedValues": [{"name": "double", "expression": "{count} * 2"}]
}"#;

#[test]
fn references_show_what_the_respondent_saw() {
    let mut f = Filling::new(SURVEY);
    f.set("sat", json!(5))
        .set("topics", json!(["n", "p"]))
        .set("ok", json!(true))
        .set("plain", json!(false))
        .set("count", json!(2.5))
        .set("name", json!("王芳"))
        .set("m", json!({"r1": 2, "r2": 1}))
        .set("secret", json!("kept"));
    let cases = [
        ("{sat}", "en", "Great"),
        ("{sat}", "zh-cn", "很好"),
        ("{topics}", "en", "noise, price"),
        ("{ok} / {plain}", "en", "Fixed / No"),
        ("{ok} / {plain}", "zh-cn", "已解决 / 否"),
        ("{count} × 2 = {double}", "en", "2.5 × 2 = 5"),
        ("{m.r1}, {m.R2}", "en", "Good, Bad"),
        ("{m}", "en", "Speed: Good, r2: Bad"),
        ("[{secret}]", "en", "[]"),
        ("{name}先生", "zh-cn", "王芳先生"),
        ("{locale}", "zh-cn", "en"),
        ("no references", "en", "no references"),
        ("{unknown} stays", "en", "{unknown} stays"),
        ("{sat.length}", "en", "0"),
    ];
    for (text, locale, expected) in cases {
        assert_eq!(
            pipe_str(&f.state, &f.answers, text, locale),
            expected,
            "{text} in {locale}"
        );
    }
    let why = f.loaded.survey.question("why").unwrap();
    assert_eq!(
        piped(&f.state, &f.answers, &why.title, "en"),
        "Why Great, 王芳?"
    );
    assert_eq!(
        piped(&f.state, &f.answers, &why.title, "zh-cn"),
        "为什么是很好？"
    );
    let description = why.description.as_ref().unwrap();
    assert_eq!(
        piped(&f.state, &f.answers, description, "en"),
        "You chose noise, price"
    );
}

#[test]
fn missing_values_pipe_as_empty_text() {
    let f = Filling::new(SURVEY);
    let text = LocalizedText::plain("[{sat}|{topics}|{ok}|{count}|{double}|{m.r1}|{name}]");
    assert_eq!(piped(&f.state, &f.answers, &text, "en"), "[||||0||]");
}
