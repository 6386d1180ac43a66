use std::collections::BTreeMap;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use canvass_core::response::{Response, SurveyRef};
use serde_json::{json, Value};

use super::*;
use crate::storage::kind::{DRAFTS, SURVEYS};
use crate::storage::{Draft, MemoryBackend};

/// The memory backend never waits, so one poll finishes any future.
pub(super) fn run<T>(f: impl Future<Output = T>) -> T {
    match pin!(f).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(t) => t,
        Poll::Pending => panic!("the memory backend never waits"),
    }
}

pub(super) fn response(n: u8) -> Response {
    Response {
        id: uuid::Builder::from_random_bytes([n; 16]).into_uuid(),
        survey: SurveyRef {
            id: "s".into(),
            version: "1".into(),
            hash: "h".into(),
        },
        started_at: "2026-11-23T16:20:05+08:00".into(),
        completed_at: Some("2026-11-23T16:25:00+08:00".into()),
        answers: BTreeMap::from([("q1".to_owned(), json!(n))]),
        meta: BTreeMap::new(),
        score: None,
        visit: None,
    }
}

fn draft(n: u8) -> Draft {
    let mut response = response(n);
    response.completed_at = None;
    Draft { response, page: 1 }
}

fn stores() -> (MemoryBackend, Rc<Records<MemoryBackend>>) {
    let backend = MemoryBackend::default();
    (backend.clone(), Records::new(backend))
}

#[test]
fn put_get_delete_and_all_round_trip_across_instances() {
    let (backend, store) = stores();
    run(store.put(DRAFTS, "s", &draft(1))).unwrap();
    run(store.put(DRAFTS, "t", &draft(2))).unwrap();
    let again = Records::new(backend);
    assert_eq!(
        run(again.get::<Draft>(DRAFTS, "s")).unwrap(),
        Some(draft(1))
    );
    let all: Vec<String> = run(again.all::<Draft>(DRAFTS))
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(all, ["s", "t"]);
    run(again.delete(DRAFTS, "s")).unwrap();
    assert_eq!(run(again.get::<Draft>(DRAFTS, "s")).unwrap(), None);
    assert!(again.save_state().is_saved());
}

#[test]
fn append_response_is_idempotent_and_counts_unexported() {
    let (backend, store) = stores();
    run(store.append_response(&response(1))).unwrap();
    run(store.append_response(&response(1))).unwrap();
    run(store.append_response(&response(2))).unwrap();
    assert_eq!(backend.ids(RESPONSES).len(), 2);
    assert_eq!(run(store.unexported_count()).unwrap(), 2);
    assert_eq!(run(store.responses_of("s")).unwrap().len(), 2);
    assert!(run(store.responses_of("other")).unwrap().is_empty());

    run(store.mark_exported(&[response(1).id.to_string()])).unwrap();
    assert_eq!(run(store.unexported_count()).unwrap(), 1);
    // Appending an exported response again keeps it exported.
    run(store.append_response(&response(1))).unwrap();
    assert_eq!(run(store.unexported_count()).unwrap(), 1);
}

#[test]
fn completed_responses_are_counted_per_survey_without_reading_them() {
    let (backend, store) = stores();
    run(store.append_response(&response(1))).unwrap();
    run(store.append_response(&response(2))).unwrap();
    // A visit-only record (not completed) is stored but not counted.
    let mut visit = response(3);
    visit.completed_at = None;
    run(store.append_response(&visit)).unwrap();
    assert_eq!(run(store.completed_count("s")).unwrap(), 2);
    assert_eq!(run(store.completed_count("other")).unwrap(), 0);
    // Exporting keeps the mark; a failed write counts from memory.
    run(store.mark_exported(&[response(1).id.to_string()])).unwrap();
    assert_eq!(run(store.completed_count("s")).unwrap(), 2);
    backend.set_fail_writes(true);
    assert!(run(store.append_response(&response(4))).is_err());
    assert_eq!(run(store.completed_count("s")).unwrap(), 3);
}

#[test]
fn a_refused_write_keeps_the_value_in_memory_and_in_the_backup() {
    let (backend, store) = stores();
    run(store.append_response(&response(1))).unwrap();
    backend.set_fail_writes(true);
    let err = run(store.put(DRAFTS, "s", &draft(3))).unwrap_err();
    assert!(
        err.to_string().contains("drafts/s") && err.to_string().contains("QuotaExceeded"),
        "{err}"
    );
    assert!(run(store.append_response(&response(4))).is_err());
    let state = store.save_state();
    assert!(!state.is_saved());
    assert!(state.failed.unwrap().contains("QuotaExceeded"));
    // Reads see memory.
    assert_eq!(
        run(store.get::<Draft>(DRAFTS, "s")).unwrap(),
        Some(draft(3))
    );
    assert_eq!(run(store.responses_of("s")).unwrap().len(), 2);
    assert_eq!(run(store.unexported_count()).unwrap(), 2);
    assert_eq!(store.unsaved().len(), 2);

    let backup: Value = serde_json::from_str(&run(store.backup_json("now"))).unwrap();
    assert_eq!(backup["format"], "canvass-backup");
    assert_eq!(backup["drafts"]["s"]["page"], 1);
    assert_eq!(backup["responses"].as_object().map(|m| m.len()), Some(2));

    backend.set_fail_writes(false);
    run(store.put(DRAFTS, "s", &draft(3))).unwrap();
    assert_eq!(
        store.unsaved().len(),
        1,
        "the response is still only in memory"
    );
}

