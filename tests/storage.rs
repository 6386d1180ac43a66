//! Browser tests of the store over the real IndexedDB (and localStorage
//! for the migration): what one `Records` wrote a fresh one reads back
//! (what a reload does), corrupt records are quarantined while the rest
//! load, the skeleton's localStorage values move in, a missing object
//! store is added to an existing database without losing data, and the
//! latency of a draft write (put → transaction complete) is measured.
//! Run with `cargo test --target wasm32-unknown-unknown --test storage`.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;
use std::rc::Rc;

use canvass::storage::at_rest::{self, AtRestError};
use canvass::storage::{
    open_browser_store, Draft, Idb, Records, StoreError, StoreNotice, DB_NAME, DRAFTS, KINDS,
    QUARANTINE, RESPONSES, SURVEYS,
};
use canvass_core::response::{Response, SurveyRef};
use js_sys::{Function, Promise};
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs `body` as the body of an async JS function of `name` (a database
/// name) and returns its result: raw IndexedDB access for planting and
/// inspecting records behind the store's back.
async fn js(name: &str, body: &str) -> JsValue {
    let f = Function::new_with_args(
        "name",
        &format!(
            "const open = (v) => new Promise((ok, no) => {{ const r = v ? indexedDB.open(name, v) : indexedDB.open(name); \
             r.onupgradeneeded = (e) => {{ if (globalThis.__upgrade) globalThis.__upgrade(r.result); }}; \
             r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); }}); \
             const done = (t) => new Promise((ok, no) => {{ t.oncomplete = ok; t.onerror = () => no(t.error); t.onabort = () => no(t.error); }}); \
             const req = (r) => new Promise((ok, no) => {{ r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); }}); \
             return (async () => {{ {body} }})();"
        ),
    );
    let promise: Promise = f
        .call1(&JsValue::NULL, &name.into())
        .unwrap()
        .unchecked_into();
    JsFuture::from(promise).await.unwrap()
}

async fn delete_db(name: &str) {
    js(
        name,
        "await req(indexedDB.deleteDatabase(name)); return null;",
    )
    .await;
}

/// A fresh test database of its own name, so tests cannot see each other.
async fn fresh(name: &str) -> Rc<Records<Idb>> {
    delete_db(name).await;
    Records::new(Idb::open(name).await.unwrap())
}

fn response(survey: &str, n: u8) -> Response {
    Response {
        id: uuid::Builder::from_random_bytes([n; 16]).into_uuid(),
        survey: SurveyRef {
            id: survey.into(),
            version: "1".into(),
            hash: "abc".into(),
        },
        started_at: "2026-11-23T16:20:05+08:00".into(),
        completed_at: Some("2026-11-23T16:31:40+08:00".into()),
        answers: BTreeMap::from([
            ("q1".to_owned(), json!(n)),
            ("m1".to_owned(), json!({"r1": 3})),
        ]),
        meta: BTreeMap::from([("locale".to_owned(), "zh-cn".to_owned())]),
        score: None,
        visit: None,
    }
}

fn draft(survey: &str, n: u8) -> Draft {
    let mut response = response(survey, n);
    response.completed_at = None;
    Draft { response, page: 2 }
}

#[wasm_bindgen_test]
async fn records_survive_a_new_connection_in_the_documented_shape() {
    let db = "t-roundtrip";
    let store = fresh(db).await;
    store.put(DRAFTS, "s", &draft("s", 1)).await.unwrap();
    store.append_response(&response("s", 2)).await.unwrap();
    store.append_response(&response("s", 3)).await.unwrap();
    store.append_response(&response("s", 3)).await.unwrap();
    store.append_response(&response("other", 4)).await.unwrap();
    assert!(store.save_state().is_saved());

    // What IndexedDB holds is the documented record shape.
    let raw = js(db, "const d = await open(); return await req(d.transaction('drafts').objectStore('drafts').get('s'));").await;
    let get = |k: &str| js_sys::Reflect::get(&raw, &k.into()).unwrap();
    assert_eq!(get("id").as_string().as_deref(), Some("s"));
    assert_eq!(get("v").as_f64(), Some(1.0));
    assert_eq!(get("survey").as_string().as_deref(), Some("s"));
    let data: serde_json::Value = serde_json::from_str(&get("data").as_string().unwrap()).unwrap();
    assert_eq!(data["page"], 2);
    assert_eq!(data["response"]["answers"]["q1"], 1);

    let again = Records::new(Idb::open(db).await.unwrap());
    assert_eq!(
        again.get::<Draft>(DRAFTS, "s").await.unwrap(),
        Some(draft("s", 1))
    );
    assert_eq!(
        again.responses_of("s").await.unwrap(),
        vec![response("s", 2), response("s", 3)]
    );
    assert_eq!(again.unexported_count().await.unwrap(), 3);
    // Completed responses per survey, counted by the `done` index.
    assert_eq!(again.completed_count("s").await.unwrap(), 2);
    assert_eq!(again.completed_count("other").await.unwrap(), 1);
    assert_eq!(again.completed_count("none").await.unwrap(), 0);
    again
        .mark_exported(&[response("s", 2).id.to_string()])
        .await
        .unwrap();
    assert_eq!(again.unexported_count().await.unwrap(), 2);
    again.delete(DRAFTS, "s").await.unwrap();
    assert_eq!(
        Records::new(Idb::open(db).await.unwrap())
            .get::<Draft>(DRAFTS, "s")
            .await
            .unwrap(),
        None
    );
    assert!(again.take_notices().is_empty());
}

#[wasm_bindgen_test]
async fn writes_land_in_call_order_without_awaiting() {
    let db = "t-order";
    let store = fresh(db).await;
    let writes: Vec<_> = (0..20u8)
        .map(|n| store.put(DRAFTS, "s", &draft("s", n)))
        .collect();
    assert!(
        !store.save_state().is_saved(),
        "not saved before any transaction completed"
    );
    // Memory answers reads at once.
    assert_eq!(
        store.get::<Draft>(DRAFTS, "s").await.unwrap(),
        Some(draft("s", 19))
    );
    for w in writes {
        w.await.unwrap();
    }
    assert!(store.save_state().is_saved());
    let again = Records::new(Idb::open(db).await.unwrap());
    assert_eq!(
        again.get::<Draft>(DRAFTS, "s").await.unwrap(),
        Some(draft("s", 19))
    );
}

#[wasm_bindgen_test]
async fn a_corrupt_record_is_quarantined_and_the_rest_still_load() {
    let db = "t-corrupt";
    let store = fresh(db).await;
    store.append_response(&response("s", 1)).await.unwrap();
    js(db, "const d = await open(); const t = d.transaction(['responses', 'drafts'], 'readwrite'); \
            t.objectStore('responses').put({id: 'bad-json', v: 1, data: '{\"id\": tru', survey: 's', unexported: 1}); \
            t.objectStore('responses').put({id: 'no-envelope', answers: {q1: 5}, survey: 's'}); \
            t.objectStore('drafts').put({id: 's', v: 1, data: '[]'}); \
            await done(t); d.close(); return null;").await;
    let again = Records::new(Idb::open(db).await.unwrap());
    assert_eq!(
        again.responses_of("s").await.unwrap(),
        vec![response("s", 1)]
    );
    assert_eq!(again.get::<Draft>(DRAFTS, "s").await.unwrap(), None);
    let notices = again.take_notices();
    assert_eq!(notices.len(), 3, "{notices:?}");
    assert!(
        notices
            .iter()
            .all(|n| matches!(n, StoreNotice::Quarantined { .. })),
        "{notices:?}"
    );
    // Moved, verbatim, not deleted.
    let q = again.all::<serde_json::Value>(QUARANTINE).await.unwrap();
    assert_eq!(q.len(), 3);
    assert!(q
        .iter()
        .any(|(_, e)| e["raw"] == "{\"id\": tru" && e["kind"] == "responses"));
    assert!(q
        .iter()
        .any(|(_, e)| e["id"] == "no-envelope" && e["raw"].as_str().unwrap().contains("\"q1\":5")));
    assert_eq!(again.all::<Response>(RESPONSES).await.unwrap().len(), 1);
    assert!(again.take_notices().is_empty(), "nothing left to report");
}

#[wasm_bindgen_test]
async fn a_missing_store_is_added_to_an_existing_database_keeping_its_records() {
    let db = "t-upgrade";
    delete_db(db).await;
    // A database from an older release: version 1, only `drafts`, one record.
    js(db, "globalThis.__upgrade = (d) => d.createObjectStore('drafts', {keyPath: 'id'}); \
            const d = await open(1); globalThis.__upgrade = null; const t = d.transaction('drafts', 'readwrite'); \
            t.objectStore('drafts').put({id: 'old', v: 1, data: '{\"x\": 1}'}); await done(t); d.close(); return null;").await;
    let store = Records::new(Idb::open(db).await.unwrap());
    let names = js(db, "const d = await open(); const n = [...d.objectStoreNames]; const v = d.version; d.close(); return [n, v];").await;
    let names: js_sys::Array = names.unchecked_into();
    let stores: js_sys::Array = names.get(0).unchecked_into();
    assert_eq!(stores.length() as usize, KINDS.len());
    assert_eq!(names.get(1).as_f64(), Some(2.0));
    assert_eq!(
        store.get::<serde_json::Value>(DRAFTS, "old").await.unwrap(),
        Some(json!({"x": 1}))
    );
    store.put(SURVEYS, "new", &"text".to_owned()).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_skeleton_s_local_storage_moves_in_and_its_keys_go() {
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let id = "t-legacy";
    local
        .set_item(
            &format!("canvass.draft.{id}"),
            &serde_json::to_string(&draft(id, 7)).unwrap(),
        )
        .unwrap();
    local
        .set_item(
            &format!("canvass.responses.{id}"),
            &serde_json::to_string(&[response(id, 8)]).unwrap(),
        )
        .unwrap();
    local
        .set_item(&format!("canvass.survey.{id}"), "{\"id\": \"t-legacy\"}")
        .unwrap();
    local.set_item("canvass.locale", "en").unwrap();

    let store = open_browser_store().await;
    assert_eq!(
        store.get::<Draft>(DRAFTS, id).await.unwrap(),
        Some(draft(id, 7))
    );
    assert_eq!(store.responses_of(id).await.unwrap(), vec![response(id, 8)]);
    assert_eq!(
        store.get::<String>(SURVEYS, id).await.unwrap().as_deref(),
        Some("{\"id\": \"t-legacy\"}")
    );
    for k in ["draft", "responses", "survey"] {
        assert_eq!(
            local.get_item(&format!("canvass.{k}.{id}")).unwrap(),
            None,
            "{k} key deleted"
        );
    }
    assert_eq!(
        local.get_item("canvass.locale").unwrap().as_deref(),
        Some("en"),
        "settings stay"
    );
    // Clean up the real database's test records.
    store.delete(DRAFTS, id).await.unwrap();
    store
        .delete(RESPONSES, &response(id, 8).id.to_string())
        .await
        .unwrap();
    store.delete(SURVEYS, id).await.unwrap();
    let _ = DB_NAME;
}

/// Not a pass/fail timing: prints the median and 95th percentile of 200
/// draft writes (put → `complete`, strict durability) for the report.
#[wasm_bindgen_test]
async fn draft_write_latency() {
    let store = fresh("t-latency").await;
    let perf = web_sys::window().unwrap().performance().unwrap();
    let mut d = draft("s", 1);
    for n in 0..40 {
        d.response.answers.insert(format!("q{n}"), json!(n % 5));
    }
    let mut times = Vec::new();
    for n in 0..200 {
        d.response.answers.insert("q1".into(), json!(n));
        let t0 = perf.now();
        store.put(DRAFTS, "s", &d).await.unwrap();
        times.push(perf.now() - t0);
    }
    times.sort_by(f64::total_cmp);
    console_log!(
        "draft write put→complete over 200 writes: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times[100],
        times[190],
        times[199]
    );
    assert_eq!(store.get::<Draft>(DRAFTS, "s").await.unwrap(), Some(d));
}

/// The Cache Storage mirror (src/storage/mirror.rs): a database deleted
/// under the app (as Chromium deletes one it finds corrupt) opens with
/// every record put back.
#[wasm_bindgen_test]
async fn a_database_deleted_under_the_app_comes_back_from_the_mirror() {
    let db = "t-mirror";
    let store = fresh(db).await;
    store.put(DRAFTS, "s", &draft("s", 7)).await.unwrap();
    store.append_response(&response("s", 8)).await.unwrap();
    delete_db(db).await;
    let idb = Idb::open(db).await.unwrap();
    assert!(idb.restored() >= 2, "restored {}", idb.restored());
    let again = Records::new(idb);
    assert_eq!(
        again.get::<Draft>(DRAFTS, "s").await.unwrap(),
        Some(draft("s", 7))
    );
    assert_eq!(
        again.responses_of("s").await.unwrap(),
        vec![response("s", 8)]
    );
    // Another database's copies are its own.
    let other = fresh("t-mirror-other").await;
    assert_eq!(other.get::<Draft>(DRAFTS, "s").await.unwrap(), None);
}

/// Every stored object of `kind` in `db` and every mirrored copy of it,
/// as one text (what someone copying the browser profile would read).
async fn on_disk(db: &str, kind: &str) -> String {
    let body = format!(
        "const db = await open(); const t = db.transaction('{kind}'); \
         const all = await req(t.objectStore('{kind}').getAll()); db.close(); \
         const c = await caches.open('mirror.canvass.v1'); const copies = []; \
         for (const r of await c.keys()) {{ if (r.url.includes('/' + encodeURIComponent(name) + '/{kind}/')) copies.push(await (await c.match(r)).text()); }} \
         return JSON.stringify(all) + '\\n' + copies.join('\\n');"
    );
    js(db, &body).await.as_string().unwrap()
}

/// At-rest encryption with the real WebCrypto and IndexedDB: turning it
/// on seals what was stored, later writes are sealed without the PIN (in
/// IndexedDB and in the mirror), a reload cannot read them until the PIN
/// is given, a wrong PIN opens nothing, a PIN change re-wraps the key,
/// and turning it off writes everything back in the clear.
#[wasm_bindgen_test]
async fn at_rest_encryption_seals_records_that_only_the_pin_opens() {
    let db = "t-at-rest";
    let store = fresh(db).await;
    store.append_response(&response("s", 1)).await.unwrap();
    assert!(on_disk(db, "responses").await.contains("zh-cn"));
    assert_eq!(at_rest::turn_on(&store, "246813").await.unwrap(), 1);
    store.append_response(&response("s", 2)).await.unwrap();
    store.put(DRAFTS, "s", &draft("s", 3)).await.unwrap();
    let disk = on_disk(db, "responses").await;
    assert!(disk.contains("~1.") && !disk.contains("zh-cn"), "{disk}");
    assert_eq!(disk.matches("~1.").count(), 4, "two records, each in IndexedDB and the mirror");

    // A reload: sealing on at start, nothing opens without the PIN.
    let again = Records::new(Idb::open(db).await.unwrap());
    assert!(at_rest::start(&again).await.unwrap());
    assert_eq!(
        again.responses_of("s").await,
        Err(StoreError::Locked { kind: "responses" })
    );
    assert!(again.met_locked());
    assert_eq!(again.unexported_count().await.unwrap(), 2);
    // The draft being filled resumes without it.
    assert_eq!(
        again.get::<Draft>(DRAFTS, "s").await.unwrap(),
        Some(draft("s", 3))
    );
    // A completion without the PIN is sealed with this session's key.
    again.append_response(&response("s", 4)).await.unwrap();
    assert_eq!(
        at_rest::open(&again, "111111").await,
        Err(AtRestError::WrongPin)
    );
    at_rest::open(&again, "246813").await.unwrap();
    assert!(!again.met_locked());
    let ids = |list: Vec<Response>| list.into_iter().map(|r| r.id).collect::<Vec<_>>();
    let want = ids(vec![response("s", 1), response("s", 2), response("s", 4)]);
    assert_eq!(ids(again.responses_of("s").await.unwrap()), want);

    // A PIN change re-wraps the key: the old PIN no longer opens it.
    at_rest::change_pin(&again, "246813", "135797").await.unwrap();
    let third = Records::new(Idb::open(db).await.unwrap());
    at_rest::start(&third).await.unwrap();
    assert_eq!(at_rest::open(&third, "246813").await, Err(AtRestError::WrongPin));
    at_rest::open(&third, "135797").await.unwrap();
    assert_eq!(ids(third.responses_of("s").await.unwrap()), want);

    // Off: everything back in the clear, and readable without any PIN.
    assert_eq!(at_rest::turn_off(&third, "135797").await.unwrap(), 3);
    assert!(!on_disk(db, "responses").await.contains("~1."));
    let plain = Records::new(Idb::open(db).await.unwrap());
    assert!(!at_rest::start(&plain).await.unwrap());
    assert_eq!(ids(plain.responses_of("s").await.unwrap()), want);
    assert_eq!(plain.unexported_count().await.unwrap(), 3);
}
