//! Merging exports: duplicates, conflicts (newest kept, both reported),
//! mixed surveys refused, and merging a file with itself changes nothing.

use canvass_core::export::{Export, ExportedSurvey};
use canvass_core::merge::{merge, MergeError};
use canvass_core::response::{Answers, Response, SurveyRef};
use canvass_core::survey::LocalizedText;
use proptest::prelude::*;

fn identity(version: &str) -> SurveyRef {
    SurveyRef { id: "s".into(), version: version.into(), hash: "h".into() }
}

fn record(n: u128, completed: &str, answer: i64) -> Response {
    let mut answers = Answers::new();
    answers.insert("q".into(), answer.into());
    Response {
        id: uuid::Uuid::from_u128(n),
        survey: identity("1"),
        started_at: completed.into(),
        completed_at: Some(completed.into()),
        answers,
        meta: Default::default(),
        score: None,
        visit: None,
    }
}

fn export(version: &str, responses: Vec<Response>) -> Export {
    let mut responses = responses;
    for r in &mut responses {
        r.survey = identity(version);
    }
    Export::new(ExportedSurvey { identity: identity(version), title: LocalizedText::plain("S") }, responses, "2026-11-23T00:00:00Z".into())
}

#[test]
fn duplicates_are_dropped_and_conflicts_keep_the_newest() {
    let a = export("1", vec![record(1, "2026-11-01T10:00:00+08:00", 1), record(2, "2026-11-01T10:00:00+08:00", 2)]);
    // Record 2 again, edited later on another device (an earlier instant in
    // UTC would lose: 10:30+08:00 is 02:30Z, later than 10:00+08:00).
    let b = export("1", vec![record(1, "2026-11-01T10:00:00+08:00", 1), record(2, "2026-11-01T10:30:00+08:00", 5), record(3, "2026-11-02T08:00:00Z", 3)]);
    let m = merge(&[("a.json".into(), a), ("b.json".into(), b)]).unwrap();
    assert_eq!((m.files, m.records_read, m.duplicates, m.records.len()), (2, 5, 1, 3));
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!((c.kept_from.as_str(), c.dropped_from.as_str()), ("b.json", "a.json"));
    assert_eq!(c.kept.answers["q"], 5);
    assert_eq!(c.dropped.answers["q"], 2);
    assert_eq!(m.records[1].answers["q"], 5, "the newest version replaces the old in place");

    // The older version arriving second loses.
    let old_second = merge(&[
        ("new.json".into(), export("1", vec![record(2, "2026-11-01T11:00:00+08:00", 5)])),
        ("old.json".into(), export("1", vec![record(2, "2026-11-01T10:00:00+08:00", 2)])),
    ])
    .unwrap();
    assert_eq!(old_second.records[0].answers["q"], 5);
    assert_eq!(old_second.conflicts[0].kept_from, "new.json");
}

#[test]
fn another_version_is_refused_naming_both_files() {
    let err = merge(&[("a.json".into(), export("1", vec![])), ("b.json".into(), export("2", vec![]))]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "b.json: answers survey \"s\" version \"2\", but a.json answers \"s\" version \"1\"; merge one survey version at a time"
    );
    assert_eq!(merge(&[]).unwrap_err(), MergeError::Empty);
}

proptest! {
    /// Merging an export with itself changes nothing but the duplicate count.
    #[test]
    fn merging_an_export_with_itself_changes_nothing(answers in prop::collection::vec(-10i64..10, 0..30)) {
        let records: Vec<Response> = answers.iter().enumerate()
            .map(|(i, a)| record(i as u128 + 1, "2026-11-01T10:00:00+08:00", *a)).collect();
        let e = export("1", records.clone());
        let once = merge(&[("x".into(), e.clone())]).unwrap();
        let twice = merge(&[("x".into(), e.clone()), ("x".into(), e)]).unwrap();
        prop_assert_eq!(&once.records, &records);
        prop_assert_eq!(&twice.records, &once.records);
        prop_assert_eq!(twice.duplicates, records.len());
        prop_assert!(twice.conflicts.is_empty());
    }
}

// ---- merge_files: raw files as the office receives them ----

use canvass_core::merge::{merge_files, FileOutcome};

fn named(name: &str, e: &Export) -> (String, String) {
    (name.into(), e.to_json())
}

fn never(_: &SurveyRef, _: &SurveyRef) -> bool {
    false
}

