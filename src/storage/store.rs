//! The storage policy: JSON values under `canvass.*` keys, writes that
//! never lose data (a refused value stays in memory and in backups), and
//! reads that move unreadable values aside instead of dropping them.

use std::cell::RefCell;
use std::collections::BTreeMap;

use canvass_core::response::Response;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

use super::*;

/// Drafts, completed responses and loaded surveys over a backend.
pub struct ResponseStore {
    backend: Box<dyn StorageBackend>,
    /// Values whose latest write failed: what storage should hold. Reads
    /// see them first, so the app keeps working from memory.
    unsaved: RefCell<BTreeMap<String, String>>,
    notices: RefCell<Vec<StoreNotice>>,
}

impl ResponseStore {
    pub fn new(backend: impl StorageBackend + 'static) -> ResponseStore {
        ResponseStore {
            backend: Box::new(backend),
            unsaved: RefCell::default(),
            notices: RefCell::default(),
        }
    }

    /// The draft of `survey_id`, if one is stored and readable.
    pub fn draft(&self, survey_id: &str) -> Option<Draft> {
        self.read_json(&draft_key(survey_id))
    }

    pub fn save_draft(&self, survey_id: &str, draft: &Draft) -> Result<(), StoreError> {
        self.write(&draft_key(survey_id), to_json(draft))
    }

    pub fn clear_draft(&self, survey_id: &str) {
        self.remove(&draft_key(survey_id));
    }

    /// The readable completed responses of `survey_id`, oldest first.
    pub fn responses(&self, survey_id: &str) -> Vec<Response> {
        self.response_values(survey_id)
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect()
    }

    /// Appends a completed response. Idempotent by response id: a retry
    /// after a failed write (whose list is still held in memory) replaces
    /// the earlier copy instead of storing the response twice.
    pub fn append_response(&self, survey_id: &str, response: &Response) -> Result<(), StoreError> {
        let id = response.id.to_string();
        let mut list = self.response_values(survey_id);
        list.retain(|v| v.get("id").and_then(Value::as_str) != Some(id.as_str()));
        list.push(serde_json::to_value(response).expect("a response always serialises"));
        self.write(&responses_key(survey_id), to_json(&list))
    }

    /// User-loaded survey definitions: (id, JSON text).
    pub fn surveys(&self) -> Vec<(String, String)> {
        let prefix = survey_key("");
        self.all_keys()
            .into_iter()
            .filter_map(|k| {
                let id = k.strip_prefix(&prefix)?.to_owned();
                Some((id, self.raw(&k)?))
            })
            .collect()
    }

    pub fn save_survey(&self, survey_id: &str, json: &str) -> Result<(), StoreError> {
        self.write(&survey_key(survey_id), json.to_owned())
    }

    /// Moves the value at `key` aside because the app could not use it.
    pub fn quarantine(&self, key: &str, reason: &str) {
        if let Some(raw) = self.raw(key) {
            self.move_aside(key, &raw, reason, true);
        }
    }

    /// The stored interface language code, if any.
    pub fn locale(&self) -> Option<String> {
        self.backend.get(LOCALE_KEY)
    }

    /// Remembers the interface language. A refused write here is harmless
    /// (the default language comes back), so it raises no alarm.
    pub fn set_locale(&self, code: &str) {
        let _ = self.backend.set(LOCALE_KEY, code);
    }

    /// Keys whose latest value exists only in memory.
    pub fn unsaved_keys(&self) -> Vec<String> {
        self.unsaved.borrow().keys().cloned().collect()
    }

    /// Notices since the last call.
    pub fn take_notices(&self) -> Vec<StoreNotice> {
        std::mem::take(&mut self.notices.borrow_mut())
    }

    /// Everything Canvass holds — drafts, responses, loaded surveys,
    /// quarantined values — including values storage refused, as one JSON
    /// document to keep when storage fails.
    pub fn backup_json(&self, created_at: &str) -> String {
        let mut groups: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
        for key in self.all_keys() {
            let Some(raw) = self.raw(&key) else { continue };
            let Some((group, name)) = classify(&key) else {
                continue;
            };
            let value = match group {
                "surveys" | "quarantine" => Value::String(raw),
                _ => serde_json::from_str(&raw).unwrap_or(Value::String(raw)),
            };
            groups
                .entry(group)
                .or_default()
                .insert(name.to_owned(), value);
        }
        let mut doc = json!({ "format": "canvass-backup", "createdAt": created_at });
        for (group, map) in groups {
            doc[group] = Value::Object(map);
        }
        serde_json::to_string_pretty(&doc).expect("a JSON value always serialises")
    }

