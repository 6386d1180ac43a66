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