#[test]
fn files_merge_one_by_one_and_bad_ones_are_rejected_whole() {
    let a = export("1", vec![record(1, "2026-11-01T10:00:00+08:00", 1), record(2, "2026-11-01T10:00:00+08:00", 2)]);
    let b = export("1", vec![record(2, "2026-11-01T10:00:00+08:00", 2), record(3, "2026-11-01T10:00:00+08:00", 3)]);
    // A file whose second response is broken must not leave its first behind.
    let mut broken = export("1", vec![record(4, "2026-11-01T10:00:00+08:00", 4), record(5, "2026-11-01T10:00:00+08:00", 5)]).to_json();
    broken = broken.replacen("\"startedAt\": \"2026-11-01T10:00:00+08:00\",", "\"startedAt\": 17,", 2);
    let files = vec![
        named("a.json", &a),
        ("broken.json".into(), broken),
        ("notes.txt".into(), "hello".into()),
        named("b.json", &b),
    ];
    let out = merge_files(files, None, &never);
    let m = out.merged.as_ref().unwrap();
    assert_eq!((m.files, m.records_read, m.duplicates, m.records.len()), (2, 4, 1, 3));
    let ids: Vec<u128> = m.records.iter().map(|r| r.id.as_u128()).collect();
    assert_eq!(ids, [1, 2, 3], "nothing of broken.json was imported");
    assert_eq!(out.rejected(), 2);
    match &out.files[1] {
        FileOutcome::Rejected { file, reason } => {
            assert_eq!(file, "broken.json");
            assert!(reason.contains("not a Canvass export") && reason.contains("line"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&out.files[3], FileOutcome::Merged { responses: 2, .. }));
}

#[test]
fn another_survey_or_an_unknown_version_is_reported_not_mixed() {
    let a = export("1", vec![record(1, "2026-11-01T10:00:00+08:00", 1)]);
    let v2 = export("2", vec![record(2, "2026-11-01T10:00:00+08:00", 2)]);
    let mut other = export("1", vec![record(3, "2026-11-01T10:00:00+08:00", 3)]);
    other.survey.identity.id = "t".into();
    for r in &mut other.responses {
        r.survey.id = "t".into();
    }
    let files = vec![named("a.json", &a), named("v2.json", &v2), named("other.json", &other)];
    let out = merge_files(files.clone(), None, &never);
    let m = out.merged.as_ref().unwrap();
    assert_eq!(m.records.len(), 1);
    assert_eq!(out.other_survey(), 2);
    match &out.files[2] {
        FileOutcome::OtherSurvey { reason, responses, .. } => {
            assert_eq!(*responses, 1);
            assert!(reason.starts_with("other.json: answers survey \"t\", not \"s\""), "{reason}");
        }
        o => panic!("{o:?}"),
    }

    // When the definitions score the same, version 2 is combined and its
    // records carry version 1 so that one aggregate covers them.
    let same = |a: &SurveyRef, b: &SurveyRef| a.version == "2" && b.version == "1";
    let out = merge_files(files.clone(), None, &same);
    let m = out.merged.as_ref().unwrap();
    assert_eq!(m.records.len(), 2);
    assert!(m.records.iter().all(|r| r.survey.version == "1"));
    assert!(matches!(&out.files[1], FileOutcome::Combined { .. }));

    // A chosen target: the other survey's file is merged, the rest reported.
    let target = other.survey.identity.clone();
    let out = merge_files(files, Some(&target), &never);
    assert_eq!(out.merged.as_ref().unwrap().records[0].id.as_u128(), 3);
    assert_eq!(out.other_survey(), 2);
}

#[test]
fn nothing_readable_gives_no_merge() {
    let out = merge_files(vec![("x.json".to_string(), "{}")], None, &never);
    assert!(out.merged.is_none());
    assert_eq!(out.rejected(), 1);
}

#[test]
fn a_person_can_keep_the_other_version_of_a_conflict() {
    let a = export("1", vec![record(1, "2026-11-01T10:00:00+08:00", 1), record(2, "2026-11-01T10:00:00+08:00", 2)]);
    let b = export("1", vec![record(2, "2026-11-01T11:00:00+08:00", 9)]);
    let out = merge_files(vec![named("a.json", &a), named("b.json", &b)], None, &never);
    let mut m = out.merged.unwrap();
    assert_eq!(m.records[1].answers["q"], 9, "newest by default");
    m.choose_other(0).unwrap();
    assert_eq!(m.records[1].answers["q"], 2);
    assert_eq!((m.conflicts[0].kept_from.as_str(), m.conflicts[0].dropped_from.as_str()), ("a.json", "b.json"));
    m.choose_other(0).unwrap();
    assert_eq!(m.records[1].answers["q"], 9);
    assert!(m.choose_other(1).is_err());
}

#[test]
fn unknown_optional_fields_of_newer_writers_are_tolerated() {
    let a = export("1", vec![record(1, "2026-11-01T10:00:00+08:00", 1)]);
    let text = a.to_json().replacen("\"answers\"", "\"paradata\": {\"ms\": 5}, \"answers\"", 1);
    let out = merge_files(vec![("a.json".into(), text)], None, &never);
    assert_eq!(out.merged.unwrap().records.len(), 1);
}

#[test]
fn versions_score_the_same_only_when_their_scoring_is_the_same() {
    use canvass_core::merge::same_scoring;
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../samples/property-repair-callback.json")).unwrap();
    let v1 = canvass_core::load(&text).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["version"] = "2".into();
    json["title"] = "Reworded title".into();
    let v2 = canvass_core::load(&json.to_string()).unwrap();
    assert_ne!(v1.survey.hash, v2.survey.hash);
    assert!(same_scoring(&v1, &v2), "a new wording scores the same");
    let changed = json.to_string().replacen("\"score\":50", "\"score\":60", 1);
    let v3 = canvass_core::load(&changed).unwrap();
    assert!(!same_scoring(&v1, &v3), "a changed choice score does not");
}
