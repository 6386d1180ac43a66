//! SurveyJS compatibility: surveys written the team's way in the older
//! shapes (top-level `questions`, pages with `questions`, `"value|text"`
//! choices, `hasOther`, `hasNone`, old rating spellings) and the newer ones
//! (every added type) load through the whole pipeline (`canvass_core::load`:
//! parse, logic, scoring) with exactly the expected warnings; a survey
//! that needs a server fails with messages naming the feature and place.

use canvass_core::survey::{QuestionKind, Value};
use canvass_core::{load, LoadedSurvey};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../tests/fixtures/surveys/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[track_caller]
fn loads(name: &str) -> (LoadedSurvey, Vec<String>) {
    match load(&fixture(name)) {
        Ok(l) => {
            let w = l.warnings.iter().map(|d| d.message.clone()).collect();
            (l, w)
        }
        Err(f) => panic!(
            "{name} does not load:\n{}",
            f.errors
                .iter()
                .map(|d| d.message.clone())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn values(kind: &QuestionKind) -> Vec<Value> {
    match kind {
        QuestionKind::RadioGroup { choices }
        | QuestionKind::Checkbox { choices }
        | QuestionKind::Dropdown { choices } => choices.iter().map(|c| c.value.clone()).collect(),
        other => panic!("not a choice question: {other:?}"),
    }
}

#[test]
fn a_survey_with_top_level_questions_loads_with_legacy_warnings() {
    let (l, warnings) = loads("compat/legacy-questions.json");
    let s = &l.survey;
    assert_eq!(s.pages.len(), 1);
    let colour = s.question("colour").unwrap();
    assert_eq!(
        values(&colour.kind),
        ["1", "2", "3", "other"].map(Value::from)
    );
    assert!(colour.has_other);
    let QuestionKind::RadioGroup { choices } = &colour.kind else {
        unreachable!()
    };
    assert_eq!(choices[0].text.get("en"), "Red");
    assert_eq!(choices[3].text.get("en"), "Another colour");
    // desc by text, then the none item last.
    assert_eq!(
        values(&s.question("pets").unwrap().kind),
        ["dog", "cat", "none"].map(Value::from)
    );
    let QuestionKind::Rating {
        min_label,
        max_label,
        ..
    } = &s.question("mood").unwrap().kind
    else {
        unreachable!()
    };
    assert_eq!(min_label.as_ref().unwrap().get("en"), "Bad");
    assert_eq!(max_label.as_ref().unwrap().get("en"), "Good");
    assert_eq!(
        s.question("notes")
            .unwrap()
            .comment
            .as_ref()
            .unwrap()
            .get("en"),
        "Anything else?"
    );
    assert_eq!(
        warnings,
        [
            r#"survey: "questions" is the old spelling of "elements"; it is read as such"#,
            r#"questions[0] "colour": property "colCount" is ignored by Canvass"#,
            r#"questions[2] "mood": "mininumRateDescription" is the old spelling of "minRateDescription"; it is read as such"#,
            r#"questions[2] "mood": "maximumRateDescription" is the old spelling of "maxRateDescription"; it is read as such"#,
        ]
    );
}

#[test]
fn pages_with_questions_and_cached_choices_by_url_load() {
    let (l, warnings) = loads("compat/legacy-pages.json");
    let s = &l.survey;
    assert_eq!(s.pages.len(), 2);
    // asc by text: Beijing, Guangzhou, Shanghai.
    assert_eq!(
        values(&s.question("city").unwrap().kind),
        ["bj", "gz", "sh"].map(Value::from)
    );
    assert_eq!(
        values(&s.question("country").unwrap().kind),
        ["China", "Other"].map(Value::from)
    );
    assert!(s.question("ok").unwrap().random_order);
    assert_eq!(
        warnings,
        [
            r#"pages[0]: "questions" is the old spelling of "elements"; it is read as such"#,
            r#"pages[0].questions[1] "country": choicesByUrl is not fetched (Canvass works offline); the choices given in the survey are used"#,
            r#"pages[1]: "questions" is the old spelling of "elements"; it is read as such"#,
        ]
    );
}

#[test]
fn a_modern_survey_with_every_added_type_loads() {
    let (l, warnings) = loads("compat/modern.json");
    let kinds: Vec<&str> = l
        .survey
        .questions()
        .iter()
        .map(|q| match q.kind {
            QuestionKind::Html { .. } => "html",
            QuestionKind::RadioGroup { .. } => "radiogroup",
            QuestionKind::Rating { .. } => "rating",
            QuestionKind::Tagbox { .. } => "tagbox",
            QuestionKind::MultipleText { .. } => "multipletext",
            QuestionKind::MatrixDropdown { .. } => "matrixdropdown",
            QuestionKind::MatrixDynamic { .. } => "matrixdynamic",
            QuestionKind::PanelDynamic { .. } => "paneldynamic",
            QuestionKind::ImagePicker { .. } => "imagepicker",
            QuestionKind::Image { .. } => "image",
            QuestionKind::SignaturePad { .. } => "signaturepad",
            QuestionKind::File { .. } => "file",
            QuestionKind::Expression { .. } => "expression",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "html",
            "radiogroup",
            "rating",
            "tagbox",
            "multipletext",
            "matrixdropdown",
            "matrixdynamic",
            "paneldynamic",
            "imagepicker",
            "image",
            "signaturepad",
            "file",
            "expression"
        ]
    );
    let md = l.survey.question("md").unwrap();
    let QuestionKind::MatrixDropdown { columns, .. } = &md.kind else {
        unreachable!()
    };
    // The matrix's shared choices fill the columns that have none.
    assert!(matches!(&columns[0].kind, QuestionKind::Dropdown { choices } if choices.len() == 3));
    assert!(matches!(&columns[1].kind, QuestionKind::Checkbox { choices } if choices.len() == 3));
    let QuestionKind::PanelDynamic { template, .. } = &l.survey.question("pd").unwrap().kind else {
        unreachable!()
    };
    assert_eq!(
        template.iter().map(|q| q.name.as_str()).collect::<Vec<_>>(),
        ["child", "school"]
    );
    assert_eq!(
        warnings,
        [
            r#"survey: property "showProgressBar" is ignored by Canvass"#,
            r#"pages[0].elements[9] "img": property "imageHeight" is ignored by Canvass"#,
            r#"pages[0].elements[10] "sig": property "penColor" is ignored by Canvass"#,
        ]
    );
}

#[test]
fn a_survey_that_needs_a_server_or_unsafe_urls_fails_naming_each_place() {
    let failure = load(&fixture("compat/needs-server.json"))
        .err()
        .expect("must not load");
    let errors: Vec<String> = failure.errors.iter().map(|d| d.message.clone()).collect();
    assert_eq!(
        errors,
        [
            r#"pages[0].elements[0] "country": choicesByUrl is not supported: Canvass works offline and never fetches choices; give the list in choices"#,
            r#"pages[0].elements[1].columns[0] "c": cellType "file" is not supported: matrix cells may be dropdown, checkbox, radiogroup, tagbox, text, comment, boolean, rating or expression"#,
            r#"pages[0].elements[2] "i": imageLink must be an http(s) or data:image URL, found "javascript:alert(1)""#,
        ]
    );
}

#[test]
fn the_types_fixture_loads_and_its_expressions_read_composite_answers() {
    let (l, _) = loads("types.json");
    let answers: canvass_core::response::Answers = serde_json::from_str(
        r#"{"contact": {"phone": "123", "room": "8-101"}, "people": [{"age": 30}, {"age": 12}, {}]}"#,
    )
    .unwrap();
    let today = canvass_core::expr::Date::from_ymd(2026, 11, 23).unwrap();
    let state = canvass_core::logic::LogicState::new(
        &l.logic,
        &answers,
        canvass_core::logic::Env::new(today, "en"),
    );
    assert_eq!(state.expression_value("room_echo").to_js_string(), "8-101");
    assert_eq!(state.expression_value("total_age").to_js_string(), "42");
}

#[test]
fn scored_tagbox_and_other_choice_score_like_checkbox_and_na() {
    let json = r#"{"elements": [
        {"type": "radiogroup", "name": "r", "scored": true, "choices": [{"value": 1}, {"value": 5}], "hasOther": true},
        {"type": "tagbox", "name": "t", "scored": true, "choices": [{"value": "a", "score": 2}, {"value": "b", "score": 3}]}]}"#;
    let l = load(json).unwrap_or_else(|f| panic!("{:?}", f.errors));
    let mut answers = canvass_core::response::Answers::new();
    answers.insert("r".into(), "other".into());
    answers.insert("r-Comment".into(), "my own".into());
    answers.insert("t".into(), serde_json::json!(["b"]));
    let report = l
        .scoring
        .score(&answers, &Default::default())
        .expect("scores");
    assert_eq!(
        report.raw_total,
        Some(3.0),
        "other is not scored; the tagbox sums its choices"
    );
}

#[test]
fn choosing_the_other_item_requires_its_text_as_surveyjs_does() {
    use canvass_core::logic::{validate_page, Env, ErrorKind, LogicState};
    let l = load(
        r#"{"elements": [
        {"type": "checkbox", "name": "c", "choices": ["a", "b"], "showOtherItem": true},
        {"type": "radiogroup", "name": "plain", "choices": ["other", "x"]}]}"#,
    )
    .unwrap_or_else(|f| panic!("{:?}", f.errors));
    let env = Env::new(
        canvass_core::expr::Date::from_ymd(2026, 11, 23).unwrap(),
        "zh-cn",
    );
    let mut answers = canvass_core::response::Answers::new();
    answers.insert("c".into(), serde_json::json!(["a", "other"]));
    answers.insert("plain".into(), "other".into());
    let state = LogicState::new(&l.logic, &answers, env.clone());
    let errors = validate_page(&l.logic, &state, 0, &answers);
    assert_eq!(
        errors.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
        [ErrorKind::OtherText],
        "only the question with the other item"
    );
    assert_eq!(errors[0].message("zh-cn"), "请填写其他内容");
    answers.insert("c-Comment".into(), "自己填写".into());
    let state = LogicState::new(&l.logic, &answers, env);
    assert_eq!(validate_page(&l.logic, &state, 0, &answers), []);
}