    fn response_values(&self, survey_id: &str) -> Vec<Value> {
        let key = responses_key(survey_id);
        let Some(list) = self.read_json::<Vec<Value>>(&key) else {
            return Vec::new();
        };
        let (good, bad): (Vec<Value>, Vec<Value>) = list
            .into_iter()
            .partition(|v| serde_json::from_value::<Response>(v.clone()).is_ok());
        if !bad.is_empty() {
            let reason = format!(
                "{} of the stored responses are not Canvass responses",
                bad.len()
            );
            if self.move_aside(&key, &to_json(&bad), &reason, false) {
                let _ = self.write(&key, to_json(&good));
            }
        }
        good
    }

    fn all_keys(&self) -> Vec<String> {
        let mut keys = self.backend.keys();
        keys.retain(|k| k.starts_with(PREFIX));
        keys.extend(self.unsaved.borrow().keys().cloned());
        canvass_core::small_sort::sort_small_by(&mut keys, String::cmp);
        keys.dedup();
        keys
    }

    fn raw(&self, key: &str) -> Option<String> {
        let unsaved = self.unsaved.borrow().get(key).cloned();
        unsaved.or_else(|| self.backend.get(key))
    }

    fn read_json<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        let raw = self.raw(key)?;
        // Through `Value` on purpose: every stored type is then decoded by
        // one instantiation of its serde code (from a `Value`), not two,
        // which keeps the wasm bundle smaller.
        match serde_json::from_str::<Value>(&raw).and_then(serde_json::from_value) {
            Ok(v) => Some(v),
            Err(e) => {
                self.move_aside(key, &raw, &e.to_string(), true);
                None
            }
        }
    }

    fn write(&self, key: &str, value: String) -> Result<(), StoreError> {
        match self.backend.set(key, &value) {
            Ok(()) => {
                self.unsaved.borrow_mut().remove(key);
                Ok(())
            }
            Err(e) => {
                self.unsaved.borrow_mut().insert(key.to_owned(), value);
                Err(StoreError::WriteFailed {
                    key: key.to_owned(),
                    reason: e.0,
                })
            }
        }
    }

    fn remove(&self, key: &str) {
        self.unsaved.borrow_mut().remove(key);
        self.backend.remove(key);
    }

    /// Copies `raw` to the first free quarantine slot of `key`; when
    /// `remove_original`, deletes `key` once the copy is safe. Returns
    /// whether the copy was made.
    fn move_aside(&self, key: &str, raw: &str, reason: &str, remove_original: bool) -> bool {
        let slot = (0..)
            .map(|n| quarantine_key(key, n))
            .find(|k| self.raw(k).is_none());
        let slot = slot.expect("some quarantine slot is free");
        let notice = match self.backend.set(&slot, raw) {
            Ok(()) => {
                if remove_original {
                    self.remove(key);
                }
                StoreNotice::Quarantined {
                    key: key.into(),
                    moved_to: slot,
                    reason: reason.into(),
                }
            }
            Err(e) => StoreNotice::QuarantineFailed {
                key: key.into(),
                reason: reason.into(),
                error: e.0,
            },
        };
        let copied = matches!(notice, StoreNotice::Quarantined { .. });
        self.notices.borrow_mut().push(notice);
        copied
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Through `Value`, like `read_json`: one serialiser instantiation per type.
    let value = serde_json::to_value(value).expect("stored values always serialise");
    value.to_string()
}

/// The backup group and entry name of a storage key.
fn classify(key: &str) -> Option<(&'static str, &str)> {
    let groups = [
        ("canvass.draft.", "drafts"),
        ("canvass.responses.", "responses"),
        ("canvass.survey.", "surveys"),
        ("canvass.quarantine.", "quarantine"),
    ];
    groups
        .iter()
        .find_map(|(prefix, group)| Some((*group, key.strip_prefix(prefix)?)))
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
