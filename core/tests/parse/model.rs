//! A valid survey with every question type, parsed to the expected model,
//! and the defaults.

use std::collections::BTreeMap;

use canvass_core::survey::{
    Band, ChildRef, ChildSpec, Choice, Element, GradeBasis, GradeSpec, IndicatorSpec, InputType,
    LocalizedText, MatrixRow, Page, Panel, Question, QuestionKind, ScoringSpec, Survey, Value,
};
use serde_json::json;

use super::{ok, page};

fn text(default: &str) -> LocalizedText {
    LocalizedText::plain(default)
}

fn text2(default: &str, zh: &str) -> LocalizedText {
    let mut t = text(default);
    t.0.insert("zh-cn".into(), zh.into());
    t
}

fn choice(value: Value, label: LocalizedText, score: Option<f64>, not_applicable: bool) -> Choice {
    Choice {
        value,
        text: label,
        score,
        not_applicable,
        visible_if: None,
    }
}

/// A choice written as a bare scalar: text = value as text.
fn bare(value: Value) -> Choice {
    let label = match &value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    choice(value, text(&label), None, false)
}

fn question(name: &str, path: &str, kind: QuestionKind) -> Question {
    Question {
        name: name.into(),
        title: text(name),
        description: None,
        kind,
        is_required: false,
        visible_if: None,
        enable_if: None,
        required_if: None,
        scored: false,
        reverse: false,
        weight: None,
        box_size: None,
        validators: Vec::new(),
        path: path.into(),
        has_other: false,
        comment: None,
        random_order: false,
    }
}

fn child(target: ChildRef, weight: Option<f64>) -> ChildSpec {
    ChildSpec { target, weight }
}

fn q(name: &str) -> ChildRef {
    ChildRef::Question { name: name.into() }
}