#[test]
fn matrixdropdown_single_choice_cells_with_numbers_are_scored_items() {
    let json = r#"{"elements": [
        {"type": "matrixdropdown", "name": "md", "scored": true, "rows": ["kitchen", "bath"],
         "columns": [{"name": "state", "cellType": "radiogroup", "choices": [1, 2, 3, {"value": "na", "notApplicable": true}]},
                     {"name": "note", "cellType": "text"}]}]}"#;
    let l = load(json).unwrap_or_else(|f| panic!("{:?}", f.errors));
    let ids: Vec<&str> = l.scoring.items().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["md.kitchen.state", "md.bath.state"]);
    let mut answers = canvass_core::response::Answers::new();
    answers.insert(
        "md".into(),
        serde_json::json!({"kitchen": {"state": 3, "note": "ok"}, "bath": {"state": "na"}}),
    );
    let report = l
        .scoring
        .score(&answers, &Default::default())
        .expect("scores");
    assert_eq!(report.raw_total, Some(3.0));
    assert_eq!(
        report.overall,
        Some(100.0),
        "kitchen 3 on 1..3 is 100; bath N/A"
    );
    answers.insert("md".into(), serde_json::json!({"kitchen": {"state": 7}}));
    assert!(
        l.scoring.score(&answers, &Default::default()).is_err(),
        "an unknown cell value is refused"
    );

    let none = r#"{"elements": [{"type": "matrixdropdown", "name": "md", "scored": true, "rows": ["r"], "columns": [{"name": "t", "cellType": "text"}]}]}"#;
    let errors: Vec<String> = load(none)
        .err()
        .expect("not scorable")
        .errors
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert!(
        errors[0].contains("matrixdropdown without a single-choice column with numbers"),
        "{errors:?}"
    );
}