#[test]
fn the_backup_leaves_out_exported_responses() {
    let (_backend, store) = stores();
    run(store.append_response(&response(1))).unwrap();
    run(store.append_response(&response(2))).unwrap();
    run(store.mark_exported(&[response(1).id.to_string()])).unwrap();
    let backup: Value = serde_json::from_str(&run(store.backup_json("now"))).unwrap();
    let ids: Vec<&String> = backup["responses"].as_object().unwrap().keys().collect();
    assert_eq!(ids, [&response(2).id.to_string()]);
}

#[test]
fn a_corrupt_record_is_quarantined_and_the_rest_still_load() {
    let (backend, store) = stores();
    run(store.append_response(&response(1))).unwrap();
    let mut bad = encode(RESPONSES, "bad", &json!({"survey": {"id": "s"}}));
    bad.data = "{\"id\": tru".into();
    backend.plant(RESPONSES, Raw::Good(bad));
    backend.plant(
        RESPONSES,
        Raw::Bad {
            id: "odd".into(),
            raw: "42".into(),
            reason: "not a record".into(),
        },
    );
    assert_eq!(run(store.all::<Response>(RESPONSES)).unwrap().len(), 1);
    assert_eq!(backend.ids(RESPONSES), [response(1).id.to_string()]);
    let quarantined = backend.ids(QUARANTINE);
    assert_eq!(quarantined.len(), 2);
    assert!(quarantined
        .iter()
        .any(|id| id.starts_with("responses/bad/")));
    let Some(Raw::Good(q)) = backend.raw(QUARANTINE, &quarantined[0]) else {
        panic!()
    };
    let entry: Value = serde_json::from_str(&q.data).unwrap();
    assert_eq!(entry["raw"], "{\"id\": tru");
    assert_eq!(entry["kind"], "responses");
    let notices = store.take_notices();
    assert_eq!(notices.len(), 2);
    assert!(
        matches!(&notices[0], StoreNotice::Quarantined { key, .. } if key == "responses/bad"),
        "{notices:?}"
    );
    // Read again: clean, nothing new to report.
    assert_eq!(run(store.all::<Response>(RESPONSES)).unwrap().len(), 1);
    assert!(store.take_notices().is_empty());
}

#[test]
fn a_record_from_a_newer_version_is_left_alone() {
    let (backend, store) = stores();
    let mut newer = encode(DRAFTS, "s", &draft(1));
    newer.v = 99;
    backend.plant(DRAFTS, Raw::Good(newer.clone()));
    assert_eq!(run(store.get::<Draft>(DRAFTS, "s")).unwrap(), None);
    assert_eq!(backend.raw(DRAFTS, "s"), Some(Raw::Good(newer)));
    assert!(matches!(
        &store.take_notices()[..],
        [StoreNotice::TooNew { version: 99, .. }]
    ));
}

#[test]
fn a_corrupt_record_stays_put_when_it_cannot_be_moved() {
    let (backend, store) = stores();
    let mut bad = encode(DRAFTS, "s", &draft(1));
    bad.data = "garbage".into();
    backend.plant(DRAFTS, Raw::Good(bad.clone()));
    backend.set_fail_writes(true);
    assert_eq!(run(store.get::<Draft>(DRAFTS, "s")).unwrap(), None);
    assert_eq!(backend.raw(DRAFTS, "s"), Some(Raw::Good(bad)));
    assert!(matches!(
        &store.take_notices()[..],
        [StoreNotice::QuarantineFailed { .. }]
    ));
}

#[test]
fn legacy_values_move_in_without_overwriting_newer_records() {
    let (backend, store) = stores();
    run(store.put(DRAFTS, "s", &draft(9))).unwrap();
    let old = vec![
        (
            "canvass.draft.s".to_owned(),
            serde_json::to_string(&draft(1)).unwrap(),
        ),
        (
            "canvass.draft.t".to_owned(),
            serde_json::to_string(&draft(2)).unwrap(),
        ),
        (
            "canvass.responses.s".to_owned(),
            serde_json::to_string(&[response(3)]).unwrap(),
        ),
        ("canvass.survey.x".to_owned(), "{}".to_owned()),
    ];
    let remove = run(store.migrate_legacy(&old)).unwrap();
    assert_eq!(remove.len(), 4);
    assert_eq!(
        run(store.get::<Draft>(DRAFTS, "s")).unwrap(),
        Some(draft(9)),
        "newer record kept"
    );
    assert_eq!(
        run(store.get::<Draft>(DRAFTS, "t")).unwrap(),
        Some(draft(2))
    );
    assert_eq!(run(store.responses_of("s")).unwrap(), [response(3)]);
    assert_eq!(
        run(store.all::<String>(SURVEYS)).unwrap(),
        [("x".to_owned(), "{}".to_owned())]
    );
    // Running it again (a crash before the keys were deleted) changes nothing.
    run(store.migrate_legacy(&old)).unwrap();
    assert_eq!(backend.ids(RESPONSES).len(), 1);
}

#[test]
fn a_failed_legacy_move_keeps_the_old_keys() {
    let (backend, store) = stores();
    backend.set_fail_writes(true);
    let old = vec![(
        "canvass.draft.s".to_owned(),
        serde_json::to_string(&draft(1)).unwrap(),
    )];
    assert!(run(store.migrate_legacy(&old)).is_err());
}

#[test]
fn without_storage_everything_lives_in_memory() {
    let store = Records::<MemoryBackend>::memory_only("IndexedDB: blocked".into());
    assert!(matches!(
        &store.take_notices()[..],
        [StoreNotice::Unavailable(_)]
    ));
    assert!(run(store.put(DRAFTS, "s", &draft(1))).is_err());
    assert_eq!(
        run(store.get::<Draft>(DRAFTS, "s")).unwrap(),
        Some(draft(1))
    );
    let backup: Value = serde_json::from_str(&run(store.backup_json("now"))).unwrap();
    assert_eq!(backup["drafts"]["s"]["page"], 1);
}
