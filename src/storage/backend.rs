//! Raw string storage. The browser one talks to `window.localStorage`
//! through web-sys directly rather than gloo-storage: gloo's `raw()` throws
//! (and with `panic = "abort"` kills the app) when localStorage is
//! disabled — exactly the private-mode case Canvass must survive.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// A write the storage refused (quota exceeded, storage disabled, …).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BackendError(pub String);

/// String key → string value storage.
pub trait StorageBackend {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&self, key: &str);
    /// Every key present, in no particular order.
    fn keys(&self) -> Vec<String>;
}

/// `window.localStorage`, or nothing when the browser refuses it (every
/// write then fails, so the app warns instead of crashing).
pub struct LocalBackend {
    storage: Option<web_sys::Storage>,
}

impl LocalBackend {
    pub fn new() -> LocalBackend {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        LocalBackend { storage }
    }
}

impl Default for LocalBackend {
    fn default() -> Self {
        LocalBackend::new()
    }
}

fn js_reason(err: wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(err).message().into()
}

impl StorageBackend for LocalBackend {
    fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        let storage = self
            .storage
            .as_ref()
            .ok_or_else(|| BackendError("localStorage is unavailable".into()))?;
        storage
            .set_item(key, value)
            .map_err(|e| BackendError(js_reason(e)))
    }

    fn remove(&self, key: &str) {
        if let Some(s) = &self.storage {
            let _ = s.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(s) = &self.storage else {
            return Vec::new();
        };
        let n = s.length().unwrap_or(0);
        (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
    }
}

/// An in-memory backend for tests; `fail_writes` simulates a full disk.
#[derive(Default)]
pub struct MemoryBackend {
    map: RefCell<BTreeMap<String, String>>,
    fail_writes: Cell<bool>,
}

impl MemoryBackend {
    /// Makes every later write fail (or succeed again).
    pub fn set_fail_writes(&self, fail: bool) {
        self.fail_writes.set(fail);
    }
}

impl StorageBackend for MemoryBackend {
    fn get(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        if self.fail_writes.get() {
            return Err(BackendError("quota exceeded".into()));
        }
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.map.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.map.borrow().keys().cloned().collect()
    }
}

impl<T: StorageBackend + ?Sized> StorageBackend for std::rc::Rc<T> {
    fn get(&self, key: &str) -> Option<String> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) {
        (**self).remove(key)
    }
    fn keys(&self) -> Vec<String> {
        (**self).keys()
    }
}
