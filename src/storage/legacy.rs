//! The walking skeleton kept everything in localStorage under `canvass.*`
//! keys. On first start those values become IndexedDB records; this is the
//! pure plan of that move (which records to add, which keys to delete
//! afterwards), so every case is tested natively. The browser side adds
//! the records in one transaction, only where no record with the id exists
//! yet (a newer IndexedDB value always wins), and deletes the old keys only
//! after that transaction completed — a crash in between migrates again,
//! harmlessly.

use serde_json::Value;

use super::kind::{Kind, DRAFTS, QUARANTINE, RESPONSES, SURVEYS};
use super::record::{encode, survey_of, Envelope};
use super::StoreNotice;

/// What to add and what to delete.
#[derive(Debug, Default, PartialEq)]
pub struct LegacyPlan {
    /// Records to add where absent, in order.
    pub records: Vec<(Kind, Envelope)>,
    /// localStorage keys to delete once the records are stored.
    pub remove: Vec<String>,
    /// Values that could not be understood: kept in `QUARANTINE` (they are
    /// among `records`) and reported.
    pub notices: Vec<StoreNotice>,
}

/// Plans the move of the `canvass.*` localStorage entries `(key, value)`.
/// Keys it does not know (the locale, anything newer) stay untouched.
pub fn legacy_plan(entries: &[(String, String)]) -> LegacyPlan {
    let mut plan = LegacyPlan::default();
    for (key, raw) in entries {
        let known = if let Some(id) = key.strip_prefix("canvass.draft.") {
            draft(&mut plan, key, id, raw);
            true
        } else if let Some(survey) = key.strip_prefix("canvass.responses.") {
            responses(&mut plan, key, survey, raw);
            true
        } else if let Some(id) = key.strip_prefix("canvass.survey.") {
            plan.records.push((SURVEYS, encode(SURVEYS, id, raw)));
            true
        } else if let Some(id) = key.strip_prefix("canvass.quarantine.") {
            let entry = quarantine_entry("localStorage", key, raw, "quarantined before IndexedDB");
            plan.records.push((
                QUARANTINE,
                encode(QUARANTINE, &format!("legacy/{id}"), &entry),
            ));
            true
        } else {
            false
        };
        if known {
            plan.remove.push(key.clone());
        }
    }
    plan
}

/// The value of a quarantine record: where it came from, why, verbatim.
pub fn quarantine_entry(kind: &str, id: &str, raw: &str, reason: &str) -> Value {
    serde_json::json!({ "kind": kind, "id": id, "reason": reason, "raw": raw })
}

fn draft(plan: &mut LegacyPlan, key: &str, id: &str, raw: &str) {
    match serde_json::from_str::<Value>(raw) {
        Ok(v) if v.get("response").is_some() => plan.records.push((DRAFTS, encode(DRAFTS, id, &v))),
        Ok(_) => set_aside(plan, key, raw, "not a draft"),
        Err(e) => set_aside(plan, key, raw, &format!("not JSON: {e}")),
    }
}

fn responses(plan: &mut LegacyPlan, key: &str, survey: &str, raw: &str) {
    let list = match serde_json::from_str::<Value>(raw) {
        Ok(Value::Array(list)) => list,
        Ok(_) => return set_aside(plan, key, raw, "not a list of responses"),
        Err(e) => return set_aside(plan, key, raw, &format!("not JSON: {e}")),
    };
    let mut bad = Vec::new();
    for item in list {
        match item.get("id").and_then(Value::as_str) {
            Some(id) if survey_of(&item).as_deref() == Some(survey) => {
                let id = id.to_owned();
                plan.records
                    .push((RESPONSES, encode(RESPONSES, &id, &item)));
            }
            _ => bad.push(item),
        }
    }
    if !bad.is_empty() {
        let reason = format!("{} entries are not responses to {survey}", bad.len());
        set_aside(plan, key, &Value::Array(bad).to_string(), &reason);
    }
}

fn set_aside(plan: &mut LegacyPlan, key: &str, raw: &str, reason: &str) {
    let id = format!("legacy/{key}");
    let entry = quarantine_entry("localStorage", key, raw, reason);
    plan.records
        .push((QUARANTINE, encode(QUARANTINE, &id, &entry)));
    plan.notices.push(StoreNotice::Quarantined {
        key: key.to_owned(),
        moved_to: format!("quarantine/{id}"),
        reason: reason.to_owned(),
    });
}

#[cfg(test)]
#[path = "legacy_tests.rs"]
mod tests;
