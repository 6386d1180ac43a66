//! One stored record and how values become records and back: the value as
//! JSON text (serde_json is in the bundle anyway; a text also lets an
//! unreadable record be kept verbatim), its schema version, and the two
//! index fields. Migrations are pure functions from one version's JSON to
//! the next, applied on read.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::kind::{Kind, RESPONSES};

/// A record as stored: `{id, v, data, survey?, unexported?}` in IndexedDB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The key.
    pub id: String,
    /// Schema version of `data` (the kind's version when written).
    pub v: u32,
    /// The value's JSON text.
    pub data: String,
    /// The survey the value belongs to (the `survey` index), if it names one.
    pub survey: Option<String>,
    /// Present (true) only on responses not yet exported (the sparse
    /// `unexported` index).
    pub unexported: bool,
    /// True only on completed responses: stored as `done: <survey id>`,
    /// the sparse `done` index, so that a survey's completed responses
    /// are counted with one `count()` instead of decoding them all.
    pub done: bool,
}

/// A record read back: decodable as an envelope, or not (a stored object
/// of the wrong shape), kept as text with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    Good(Envelope),
    Bad {
        id: String,
        raw: String,
        reason: String,
    },
}

impl Raw {
    pub fn id(&self) -> &str {
        match self {
            Raw::Good(e) => &e.id,
            Raw::Bad { id, .. } => id,
        }
    }
}

/// The record of `value` under `id` in `kind`, at the kind's version. A
/// response written through here is unexported until `mark_exported`.
pub fn encode<T: Serialize>(kind: Kind, id: &str, value: &T) -> Envelope {
    // Through `Value`: one serialiser instantiation per type (smaller wasm).
    let value = serde_json::to_value(value).expect("stored values always serialise");
    Envelope {
        id: id.to_owned(),
        v: kind.version,
        survey: survey_of(&value),
        data: value.to_string(),
        unexported: kind == RESPONSES,
        done: kind == RESPONSES && is_completed(&value),
    }
}

/// Whether a response value is completed (`completedAt` set), as
/// `Response::is_completed` reads it.
pub fn is_completed(value: &Value) -> bool {
    value.get("completedAt").is_some_and(|v| !v.is_null())
}

/// The survey a value names: `survey.id` (a response), `response.survey.id`
/// (a draft) or `surveyId` (visits, follow-ups and other features).
pub fn survey_of(value: &Value) -> Option<String> {
    [
        &["survey", "id"][..],
        &["response", "survey", "id"],
        &["surveyId"],
    ]
    .iter()
    .find_map(|path| {
        path.iter()
            .try_fold(value, |v, k| v.get(k))
            .and_then(Value::as_str)
            .map(str::to_owned)
    })
}

/// What reading a record gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded<T> {
    Ok(T),
    /// Unreadable: to be quarantined, with the reason.
    Corrupt(String),
    /// Written by a newer Canvass: left in place, skipped.
    TooNew(u32),
}

/// One migration: turns a record of `kind` at version `from` into version
/// `from + 1`, or says why it cannot.
pub struct Step {
    pub kind: &'static str,
    pub from: u32,
    pub run: fn(Value) -> Result<Value, String>,
}

/// Every migration, oldest first. Version 1 is the first IndexedDB version
/// of every kind, so there is none yet; the localStorage values before it
/// are converted by `legacy_plan`. Add a `Step` here when raising a kind's
/// version in `kind.rs`.
pub const MIGRATIONS: &[Step] = &[Step {
    kind: "rows",
    from: 1,
    run: rows_text_to_array,
}];

/// `rows` 1 → 2: a chunk stored as the JSON text of its rows (a string)
/// becomes the rows themselves, so opening the list parses it once, and
/// each row's keys become the short ones `listing::ResponseRow` stores.
fn rows_text_to_array(value: Value) -> Result<Value, String> {
    const SHORT: &[(&str, &str)] = &[
        ("id", "i"),
        ("survey", "s"),
        ("status", "st"),
        ("at", "a"),
        ("interviewer", "w"),
        ("household", "h"),
        ("outcome", "o"),
        ("visitAt", "va"),
        ("grade", "g"),
        ("score", "sc"),
        ("followUp", "f"),
        ("fast", "x"),
        ("text", "t"),
    ];
    let rows = match value {
        Value::String(text) => serde_json::from_str(&text).map_err(|e| format!("rows chunk: {e}"))?,
        _ => return Err("rows chunk: not the JSON text of a list of rows".to_owned()),
    };
    let Value::Array(rows) = rows else {
        return Err("rows chunk: not a list of rows".to_owned());
    };
    rows.into_iter()
        .map(|row| match row {
            Value::Object(fields) => {
                let mut out = serde_json::Map::new();
                for (k, v) in fields {
                    let short = SHORT.iter().find(|(long, _)| *long == k).map_or(k.as_str(), |(_, s)| s);
                    out.insert(short.to_owned(), v);
                }
                Ok(Value::Object(out))
            }
            _ => Err("rows chunk: a row is not an object".to_owned()),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

/// The JSON text of a record of `kind` at the kind's version, without
/// decoding it when it is current (a caller that parses it itself, such
/// as the response list, then parses it once); older records are
/// migrated.
pub fn current_text(kind: Kind, env: &Envelope) -> Decoded<String> {
    if env.v == kind.version {
        return Decoded::Ok(env.data.clone());
    }
    match decode::<Value>(kind, env) {
        Decoded::Ok(v) => Decoded::Ok(v.to_string()),
        Decoded::Corrupt(e) => Decoded::Corrupt(e),
        Decoded::TooNew(v) => Decoded::TooNew(v),
    }
}

/// Brings `value` of `kind` from version `v` to `kind.version` with `steps`.
pub fn migrate_with(steps: &[Step], kind: Kind, v: u32, value: Value) -> Result<Value, String> {
    let mut value = value;
    for from in v..kind.version {
        let step = steps
            .iter()
            .find(|s| s.kind == kind.name && s.from == from)
            .ok_or_else(|| format!("no migration of {} from version {from}", kind.name))?;
        value = (step.run)(value)
            .map_err(|e| format!("migration of {} from version {from}: {e}", kind.name))?;
    }
    Ok(value)
}

/// Reads a record of `kind` as a `T`, migrating older versions.
pub fn decode<T: DeserializeOwned>(kind: Kind, env: &Envelope) -> Decoded<T> {
    decode_with(MIGRATIONS, kind, env)
}

pub fn decode_with<T: DeserializeOwned>(steps: &[Step], kind: Kind, env: &Envelope) -> Decoded<T> {
    if env.v > kind.version {
        return Decoded::TooNew(env.v);
    }
    let value = match serde_json::from_str::<Value>(&env.data) {
        Ok(v) => v,
        Err(e) => return Decoded::Corrupt(format!("not JSON: {e}")),
    };
    let value = match migrate_with(steps, kind, env.v, value) {
        Ok(v) => v,
        Err(e) => return Decoded::Corrupt(e),
    };
    match serde_json::from_value(value) {
        Ok(t) => Decoded::Ok(t),
        Err(e) => Decoded::Corrupt(e.to_string()),
    }
}

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
