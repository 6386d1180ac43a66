use std::collections::BTreeMap;
use std::rc::Rc;

use canvass_core::response::{Response, SurveyRef};
use serde_json::json;

use super::super::*;

fn response(n: u8, completed: bool) -> Response {
    Response {
        id: uuid::Builder::from_random_bytes([n; 16]).into_uuid(),
        survey: SurveyRef {
            id: "s".into(),
            version: "1".into(),
            hash: "h".into(),
        },
        started_at: "2026-11-23T16:20:05+08:00".into(),
        completed_at: completed.then(|| "2026-11-23T16:25:00+08:00".into()),
        answers: BTreeMap::from([("q1".to_owned(), json!(n))]),
        meta: BTreeMap::new(),
        score: None,
        visit: None,
    }
}

fn stores() -> (Rc<MemoryBackend>, ResponseStore) {
    let backend = Rc::new(MemoryBackend::default());
    let store = ResponseStore::new(backend.clone());
    (backend, store)
}

#[test]
fn a_draft_survives_a_new_store_instance() {
    let (backend, store) = stores();
    let draft = Draft {
        response: response(1, false),
        page: 2,
    };
    store.save_draft("s", &draft).unwrap();
    let again = ResponseStore::new(backend);
    assert_eq!(again.draft("s"), Some(draft));
    assert!(again.take_notices().is_empty());
}

#[test]
fn responses_append_in_order() {
    let (backend, store) = stores();
    store.append_response("s", &response(1, true)).unwrap();
    store.append_response("s", &response(2, true)).unwrap();
    let ids: Vec<_> = ResponseStore::new(backend)
        .responses("s")
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, vec![response(1, true).id, response(2, true).id]);
}

#[test]
fn a_corrupt_draft_is_moved_aside_not_dropped() {
    let (backend, store) = stores();
    for (n, raw) in ["{not json", "{\"page\": 1}"].into_iter().enumerate() {
        backend.set("canvass.draft.s", raw).unwrap();
        assert_eq!(store.draft("s"), None);
        let moved = format!("canvass.quarantine.canvass.draft.s.{n}");
        assert_eq!(backend.get(&moved).as_deref(), Some(raw));
        assert_eq!(backend.get("canvass.draft.s"), None);
        let notices = store.take_notices();
        assert!(
            matches!(&notices[..], [StoreNotice::Quarantined { moved_to, .. }] if *moved_to == moved),
            "{notices:?}"
        );
    }
}

#[test]
fn unreadable_responses_are_set_aside_and_the_rest_still_load() {
    let (backend, store) = stores();
    let good = serde_json::to_value(response(1, true)).unwrap();
    let list = json!([good, {"id": "nonsense"}]);
    backend
        .set("canvass.responses.s", &list.to_string())
        .unwrap();
    assert_eq!(store.responses("s"), vec![response(1, true)]);
    let moved = backend
        .get("canvass.quarantine.canvass.responses.s.0")
        .unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&moved).unwrap(),
        json!([{"id": "nonsense"}])
    );
    assert_eq!(store.take_notices().len(), 1);
    // The rewritten list is clean: reading again reports nothing.
    assert_eq!(store.responses("s").len(), 1);
    assert!(store.take_notices().is_empty());
}

#[test]
fn a_refused_write_keeps_the_value_in_memory_and_in_the_backup() {
    let (backend, store) = stores();
    backend.set_fail_writes(true);
    let draft = Draft {
        response: response(3, false),
        page: 1,
    };
    let err = store.save_draft("s", &draft).unwrap_err();
    assert!(err.to_string().contains("canvass.draft.s"), "{err}");
    assert!(store.append_response("s", &response(4, true)).is_err());
    assert_eq!(store.draft("s"), Some(draft.clone()));
    assert_eq!(store.responses("s").len(), 1);
    assert_eq!(store.unsaved_keys().len(), 2);

    let backup: serde_json::Value = serde_json::from_str(&store.backup_json("now")).unwrap();
    assert_eq!(backup["format"], "canvass-backup");
    assert_eq!(backup["drafts"]["s"]["page"], 1);
    assert_eq!(backup["responses"]["s"].as_array().map(Vec::len), Some(1));

    backend.set_fail_writes(false);
    store.save_draft("s", &draft).unwrap();
    assert_eq!(store.unsaved_keys(), vec!["canvass.responses.s".to_owned()]);
}

#[test]
fn a_corrupt_value_stays_put_when_it_cannot_be_moved() {
    let (backend, store) = stores();
    backend.set("canvass.draft.s", "garbage").unwrap();
    backend.set_fail_writes(true);
    assert_eq!(store.draft("s"), None);
    assert_eq!(backend.get("canvass.draft.s").as_deref(), Some("garbage"));
    assert!(matches!(
        &store.take_notices()[..],
        [StoreNotice::QuarantineFailed { .. }]
    ));
}

#[test]
fn surveys_are_listed_by_id() {
    let (_backend, store) = stores();
    store.save_survey("a", "{\"id\":\"a\"}").unwrap();
    store.save_survey("b", "{}").unwrap();
    let ids: Vec<_> = store.surveys().into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, vec!["a", "b"]);
    store.quarantine("canvass.survey.b", "does not load");
    assert_eq!(store.surveys().len(), 1);
}

#[test]
fn retrying_a_refused_completion_stores_the_response_once() {
    let (backend, store) = stores();
    store.append_response("s", &response(1, true)).unwrap();
    backend.set_fail_writes(true);
    assert!(store.append_response("s", &response(2, true)).is_err());
    backend.set_fail_writes(false);
    store.append_response("s", &response(2, true)).unwrap();
    let again = ResponseStore::new(backend);
    let ids: Vec<_> = again.responses("s").iter().map(|r| r.id).collect();
    assert_eq!(ids, [response(1, true).id, response(2, true).id]);
}
