//! Sample 3, real-estate-owner (地产业主满意度调查): hand-computed results.
//!
//! Scale 很满意 5 / 满意 4 / 一般 3 / 不满意 2 / 很不满意 1 (+ 不清楚/不适用 N/A),
//! lo = 1, hi = 5, s = 100·(x − 1)/4: 5 → 100, 4 → 75, 3 → 50, 2 → 25, 1 → 0.
//! quality_defects is an agreement item (非常同意 5 … 非常不同意 1) keyed in
//! reverse: s = 100 − 100·(x − 1)/4 and x' = 6 − x in the raw total.
//! brand_rating is a 1–10 rating: s = 100·(x − 1)/9.
//! Indicators: planning, floor_plan, amenities (minAnswered 0.6), property
//! = (2·property_staff + property_security + property_environment)/4 with
//! the two nested indicators, value, brand, quality. Top weights: planning
//! 10, floor_plan 10, amenities 10, property 25, value 10, brand 10,
//! quality 25 (sum 100); top-level minAnswered 0.5.
//! Raw total: 17 scale items + defects x' + rating: max 17·5 + 5 + 10 = 100,
//! min 17·1 + 1 + 1 = 19.
//! Bands on the score: 优 ≥ 85, 良 ≥ 75, 中 ≥ 65, 可 ≥ 55, 差 below.
//! Follow-up: bottom box (k = 2) = {1, 2}; for quality_defects {5, 4}; for
//! the rating {1, 2}; lowest band 差.

use canvass_core::scoring::ItemStatus::{NotApplicable, Skipped, Valid};
use canvass_core::survey::ChildRef;
use serde_json::{json, Value};

use super::{load, run, Case, Expect, OWNER};

const SCALE: [&str; 17] = [
    "planning_layout", "planning_landscape", "floor_plan_layout", "floor_plan_light",
    "amenities_shops", "amenities_schools", "amenities_transport", "value_price", "value_upgrades",
    "property_staff", "property_patrol", "property_parking", "property_cleaning",
    "property_greenery", "quality_construction", "quality_finish", "brand_trust",
];

const INDICATORS: [&str; 9] = [
    "planning", "floor_plan", "amenities", "property", "property_security",
    "property_environment", "value", "brand", "quality",
];

/// Every 5-level item answered `choice`, plus the defects item and rating.
fn uniform(choice: &str, defects: &str, rating: u32) -> Value {
    let mut answers = serde_json::Map::new();
    for q in SCALE {
        answers.insert(q.into(), json!(choice));
    }
    answers.insert("quality_defects".into(), json!(defects));
    answers.insert("brand_rating".into(), json!(rating));
    answers.insert("owner_status".into(), json!("moved_in"));
    Value::Object(answers)
}

