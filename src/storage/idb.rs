//! IndexedDB through web-sys, with one helper that turns a request or a
//! transaction into a future (`settled`). No wrapper crate: the whole
//! binding is this file, and the app already links wasm-bindgen-futures.
//!
//! Database `canvass`, one object store per `Kind` (key path `id`), each
//! with the sparse indexes `survey`, `unexported` and `done`. Records are
//! plain objects `{id, v, data, survey?, unexported?: 1, done?: survey}`
//! (a number, because
//! booleans are not IndexedDB keys). Writes use `durability: "strict"`:
//! their `complete` event fires once the data is flushed to disk, which is
//! what "saved" promises (docs/STORAGE.md).

use std::future::Future;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction};

use super::kind::{Kind, DONE_INDEX, KINDS, QUARANTINE, RESPONSES, SURVEY_INDEX, UNEXPORTED_INDEX};
use super::mirror;
use super::record::{Envelope, Raw};
use super::records::Backend;

/// The database name.
pub const DB_NAME: &str = "canvass";

/// An open connection. Clones share it.
#[derive(Clone)]
pub struct Idb {
    db: IdbDatabase,
    /// Chromium's `dataLoss` message when, on this open, it found the
    /// database corrupt and replaced it with an empty one (its
    /// `IDBVersionChangeEvent.dataLoss == "total"`): the app reports it and
    /// restores the mirrored records (src/storage/mirror.rs).
    lost: Option<String>,
    /// Records put back from the mirror because the database opened new.
    restored: usize,
}

/// A future resolving when `target` (a request or a transaction) fires
/// `success`/`complete` — with the request's `result` — and failing with
/// the storage's reason on `error` or `abort`. The handlers are attached
/// now, before any event can fire.
pub(super) fn settled(target: &JsValue) -> impl Future<Output = Result<JsValue, String>> + 'static {
    let promise = Promise::new(&mut |ok: Function, fail: Function| {
        for (event, f) in [
            ("onsuccess", &ok),
            ("oncomplete", &ok),
            ("onerror", &fail),
            ("onabort", &fail),
        ] {
            let _ = Reflect::set(target, &event.into(), f);
        }
    });
    let target = target.clone();
    async move {
        JsFuture::from(promise)
            .await
            .map_err(|event| event_reason(&event))?;
        Ok(Reflect::get(&target, &"result".into()).unwrap_or(JsValue::UNDEFINED))
    }
}

/// "QuotaExceededError: …" from a failed request's or transaction's event.
fn event_reason(event: &JsValue) -> String {
    let error = Reflect::get(event, &"target".into())
        .and_then(|t| Reflect::get(&t, &"error".into()))
        .unwrap_or(JsValue::NULL);
    if error.is_null() || error.is_undefined() {
        return js_reason(event);
    }
    js_reason(&error)
}

