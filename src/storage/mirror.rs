//! A second copy of every record but photos, in Cache Storage, beside
//! IndexedDB.
//!
//! Why: Chromium keeps all of an origin's IndexedDB databases in one
//! LevelDB, and when it finds that LevelDB corrupt at open it deletes it
//! and starts an empty one (the upgrade event carries `dataLoss: "total"`,
//! "IndexedDB (database was corrupt): Unknown corruption"). The crash test
//! (tests/e2e/crash.test.mjs) saw exactly this after a SIGKILL of the
//! browser, about once in 500 kills, losing every record at once. Cache
//! Storage is a different store on disk (one file per entry in Chromium's
//! simple cache, its index rebuilt from the files when stale), so one
//! corruption does not take both.
//!
//! A write is confirmed ("saved") only once both copies are written, so
//! the mirror holds everything the app ever said was saved: drafts,
//! responses, visits, follow-ups, paradata, list rows, loaded surveys and
//! settings. When IndexedDB opens as a new database — reset by the browser
//! or deleted under the app — every mirrored record is put back before the
//! app reads anything. Not mirrored: photos and signatures (MEDIA, Blobs;
//! doubling them would halve the photos a phone can hold) and the
//! quarantine (unreadable records kept verbatim). The price is that the
//! text records take their space twice within the origin's quota.
//!
//! The cache's name does not start with `canvass-`, so the service
//! worker's clean-up of old asset caches never deletes it.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::kind::{Kind, MEDIA, QUARANTINE};

#[wasm_bindgen(inline_js = r#"
const NAME = 'mirror.canvass.v1';
const PREFIX = '/__canvass_mirror/';
const url = (db, kind, id) => PREFIX + encodeURIComponent(db) + '/' + kind + '/' + encodeURIComponent(id);
// Opened once per page: `caches.open` on every write cost ~1 ms of main
// thread at 4x throttling (tests/perf/bench.mjs page turn).
let opened = null;
const cache = () => (opened ??= caches.open(NAME).catch((e) => { opened = null; throw e; }));
export function mirror_keep(db, kind, id, text) {
  return cache().then((c) =>
    c.put(url(db, kind, id), new Response(text, { headers: { 'content-type': 'application/json' } })));
}
export function mirror_forget(db, kind, id) {
  return cache().then((c) => c.delete(url(db, kind, id)));
}
export async function mirror_all(db) {
  if (typeof caches === 'undefined' || !(await caches.has(NAME))) return [];
  const c = await caches.open(NAME);
  const out = [];
  for (const req of await c.keys()) {
    const path = new URL(req.url).pathname;
    const own = PREFIX + encodeURIComponent(db) + '/';
    if (!path.startsWith(own)) continue;
    const [kind, id] = path.slice(own.length).split('/');
    const res = await c.match(req);
    if (res) out.push([kind, decodeURIComponent(id), await res.text()]);
  }
  return out;
}
"#)]
extern "C" {
    // Plain (not `async`) imports: the JS starts when called, so copies
    // of one record are written in the order the app issued them.
    #[wasm_bindgen(catch)]
    fn mirror_keep(db: &str, kind: &str, id: &str, text: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn mirror_forget(db: &str, kind: &str, id: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn mirror_all(db: &str) -> Result<Promise, JsValue>;
}

/// Whether records of `kind` are mirrored.
pub fn mirrored(kind: Kind) -> bool {
    kind != MEDIA && kind != QUARANTINE
}

/// Starts writing `text` (the stored object as JSON) as the copy of
/// `kind`/`id` of database `db`, or removing the copy when `text` is `None`.
pub fn start(db: &str, kind: Kind, id: &str, text: Option<&str>) -> JsFuture {
    let started = match text {
        Some(t) => mirror_keep(db, kind.name, id, t),
        None => mirror_forget(db, kind.name, id),
    };
    JsFuture::from(started.unwrap_or_else(|e| Promise::reject(&e)))
}

/// Every copy of database `db`: (kind name, id, stored object as JSON).
pub async fn all(db: &str) -> Result<Vec<(String, String, String)>, JsValue> {
    let list: Array = JsFuture::from(mirror_all(db)?).await?.unchecked_into();
    Ok(list
        .iter()
        .filter_map(|entry| {
            let e: Array = entry.unchecked_into();
            Some((
                e.get(0).as_string()?,
                e.get(1).as_string()?,
                e.get(2).as_string()?,
            ))
        })
        .collect())
}
