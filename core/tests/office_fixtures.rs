//! The office's end-to-end fixtures (tests/fixtures/office/), built here
//! from the bundled samples with core's own scorer so that every stored
//! score and definition hash is real. The test fails when a committed file
//! differs from what core makes now; `UPDATE_FIXTURES=1 cargo test -p
//! canvass-core --test office_fixtures` rewrites them.
//!
//! The merged result the e2e test checks, by hand (repair-callback scale:
//! 非常满意 50, 满意 30, 一般 20, 不满意 0, 非常不满意 −10, s = 100·(x+10)/60;
//! first_visit_fixed yes 30 / no 0; overall = (2·process + 3·outcome)/5;
//! the overall question counts in the raw total only; grades on the raw
//! total: 优 ≥ 330, 良 ≥ 240, 中 ≥ 150, 差 below):
//!
//! | response | answers | raw total | process | outcome | overall |
//! |---|---|---|---|---|---|
//! | r1 | all 非常满意, fixed yes | 380 | 100 | 100 | 100 |
//! | r2 | all 满意, fixed yes | 7·30+30 = 240 | 200/3 | (3·200/3+100)/4 = 75 | (400/3+225)/5 = 215/3 ≈ 71.67 |
//! | r3 old (device-1) | all 一般, fixed no | 7·20 = 140 | 50 | (150+0)/4 = 37.5 | (100+112.5)/5 = 42.5 |
//! | r3 new (device-3, later) | all 满意, cleanliness N/A, fixed yes | 6·30+30 = 210 | 200/3 | (200/3+100+200/3)/3 = 700/9 | (400/3+700/3)/5 = 220/3 ≈ 73.33 |
//! | r4 | all 非常不满意, fixed no | 7·(−10) = −70 | 0 | 0 | 0 |
//! | r5 | page 1 非常满意, rest 满意, fixed yes | 3·50+4·30+30 = 300 | 100 | (200/3+200/3+100+200/3)/4 = 75 | (200+225)/5 = 85 |
//!
//! Merged (newest r3 kept): n = 5; overall mean = (100 + 215/3 + 220/3 +
//! 0 + 85)/5 = 330/5 = **66.0**; raw total mean = (380 + 240 + 210 − 70 +
//! 300)/5 = 1060/5 = **212**, so the grade of the mean is **中** (150 ≤ 212 <
//! 240). Satisfaction rate: top box (非常满意 or 满意) of `overall` in r1,
//! r2, r3, r5, that is **80%**. Follow-ups: r4 only (bottom box and lowest
//! grade), that is **1**. Keeping the older r3 instead: overall mean =
//! (100 + 215/3 + 42.5 + 0 + 85)/5 ≈ 59.83; raw total mean = 990/5 = 198,
//! still 中; follow-ups 2 (the old r3 has fixed = no, a bottom box, and
//! grade 差).

use std::collections::BTreeMap;

use canvass_core::export::{Export, ExportedSurvey};
use canvass_core::response::{Answers, Response, SurveyRef};
use canvass_core::survey::Value;
use canvass_core::LoadedSurvey;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/office/");

