//! Sample 1, property-repair-callback (物业报修回访): hand-computed results.
//!
//! Scale 非常满意 50 / 满意 30 / 一般 20 / 不满意 0 / 非常不满意 −10, so
//! lo = −10, hi = 50 and s = 100·(x + 10)/60:
//!   50 → 100,  30 → 66.666…(200/3),  20 → 50,  0 → 16.666…(50/3),  −10 → 0.
//! Boolean first_visit_fixed: true 30, false 0 → s 100 / 0.
//! Scored items (8, survey order): response_speed, punctuality,
//! technician_attitude | repair_quality, cleanliness (N/A choice),
//! first_visit_fixed, charges (N/A choice) | overall (scored, in no
//! indicator: raw total only). Indicators: process = mean(page-1 items),
//! outcome = mean(repair_quality, cleanliness, first_visit_fixed, charges);
//! overall score = (2·process + 3·outcome)/5.
//! Raw total: max 7·50 + 30 = 380, min 7·(−10) + 0 = −70.
//! Bands on the raw total: 优 ≥ 330, 良 ≥ 240, 中 ≥ 150, 差 below.
//! Follow-up: bottom box (k = 2) = {−10, 0} and boolean false; lowest band 差.

use canvass_core::expr::Date;
use canvass_core::logic::{Env, LogicState};
use canvass_core::scoring::ItemStatus::{NotApplicable, Skipped, Valid};
use canvass_core::survey::{Element, QuestionKind};
use serde_json::{json, Value};

use super::{check, load, run, score, score_hiding, Case, Expect, REPAIR};

