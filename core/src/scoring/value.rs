//! How answers are read: what counts as no answer, and when an answer
//! equals a choice value. Kept strict (DOMAIN 25: never guess).

use crate::survey::Value;

/// Absent, `null` and `""` are all "skipped" (SurveyJS clears answers to
/// either).
pub(crate) fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        _ => false,
    }
}

/// Whether an answer equals a choice value: numbers by numeric value (so
/// `3` matches `3.0`), everything else exactly — the string `"3"` does not
/// match the number 3.
pub(crate) fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// The index of the first value in `values` equal to `answer`.
pub(crate) fn position<'a>(values: impl IntoIterator<Item = &'a Value>, answer: &Value) -> Option<usize> {
    values.into_iter().position(|v| same(v, answer))
}

/// Whether a value can be a choice value at all (a JSON scalar other than
/// a boolean); anything else is a wrong type rather than an unknown choice.
pub(crate) fn is_choice_like(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Number(_))
}

/// A JSON type's name for messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A value as it appears in JSON, for messages (`"a"`, `3`).
pub(crate) fn show(value: &Value) -> String {
    value.to_string()
}