fn sample(name: &str) -> LoadedSurvey {
    let path = format!("{}/../samples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    canvass_core::load(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn identity(l: &LoadedSurvey) -> SurveyRef {
    SurveyRef { id: l.survey.id.clone(), version: l.survey.version.clone(), hash: l.survey.hash.clone() }
}

const REPAIR_CHOICES: [&str; 7] =
    ["response_speed", "punctuality", "technician_attitude", "repair_quality", "cleanliness", "charges", "overall"];

/// A repair-callback response: `level(question)` gives each choice answer.
#[allow(clippy::too_many_arguments)]
fn repair(
    l: &LoadedSurvey,
    n: u128,
    completed: &str,
    level: &dyn Fn(&str) -> &'static str,
    fixed: bool,
    repair_type: &str,
    interviewer: &str,
    comment: &str,
) -> Response {
    let mut answers = Answers::new();
    for q in REPAIR_CHOICES {
        answers.insert(q.into(), level(q).into());
    }
    answers.insert("first_visit_fixed".into(), fixed.into());
    answers.insert("repair_type".into(), repair_type.into());
    if !comment.is_empty() {
        answers.insert("comments".into(), comment.into());
    }
    response(l, n, completed, answers, interviewer)
}

fn response(l: &LoadedSurvey, n: u128, completed: &str, answers: Answers, interviewer: &str) -> Response {
    let score = l.scoring.score(&answers, &Default::default()).expect("fixture answers are valid");
    let mut meta = BTreeMap::new();
    meta.insert("interviewer".to_string(), interviewer.to_string());
    meta.insert("locale".to_string(), "zh-cn".to_string());
    Response {
        // Fixed v4-shaped ids so the files are stable.
        id: uuid::Uuid::from_u128(0x0ffc_e000_0000_4000_8000_0000_0000_0000 | n),
        survey: identity(l),
        started_at: completed.replace(":30:00", ":21:00"),
        completed_at: Some(completed.into()),
        answers,
        meta,
        score: Some(score),
        visit: None,
    }
}

fn export(l: &LoadedSurvey, responses: Vec<Response>, at: &str) -> String {
    let survey = ExportedSurvey { identity: identity(l), title: l.survey.title.clone() };
    Export::new(survey, responses, at.into()).to_json() + "\n"
}

fn files() -> Vec<(&'static str, String)> {
    let l = sample("property-repair-callback");
    let all = |v: &'static str| move |_: &str| v;
    let r1 = repair(&l, 1, "2026-07-15T10:30:00+08:00", &all("very_satisfied"), true, "plumbing_electrical", "王芳", "师傅很专业");
    let r2 = repair(&l, 2, "2026-08-20T14:30:00+08:00", &all("satisfied"), true, "doors_windows", "李强", "");
    let r3_old = repair(&l, 3, "2026-10-10T09:30:00+08:00", &all("neutral"), false, "walls_floors", "王芳", "等了很久");
    let r3_new_level = |q: &str| if q == "cleanliness" { "not_applicable" } else { "satisfied" };
    let r3_new = repair(&l, 3, "2026-10-11T09:30:00+08:00", &r3_new_level, true, "walls_floors", "王芳", "第二次上门解决了");
    let mut r4 = repair(&l, 4, "2026-11-02T16:30:00+08:00", &all("very_dissatisfied"), false, "common_areas", "李强", "态度差，没修好");
    // Shown for a dissatisfied overall answer (not scored).
    r4.answers.insert("overall_problem".into(), "电梯灯修了三次还不亮".into());
    let r5_level = |q: &str| {
        if ["response_speed", "punctuality", "technician_attitude"].contains(&q) { "very_satisfied" } else { "satisfied" }
    };
    let r5 = repair(&l, 5, "2026-11-20T11:30:00+08:00", &r5_level, true, "plumbing_electrical", "李强", "");

    let p = sample("power-utility-annual");
    let power = |n: u128, level: &'static str, ct: &str| {
        let mut answers = Answers::new();
        answers.insert("customer_type".into(), ct.into());
        for q in ["reliability_outages", "reliability_voltage", "safety_facilities", "safety_guidance", "overall"] {
            answers.insert(q.into(), level.into());
        }
        answers.insert("nps".into(), Value::from(9));
        response(&p, 100 + n, "2026-11-05T10:30:00+08:00", answers, "赵敏")
    };
    vec![
        ("device-1.json", export(&l, vec![r1.clone(), r2, r3_old], "2026-11-21T18:00:00+08:00")),
        // A duplicate of r1 (the same record exported twice) and r4.
        ("device-2.json", export(&l, vec![r1, r4], "2026-11-22T18:00:00+08:00")),
        // r3 edited on another device later: a conflict; and r5.
        ("device-3.json", export(&l, vec![r3_new, r5], "2026-11-22T19:00:00+08:00")),
        ("power-utility.json", export(&p, vec![power(1, "very_satisfied", "residential"), power(2, "satisfied", "commercial")], "2026-11-22T20:00:00+08:00")),
    ]
}

