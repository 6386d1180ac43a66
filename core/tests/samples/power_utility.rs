//! Sample 2, power-utility-annual (供电公司年度客户满意度调查): hand-computed
//! results.
//!
//! Scale 很满意 100 / 满意 80 / 基本满意 60 / 不满意 30 / 很不满意 0, so lo = 0,
//! hi = 100 and s = x. 16 scored items: 14 questions + the two rows of the
//! `hall` matrix (hall.environment, hall.staff). customer_type, overall
//! (the overallQuestion) and nps (0–10) are not scored.
//! Top-level weights (sum 100): reliability 20, hotline 10, safety 15,
//! billing 10, applications 10, service_hall 10, information 10,
//! resolution 15. Raw total: max 16·100 = 1600, min 0.
//! Grades: default bands on the score (优 ≥ 90, 良 ≥ 80, 中 ≥ 70, 可 ≥ 60, 差).
//! Follow-up: bottom box (k = 2) = {0, 30}; lowest band 差.

use canvass_core::scoring::ItemStatus::{NotApplicable, Skipped, Valid};
use canvass_core::survey::{GradeBasis, QuestionKind};
use serde_json::{json, Value};

use super::{load, run, Case, Expect, POWER};

const DIMENSIONS: [&str; 8] = [
    "reliability", "hotline", "safety", "billing", "applications", "service_hall", "information",
    "resolution",
];

const SINGLE: [&str; 14] = [
    "reliability_outages", "reliability_voltage", "safety_facilities", "safety_guidance",
    "billing_accuracy", "billing_convenience", "application_speed", "application_process",
    "hotline_access", "hotline_answers", "information_notice", "information_channels",
    "resolution_speed", "resolution_result",
];

/// Every scored item answered with `choice`, plus the unscored questions.
fn uniform(choice: &str, customer: &str, nps: u32) -> Value {
    let mut answers = serde_json::Map::new();
    for q in SINGLE {
        answers.insert(q.into(), json!(choice));
    }
    answers.insert("hall".into(), json!({"environment": choice, "staff": choice}));
    answers.insert("customer_type".into(), json!(customer));
    answers.insert("overall".into(), json!(choice));
    answers.insert("nps".into(), json!(nps));
    Value::Object(answers)
}

