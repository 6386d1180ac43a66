//! The few things still in `window.localStorage`: the interface language
//! (a harmless setting, read synchronously before the first paint) and the
//! skeleton's `canvass.*` values, read once to be migrated. Through web-sys
//! directly: gloo-storage throws when localStorage is disabled — the
//! private-mode case Canvass must survive.

use super::LOCALE_KEY;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored interface language code, if any.
pub fn locale() -> Option<String> {
    storage()?.get_item(LOCALE_KEY).ok().flatten()
}

/// Remembers the interface language. A refused write is harmless (the
/// default language comes back), so it raises no alarm.
pub fn set_locale(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(LOCALE_KEY, code);
    }
}

/// Every `canvass.*` entry but the locale: what the skeleton stored.
pub fn legacy_entries() -> Vec<(String, String)> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with("canvass.") && k != LOCALE_KEY)
        .filter_map(|k| {
            let v = s.get_item(&k).ok().flatten()?;
            Some((k, v))
        })
        .collect()
}

/// Deletes `keys` (after their values are safely in IndexedDB).
pub fn remove(keys: &[String]) {
    if let Some(s) = storage() {
        for k in keys {
            let _ = s.remove_item(k);
        }
    }
}