/// A thrown value as text: `name: message` for errors and DOMExceptions.
pub(crate) fn js_reason(value: &JsValue) -> String {
    let field = |k: &str| {
        Reflect::get(value, &k.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        (_, Some(message)) => message,
        _ => value.as_string().unwrap_or_else(|| format!("{value:?}")),
    }
}

pub(super) fn err(value: JsValue) -> String {
    js_reason(&value)
}

impl Idb {
    /// Opens (creating or upgrading) the database so that it has a store
    /// and the indexes for every kind in `KINDS`.
    pub async fn open(name: &str) -> Result<Idb, String> {
        let factory = web_sys::window()
            .ok_or("no window")?
            .indexed_db()
            .map_err(err)?
            .ok_or("IndexedDB is not available in this browser")?;
        let mut version = None;
        let lost = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));
        let created = std::rc::Rc::new(std::cell::Cell::new(false));
        for _ in 0..3 {
            let req: IdbOpenDbRequest = match version {
                None => factory.open(name),
                Some(v) => factory.open_with_u32(name, v),
            }
            .map_err(err)?;
            let (seen, new) = (lost.clone(), created.clone());
            let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                let field = |k: &str| {
                    Reflect::get(&ev, &k.into())
                        .ok()
                        .and_then(|v| v.as_string())
                };
                let old = Reflect::get(&ev, &"oldVersion".into())
                    .ok()
                    .and_then(|v| v.as_f64());
                if old == Some(0.0) {
                    new.set(true);
                }
                if field("dataLoss").as_deref() == Some("total") {
                    *seen.borrow_mut() = Some(field("dataLossMessage").unwrap_or_default());
                }
                let Some(req) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
                else {
                    return;
                };
                if let (Ok(db), Some(tx)) = (req.result(), req.transaction()) {
                    let _ = create_missing(&db.unchecked_into(), &tx);
                }
            });
            req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
            let db: IdbDatabase = settled(&req).await?.unchecked_into();
            drop(upgrade);
            if complete(&db).await {
                // Another tab (a newer release) wants to upgrade: let it.
                let close = Closure::<dyn FnMut()>::new({
                    let db = db.clone();
                    move || db.close()
                });
                db.set_onversionchange(Some(close.as_ref().unchecked_ref()));
                close.forget();
                let lost = lost.borrow_mut().take();
                let restored = if created.get() {
                    restore_mirror(&db).await
                } else {
                    0
                };
                return Ok(Idb { db, lost, restored });
            }
            version = Some(db.version() as u32 + 1);
            db.close();
        }
        Err(format!("{name}: the object stores could not be created"))
    }

    /// Whether the browser replaced a corrupt database on this open, and
    /// its reason.
    pub fn lost(&self) -> Option<&str> {
        self.lost.as_deref()
    }

    /// How many records were put back from the mirror at open.
    pub fn restored(&self) -> usize {
        self.restored
    }

    pub(super) fn tx(&self, names: &[&str], write: bool) -> Result<IdbTransaction, JsValue> {
        let names: Array = names.iter().map(|n| JsValue::from_str(n)).collect();
        let options = Object::new();
        if write {
            Reflect::set(&options, &"durability".into(), &"strict".into())?;
        }
        let mode = if write { "readwrite" } else { "readonly" };
        // `transaction(names, mode, {durability})`: web-sys has the options
        // only behind `web_sys_unstable_apis`, so call it by name.
        let f: Function = Reflect::get(&self.db, &"transaction".into())?.unchecked_into();
        Ok(f.call3(&self.db, &names, &mode.into(), &options)?
            .unchecked_into())
    }

    /// Runs `issue` on the stores `names` in one read-write transaction;
    /// resolves once it completed. If issuing throws, the transaction is
    /// aborted so nothing of it lands.
    pub(super) fn write(
        &self,
        names: &[&str],
        issue: &dyn Fn(&IdbTransaction) -> Result<(), JsValue>,
    ) -> impl Future<Output = Result<(), String>> + 'static {
        let refused = simulated_full_disk();
        let issued = refused.map_or_else(|| self.tx(names, true), Err);
        let issued = issued.and_then(|tx| match issue(&tx) {
            Ok(()) => Ok(settled(&tx)),
            Err(e) => {
                let _ = tx.abort();
                Err(e)
            }
        });
        async move { issued.map_err(err)?.await.map(drop) }
    }

    /// One read request on `kind`, resolved with its result.
    pub(super) fn read(
        &self,
        kind: Kind,
        issue: &dyn Fn(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
    ) -> impl Future<Output = Result<JsValue, String>> + 'static {
        let issued = self
            .tx(&[kind.name], false)
            .and_then(|tx| tx.object_store(kind.name))
            .and_then(|s| issue(&s))
            .map(|req| settled(&req));
        async move { issued.map_err(err)?.await }
    }
}

