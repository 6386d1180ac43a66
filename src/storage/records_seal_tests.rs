//! The store with at-rest encryption on (`seal.rs`): storage sees only
//! sealed text, memory keeps plain values, reads without the PIN are
//! `Locked` (never quarantined), and the PIN opens every session's records.

use std::collections::BTreeMap;
use std::future::{ready, Future};
use std::pin::Pin;
use std::rc::Rc;

use canvass_core::response::Response;
use serde_json::{json, Value};

use super::tests::run;
use super::*;
use crate::storage::kind::{DRAFTS, FOLLOWUPS, PARADATA};
use crate::storage::seal::{Key, Writer};
use crate::storage::{Draft, MemoryBackend};

/// Keys by session, as the device's private key would derive them.
struct Keys(BTreeMap<String, Key>);

impl Opener for Keys {
    fn derive(
        &self,
        epks: Vec<String>,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<(String, Key)>, String>>>> {
        let found = epks
            .into_iter()
            .filter_map(|e| self.0.get(&e).map(|k| (e, *k)))
            .collect();
        Box::pin(ready(Ok(found)))
    }
}

/// Two sessions' keys (base64 names, as real `epk`s are).
const A: (&str, Key) = ("QUFBQQ==", [1; 32]);
const B: (&str, Key) = ("QkJCQg==", [2; 32]);

fn keys() -> Rc<dyn Opener> {
    Rc::new(Keys(BTreeMap::from([
        (A.0.to_owned(), A.1),
        (B.0.to_owned(), B.1),
    ])))
}

/// A store of `backend` sealing as session `s` (a new page load).
fn session(backend: &MemoryBackend, s: (&str, Key)) -> Rc<Records<MemoryBackend>> {
    let store = Records::new(backend.clone());
    store.set_writer(Some(Writer::new(s.0.to_owned(), &s.1)));
    store
}

/// A response with a phone number, to look for in what is stored.
fn response(n: u8) -> Response {
    let mut r = super::tests::response(n);
    r.answers = BTreeMap::from([("phone".to_owned(), json!(format!("1380000000{n}")))]);
    r
}

fn stored_text(backend: &MemoryBackend, kind: Kind, id: &str) -> String {
    match backend.raw(kind, id) {
        Some(Raw::Good(env)) => env.data,
        other => panic!("{other:?}"),
    }
}

#[test]
fn sealed_records_hold_no_plain_text_but_keep_their_index_marks() {
    let backend = MemoryBackend::default();
    let store = session(&backend, A);
    run(store.append_response(&response(1))).unwrap();
    let id = response(1).id.to_string();
    let text = stored_text(&backend, RESPONSES, &id);
    assert!(text.starts_with("~1.QUFBQQ==."), "{text}");
    assert!(!text.contains("13800000001"));
    // Counting needs no key: the index marks stay plain.
    assert_eq!(run(store.unexported_count()).unwrap(), 1);
    assert_eq!(run(store.completed_count("s")).unwrap(), 1);
    // The draft being filled stays open (a reload in respondent mode
    // resumes it without the PIN), and so does its paradata.
    let draft = Draft {
        response: response(2),
        page: 0,
    };
    run(store.put(DRAFTS, "s", &draft)).unwrap();
    run(store.put(PARADATA, "draft:s", &json!({"q": 1}))).unwrap();
    assert!(stored_text(&backend, DRAFTS, "s").contains("13800000002"));
    assert!(!stored_text(&backend, PARADATA, "draft:s").starts_with("~1."));
}

#[test]
fn without_the_pin_reads_are_locked_and_nothing_is_quarantined() {
    let backend = MemoryBackend::default();
    run(session(&backend, A).append_response(&response(1))).unwrap();
    let later = session(&backend, B);
    assert!(!later.met_locked());
    let err = run(later.all::<Response>(RESPONSES)).unwrap_err();
    assert_eq!(err, StoreError::Locked { kind: "responses" });
    assert!(err.to_string().contains("PIN"));
    let id = response(1).id.to_string();
    assert_eq!(
        run(later.get::<Response>(RESPONSES, &id)),
        Err(StoreError::Locked { kind: "responses" })
    );
    assert!(later.met_locked());
    assert!(backend.ids(QUARANTINE).is_empty());
    assert_eq!(backend.ids(RESPONSES), [id]);
    // A completion still stores (sealed with this session's key).
    run(later.append_response(&response(2))).unwrap();
    assert_eq!(run(later.unexported_count()).unwrap(), 2);
    let text = stored_text(&backend, RESPONSES, &response(2).id.to_string());
    assert!(text.starts_with("~1.QkJCQg==."));
}

#[test]
fn the_pin_opens_every_sessions_records_and_handing_over_forgets_them() {
    let backend = MemoryBackend::default();
    run(session(&backend, A).append_response(&response(1))).unwrap();
    run(session(&backend, B).append_response(&response(2))).unwrap();
    let store = session(&backend, B);
    store.set_opener(Some(keys()));
    assert!(store.is_open());
    let all = run(store.responses_of("s")).unwrap();
    assert_eq!(all, [response(1), response(2)]);
    // Exporting marks re-seal with this session's key.
    run(store.mark_exported(&[response(1).id.to_string()])).unwrap();
    assert_eq!(run(store.unexported_count()).unwrap(), 1);
    assert!(stored_text(&backend, RESPONSES, &response(1).id.to_string()).starts_with("~1.QkJCQg==."));
    store.set_opener(None);
    assert_eq!(
        run(store.responses_of("s")),
        Err(StoreError::Locked { kind: "responses" })
    );
}

#[test]
fn a_damaged_sealed_record_is_quarantined_once_the_pin_is_given() {
    let backend = MemoryBackend::default();
    let store = session(&backend, A);
    run(store.append_response(&response(1))).unwrap();
    run(store.put(FOLLOWUPS, "f1", &json!({"a": 1}))).unwrap();
    // Planted: a sealed text moved from another record, and one whose
    // session no key derives.
    let moved = stored_text(&backend, RESPONSES, &response(1).id.to_string());
    let mut env = encode(FOLLOWUPS, "f2", &json!({}));
    env.data = moved;
    backend.plant(FOLLOWUPS, Raw::Good(env));
    let mut orphan = encode(FOLLOWUPS, "f3", &json!({}));
    orphan.data = "~1.Wlpa.AAAAAAAAAAAAAAAA.AAAA".into();
    backend.plant(FOLLOWUPS, Raw::Good(orphan));
    store.set_opener(Some(keys()));
    let read = run(store.all::<Value>(FOLLOWUPS)).unwrap();
    assert_eq!(read, [("f1".to_owned(), json!({"a": 1}))]);
    let notices = store.take_notices();
    let text: Vec<String> = notices.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 2, "{text:?}");
    assert!(text[0].contains("followups/f2") && text[0].contains("does not decrypt"), "{text:?}");
    assert!(text[1].contains("followups/f3") && text[1].contains("does not derive"), "{text:?}");
    assert_eq!(backend.ids(QUARANTINE).len(), 2);
}

