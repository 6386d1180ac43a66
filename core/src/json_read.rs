//! Reading stored structs from JSON by hand instead of serde's derive.
//!
//! Why: the app reads every stored record through `serde_json::Value`, and
//! serde's derive generates a map visitor and a sequence visitor per struct
//! (docs/SIZE.md: a few KB of wasm each). A hand-written `Deserialize`
//! takes the struct's JSON object and reads field by field through the
//! leaf types' own `Deserialize`, so leaf errors are serde's own text; the
//! struct-level ones (`missing field`, wrong type) are worded as the
//! derive words them. Same format and, for one bad field, the same error
//! as the derive (tests compare them); unknown fields are ignored, as
//! before. Not read any more: serde's array form of a struct, which
//! Canvass never wrote.

use serde::de::{DeserializeOwned, Error, Unexpected};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// The JSON object a struct named `name` is read from.
pub(crate) fn object<'de, D: Deserializer<'de>>(d: D, name: &'static str) -> Result<Map<String, Value>, D::Error> {
    match Value::deserialize(d)? {
        Value::Object(map) => Ok(map),
        other => Err(D::Error::invalid_type(unexpected(&other), &name)),
    }
}

/// serde_json's own description of a value in an error.
pub(crate) fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => n.as_f64().map_or(Unexpected::Other("number"), Unexpected::Float),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// A required field.
pub(crate) fn req<T: DeserializeOwned>(map: &mut Map<String, Value>, key: &'static str) -> Result<T, serde_json::Error> {
    match map.remove(key) {
        Some(v) => T::deserialize(v),
        None => Err(serde_json::Error::missing_field(key)),
    }
}

/// An optional field: missing or `null` is `None`.
pub(crate) fn opt<T: DeserializeOwned>(map: &mut Map<String, Value>, key: &'static str) -> Result<Option<T>, serde_json::Error> {
    match map.remove(key) {
        Some(v) => Option::<T>::deserialize(v),
        None => Ok(None),
    }
}

/// Reads a struct of type `name` with `read`, turning serde_json's error
/// into the caller's.
pub(crate) fn read<'de, D: Deserializer<'de>, T>(
    d: D,
    name: &'static str,
    read: fn(&mut Map<String, Value>) -> Result<T, serde_json::Error>,
) -> Result<T, D::Error> {
    let mut map = object(d, name)?;
    read(&mut map).map_err(D::Error::custom)
}

/// A `#[serde(default)]` field: missing is `T::default()`.
pub(crate) fn def<T: DeserializeOwned + Default>(
    map: &mut Map<String, Value>,
    key: &'static str,
) -> Result<T, serde_json::Error> {
    match map.remove(key) {
        Some(v) => T::deserialize(v),
        None => Ok(T::default()),
    }
}

/// `good` with the field at `path` (object keys, or array indexes as
/// numbers) replaced by `value`, or removed when `None`: the bad inputs
/// the hand-written readers' tests compare with serde's derive.
#[cfg(test)]
pub(crate) fn edited(good: &Value, path: &[&str], value: Option<Value>) -> Value {
    let mut v = good.clone();
    let mut at = &mut v;
    for key in &path[..path.len() - 1] {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*key],
        };
    }
    let last = path[path.len() - 1];
    match (at, value) {
        (Value::Array(items), Some(x)) => items[last.parse::<usize>().expect("an index")] = x,
        (Value::Object(obj), Some(x)) => drop(obj.insert(last.into(), x)),
        (Value::Object(obj), None) => drop(obj.remove(last)),
        (other, _) => panic!("no field {last} in {other}"),
    }
    v
}
