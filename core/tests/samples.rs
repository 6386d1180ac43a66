//! The bundled sample surveys (samples/*.json): they load cleanly, they are
//! fully bilingual, their pages fit a phone screen, and scoring them gives
//! the results computed BY HAND in samples/*.rs (arithmetic in comments,
//! summarised in docs/SAMPLES.md). The hand values are the contract; they
//! were cross-checked with an independent exact-fraction computation, never
//! copied from the Rust scorer's output.

#[path = "samples/power_utility.rs"]
mod power_utility;
#[path = "samples/real_estate_owner.rs"]
mod real_estate_owner;
#[path = "samples/repair_callback.rs"]
mod repair_callback;

use std::collections::BTreeSet;

use canvass_core::response::Answers;
use canvass_core::scoring::{ItemStatus, ScoreReport};
use canvass_core::LoadedSurvey;
use serde_json::Value;

pub const REPAIR: &str = include_str!("../../samples/property-repair-callback.json");
pub const POWER: &str = include_str!("../../samples/power-utility-annual.json");
pub const OWNER: &str = include_str!("../../samples/real-estate-owner.json");
pub const PHOTO: &str = include_str!("../../samples/repair-photo-check.json");

/// Every sample as (file id, JSON text).
const ALL: [(&str, &str); 4] = [
    ("property-repair-callback", REPAIR),
    ("power-utility-annual", POWER),
    ("real-estate-owner", OWNER),
    ("repair-photo-check", PHOTO),
];

/// One answer set and what scoring it must give.
pub struct Case {
    pub name: &'static str,
    pub answers: Value,
    pub expect: Expect,
}

/// The hand-computed result of one case.
pub struct Expect {
    pub overall: Option<f64>,
    pub raw_total: Option<f64>,
    pub grade: Option<&'static str>,
    /// (indicator, score, answered share) for EVERY declared indicator.
    pub indicators: Vec<(&'static str, Option<f64>, f64)>,
    /// Scored items by status: [valid, N/A, skipped, hidden].
    pub counts: [u32; 4],
    pub flagged: bool,
    /// (item id, status, x, s) for the items worth pinning down.
    pub items: Vec<(&'static str, ItemStatus, Option<f64>, Option<f64>)>,
}

const TOLERANCE: f64 = 1e-9;

#[track_caller]
fn assert_close(what: &str, got: Option<f64>, want: Option<f64>) {
    match (got, want) {
        (Some(g), Some(w)) if (g - w).abs() <= TOLERANCE => {}
        (None, None) => {}
        _ => panic!("{what}: got {got:?}, want {want:?}"),
    }
}

/// Loads a sample, insisting on no warnings: the samples show the format
/// as it should be written.
#[track_caller]
pub fn load(json: &str) -> LoadedSurvey {
    let loaded = canvass_core::load(json).unwrap_or_else(|e| panic!("sample does not load: {e:?}"));
    assert!(loaded.warnings.is_empty(), "sample loads with warnings: {:?}", loaded.warnings);
    loaded
}

/// Scores `answers` (nothing hidden) against a loaded sample.
#[track_caller]
pub fn score(loaded: &LoadedSurvey, answers: &Value) -> ScoreReport {
    score_hiding(loaded, answers, &[])
}

/// Scores `answers` with the questions in `hidden` hidden by logic.
#[track_caller]
pub fn score_hiding(loaded: &LoadedSurvey, answers: &Value, hidden: &[&str]) -> ScoreReport {
    let answers: Answers = serde_json::from_value(answers.clone()).expect("answers are an object");
    let hidden: BTreeSet<String> = hidden.iter().map(|h| h.to_string()).collect();
    loaded
        .scoring
        .score(&answers, &hidden)
        .unwrap_or_else(|e| panic!("answers rejected: {e}"))
}

/// Scores every case against the sample and compares with the hand values.
#[track_caller]
pub fn run(json: &str, cases: Vec<Case>) {
    let loaded = load(json);
    for case in cases {
        let report = score(&loaded, &case.answers);
        check(case.name, &report, &case.expect);
    }
}

#[track_caller]
pub fn check(name: &str, report: &ScoreReport, want: &Expect) {
    assert_close(&format!("{name}: overall"), report.overall, want.overall);
    assert_close(&format!("{name}: raw total"), report.raw_total, want.raw_total);
    assert_eq!(report.grade.as_deref(), want.grade, "{name}: grade");
    for &(indicator, score, share) in &want.indicators {
        let got = report
            .indicators
            .iter()
            .find(|i| i.name == indicator)
            .unwrap_or_else(|| panic!("{name}: indicator {indicator:?} missing from the report"));
        assert_close(&format!("{name}: indicator {indicator}"), got.score, score);
        assert_close(&format!("{name}: share of {indicator}"), Some(got.answered_share), Some(share));
    }
    let c = report.counts;
    assert_eq!([c.valid, c.not_applicable, c.skipped, c.hidden], want.counts, "{name}: counts");
    assert_eq!(report.follow_up.flagged, want.flagged, "{name}: follow-up flag {:?}", report.follow_up);
    for &(id, status, x, s) in &want.items {
        let got = report
            .items
            .iter()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("{name}: item {id:?} missing from the report"));
        assert_eq!(got.status, status, "{name}: status of {id}");
        assert_close(&format!("{name}: x of {id}"), got.x, x);
        assert_close(&format!("{name}: s of {id}"), got.score, s);
    }
}

// ----------------------------------------------------------------- shape
// These read the JSON directly, so they hold whatever the loader does.

fn raw(json: &str) -> Value {
    serde_json::from_str(json).expect("sample is well-formed JSON")
}

/// Every question of a page (panels flattened) as raw JSON.
fn page_questions(page: &Value) -> Vec<&Value> {
    fn walk<'a>(elements: &'a Value, out: &mut Vec<&'a Value>) {
        for e in elements.as_array().into_iter().flatten() {
            if e["type"] == "panel" {
                walk(&e["elements"], out);
            } else {
                out.push(e);
            }
        }
    }
    let mut out = Vec::new();
    walk(&page["elements"], &mut out);
    out
}

