//! Browser tests of the store over the real `window.localStorage`:
//! a draft and responses written by one store instance are seen by a fresh
//! one (what a reload does), and a corrupt value is moved aside, not lost.
//! Run with `cargo test --target wasm32-unknown-unknown --test storage`.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use canvass::storage::{Draft, LocalBackend, ResponseStore, StorageBackend, StoreNotice};
use canvass_core::response::{Response, SurveyRef};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Each test uses its own survey id and clears its keys first, so tests
/// sharing one browser profile cannot see each other's data.
fn fresh(survey: &str) {
    let storage = local();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .collect();
    for k in keys.into_iter().filter(|k| k.contains(survey)) {
        storage.remove_item(&k).unwrap();
    }
}

fn response(survey: &str, n: u8, completed: bool) -> Response {
    Response {
        id: uuid::Builder::from_random_bytes([n; 16]).into_uuid(),
        survey: SurveyRef {
            id: survey.into(),
            version: "1".into(),
            hash: "abc".into(),
        },
        started_at: "2026-11-23T16:20:05+08:00".into(),
        completed_at: completed.then(|| "2026-11-23T16:31:40+08:00".into()),
        answers: BTreeMap::from([
            ("q1".to_owned(), json!(n)),
            ("m1".to_owned(), json!({"r1": 3})),
        ]),
        meta: BTreeMap::from([("locale".to_owned(), "zh-cn".to_owned())]),
        score: None,
        visit: None,
    }
}

#[wasm_bindgen_test]
fn draft_and_responses_survive_a_remount() {
    let id = "t-roundtrip";
    fresh(id);
    let draft = Draft {
        response: response(id, 1, false),
        page: 2,
    };
    {
        let store = ResponseStore::new(LocalBackend::new());
        store.save_draft(id, &draft).unwrap();
        store.append_response(id, &response(id, 2, true)).unwrap();
        store.append_response(id, &response(id, 3, true)).unwrap();
        assert!(store.unsaved_keys().is_empty());
    }
    // What is in localStorage is the documented shape.
    let raw: serde_json::Value = serde_json::from_str(
        &local()
            .get_item(&format!("canvass.draft.{id}"))
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(raw["page"], 2);
    assert_eq!(raw["response"]["answers"]["q1"], 1);
    assert!(raw["response"].get("completedAt").is_none());

    let remounted = ResponseStore::new(LocalBackend::new());
    assert_eq!(remounted.draft(id), Some(draft));
    let responses = remounted.responses(id);
    assert_eq!(
        responses,
        vec![response(id, 2, true), response(id, 3, true)]
    );
    assert!(remounted.take_notices().is_empty());

    remounted.clear_draft(id);
    assert_eq!(ResponseStore::new(LocalBackend::new()).draft(id), None);
    fresh(id);
}

#[wasm_bindgen_test]
fn a_corrupt_value_is_quarantined_and_the_rest_still_loads() {
    let id = "t-corrupt";
    fresh(id);
    let storage = local();
    storage
        .set_item(&format!("canvass.draft.{id}"), "{\"response\": tru")
        .unwrap();
    let store = ResponseStore::new(LocalBackend::new());
    store.append_response(id, &response(id, 5, true)).unwrap();

    assert_eq!(store.draft(id), None);
    let moved = format!("canvass.quarantine.canvass.draft.{id}.0");
    assert_eq!(
        storage.get_item(&moved).unwrap().as_deref(),
        Some("{\"response\": tru")
    );
    assert_eq!(
        storage.get_item(&format!("canvass.draft.{id}")).unwrap(),
        None
    );
    let notices = store.take_notices();
    assert!(
        matches!(&notices[..], [StoreNotice::Quarantined { moved_to, .. }] if *moved_to == moved),
        "{notices:?}"
    );
    // The responses beside it are untouched.
    assert_eq!(store.responses(id).len(), 1);

    // A second corrupt draft goes to the next slot, keeping the first.
    storage
        .set_item(&format!("canvass.draft.{id}"), "[]")
        .unwrap();
    assert_eq!(ResponseStore::new(LocalBackend::new()).draft(id), None);
    assert_eq!(
        storage
            .get_item(&format!("canvass.quarantine.canvass.draft.{id}.1"))
            .unwrap()
            .as_deref(),
        Some("[]")
    );
    assert!(storage.get_item(&moved).unwrap().is_some());
    fresh(id);
}

#[wasm_bindgen_test]
fn the_backend_lists_and_removes_keys() {
    let backend = LocalBackend::new();
    backend.set("canvass.test.key", "1").unwrap();
    assert!(backend.keys().iter().any(|k| k == "canvass.test.key"));
    backend.remove("canvass.test.key");
    assert_eq!(backend.get("canvass.test.key"), None);
}