#[test]
fn a_refused_sealed_write_stays_plain_in_memory_and_in_the_backup() {
    let backend = MemoryBackend::default();
    let store = session(&backend, A);
    run(store.append_response(&response(1))).unwrap();
    backend.set_fail_writes(true);
    assert!(run(store.append_response(&response(2))).is_err());
    // Locked: the stored one stays sealed in the backup, the unsaved one
    // is plain — a failed write never traps an answer behind the PIN.
    let backup: Value = serde_json::from_str(&run(store.backup_json("now"))).unwrap();
    let stored = &backup["responses"][response(1).id.to_string()];
    assert!(stored.as_str().unwrap().starts_with("~1."));
    let unsaved = &backup["responses"][response(2).id.to_string()];
    assert_eq!(unsaved["answers"]["phone"], "13800000002");
    // With the PIN given, the stored one is opened too.
    store.set_opener(Some(keys()));
    let _ = run(store.responses_of("s")).unwrap();
    let backup: Value = serde_json::from_str(&run(store.backup_json("now"))).unwrap();
    assert_eq!(
        backup["responses"][response(1).id.to_string()]["answers"]["phone"],
        "13800000001"
    );
}

#[test]
fn turning_sealing_on_and_off_rewrites_records_with_their_marks() {
    let backend = MemoryBackend::default();
    let plain = Records::new(backend.clone());
    run(plain.append_response(&response(1))).unwrap();
    run(plain.append_response(&response(2))).unwrap();
    run(plain.mark_exported(&[response(1).id.to_string()])).unwrap();
    run(plain.put(FOLLOWUPS, "f1", &json!({"a": 1}))).unwrap();
    let on = session(&backend, A);
    on.set_opener(Some(keys()));
    assert_eq!(run(on.rewrite_all(&[RESPONSES, FOLLOWUPS])).unwrap(), 3);
    for id in [response(1).id.to_string(), response(2).id.to_string()] {
        assert!(stored_text(&backend, RESPONSES, &id).starts_with("~1."));
    }
    assert!(stored_text(&backend, FOLLOWUPS, "f1").starts_with("~1."));
    // The exported mark survived: one unexported, two completed.
    assert_eq!(run(on.unexported_count()).unwrap(), 1);
    assert_eq!(run(on.completed_count("s")).unwrap(), 2);
    on.set_writer(None);
    assert_eq!(run(on.rewrite_all(&[RESPONSES, FOLLOWUPS])).unwrap(), 3);
    assert!(stored_text(&backend, FOLLOWUPS, "f1").starts_with('{'));
    let again = Records::new(backend.clone());
    assert_eq!(run(again.responses_of("s")).unwrap().len(), 2);
    assert_eq!(run(again.unexported_count()).unwrap(), 1);
}
