//! `canvass validate` and `canvass score` end to end: the built binary on
//! the bundled sample and export files written here, checking the JSON,
//! the CSV and the exit codes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use canvass_core::export::{Export, ExportedSurvey};
use canvass_core::response::{Answers, Response, SurveyRef};
use serde_json::{json, Value};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../samples/property-repair-callback.json");

fn canvass(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canvass")).args(args).output().expect("the binary runs")
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("canvass-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A completed response to sample 1: page-1 questions with `first`, the rest with `rest`.
fn response(n: u128, first: &str, rest: &str, completed: &str, interviewer: &str) -> Response {
    let loaded = canvass_core::load(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    let s = &loaded.survey;
    let mut answers = Answers::new();
    for (p, page) in s.pages.iter().enumerate() {
        for e in &page.elements {
            let canvass_core::survey::Element::Question(q) = e else { continue };
            use canvass_core::survey::QuestionKind::*;
            let v: Value = match &q.kind {
                RadioGroup { choices } if q.scored => {
                    let pick = if p == 0 { first } else { rest };
                    choices.iter().find(|c| c.value == pick).map(|c| c.value.clone()).unwrap()
                }
                RadioGroup { choices } | Dropdown { choices } => choices[0].value.clone(),
                Boolean { .. } => json!(true),
                Comment { .. } => json!("ok"),
                _ => continue,
            };
            answers.insert(q.name.clone(), v);
        }
    }
    let score = loaded.scoring.score(&answers, &BTreeSet::new()).unwrap();
    Response {
        id: uuid::Uuid::from_u128(n),
        survey: SurveyRef { id: s.id.clone(), version: s.version.clone(), hash: s.hash.clone() },
        started_at: completed.to_owned(),
        completed_at: Some(completed.to_owned()),
        answers,
        meta: [("interviewer".to_string(), interviewer.to_string())].into(),
        score: Some(score),
        visit: None,
    }
}

fn write_export(path: &Path, responses: Vec<Response>) {
    let loaded = canvass_core::load(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    let s = &loaded.survey;
    let identity = SurveyRef { id: s.id.clone(), version: s.version.clone(), hash: s.hash.clone() };
    let export = Export::new(ExportedSurvey { identity, title: s.title.clone() }, responses, "2026-11-23T10:00:00+08:00".into());
    std::fs::write(path, export.to_json()).unwrap();
}

#[test]
fn validate_reports_ok_and_errors_with_exit_codes() {
    let ok = canvass(&["validate", SAMPLE]);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("\"property-repair-callback\""));

    let d = dir("validate");
    let bad = d.join("bad.json");
    std::fs::write(&bad, r#"{"pages": [{"elements": [{"type": "flowpanel", "name": "q1"}]}]}"#).unwrap();
    let out = canvass(&["validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pages[0].elements[0] \"q1\": unknown question type \"flowpanel\""), "{err}");

    let missing = canvass(&["validate", d.join("nope.json").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(3));
    assert_eq!(canvass(&["validate"]).status.code(), Some(2));
}

#[test]
fn score_merges_exports_drops_duplicates_and_rescores() {
    let d = dir("score");
    let (a, b) = (d.join("a.json"), d.join("b.json"));
    // Hand-computed in docs/SAMPLES.md: all best = 380 优; the e2e scenario
    // (page 1 满意, the rest 非常满意) = 320 良.
    let best = response(1, "very_satisfied", "very_satisfied", "2026-10-02T09:00:00+08:00", "王");
    let e2e = response(2, "satisfied", "very_satisfied", "2026-11-20T09:00:00+08:00", "李");
    let third = response(3, "satisfied", "very_satisfied", "2026-11-21T09:00:00+08:00", "王");
    write_export(&a, vec![best.clone(), e2e.clone()]);
    write_export(&b, vec![e2e, third]);

    let out = canvass(&["score", "--survey", SAMPLE, a.to_str().unwrap(), b.to_str().unwrap(), "--by", "interviewer", "--period", "month"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["merge"]["recordsRead"], 4);
    assert_eq!(report["merge"]["records"], 3);
    assert_eq!(report["merge"]["duplicates"], 1);
    let totals: Vec<f64> = report["responses"].as_array().unwrap().iter().map(|r| r["score"]["rawTotal"].as_f64().unwrap()).collect();
    assert_eq!(totals, [380.0, 320.0, 320.0]);
    let grades: Vec<&str> = report["responses"].as_array().unwrap().iter().map(|r| r["score"]["grade"].as_str().unwrap()).collect();
    assert_eq!(grades, ["优", "良", "良"]);
    assert_eq!(report["aggregate"]["total"]["n"], 3);
    let mean = report["aggregate"]["total"]["rawTotal"]["mean"].as_f64().unwrap();
    assert!((mean - (380.0 + 320.0 + 320.0) / 3.0).abs() < 1e-9, "{mean}");
    let groups = report["aggregate"]["groups"].as_array().unwrap();
    assert!(groups.iter().any(|g| g["segment"] == "王" && g["period"] == "2026-11" && g["n"] == 1), "{groups:#?}");

    let csv = canvass(&["score", "--survey", SAMPLE, a.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(0));
    let text = String::from_utf8(csv.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("id,completedAt,meta.interviewer,overall,rawTotal,grade,followUp"), "{}", lines[0]);
    assert!(lines[1].contains(",380,优,false,"), "{}", lines[1]);
}

#[test]
fn score_rejects_malformed_and_foreign_files_naming_them() {
    let d = dir("reject");
    let broken = d.join("broken.json");
    std::fs::write(&broken, "{\"format\": \"canvass-export\",\n \"formatVersion\": 1,\n \"survey\": [}").unwrap();
    let out = canvass(&["score", "--survey", SAMPLE, broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json: not a Canvass export") && err.contains("line 3"), "{err}");

    let other = d.join("other.json");
    let other_survey = concat!(env!("CARGO_MANIFEST_DIR"), "/../samples/real-estate-owner.json");
    write_export(&other, vec![response(9, "satisfied", "satisfied", "2026-11-20T09:00:00+08:00", "王")]);
    let out = canvass(&["score", "--survey", other_survey, other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the exports answer survey \"property-repair-callback\""), "{err}");

    assert_eq!(canvass(&["score", SAMPLE]).status.code(), Some(2), "--survey is required");
    assert_eq!(canvass(&["score", "--survey", SAMPLE, "--period", "week", "x.json"]).status.code(), Some(2));
}

#[test]
fn score_applies_the_survey_logic_hidden_answers_do_not_count() {
    let d = dir("logic");
    let survey = d.join("survey.json");
    std::fs::write(&survey, r#"{"id": "l", "title": "L", "pages": [{"elements": [
        {"type": "radiogroup", "name": "q1", "scored": true, "choices": [{"value": "a", "score": 10}, {"value": "b", "score": 0}]},
        {"type": "radiogroup", "name": "q2", "scored": true, "visibleIf": "{q1} = 'a'",
         "choices": [{"value": "x", "score": 5}, {"value": "y", "score": 1}]}]}]}"#).unwrap();
    let loaded = canvass_core::load(&std::fs::read_to_string(&survey).unwrap()).unwrap();
    let s = &loaded.survey;
    let identity = SurveyRef { id: s.id.clone(), version: s.version.clone(), hash: s.hash.clone() };
    let mut answers = Answers::new();
    answers.insert("q1".into(), json!("b"));
    answers.insert("q2".into(), json!("x")); // stored, but q2 is hidden when q1 = b
    let r = Response {
        id: uuid::Uuid::from_u128(1),
        survey: identity.clone(),
        started_at: "2026-11-20T09:00:00+08:00".into(),
        completed_at: Some("2026-11-20T09:05:00+08:00".into()),
        answers,
        meta: Default::default(),
        score: None,
        visit: None,
    };
    let export = d.join("e.json");
    let e = Export::new(ExportedSurvey { identity, title: s.title.clone() }, vec![r], "2026-11-23T10:00:00+08:00".into());
    std::fs::write(&export, e.to_json()).unwrap();
    let out = canvass(&["score", "--survey", survey.to_str().unwrap(), export.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let score = &report["responses"][0]["score"];
    assert_eq!(score["rawTotal"], 0.0, "only q1 = b (0 points) counts");
    assert_eq!(score["counts"]["hidden"], 1);
    assert_eq!(report["aggregate"]["total"]["items"][1]["hidden"], 1);
}