/// The quota test hook (docs/STORAGE.md): while localStorage holds
/// `canvass.test.quota = "full"` on a page served from 127.0.0.1, every
/// write fails, before any transaction starts, as a full disk makes it
/// fail. Chromium's IndexedDB ignores the DevTools quota override, so a
/// real full disk cannot be produced in a test.
fn simulated_full_disk() -> Option<JsValue> {
    let window = web_sys::window()?;
    if window.location().hostname().ok()? != "127.0.0.1" {
        return None;
    }
    let flag = window
        .local_storage()
        .ok()??
        .get_item("canvass.test.quota")
        .ok()??;
    (flag == "full").then(|| {
        let e = js_sys::Error::new("the quota has been exceeded (simulated: canvass.test.quota)");
        e.set_name("QuotaExceededError");
        e.into()
    })
}

/// The transaction's outcome once the mirror copies settled too. A copy
/// that fails (Cache Storage missing or full) does not undo the confirmed
/// IndexedDB write; it is logged to the console.
fn settle_with_copies(
    write: impl Future<Output = Result<(), String>> + 'static,
    copies: Vec<JsFuture>,
) -> impl Future<Output = Result<(), String>> + 'static {
    async move {
        let out = write.await;
        for copy in copies {
            if let Err(e) = copy.await {
                leptos::logging::warn!("canvass: mirror copy failed: {}", js_reason(&e));
            }
        }
        out
    }
}

/// Puts every mirrored record back into a database that opened new (reset
/// by the browser or deleted under the app); returns how many. Unknown
/// kinds and unreadable copies are skipped: the mirror only ever adds.
async fn restore_mirror(db: &IdbDatabase) -> usize {
    let Ok(copies) = mirror::all(&db.name()).await else {
        return 0;
    };
    let copies: Vec<(Kind, JsValue)> = copies
        .into_iter()
        .filter_map(|(kind, _, text)| {
            let kind = *KINDS
                .iter()
                .find(|k| k.name == kind && mirror::mirrored(**k))?;
            Some((kind, js_sys::JSON::parse(&text).ok()?))
        })
        .collect();
    if copies.is_empty() {
        return 0;
    }
    let names: Array = KINDS
        .iter()
        .filter(|k| mirror::mirrored(**k))
        .map(|k| JsValue::from_str(k.name))
        .collect();
    let Ok(tx) =
        db.transaction_with_str_sequence_and_mode(&names, web_sys::IdbTransactionMode::Readwrite)
    else {
        return 0;
    };
    let mut added = 0;
    for (kind, value) in &copies {
        if let Ok(req) = tx.object_store(kind.name).and_then(|s| s.add(value)) {
            KEEP_GOING.with(|f| req.set_onerror(Some(f)));
            added += 1;
        }
    }
    match settled(&tx).await {
        Ok(_) => added,
        Err(_) => 0,
    }
}

/// Whether every kind has its store and indexes.
async fn complete(db: &IdbDatabase) -> bool {
    let names = db.object_store_names();
    if KINDS.iter().any(|k| !names.contains(k.name)) {
        return false;
    }
    let all: Array = KINDS.iter().map(|k| JsValue::from_str(k.name)).collect();
    let Ok(tx) = db.transaction_with_str_sequence(&all) else {
        return false;
    };
    KINDS.iter().all(|k| {
        tx.object_store(k.name)
            .map(|s| {
                let idx = s.index_names();
                idx.contains(SURVEY_INDEX)
                    && idx.contains(UNEXPORTED_INDEX)
                    && idx.contains(DONE_INDEX)
            })
            .unwrap_or(false)
    })
}

