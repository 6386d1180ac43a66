//! `Deserialize` for the score report, written by hand instead of derived.
//!
//! Why: the app reads every stored response through `serde_json::Value`,
//! and serde's derive generates a map visitor and a sequence visitor per
//! struct (docs/SIZE.md: about 15 KB of wasm for these five). Here each
//! struct takes its JSON object and reads field by field through the
//! leaf types' own `Deserialize`, so the leaf errors are serde's own text.
//! Same format and, for one bad field, the same error as the derive (a
//! test compares them); unknown fields are ignored, as before. Not read
//! any more: serde's array form of a struct, which Canvass never wrote.

use serde::de::{DeserializeOwned, Error, Unexpected};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use super::report::{FollowUp, IndicatorScore, ItemScore, MissingCounts, ScoreReport};

/// The JSON object a struct named `name` is read from.
fn object<'de, D: Deserializer<'de>>(d: D, name: &'static str) -> Result<Map<String, Value>, D::Error> {
    match Value::deserialize(d)? {
        Value::Object(map) => Ok(map),
        other => Err(D::Error::invalid_type(unexpected(&other), &name)),
    }
}

/// serde_json's own description of a value in an error.
pub(super) fn unexpected(v: &Value) -> Unexpected<'_> {
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
fn req<T: DeserializeOwned>(map: &mut Map<String, Value>, key: &'static str) -> Result<T, serde_json::Error> {
    match map.remove(key) {
        Some(v) => T::deserialize(v),
        None => Err(serde_json::Error::missing_field(key)),
    }
}

/// An optional field: missing or `null` is `None`.
fn opt<T: DeserializeOwned>(map: &mut Map<String, Value>, key: &'static str) -> Result<Option<T>, serde_json::Error> {
    match map.remove(key) {
        Some(v) => Option::<T>::deserialize(v),
        None => Ok(None),
    }
}

/// Reads a struct of type `name` with `read`, turning serde_json's error
/// into the caller's.
fn read<'de, D: Deserializer<'de>, T>(
    d: D,
    name: &'static str,
    read: fn(&mut Map<String, Value>) -> Result<T, serde_json::Error>,
) -> Result<T, D::Error> {
    let mut map = object(d, name)?;
    read(&mut map).map_err(D::Error::custom)
}

impl<'de> Deserialize<'de> for ScoreReport {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct ScoreReport", |m| {
            Ok(ScoreReport {
                scoring_version: req(m, "scoringVersion")?,
                items: req(m, "items")?,
                indicators: req(m, "indicators")?,
                overall: opt(m, "overall")?,
                raw_total: opt(m, "rawTotal")?,
                grade: opt(m, "grade")?,
                counts: req(m, "counts")?,
                follow_up: req(m, "followUp")?,
                overall_question: opt(m, "overallQuestion")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for ItemScore {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct ItemScore", |m| {
            Ok(ItemScore {
                id: req(m, "id")?,
                status: req(m, "status")?,
                x: opt(m, "x")?,
                score: opt(m, "score")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for IndicatorScore {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct IndicatorScore", |m| {
            Ok(IndicatorScore {
                name: req(m, "name")?,
                score: opt(m, "score")?,
                answered_share: req(m, "answeredShare")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for MissingCounts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct MissingCounts", |m| {
            Ok(MissingCounts {
                valid: req(m, "valid")?,
                not_applicable: req(m, "notApplicable")?,
                skipped: req(m, "skipped")?,
                hidden: req(m, "hidden")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for FollowUp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct FollowUp", |m| {
            Ok(FollowUp {
                flagged: req(m, "flagged")?,
                reasons: req(m, "reasons")?,
            })
        })
    }
}

#[cfg(test)]
#[path = "report_read_tests.rs"]
mod tests;