#[test]
fn random_choice_order_is_a_permutation_fixed_per_seed() {
    use canvass_core::survey::shuffled_order;
    let a = shuffled_order("response-1/q", 8);
    assert_eq!(a, shuffled_order("response-1/q", 8), "the same respondent sees the same order");
    let mut sorted = a.clone();
    sorted.sort();
    assert_eq!(sorted, (0..8).collect::<Vec<_>>(), "a permutation");
    let differs = (2..40).any(|i| shuffled_order(&format!("response-{i}/q"), 8) != a);
    assert!(differs, "other respondents see other orders");
    assert_eq!(shuffled_order("x", 0), Vec::<usize>::new());
}

#[test]
fn template_parts_are_evaluated_in_older_and_newer_surveys() {
    use canvass_core::expr::Date;
    use canvass_core::logic::{validate_page, Env, LogicState};
    use canvass_core::response::Answers;
    let env = || Env::new(Date::from_ymd(2026, 11, 23).unwrap(), "en");
    let answers = |v: serde_json::Value| -> Answers { serde_json::from_value(v).unwrap() };

    // Older shape (pages with `questions`): {row.x} in a column.
    let (old, _) = loads("compat/legacy-pages.json");
    let parts = old.logic.parts("repairs").unwrap();
    let a = answers(serde_json::json!({}));
    let state = LogicState::new(&old.logic, &a, env());
    let (row, states) = parts.evaluate(Some(&serde_json::json!({"what": "tap", "cost": 100})), &state.scope(&a));
    assert!(states[1].visible, "{{row.what}} notempty shows the cost");
    assert_eq!(row["vat"].as_f64(), Some(13.0));
    let errors = validate_page(&old.logic, &state, 1, &a);
    assert_eq!(errors[0].message("en"), "Row 1, “what”: Response required.");

    // Newer shape: {panel.x} in a nested template panel, requiredIf and
    // enableIf reading an expression cell of the same row.
    let (new, warnings) = loads("compat/modern.json");
    assert!(!warnings.iter().any(|w| w.contains("not evaluated")));
    let a = answers(serde_json::json!({"mdyn": [{"what": "x", "qty": 11}]}));
    let state = LogicState::new(&new.logic, &a, env());
    let (_, states) = new.logic.parts("mdyn").unwrap().evaluate(a.get("mdyn").and_then(|v| v.get(0)), &state.scope(&a));
    assert!(states[3].enabled && states[3].required);
    let (_, states) = new.logic.parts("pd").unwrap().evaluate(None, &state.scope(&a));
    assert!(!states[1].visible, "no child: no school");
}