/// In an upgrade: creates the missing stores and indexes.
fn create_missing(db: &IdbDatabase, tx: &IdbTransaction) -> Result<(), JsValue> {
    let names = db.object_store_names();
    for kind in KINDS {
        let store = if names.contains(kind.name) {
            tx.object_store(kind.name)?
        } else {
            let params = web_sys::IdbObjectStoreParameters::new();
            params.set_key_path(&"id".into());
            db.create_object_store_with_optional_parameters(kind.name, &params)?
        };
        let idx = store.index_names();
        for index in [SURVEY_INDEX, UNEXPORTED_INDEX, DONE_INDEX] {
            if !idx.contains(index) {
                store.create_index_with_str(index, index)?;
            }
        }
        if *kind == RESPONSES && names.contains(kind.name) && !idx.contains(DONE_INDEX) {
            mark_done(&store)?;
        }
    }
    Ok(())
}

/// The migration that comes with the `done` index: responses stored
/// before it get their `done` mark, inside the same upgrade transaction
/// (all or nothing; a crash upgrades again). Read with one `getAll` and
/// written back; runs once per database.
fn mark_done(store: &IdbObjectStore) -> Result<(), JsValue> {
    let req = store.get_all()?;
    let store = store.clone();
    let on_read = Closure::once_into_js(move |ev: web_sys::Event| {
        let Some(list) = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
        else {
            return;
        };
        for value in Array::from(&list).iter() {
            if let Some(survey) = done_of(&value) {
                if Reflect::set(&value, &"done".into(), &survey.into()).is_ok() {
                    let _ = store.put(&value);
                }
            }
        }
    });
    req.set_onsuccess(Some(on_read.unchecked_ref()));
    Ok(())
}

/// The survey of a stored response record that is completed (its `data`
/// has `completedAt`), else `None`.
fn done_of(value: &JsValue) -> Option<String> {
    let field = |k: &str| Reflect::get(value, &k.into()).ok();
    let survey = field("survey")?.as_string()?;
    let data = field("data")?.as_string()?;
    let parsed = js_sys::JSON::parse(&data).ok()?;
    let completed = Reflect::get(&parsed, &"completedAt".into()).ok()?;
    (!completed.is_null() && !completed.is_undefined()).then_some(survey)
}

/// The stored object of an envelope.
pub(super) fn to_js(env: &Envelope) -> Result<JsValue, JsValue> {
    let o = Object::new();
    Reflect::set(&o, &"id".into(), &env.id.as_str().into())?;
    Reflect::set(&o, &"v".into(), &env.v.into())?;
    Reflect::set(&o, &"data".into(), &env.data.as_str().into())?;
    if let Some(s) = &env.survey {
        Reflect::set(&o, &"survey".into(), &s.as_str().into())?;
    }
    if env.unexported {
        Reflect::set(&o, &"unexported".into(), &1.into())?;
    }
    if let (true, Some(s)) = (env.done, &env.survey) {
        Reflect::set(&o, &"done".into(), &s.as_str().into())?;
    }
    Ok(o.into())
}

/// A stored object read back; anything not of the envelope's shape is
/// `Raw::Bad`, kept as its JSON text.
fn from_js(value: &JsValue) -> Raw {
    let field = |k: &str| Reflect::get(value, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let id = field("id");
    let text_id = id.as_string().unwrap_or_else(|| json_text(&id));
    let (v, data) = (field("v").as_f64(), field("data").as_string());
    match (id.as_string(), v, data) {
        (Some(id), Some(v), Some(data)) if v >= 0.0 && v.fract() == 0.0 => {
            let survey = field("survey").as_string();
            let unexported = !field("unexported").is_undefined();
            let done = !field("done").is_undefined();
            Raw::Good(Envelope {
                id,
                v: v as u32,
                data,
                survey,
                unexported,
                done,
            })
        }
        _ => Raw::Bad {
            id: text_id,
            raw: json_text(value),
            reason: "not a Canvass record {id, v, data}".into(),
        },
    }
}

fn json_text(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

thread_local! {
    /// `event => event.preventDefault()`: an `add` that meets an existing
    /// key then fails alone instead of aborting its transaction.
    static KEEP_GOING: Function = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default();
        e.stop_propagation();
    })
    .into_js_value()
    .unchecked_into();
}

