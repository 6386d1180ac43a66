//! `navigator.storage`: persistent storage is requested once per device
//! (the browser's answer is remembered in localStorage, and later starts
//! ask `persisted()`, which shows no prompt), and `estimate()` for the
//! space used and available.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// localStorage key remembering that persistence was requested.
const ASKED_KEY: &str = "canvass.persist";

/// Space used and the quota, in bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts and old browsers.
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    storage.dyn_into().ok()
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the origin's storage is persistent; asks for it the first time.
/// `None` when the browser has no storage manager.
pub async fn persistence() -> Option<bool> {
    let m = manager()?;
    let asked = local().and_then(|s| s.get_item(ASKED_KEY).ok().flatten());
    let promise = if asked.is_none() {
        m.persist().ok()?
    } else {
        m.persisted().ok()?
    };
    let granted = JsFuture::from(promise).await.ok()?.as_bool()?;
    if let Some(s) = local() {
        let _ = s.set_item(ASKED_KEY, if granted { "granted" } else { "denied" });
    }
    Some(granted)
}

/// The browser's storage estimate for this origin.
pub async fn estimate() -> Option<Estimate> {
    let e: web_sys::StorageEstimate = JsFuture::from(manager()?.estimate().ok()?)
        .await
        .ok()?
        .unchecked_into();
    Some(Estimate {
        usage: e.get_usage()?,
        quota: e.get_quota()?,
    })
}
