//! validate_page: required answers (never for hidden or disabled
//! questions), every validator kind with its default and custom messages,
//! the built-in number and e-mail checks, required panels and pages.

use canvass_core::logic::{validate_page, ErrorKind, Target};
use serde_json::{json, Value};

use super::support::{page, Filling};

/// The English and Chinese messages a case expects, if any.
type Expected<'a> = Option<(&'a str, &'a str)>;

/// (question, English message, Chinese message) of each error on page 0.
fn messages(f: &Filling) -> Vec<(String, String, String)> {
    validate_page(&f.loaded.logic, &f.state, 0, &f.answers)
        .into_iter()
        .map(|e| {
            let target = match &e.target {
                Target::Question(name) => name.clone(),
                Target::Panel(path) => format!("panel {path}"),
                Target::Page(i) => format!("page {i}"),
                other => format!("{other:?}"),
            };
            (target, e.message("en"), e.message("zh-cn"))
        })
        .collect()
}

#[track_caller]
fn one_error(question_json: &str, answer: Value) -> Option<(String, String)> {
    let f = Filling::with(&page(question_json), json!({ "q": answer }));
    let mut found = messages(&f);
    assert!(found.len() <= 1, "{found:?}");
    found.pop().map(|(_, en, zh)| (en, zh))
}

#[test]
fn required_questions_must_be_answered_unless_hidden_or_disabled() {
    let json = page(
        r#"{"type": "radiogroup", "name": "sat", "choices": [1, 2, 3, 4, 5], "isRequired": true},
           {"type": "comment", "name": "why", "isRequired": true, "visibleIf": "{sat} <= 2"},
           {"type": "text", "name": "locked", "isRequired": true, "enableIf": "false"},
           {"type": "checkbox", "name": "many", "choices": ["a"], "requiredIf": "{sat} = 1"},
           {"type": "matrix", "name": "m", "rows": ["r1", "r2"], "columns": [1, 2], "isRequired": true}"#,
    );
    let mut f = Filling::new(&json);
    let required = |name: &str| {
        (
            name.to_owned(),
            "Response required.".to_owned(),
            "请填写此问题".to_owned(),
        )
    };
    assert_eq!(messages(&f), [required("sat"), required("m")]);
    f.set("sat", json!(1))
        .set("many", json!([]))
        .set("m", json!({"r1": null}));
    assert_eq!(
        messages(&f),
        [required("why"), required("many"), required("m")],
        "[] and a matrix of nulls are empty"
    );
    f.set("why", json!("   "))
        .set("many", json!(["a"]))
        .set("m", json!({"r2": 1}));
    assert_eq!(messages(&f), [required("why")], "blank text is empty");
    f.set("sat", json!(5));
    assert_eq!(
        messages(&f),
        [],
        "hidden: not required; disabled: not validated"
    );
}

