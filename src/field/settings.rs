//! Small device settings kept in localStorage (read synchronously before
//! the first render, so a reload in respondent mode never shows the home
//! page even for a frame): the interviewer profile, the response-rate
//! target, the PIN record, the respondent lock and the last visit (the
//! next household's form starts from it).

use canvass_core::pin::PinRecord;
use canvass_core::profile::Profile;
use canvass_core::visit::Visit;
use serde::de::DeserializeOwned;
use serde::Serialize;

const PROFILE: &str = "canvass.field.profile";
const TARGET: &str = "canvass.field.target";
const PIN: &str = "canvass.field.pin";
const LOCK: &str = "canvass.field.lock";
const LAST_VISIT: &str = "canvass.field.lastVisit";

/// Why a setting was not saved (private mode, quota).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    #[error("setting {key} not saved: {reason}")]
    NotSaved { key: &'static str, reason: String },
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    let raw = storage()?.get_item(key).ok().flatten()?;
    // Through `Value`, as the record store does: one deserialiser
    // instantiation per type instead of two (smaller wasm).
    serde_json::from_str::<serde_json::Value>(&raw)
        .and_then(serde_json::from_value)
        .ok()
}

fn write<T: Serialize>(key: &'static str, value: &T) -> Result<(), SettingsError> {
    let fail = |reason: String| SettingsError::NotSaved { key, reason };
    let s = storage().ok_or_else(|| fail("localStorage is unavailable".into()))?;
    let text = serde_json::to_value(value)
        .map(|v| v.to_string())
        .map_err(|e| fail(e.to_string()))?;
    s.set_item(key, &text).map_err(|e| fail(format!("{e:?}")))
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

pub fn profile() -> Option<Profile> {
    read(PROFILE)
}

pub fn set_profile(p: &Profile) -> Result<(), SettingsError> {
    write(PROFILE, p)
}

/// The response-rate target as a fraction (default 70%).
pub fn target() -> f64 {
    read(TARGET).unwrap_or(canvass_core::field_rate::DEFAULT_TARGET)
}

pub fn set_target(t: f64) -> Result<(), SettingsError> {
    write(TARGET, &t)
}

pub fn pin() -> Option<PinRecord> {
    read(PIN)
}

pub fn set_pin(p: &PinRecord) -> Result<(), SettingsError> {
    write(PIN, p)
}

/// The survey the phone is locked to, in respondent mode.
pub fn lock() -> Option<String> {
    read(LOCK)
}

/// Locks the phone to `survey`. Must succeed before the phone is handed
/// over: a lock that is not stored would not survive a reload.
pub fn set_lock(survey: &str) -> Result<(), SettingsError> {
    write(LOCK, &survey)
}

pub fn clear_lock() {
    remove(LOCK);
}

/// The last visit recorded (and its survey), to prefill the next one.
pub fn last_visit() -> Option<(String, Visit)> {
    read(LAST_VISIT)
}

pub fn set_last_visit(survey: &str, visit: &Visit) {
    // Only a convenience: a refused write costs one retyped field.
    let _ = write(LAST_VISIT, &(survey, visit));
}