fn all_at(score: f64) -> Vec<(&'static str, Option<f64>, f64)> {
    INDICATORS.iter().map(|i| (*i, Some(score), 1.0)).collect()
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "all best",
            answers: uniform("very_satisfied", "strongly_disagree", 10),
            // every s = 100 (defects 非常不同意 x = 1 → s = 100, x' = 5)
            // raw = 17·5 + 5 + 10 = 100 → overall 100 → 优
            expect: Expect {
                overall: Some(100.0),
                raw_total: Some(100.0),
                grade: Some("优"),
                indicators: all_at(100.0),
                counts: [19, 0, 0, 0],
                flagged: false,
                items: vec![("quality_defects", Valid, Some(1.0), Some(100.0))],
            },
        },
        Case {
            name: "all worst",
            answers: uniform("very_dissatisfied", "strongly_agree", 1),
            // every s = 0 (defects 非常同意 x = 5 → s = 0, x' = 1)
            // raw = 17·1 + 1 + 1 = 19 → overall 0 → 差
            expect: Expect {
                overall: Some(0.0),
                raw_total: Some(19.0),
                grade: Some("差"),
                indicators: all_at(0.0),
                counts: [19, 0, 0, 0],
                flagged: true,
                items: vec![("quality_defects", Valid, Some(5.0), Some(0.0))],
            },
        },
        Case {
            name: "typical: satisfied, schools N/A",
            answers: {
                let mut a = uniform("satisfied", "disagree", 7);
                a["amenities_schools"] = json!("not_applicable");
                a
            },
            // 满意 → 75 everywhere; defects 不同意 x = 2 → s = 100 − 25 = 75, x' = 4
            // amenities: 2 of 3 answered, share 2/3 ≥ 0.6 → 75
            // brand_rating 7 → 100·6/9 = 200/3; brand = (75 + 200/3)/2 = 425/6 = 70.83…
            // overall = (90·75 + 10·425/6)/100 = (6750 + 708.33…)/100 = 895/12 = 74.58… → 中
            // raw = 16·4 + 4 + 7 = 75
            // not flagged: 不同意 on the reversed item is its top box, not its bottom box.
            expect: Expect {
                overall: Some(895.0 / 12.0),
                raw_total: Some(75.0),
                grade: Some("中"),
                indicators: vec![
                    ("planning", Some(75.0), 1.0),
                    ("floor_plan", Some(75.0), 1.0),
                    ("amenities", Some(75.0), 2.0 / 3.0),
                    ("property", Some(75.0), 1.0),
                    ("property_security", Some(75.0), 1.0),
                    ("property_environment", Some(75.0), 1.0),
                    ("value", Some(75.0), 1.0),
                    ("brand", Some(425.0 / 6.0), 1.0),
                    ("quality", Some(75.0), 1.0),
                ],
                counts: [18, 1, 0, 0],
                flagged: false,
                items: vec![
                    ("brand_rating", Valid, Some(7.0), Some(200.0 / 3.0)),
                    ("quality_defects", Valid, Some(2.0), Some(75.0)),
                ],
            },
        },
        Case {
            name: "mixed with N/A, skipped and nested indicators",
            answers: json!({
                "owner_status": "moved_in",
                "planning_layout": "satisfied", "planning_landscape": "very_satisfied",
                "floor_plan_layout": "neutral", "floor_plan_light": "satisfied",
                "amenities_shops": "satisfied", "amenities_schools": "not_applicable",
                "value_price": "not_applicable", "value_upgrades": "neutral",
                "property_staff": "very_satisfied", "property_patrol": "satisfied",
                "property_parking": "dissatisfied",
                "property_cleaning": "not_applicable", "property_greenery": "not_applicable",
                "quality_construction": "satisfied", "quality_finish": "neutral",
                "quality_defects": "disagree", "brand_trust": "satisfied", "brand_rating": 8
            }),
            // planning   = (75 + 100)/2 = 87.5
            // floor_plan = (50 + 75)/2 = 62.5
            // amenities  = shops 75 only (schools N/A, transport skipped): share 1/3 < 0.6 → missing
            // property_security = (75 + 25)/2 = 50; property_environment: both N/A → missing
            // property   = (2·100 + 1·50)/(2 + 1) = 250/3 = 83.33…, share 3/4
            // value      = 50 (price N/A), share 1/2
            // brand      = (75 + 100·7/9)/2 = (675/9 + 700/9)/2 = 1375/18 = 76.38…
            // quality    = (75 + 50 + 75 [不同意 reversed])/3 = 200/3 = 66.66…
            // top share  = 90/100 ≥ 0.5; overall = (10·87.5 + 10·62.5 + 25·250/3 + 10·50
            //              + 10·1375/18 + 25·200/3)/90 = (2000 + 3750 + 6875/9)/90
            //            = (58625/9)/90 = 11725/162 = 72.37… → 中
            // raw = 4+5 + 3+4 + 4 + 3 + 5+4+2 + 4+3+(6−2) + 4+8 = 57
            // flagged: property_parking 不满意 (2) is in the bottom box.
            expect: Expect {
                overall: Some(11725.0 / 162.0),
                raw_total: Some(57.0),
                grade: Some("中"),
                indicators: vec![
                    ("planning", Some(87.5), 1.0),
                    ("floor_plan", Some(62.5), 1.0),
                    ("amenities", None, 1.0 / 3.0),
                    ("property", Some(250.0 / 3.0), 0.75),
                    ("property_security", Some(50.0), 1.0),
                    ("property_environment", None, 0.0),
                    ("value", Some(50.0), 0.5),
                    ("brand", Some(1375.0 / 18.0), 1.0),
                    ("quality", Some(200.0 / 3.0), 1.0),
                ],
                counts: [14, 4, 1, 0],
                flagged: true,
                items: vec![
                    ("amenities_transport", Skipped, None, None),
                    ("property_greenery", NotApplicable, None, None),
                    ("brand_rating", Valid, Some(8.0), Some(700.0 / 9.0)),
                ],
            },
        },
        Case {
            name: "too sparse for an overall score",
            answers: json!({
                "owner_status": "not_moved_in",
                "planning_layout": "very_satisfied", "planning_landscape": "very_satisfied",
                "floor_plan_layout": "very_satisfied", "floor_plan_light": "very_satisfied"
            }),
            // planning = floor_plan = 100; the others missing → top share 20/100 < 0.5
            // → overall missing, so no grade; raw = 4·5 = 20 still present.
            expect: Expect {
                overall: None,
                raw_total: Some(20.0),
                grade: None,
                indicators: vec![
                    ("planning", Some(100.0), 1.0),
                    ("floor_plan", Some(100.0), 1.0),
                    ("amenities", None, 0.0),
                    ("property", None, 0.0),
                    ("property_security", None, 0.0),
                    ("property_environment", None, 0.0),
                    ("value", None, 0.0),
                    ("brand", None, 0.0),
                    ("quality", None, 0.0),
                ],
                counts: [4, 0, 15, 0],
                flagged: false,
                items: vec![],
            },
        },
    ]
}

#[test]
fn real_estate_owner_scores_as_computed_by_hand() {
    run(OWNER, cases());
}

#[test]
fn real_estate_owner_model() {
    let loaded = load(OWNER);
    let survey = &loaded.survey;
    assert_eq!(survey.pages.len(), 4);
    assert_eq!(survey.questions().len(), 21);
    assert!(survey.question("quality_defects").expect("reverse item").reverse);
    let spec = &survey.scoring;
    let names: Vec<&str> = spec.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, INDICATORS);
    let property = &spec.indicators[3];
    let nested: Vec<&ChildRef> = property.children.iter().map(|c| &c.target).collect();
    assert!(nested.contains(&&ChildRef::Indicator { name: "property_security".into() }));
    assert_eq!(spec.indicators[2].min_answered, 0.6);
    assert_eq!(spec.top_min_answered, 0.5);
    assert_eq!(spec.grades.as_ref().expect("grades").bands.len(), 5);
}