/// The lead's browser scenario: page 1 answered with the 2nd choice (满意 30),
/// every later question with the 1st choice (非常满意 50), boolean yes,
/// repair_type its first choice, comment "ok".
fn e2e_answers() -> Value {
    json!({
        "response_speed": "satisfied", "punctuality": "satisfied", "technician_attitude": "satisfied",
        "repair_quality": "very_satisfied", "cleanliness": "very_satisfied", "first_visit_fixed": true,
        "charges": "very_satisfied",
        "overall": "very_satisfied", "repair_type": "plumbing_electrical", "comments": "ok"
    })
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "all best",
            answers: json!({
                "response_speed": "very_satisfied", "punctuality": "very_satisfied",
                "technician_attitude": "very_satisfied", "repair_quality": "very_satisfied",
                "cleanliness": "very_satisfied", "first_visit_fixed": true, "charges": "very_satisfied",
                "overall": "very_satisfied", "repair_type": "walls_floors", "comments": "师傅很专业"
            }),
            // raw = 7·50 + 30 = 380 ≥ 330 → 优; every s = 100.
            expect: Expect {
                overall: Some(100.0),
                raw_total: Some(380.0),
                grade: Some("优"),
                indicators: vec![("process", Some(100.0), 1.0), ("outcome", Some(100.0), 1.0)],
                counts: [8, 0, 0, 0],
                flagged: false,
                items: vec![("first_visit_fixed", Valid, Some(30.0), Some(100.0))],
            },
        },
        Case {
            name: "all worst",
            answers: json!({
                "response_speed": "very_dissatisfied", "punctuality": "very_dissatisfied",
                "technician_attitude": "very_dissatisfied", "repair_quality": "very_dissatisfied",
                "cleanliness": "very_dissatisfied", "first_visit_fixed": false,
                "charges": "very_dissatisfied", "overall": "very_dissatisfied"
            }),
            // raw = 7·(−10) + 0 = −70 → 差; every s = 0; bottom boxes → flagged.
            expect: Expect {
                overall: Some(0.0),
                raw_total: Some(-70.0),
                grade: Some("差"),
                indicators: vec![("process", Some(0.0), 1.0), ("outcome", Some(0.0), 1.0)],
                counts: [8, 0, 0, 0],
                flagged: true,
                items: vec![("overall", Valid, Some(-10.0), Some(0.0))],
            },
        },
        Case {
            name: "mixed with N/A and skipped",
            answers: json!({
                "response_speed": "satisfied", "technician_attitude": "very_satisfied",
                "repair_quality": "neutral", "cleanliness": "not_applicable", "first_visit_fixed": false,
                "charges": "not_applicable", "overall": "satisfied", "repair_type": "doors_windows"
            }),
            // punctuality skipped; cleanliness, charges N/A.
            // process = (200/3 + 100)/2 = 250/3 = 83.33…, share 2/3
            // outcome = (50 [一般] + 0 [false])/2 = 25, share 2/4
            // overall = (2·250/3 + 3·25)/5 = (500/3 + 225/3)/5 = 145/3 = 48.33…
            // raw = 30 + 50 + 20 + 0 + 30 (overall) = 130 < 150 → 差
            // flagged: first_visit_fixed false is its bottom box (and 差 is lowest).
            expect: Expect {
                overall: Some(145.0 / 3.0),
                raw_total: Some(130.0),
                grade: Some("差"),
                indicators: vec![
                    ("process", Some(250.0 / 3.0), 2.0 / 3.0),
                    ("outcome", Some(25.0), 0.5),
                ],
                counts: [5, 2, 1, 0],
                flagged: true,
                items: vec![
                    ("response_speed", Valid, Some(30.0), Some(200.0 / 3.0)),
                    ("punctuality", Skipped, None, None),
                    ("cleanliness", NotApplicable, None, None),
                    ("repair_quality", Valid, Some(20.0), Some(50.0)),
                ],
            },
        },
        Case {
            name: "e2e scenario",
            answers: e2e_answers(),
            // process = 200/3 (three 满意); outcome = 100
            // overall = (2·200/3 + 3·100)/5 = (400/3 + 900/3)/5 = 260/3 = 86.66…
            // raw = 3·30 + 50 + 50 + 30 (true) + 50 + 50 (overall) = 320 → 良 (240 ≤ 320 < 330)
            expect: Expect {
                overall: Some(260.0 / 3.0),
                raw_total: Some(320.0),
                grade: Some("良"),
                indicators: vec![("process", Some(200.0 / 3.0), 1.0), ("outcome", Some(100.0), 1.0)],
                counts: [8, 0, 0, 0],
                flagged: false,
                items: vec![("punctuality", Valid, Some(30.0), Some(200.0 / 3.0))],
            },
        },
        Case {
            name: "all satisfied, fixed first time (band edge)",
            answers: json!({
                "response_speed": "satisfied", "punctuality": "satisfied", "technician_attitude": "satisfied",
                "repair_quality": "satisfied", "cleanliness": "satisfied", "first_visit_fixed": true,
                "charges": "satisfied", "overall": "satisfied"
            }),
            // raw = 7·30 + 30 = 240 = the 良 minimum exactly → 良
            // outcome = (3·200/3 + 100)/4 = 300/4 = 75
            // overall = (2·200/3 + 3·75)/5 = (400/3 + 675/3)/5 = 215/3 = 71.66…
            expect: Expect {
                overall: Some(215.0 / 3.0),
                raw_total: Some(240.0),
                grade: Some("良"),
                indicators: vec![("process", Some(200.0 / 3.0), 1.0), ("outcome", Some(75.0), 1.0)],
                counts: [8, 0, 0, 0],
                flagged: false,
                items: vec![],
            },
        },
        Case {
            name: "all neutral, not fixed first time",
            answers: json!({
                "response_speed": "neutral", "punctuality": "neutral", "technician_attitude": "neutral",
                "repair_quality": "neutral", "cleanliness": "neutral", "first_visit_fixed": false,
                "charges": "neutral", "overall": "neutral"
            }),
            // raw = 7·20 + 0 = 140 < 150 → 差
            // process = 50; outcome = (3·50 + 0)/4 = 37.5
            // overall = (2·50 + 3·37.5)/5 = (100 + 112.5)/5 = 42.5
            expect: Expect {
                overall: Some(42.5),
                raw_total: Some(140.0),
                grade: Some("差"),
                indicators: vec![("process", Some(50.0), 1.0), ("outcome", Some(37.5), 1.0)],
                counts: [8, 0, 0, 0],
                flagged: true,
                items: vec![],
            },
        },
        Case {
            name: "only a comment",
            answers: json!({"comments": "没有意见"}),
            // no scored item answered: raw total, overall and grade all missing.
            expect: Expect {
                overall: None,
                raw_total: None,
                grade: None,
                indicators: vec![("process", None, 0.0), ("outcome", None, 0.0)],
                counts: [0, 0, 8, 0],
                flagged: false,
                items: vec![],
            },
        },
    ]
}