#[test]
fn every_validator_kind_has_its_message() {
    let text = |validators: &str| {
        format!(r#"{{"type": "text", "name": "q", "validators": [{validators}]}}"#)
    };
    let numeric = text(r#"{"type": "numeric", "minValue": 1, "maxValue": 10}"#);
    let min_only = text(r#"{"type": "numeric", "minValue": 1}"#);
    let max_only = text(r#"{"type": "numeric", "maxValue": 10}"#);
    let length = text(r#"{"type": "text", "minLength": 2, "maxLength": 4}"#);
    let min_length = text(r#"{"type": "text", "minLength": 2}"#);
    let max_length = text(r#"{"type": "text", "maxLength": 4}"#);
    let regex = text(r#"{"type": "regex", "regex": "^1[3-9]\\d{9}$"}"#);
    let regex_ci = text(r#"{"type": "regex", "regex": "^ab+$", "caseInsensitive": true}"#);
    let email = text(r#"{"type": "email"}"#);
    let expression = text(r#"{"type": "expression", "expression": "{q} != 'no'"}"#);
    let count = r#"{"type": "checkbox", "name": "q", "choices": ["a", "b", "c", "d"],
                    "validators": [{"type": "answercount", "minCount": 2, "maxCount": 3}]}"#;
    let cases: Vec<(&str, &str, Value, Expected)> = vec![
        ("numeric ok", &numeric, json!("5"), None),
        ("numeric edge", &numeric, json!(10), None),
        (
            "numeric low",
            &numeric,
            json!(0),
            Some((
                "The 'q' should be at least 1 and at most 10",
                "“q”必须大于等于 1 并小于等于 10",
            )),
        ),
        (
            "numeric high",
            &numeric,
            json!("10.5"),
            Some((
                "The 'q' should be at least 1 and at most 10",
                "“q”必须大于等于 1 并小于等于 10",
            )),
        ),
        (
            "numeric min",
            &min_only,
            json!(0.5),
            Some(("The 'q' should be at least 1", "“q”必须大于等于 1")),
        ),
        (
            "numeric max",
            &max_only,
            json!(11),
            Some(("The 'q' should be at most 10", "“q”必须小于等于 10")),
        ),
        (
            "not numeric",
            &numeric,
            json!("ten"),
            Some(("The value should be numeric.", "必须是数字")),
        ),
        ("numeric skips empty", &numeric, json!(""), None),
        ("length ok", &length, json!("abc"), None),
        ("length counts characters", &length, json!("满意度高"), None),
        (
            "too short",
            &length,
            json!("a"),
            Some((
                "Please enter at least 2 and no more than 4 characters.",
                "请输入至少 2 个、最多 4 个字符",
            )),
        ),
        (
            "too long",
            &length,
            json!("abcde"),
            Some((
                "Please enter at least 2 and no more than 4 characters.",
                "请输入至少 2 个、最多 4 个字符",
            )),
        ),
        (
            "min length",
            &min_length,
            json!("a"),
            Some((
                "Please enter at least 2 character(s).",
                "请至少输入 2 个字符",
            )),
        ),
        (
            "max length",
            &max_length,
            json!("abcde"),
            Some((
                "Please enter no more than 4 character(s).",
                "请输入不超过 4 个字符",
            )),
        ),
        ("regex ok", &regex, json!("13812345678"), None),
        (
            "regex no",
            &regex,
            json!("12345"),
            Some((
                "The answer is not in the expected format.",
                "答案格式不正确",
            )),
        ),
        ("regex case-insensitive", &regex_ci, json!("ABB"), None),
        ("email ok", &email, json!("li.lei@example.com.cn"), None),
        (
            "email no",
            &email,
            json!("li.lei@"),
            Some((
                "Please enter a valid e-mail address.",
                "请输入有效的 Email 地址",
            )),
        ),
        ("expression ok", &expression, json!("yes"), None),
        (
            "expression no",
            &expression,
            json!("no"),
            Some(("The answer is not valid.", "答案无效")),
        ),
        ("count ok", count, json!(["a", "b"]), None),
        (
            "too few",
            count,
            json!(["a"]),
            Some(("Please select at least 2 option(s).", "请至少选择 2 项")),
        ),
        (
            "too many",
            count,
            json!(["a", "b", "c", "d"]),
            Some(("Please select no more than 3 option(s).", "请最多选择 3 项")),
        ),
    ];
    for (name, question, answer, expected) in cases {
        let got = one_error(question, answer);
        let expected = expected.map(|(en, zh)| (en.to_owned(), zh.to_owned()));
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn a_validator_text_replaces_the_default_message_in_each_language() {
    let json = page(
        r#"{"type": "text", "name": "phone", "validators": [
            {"type": "regex", "regex": "^\\d{11}$", "text": {"default": "Eleven digits", "zh-cn": "请输入11位手机号"}},
            {"type": "text", "maxLength": 3, "text": "Too long"}]}"#,
    );
    let f = Filling::with(&json, json!({"phone": "12345"}));
    let errors = validate_page(&f.loaded.logic, &f.state, 0, &f.answers);
    assert_eq!(errors.len(), 2, "all failing validators are reported");
    assert_eq!(errors[0].kind, ErrorKind::Pattern);
    assert_eq!(
        (errors[0].message("en"), errors[0].message("zh-CN")),
        ("Eleven digits".into(), "请输入11位手机号".into())
    );
    assert_eq!(
        (errors[1].message("en"), errors[1].message("zh-cn")),
        ("Too long".into(), "Too long".into())
    );
}

#[test]
fn number_and_email_inputs_check_themselves() {
    let number = r#"{"type": "text", "name": "q", "inputType": "number", "min": 0, "max": 120}"#;
    let email = r#"{"type": "text", "name": "q", "inputType": "email"}"#;
    let cases: Vec<(&str, Value, Expected)> = vec![
        (number, json!(30), None),
        (
            number,
            json!(-1),
            Some(("The value should not be less than 0", "值不得小于 0")),
        ),
        (
            number,
            json!(121),
            Some(("The value should not be greater than 120", "值不得大于 120")),
        ),
        (
            number,
            json!("abc"),
            Some(("The value should be numeric.", "必须是数字")),
        ),
        (email, json!("a@b.co"), None),
        (
            email,
            json!("not an address"),
            Some((
                "Please enter a valid e-mail address.",
                "请输入有效的 Email 地址",
            )),
        ),
    ];
    for (question, answer, expected) in cases {
        let expected = expected.map(|(en, zh)| (en.to_owned(), zh.to_owned()));
        assert_eq!(one_error(question, answer.clone()), expected, "{answer}");
    }
}

#[test]
fn an_expression_validator_runs_on_empty_answers_and_reads_others() {
    let json = page(
        r#"{"type": "text", "name": "a", "inputType": "number"},
           {"type": "text", "name": "b", "inputType": "number",
            "validators": [{"type": "expression", "expression": "{a} + {b} = 100", "text": "must add up to 100"}]}"#,
    );
    let mut f = Filling::new(&json);
    assert_eq!(messages(&f).len(), 1);
    f.set("a", json!(40)).set("b", json!(60));
    assert_eq!(messages(&f), []);
}

#[test]
fn required_panels_and_pages_need_one_answered_visible_question() {
    let json = r#"{"pages": [{"isRequired": true, "elements": [
        {"type": "boolean", "name": "x"},
        {"type": "panel", "name": "p", "requiredIf": "{x} = true", "elements": [
            {"type": "comment", "name": "a"}, {"type": "comment", "name": "b", "visibleIf": "{x} = true"}]}
    ]}]}"#;
    let mut f = Filling::new(json);
    assert_eq!(
        messages(&f),
        [(
            "page 0".into(),
            "Response required.".into(),
            "请填写此问题".into()
        )]
    );
    f.set("x", json!(true));
    assert_eq!(
        messages(&f),
        [(
            "panel pages[0].elements[1]".into(),
            "Response required.".into(),
            "请填写此问题".into()
        )]
    );
    f.set("b", json!("ok"));
    assert_eq!(messages(&f), []);
    assert!(
        validate_page(&f.loaded.logic, &f.state, 7, &f.answers).is_empty(),
        "no such page"
    );
}