const LOCALISABLE: [&str; 8] = [
    "title", "description", "text", "placeholder", "labelTrue", "labelFalse",
    "minRateDescription", "maxRateDescription",
];

/// Collects the paths of localisable strings lacking English or Chinese.
fn unlocalised(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let here = format!("{path}.{key}");
                if LOCALISABLE.contains(&key.as_str()) {
                    let ok = ["default", "zh-cn"]
                        .iter()
                        .all(|l| v[*l].as_str().is_some_and(|s| !s.trim().is_empty()));
                    if !ok {
                        out.push(here.clone());
                    }
                }
                unlocalised(v, &here, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                unlocalised(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_text_has_english_and_chinese() {
    for (id, json) in ALL {
        let mut missing = Vec::new();
        unlocalised(&raw(json), id, &mut missing);
        assert!(missing.is_empty(), "not localised: {missing:?}");
    }
}

#[test]
fn ids_match_file_names_and_every_sample_is_described() {
    for (id, json) in ALL {
        let v = raw(json);
        assert_eq!(v["id"], id);
        assert!(v["description"].is_object(), "{id}: description");
        assert_eq!(v["scoring"]["showScore"], true, "{id}: showScore");
    }
}

#[test]
fn pages_hold_three_to_six_questions_and_some_are_required() {
    for (id, json) in ALL {
        let v = raw(json);
        let pages = v["pages"].as_array().expect("pages");
        assert!(pages.len() >= 2, "{id}: several pages");
        let mut required = 0;
        for (i, page) in pages.iter().enumerate() {
            let qs = page_questions(page);
            assert!((3..=6).contains(&qs.len()), "{id}: pages[{i}] has {} questions", qs.len());
            required += qs.iter().filter(|q| q["isRequired"] == true).count();
        }
        assert!(required > 0, "{id}: no required question");
    }
}

// ------------------------------------------------------------ load model

#[test]
fn samples_load_without_warnings() {
    for (id, json) in ALL {
        let loaded = load(json);
        assert_eq!(loaded.survey.id, id);
        assert_eq!(loaded.survey.version, "1");
        assert!(loaded.survey.scoring.show_score, "{id}: showScore");
        assert_eq!(loaded.survey.title.get("zh-CN"), raw(json)["title"]["zh-cn"].as_str().unwrap());
    }
}