#[test]
fn the_office_fixtures_are_what_core_makes() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    for (name, text) in files() {
        let path = format!("{DIR}{name}");
        if update {
            std::fs::write(&path, &text).unwrap();
        } else {
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(committed == text, "{path} differs from what core makes; regenerate with UPDATE_FIXTURES=1");
        }
    }
}

/// The hand-computed numbers above, checked through core's merge and
/// aggregate (the e2e test checks the same numbers on the dashboard).
#[test]
fn the_merged_fixtures_give_the_hand_computed_report() {
    use canvass_core::aggregate::{aggregate, AggregateOptions};
    use canvass_core::merge::merge_files;
    let raw: Vec<(String, String)> = files().into_iter().map(|(n, t)| (n.to_owned(), t)).collect();
    let out = merge_files(raw, None, &|_, _| false);
    let m = out.merged.as_ref().unwrap();
    assert_eq!((m.files, m.records_read, m.duplicates, m.conflicts.len(), m.records.len()), (3, 7, 1, 1, 5));
    assert_eq!(out.other_survey(), 1);
    let l = sample("property-repair-callback");
    let report = aggregate(&l.scoring, &l.survey, &l.analysis, &m.records, &AggregateOptions::default()).unwrap();
    let t = &report.total;
    assert_eq!(t.n, 5);
    assert!((t.overall.summary.mean.unwrap() - 66.0).abs() < 1e-9);
    assert!((t.raw_total.mean.unwrap() - 212.0).abs() < 1e-9);
    assert_eq!(canvass_core::dashboard::group_grade(&l.scoring, t).as_deref(), Some("中"));
    assert_eq!(t.satisfaction.unwrap().rate, Some(0.8));
    assert_eq!(t.follow_ups, 1);

    let mut m = m.clone();
    m.choose_other(0).unwrap();
    let report = aggregate(&l.scoring, &l.survey, &l.analysis, &m.records, &AggregateOptions::default()).unwrap();
    assert!((report.total.overall.summary.mean.unwrap() - (100.0 + 215.0 / 3.0 + 42.5 + 85.0) / 5.0).abs() < 1e-9);
    assert!((report.total.raw_total.mean.unwrap() - 198.0).abs() < 1e-9);
    assert_eq!(report.total.follow_ups, 2);
}

/// The office uses a record's stored score when it was made by this scorer
/// for this definition: the report is the same as re-scoring, a tampered
/// stored score is really used (so the path is exercised), and a stored
/// score claiming another definition is ignored and the record re-scored.
#[test]
fn stored_scores_are_used_only_for_the_same_definition_and_rules() {
    use canvass_core::aggregate::{AggregateOptions, NoLogic, Prepared};
    use canvass_core::merge::merge_files;
    let raw: Vec<(String, String)> = files().into_iter().map(|(n, t)| (n.to_owned(), t)).collect();
    let records = merge_files(raw, None, &|_, _| false).merged.unwrap().records;
    let l = sample("property-repair-callback");
    let (m, s, a, hash) = (&l.scoring, &l.survey, &l.analysis, l.survey.hash.as_str());
    let options = AggregateOptions::default();
    let rescored = Prepared::new(m, s, a, &records, &NoLogic).unwrap().report(&options).unwrap();
    let stored = Prepared::new_using_stored(m, s, a, &records, &NoLogic, hash).unwrap().report(&options).unwrap();
    assert_eq!(rescored, stored);

    let mut tampered = records.clone();
    let r4 = tampered.iter_mut().find(|r| r.id.as_u128() & 0xff == 4).unwrap();
    r4.score.as_mut().unwrap().overall = Some(50.0);
    let used = Prepared::new_using_stored(m, s, a, &tampered, &NoLogic, hash).unwrap().report(&options).unwrap();
    assert!((used.total.overall.summary.mean.unwrap() - 76.0).abs() < 1e-9, "(330 + 50)/5");
    let r4 = tampered.iter_mut().find(|r| r.id.as_u128() & 0xff == 4).unwrap();
    r4.survey.hash = "another definition".into();
    let ignored = Prepared::new_using_stored(m, s, a, &tampered, &NoLogic, hash).unwrap().report(&options).unwrap();
    assert!((ignored.total.overall.summary.mean.unwrap() - 66.0).abs() < 1e-9);
}