fn expected_survey(hash: String) -> Survey {
    let q1 = Question {
        title: text2("Service?", "服务？"),
        is_required: true,
        weight: Some(2.0),
        box_size: Some(1),
        reverse: true,
        ..question(
            "q1",
            "pages[0].elements[0]",
            QuestionKind::RadioGroup {
                choices: vec![
                    choice(
                        json!("a"),
                        text2("Very satisfied", "很满意"),
                        Some(50.0),
                        false,
                    ),
                    choice(json!("b"), text("b"), Some(-10.5), false),
                    choice(json!("na"), text("不适用"), None, true),
                    bare(json!("plain")),
                    bare(json!(7)),
                ],
            },
        )
    };
    let q2 = Question {
        visible_if: Some("{q1} = 'a'".into()),
        enable_if: Some("{q1} notempty".into()),
        required_if: Some("{q1} = 'b'".into()),
        ..question(
            "q2",
            "pages[0].elements[1]",
            QuestionKind::Dropdown {
                choices: vec![bare(json!(1)), bare(json!(2)), bare(json!(3))],
            },
        )
    };
    let q3 = Question {
        scored: true,
        ..question(
            "q3",
            "pages[0].elements[2]",
            QuestionKind::Checkbox {
                choices: vec![
                    choice(json!("x"), text("x"), Some(1.0), false),
                    choice(json!("y"), text("y"), Some(2.0), false),
                ],
            },
        )
    };
    let q4 = question(
        "q4",
        "pages[0].elements[3]",
        QuestionKind::Ranking {
            choices: vec![bare(json!("speed")), bare(json!("price"))],
        },
    );
    let q5 = question(
        "q5",
        "pages[1].elements[0].elements[0]",
        QuestionKind::Rating {
            points: (0..=10).map(|i| bare(json!(i))).collect(),
            min_label: Some(text("Not at all")),
            max_label: Some(text2("Very likely", "非常可能")),
        },
    );
    let q6 = question(
        "q6",
        "pages[1].elements[0].elements[1]",
        QuestionKind::Rating {
            points: vec![
                choice(json!(1), text("Bad"), None, false),
                choice(json!(3), text("Good"), Some(5.0), false),
            ],
            min_label: None,
            max_label: None,
        },
    );
    let q7 = question(
        "q7",
        "pages[1].elements[0].elements[2].elements[0]",
        QuestionKind::Boolean {
            label_true: Some(text("Yes")),
            label_false: Some(text("No")),
            score_true: 10.0,
            score_false: -5.0,
        },
    );
    let q8 = question(
        "q8",
        "pages[1].elements[1]",
        QuestionKind::Boolean {
            label_true: None,
            label_false: None,
            score_true: 1.0,
            score_false: 0.0,
        },
    );
    let q9 = question(
        "q9",
        "pages[1].elements[2]",
        QuestionKind::Text {
            input_type: InputType::Number,
            min: Some(0.0),
            max: Some(120.0),
            placeholder: Some(text("age")),
        },
    );
    let q10 = question(
        "q10",
        "pages[1].elements[3]",
        QuestionKind::Text {
            input_type: InputType::Email,
            min: None,
            max: None,
            placeholder: None,
        },
    );
    let q11 = question(
        "q11",
        "pages[1].elements[4]",
        QuestionKind::Text {
            input_type: InputType::Text,
            min: None,
            max: None,
            placeholder: None,
        },
    );
    let q12 = question(
        "q12",
        "pages[1].elements[5]",
        QuestionKind::Comment {
            placeholder: Some(text2("Tell us", "请告诉我们")),
        },
    );
    let m1 = question(
        "m1",
        "pages[1].elements[6]",
        QuestionKind::Matrix {
            rows: vec![
                MatrixRow {
                    value: json!("r1"),
                    text: text("r1"),
                },
                MatrixRow {
                    value: json!(2),
                    text: text("Row two"),
                },
            ],
            columns: vec![
                choice(json!(1), text("Poor"), None, false),
                choice(json!(5), text("Great"), None, false),
                choice(json!(0), text("N/A"), None, true),
            ],
        },
    );
    let inner = Panel {
        name: "panel2".into(),
        title: None,
        description: None,
        elements: vec![Element::Question(q7)],
        visible_if: None,
        enable_if: None,
        is_required: false,
        required_if: None,
        path: "pages[1].elements[0].elements[2]".into(),
    };
    let panel = Panel {
        name: "p1".into(),
        title: Some(text("Details")),
        description: Some(text("inner")),
        elements: vec![
            Element::Question(q5),
            Element::Question(q6),
            Element::Panel(inner),
        ],
        visible_if: Some("{q2} > 1".into()),
        enable_if: None,
        is_required: false,
        required_if: None,
        path: "pages[1].elements[0]".into(),
    };
    let pages = vec![
        Page {
            name: "first".into(),
            title: Some(text("Choices")),
            description: None,
            elements: [q1, q2, q3, q4]
                .into_iter()
                .map(Element::Question)
                .collect(),
            visible_if: Some("{consent} = true".into()),
            enable_if: None,
            is_required: false,
            required_if: None,
        },
        Page {
            name: "page2".into(),
            title: None,
            description: None,
            elements: std::iter::once(Element::Panel(panel))
                .chain(
                    [q8, q9, q10, q11, q12, m1]
                        .into_iter()
                        .map(Element::Question),
                )
                .collect(),
            visible_if: None,
            enable_if: None,
            is_required: false,
            required_if: None,
        },
    ];
    let indicators = vec![
        IndicatorSpec {
            name: "service".into(),
            title: text2("Service", "服务"),
            children: vec![
                child(q("q1"), Some(2.0)),
                child(
                    ChildRef::MatrixRow {
                        matrix: "m1".into(),
                        row: "r1".into(),
                    },
                    None,
                ),
                child(
                    ChildRef::MatrixRow {
                        matrix: "m1".into(),
                        row: "2".into(),
                    },
                    None,
                ),
                child(ChildRef::Indicator { name: "sub".into() }, None),
            ],
            min_answered: 0.5,
            ahp: None,
            path: "scoring.indicators[0]".into(),
        },
        IndicatorSpec {
            name: "sub".into(),
            title: text("sub"),
            children: vec![child(q("q5"), None), child(q("q6"), None)],
            min_answered: 0.0,
            ahp: Some(vec![vec![Some(1.0), Some(3.0)], vec![None, Some(1.0)]]),
            path: "scoring.indicators[1]".into(),
        },
        IndicatorSpec {
            name: "other".into(),
            title: text("other"),
            children: vec![child(q("q7"), None), child(q("m1"), None)],
            min_answered: 0.0,
            ahp: None,
            path: "scoring.indicators[2]".into(),
        },
    ];
    Survey {
        id: "all-types".into(),
        version: "3".into(),
        hash,
        title: text2("Every question type", "所有题型"),
        description: Some(text("One of each")),
        pages,
        scoring: ScoringSpec {
            indicators,
            top_weights: BTreeMap::from([("service".into(), 2.0), ("other".into(), 1.0)]),
            top_ahp: None,
            top_min_answered: 0.25,
            grades: Some(GradeSpec {
                basis: GradeBasis::Total,
                bands: vec![
                    Band {
                        name: "A".into(),
                        title: text2("Top", "优"),
                        min: Some(40.0),
                    },
                    Band {
                        name: "B".into(),
                        title: text("B"),
                        min: None,
                    },
                ],
            }),
            overall_question: Some("q5".into()),
            show_score: true,
            box_size: 3,
            follow_up: Vec::new(),
        },
        calculated_values: Vec::new(),
        completed_html: None,
        completed_html_on_condition: Vec::new(),
        media_limit: canvass_core::survey::DEFAULT_MEDIA_LIMIT,
    }
}

