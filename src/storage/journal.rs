//! A second copy of every draft in localStorage, written synchronously
//! beside the IndexedDB write. Defence in depth for the case IndexedDB
//! cannot cover by itself: when Chromium finds a database's backing store
//! corrupt it deletes it and opens an empty one (reported to the page as
//! `dataLoss: "total"`), and a user or a cleaner app may delete the
//! IndexedDB data alone. Drafts are small, so each is also kept here, and at
//! start a draft missing from IndexedDB is restored from its copy.
//! localStorage is a separate database that Chromium commits lazily (about
//! a second later), so the copy can be a few answers behind after a kill;
//! IndexedDB, confirmed per write, stays the store the save indicator
//! speaks for. Completed responses are not journalled.
//!
//! The key prefix is `canvass-journal.`, not `canvass.`, so the skeleton's
//! localStorage migration (`legacy_entries`) never takes these keys.

const PREFIX: &str = "canvass-journal.draft.";

fn storage() -> Option<web_sys::Storage> {
    // Native unit tests have no window (web-sys would panic there).
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps `json` as the copy of the draft of `survey`. A refused write
/// (quota, private mode) is ignored: IndexedDB stays the primary store.
pub fn keep(survey: &str, json: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("{PREFIX}{survey}"), json);
    }
}

/// Forgets the copy of the draft of `survey` (completed or discarded).
pub fn forget(survey: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{PREFIX}{survey}"));
    }
}

/// Every kept copy: (survey id, draft JSON).
pub fn copies() -> Vec<(String, String)> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| {
            let survey = k.strip_prefix(PREFIX)?.to_owned();
            Some((survey, s.get_item(&k).ok().flatten()?))
        })
        .collect()
}

/// Puts back every draft that has a kept copy but is missing from
/// IndexedDB (a database reset or deleted under the app). Returns how
/// many were restored.
pub async fn restore<B: super::Backend + 'static>(records: &std::rc::Rc<super::Records<B>>) -> usize {
    let mut restored = 0;
    for (survey, json) in copies() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) else {
            continue;
        };
        if let Ok(None) = records.get::<serde_json::Value>(super::DRAFTS, &survey).await {
            if records.put(super::DRAFTS, &survey, &value).await.is_ok() {
                restored += 1;
            }
        }
    }
    restored
}