impl Backend for Idb {
    fn put(
        &self,
        kind: Kind,
        records: &[Envelope],
    ) -> impl Future<Output = Result<(), String>> + 'static + use<> {
        let write = self.write(&[kind.name], &|tx| {
            let store = tx.object_store(kind.name)?;
            for r in records {
                store.put(&to_js(r)?)?;
            }
            Ok(())
        });
        // The copies start now, in issue order, and are awaited with the
        // transaction: "saved" means both.
        let db = self.db.name();
        let copies: Vec<_> = records
            .iter()
            .filter(|_| mirror::mirrored(kind))
            .filter_map(|r| {
                let text = json_text(&to_js(r).ok()?);
                Some(mirror::start(&db, kind, &r.id, Some(&text)))
            })
            .collect();
        settle_with_copies(write, copies)
    }

    fn delete(
        &self,
        kind: Kind,
        id: &str,
    ) -> impl Future<Output = Result<(), String>> + 'static + use<> {
        let write = self.write(&[kind.name], &|tx| {
            tx.object_store(kind.name)?.delete(&id.into())?;
            Ok(())
        });
        let copies = if mirror::mirrored(kind) {
            vec![mirror::start(&self.db.name(), kind, id, None)]
        } else {
            Vec::new()
        };
        settle_with_copies(write, copies)
    }

    fn get(
        &self,
        kind: Kind,
        id: &str,
    ) -> impl Future<Output = Result<Option<Raw>, String>> + 'static + use<> {
        let read = self.read(kind, &|s| s.get(&id.into()));
        async move {
            let v = read.await?;
            Ok((!v.is_undefined()).then(|| from_js(&v)))
        }
    }

    fn all(
        &self,
        kind: Kind,
        survey: Option<&str>,
    ) -> impl Future<Output = Result<Vec<Raw>, String>> + 'static + use<> {
        let read = self.read(kind, &|s| match survey {
            Some(id) => s.index(SURVEY_INDEX)?.get_all_with_key(&id.into()),
            None => s.get_all(),
        });
        async move {
            let list: Array = read.await?.unchecked_into();
            Ok(list.iter().map(|v| from_js(&v)).collect())
        }
    }

    fn count_done(
        &self,
        kind: Kind,
        survey: &str,
    ) -> impl Future<Output = Result<u32, String>> + 'static + use<> {
        let read = self.read(kind, &|s| {
            s.index(DONE_INDEX)?.count_with_key(&survey.into())
        });
        async move { Ok(read.await?.as_f64().unwrap_or(0.0) as u32) }
    }

    fn count_unexported(
        &self,
        kind: Kind,
    ) -> impl Future<Output = Result<u32, String>> + 'static + use<> {
        let read = self.read(kind, &|s| s.index(UNEXPORTED_INDEX)?.count());
        async move { Ok(read.await?.as_f64().unwrap_or(0.0) as u32) }
    }

    fn quarantine(
        &self,
        kind: Kind,
        id: &str,
        entry: &Envelope,
    ) -> impl Future<Output = Result<(), String>> + 'static + use<> {
        self.write(&[QUARANTINE.name, kind.name], &|tx| {
            tx.object_store(QUARANTINE.name)?.put(&to_js(entry)?)?;
            tx.object_store(kind.name)?.delete(&id.into())?;
            Ok(())
        })
    }

    fn add_absent(
        &self,
        records: &[(Kind, Envelope)],
    ) -> impl Future<Output = Result<(), String>> + 'static + use<> {
        let mut names: Vec<&str> = records.iter().map(|(k, _)| k.name).collect();
        canvass_core::small_sort::sort_small_by(&mut names, |a, b| a.cmp(b));
        names.dedup();
        self.write(&names, &|tx| {
            for (kind, r) in records {
                let req = tx.object_store(kind.name)?.add(&to_js(r)?)?;
                KEEP_GOING.with(|f| req.set_onerror(Some(f)));
            }
            Ok(())
        })
    }
}