#[test]
fn every_question_type_parses_to_the_expected_model() {
    let (survey, warnings) = ok(include_str!("../fixtures/all-types.json"));
    assert_eq!(warnings, []);
    let expected = expected_survey(survey.hash.clone());
    // Compare page by page first: a mismatch then points at the page.
    for (got, want) in survey.pages.iter().zip(&expected.pages) {
        assert_eq!(got, want);
    }
    assert_eq!(survey, expected);
    let names: Vec<&str> = survey.questions().iter().map(|q| q.name.as_str()).collect();
    assert_eq!(
        names,
        ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "m1"]
    );
}

#[test]
fn defaults_fill_what_the_json_leaves_out() {
    let (survey, _) = ok(
        r#"{"title": "Repair Callback (2024)", "elements": [{"type": "boolean", "name": "ok"}]}"#,
    );
    assert_eq!(survey.id, "repair-callback-2024");
    assert_eq!(survey.version, "1");
    assert_eq!(survey.pages.len(), 1);
    assert_eq!(survey.pages[0].name, "page1");
    let q = &survey.questions()[0];
    assert_eq!(q.title, text("ok"));
    assert_eq!(q.path, "elements[0]");
    assert_eq!(
        survey.scoring,
        ScoringSpec {
            box_size: 2,
            ..ScoringSpec::default()
        }
    );
    assert!(!survey.scoring.show_score);

    let (survey, _) = ok(&page(r#"{"type": "comment", "name": "c"}"#));
    assert_eq!(
        survey.id, "survey",
        "no title: the id falls back to \"survey\""
    );
    let (survey, _) = ok(
        r#"{"title": {"zh-cn": "物业满意度"}, "version": 2.5, "elements": [{"type": "comment", "name": "c"}]}"#,
    );
    assert_eq!(
        (survey.id.as_str(), survey.version.as_str()),
        ("survey", "2.5")
    );
    let (survey, _) = ok(
        r#"{"id": "given", "title": "Other", "version": "2024-q3", "pages": [{"name": "intro"}, {}, {}]}"#,
    );
    assert_eq!(
        (survey.id.as_str(), survey.version.as_str()),
        ("given", "2024-q3")
    );
    let names: Vec<&str> = survey.pages.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["intro", "page2", "page3"]);
}

#[test]
fn grades_without_bands_get_the_default_bands_on_the_score_basis_only() {
    let (survey, _) = ok(r#"{"elements": [], "scoring": {"grades": {}}}"#);
    let grades = survey.scoring.grades.expect("grades");
    assert_eq!(grades.basis, GradeBasis::Score);
    let bands: Vec<(&str, Option<f64>, &str)> = grades
        .bands
        .iter()
        .map(|b| (b.name.as_str(), b.min, b.title.get("en")))
        .collect();
    assert_eq!(
        bands,
        [
            ("优", Some(90.0), "Excellent"),
            ("良", Some(80.0), "Good"),
            ("中", Some(70.0), "Fair"),
            ("可", Some(60.0), "Pass"),
            ("差", None, "Poor")
        ]
    );
    assert_eq!(grades.bands[0].title.get("zh-CN"), "优");

    let (survey, _) = ok(r#"{"elements": [], "scoring": {"grades": {"basis": "total"}}}"#);
    let grades = survey.scoring.grades.expect("grades");
    assert_eq!(
        (grades.basis, grades.bands.len()),
        (GradeBasis::Total, 0),
        "the scoring compiler rejects a total basis without bands"
    );
    let (survey, _) = ok(r#"{"elements": []}"#);
    assert_eq!(survey.scoring.grades, None);
}

#[test]
fn localisable_strings_keep_every_translation() {
    let (survey, _) = ok(&page(
        r#"{"type": "radiogroup", "name": "q", "title": {"default": "Price", "zh-cn": "价格", "en": "Price (en)"},
            "description": "plain", "choices": [{"value": 1, "text": {"zh-cn": "满意", "default": "Satisfied"}}]}"#,
    ));
    let q = &survey.questions()[0];
    assert_eq!(q.title.get("zh-CN"), "价格");
    assert_eq!(q.title.get("zh"), "价格");
    assert_eq!(q.title.get("en"), "Price (en)");
    assert_eq!(q.title.get("fr"), "Price");
    assert_eq!(q.description, Some(text("plain")));
    let QuestionKind::RadioGroup { choices } = &q.kind else {
        panic!("radiogroup expected")
    };
    assert_eq!(choices[0].text, text2("Satisfied", "满意"));
    assert_eq!(choices[0].text.get("zh-cn"), "满意");
    // An empty title falls back to the name, like an absent one.
    let (survey, _) = ok(&page(r#"{"type": "comment", "name": "c", "title": {}}"#));
    assert_eq!(survey.questions()[0].title, text("c"));
}