#[test]
fn repair_callback_scores_as_computed_by_hand() {
    run(REPAIR, cases());
}

/// The scenario, rebuilt from the loaded survey the way the browser test
/// clicks it (questions hidden by logic are skipped: overall_problem, since
/// overall is 非常满意), is the answer set above and scores 320 / 良.
#[test]
fn repair_callback_e2e_scenario_follows_the_survey() {
    let loaded = load(REPAIR);
    let mut built = canvass_core::response::Answers::new();
    let env = Env::new(Date::parse("2026-11-23").unwrap(), "zh-cn");
    let mut state = LogicState::new(&loaded.logic, &built, env);
    for (p, page) in loaded.survey.pages.iter().enumerate() {
        let index = if p == 0 { 1 } else { 0 };
        for element in &page.elements {
            let Element::Question(q) = element else { panic!("sample 1 has no panels") };
            if !state.is_visible(&q.name) {
                continue;
            }
            let answer = match &q.kind {
                QuestionKind::RadioGroup { choices } => choices[index].value.clone(),
                QuestionKind::Boolean { .. } => Value::Bool(index == 0),
                QuestionKind::Comment { .. } => json!("ok"),
                other => panic!("{}: unexpected kind {other:?}", q.name),
            };
            built.insert(q.name.clone(), answer);
            state.apply(&loaded.logic, &q.name, &built);
        }
    }
    assert!(state.hidden_questions().contains("overall_problem"));
    assert_eq!(Value::Object(built.into_iter().collect()), e2e_answers());
    let report = score(&loaded, &e2e_answers());
    assert_eq!((report.raw_total, report.grade.as_deref()), (Some(320.0), Some("良")));
}

/// A question hidden by logic keeps its stored answer out of every number.
#[test]
fn repair_callback_hidden_answer_is_ignored() {
    let loaded = load(REPAIR);
    let answers = json!({
        "response_speed": "very_satisfied", "punctuality": "very_satisfied",
        "technician_attitude": "very_satisfied", "repair_quality": "very_satisfied",
        "cleanliness": "very_satisfied", "first_visit_fixed": true, "charges": "very_dissatisfied",
        "overall": "very_satisfied"
    });
    let report = score_hiding(&loaded, &answers, &["charges"]);
    // charges (−10) ignored: raw = 6·50 + 30 = 330 = the 优 minimum → 优;
    // outcome = 100 over 3 of its 4 children (share 3/4); overall 100.
    let expect = Expect {
        overall: Some(100.0),
        raw_total: Some(330.0),
        grade: Some("优"),
        indicators: vec![("process", Some(100.0), 1.0), ("outcome", Some(100.0), 0.75)],
        counts: [7, 0, 0, 1],
        flagged: false,
        items: vec![("charges", canvass_core::scoring::ItemStatus::Hidden, None, None)],
    };
    check("charges hidden", &report, &expect);
}

#[test]
fn repair_callback_model() {
    let loaded = load(REPAIR);
    let survey = &loaded.survey;
    assert_eq!(survey.pages.len(), 3);
    assert_eq!(survey.questions().len(), 11, "10 and overall_problem, shown after a dissatisfied overall answer");
    assert_eq!(survey.scoring.overall_question.as_deref(), Some("overall"));
    let q = survey.question("first_visit_fixed").expect("boolean");
    assert!(matches!(q.kind, QuestionKind::Boolean { score_true, score_false, .. }
        if score_true == 30.0 && score_false == 0.0));
    let scored: Vec<&str> = survey.questions().iter().filter(|q| q.scored).map(|q| q.name.as_str()).collect();
    assert_eq!(scored.len(), 8, "scored questions: {scored:?}");
}