/// Every dimension at `score` with every child answered.
fn all_at(score: f64) -> Vec<(&'static str, Option<f64>, f64)> {
    DIMENSIONS.iter().map(|d| (*d, Some(score), 1.0)).collect()
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "all best",
            answers: uniform("very_satisfied", "residential", 10),
            // every s = 100; raw = 16·100 = 1600; 100 ≥ 90 → 优
            expect: Expect {
                overall: Some(100.0),
                raw_total: Some(1600.0),
                grade: Some("优"),
                indicators: all_at(100.0),
                counts: [16, 0, 0, 0],
                flagged: false,
                items: vec![("hall.staff", Valid, Some(100.0), Some(100.0))],
            },
        },
        Case {
            name: "all worst",
            answers: uniform("very_dissatisfied", "industrial", 0),
            // every s = 0; raw = 0 (answered, so present); 0 → 差; bottom boxes → flagged
            expect: Expect {
                overall: Some(0.0),
                raw_total: Some(0.0),
                grade: Some("差"),
                indicators: all_at(0.0),
                counts: [16, 0, 0, 0],
                flagged: true,
                items: vec![],
            },
        },
        Case {
            name: "all satisfied (band edge 良)",
            answers: uniform("satisfied", "commercial", 8),
            // every s = 80; raw = 16·80 = 1280; 80 = the 良 minimum → 良
            expect: Expect {
                overall: Some(80.0),
                raw_total: Some(1280.0),
                grade: Some("良"),
                indicators: all_at(80.0),
                counts: [16, 0, 0, 0],
                flagged: false,
                items: vec![],
            },
        },
        Case {
            name: "all fairly satisfied (band edge 可)",
            answers: uniform("fairly_satisfied", "other", 6),
            // every s = 60; raw = 16·60 = 960; 60 = the 可 minimum → 可; 60 is
            // not in the bottom box {0, 30} and 可 is not the lowest band.
            expect: Expect {
                overall: Some(60.0),
                raw_total: Some(960.0),
                grade: Some("可"),
                indicators: all_at(60.0),
                counts: [16, 0, 0, 0],
                flagged: false,
                items: vec![],
            },
        },
        Case {
            name: "mixed with N/A and skipped",
            answers: json!({
                "customer_type": "residential",
                "reliability_outages": "satisfied", "reliability_voltage": "fairly_satisfied",
                "safety_facilities": "very_satisfied",
                "billing_accuracy": "satisfied", "billing_convenience": "very_satisfied",
                "application_speed": "not_applicable", "application_process": "dissatisfied",
                "hotline_access": "not_applicable", "hotline_answers": "not_applicable",
                "hall": {"environment": "not_applicable", "staff": "satisfied"},
                "information_notice": "fairly_satisfied", "information_channels": "very_dissatisfied",
                "overall": "fairly_satisfied", "nps": 7, "comments": "电压不稳，停电通知太晚"
            }),
            // reliability  = (80 + 60)/2 = 70
            // hotline      = missing (both N/A), share 0
            // safety       = 100 (guidance skipped), share 1/2
            // billing      = (80 + 100)/2 = 90
            // applications = 30 (speed N/A), share 1/2
            // service_hall = the matrix = mean(staff 80; environment N/A) = 80, share 1
            // information  = (60 + 0)/2 = 30
            // resolution   = missing (both skipped), share 0
            // overall = (20·70 + 15·100 + 10·90 + 10·30 + 10·80 + 10·30)
            //           / (20 + 15 + 10 + 10 + 10 + 10)
            //         = (1400 + 1500 + 900 + 300 + 800 + 300)/75 = 5200/75 = 208/3 = 69.33… → 可
            // raw = 80 + 60 + 100 + 80 + 100 + 30 + 80 + 60 + 0 = 590
            // counts: valid 9; N/A 4 (application_speed, hotline ×2, hall.environment);
            //         skipped 3 (safety_guidance, resolution ×2)
            // flagged: application_process 30 and information_channels 0 are bottom box.
            expect: Expect {
                overall: Some(208.0 / 3.0),
                raw_total: Some(590.0),
                grade: Some("可"),
                indicators: vec![
                    ("reliability", Some(70.0), 1.0),
                    ("hotline", None, 0.0),
                    ("safety", Some(100.0), 0.5),
                    ("billing", Some(90.0), 1.0),
                    ("applications", Some(30.0), 0.5),
                    ("service_hall", Some(80.0), 1.0),
                    ("information", Some(30.0), 1.0),
                    ("resolution", None, 0.0),
                ],
                counts: [9, 4, 3, 0],
                flagged: true,
                items: vec![
                    ("hall.environment", NotApplicable, None, None),
                    ("hall.staff", Valid, Some(80.0), Some(80.0)),
                    ("resolution_result", Skipped, None, None),
                    ("information_channels", Valid, Some(0.0), Some(0.0)),
                ],
            },
        },
    ]
}

#[test]
fn power_utility_scores_as_computed_by_hand() {
    run(POWER, cases());
}

#[test]
fn power_utility_model() {
    let loaded = load(POWER);
    let survey = &loaded.survey;
    assert_eq!(survey.pages.len(), 5);
    assert_eq!(survey.questions().len(), 19);
    let spec = &survey.scoring;
    let names: Vec<&str> = spec.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, DIMENSIONS);
    assert_eq!(spec.top_weights.values().sum::<f64>(), 100.0);
    assert_eq!(spec.overall_question.as_deref(), Some("overall"));
    let grades = spec.grades.as_ref().expect("grades");
    assert_eq!(grades.basis, GradeBasis::Score);
    let nps = survey.question("nps").expect("nps");
    let QuestionKind::Rating { points, .. } = &nps.kind else { panic!("nps is a rating") };
    let values: Vec<f64> = points.iter().filter_map(|p| p.value.as_f64()).collect();
    assert_eq!(values, (0..=10).map(f64::from).collect::<Vec<_>>());
    assert!(!nps.scored && !survey.question("overall").unwrap().scored);
}
