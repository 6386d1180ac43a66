//! The values expressions compute with, and SurveyJS's (JavaScript's) rules
//! for turning one kind into another.

use std::collections::BTreeMap;

use super::date::Date;
use super::number::js_string_to_number;
pub use super::number::{js_number_string, survey_number};

/// How deep a JSON answer is converted: anything nested deeper becomes null.
/// Answers are at most three levels deep (matrix → row → cell), and the cap
/// bounds every recursive walk over a value.
pub const MAX_VALUE_DEPTH: usize = 32;

/// A value computed by an expression.
///
/// JSON's kinds plus [`Value::Date`], which SurveyJS's date functions
/// (`today()`, `dateAdd()`, `getDate()`) return. Numbers are always finite:
/// a computation that would give NaN or an infinity gives [`Value::Null`].
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Date(Date),
    Array(Vec<Value>),
    Object(BTreeMap<String, Value>),
}

impl Value {
    /// A number, or null when it is NaN or infinite (JSON has no such numbers).
    pub fn number(n: f64) -> Value {
        if n.is_finite() {
            Value::Number(n)
        } else {
            Value::Null
        }
    }

    /// Converts an answer. Content nested deeper than [`MAX_VALUE_DEPTH`]
    /// becomes null.
    pub fn from_json(json: &serde_json::Value) -> Value {
        from_json_at(json, 0)
    }

    /// The JSON form: dates become `YYYY-MM-DD` strings and whole numbers
    /// within ±2^53 become JSON integers (so `3`, not `3.0`).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => {
                if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 {
                    J::from(*n as i64)
                } else {
                    serde_json::Number::from_f64(*n).map_or(J::Null, J::Number)
                }
            }
            Value::String(s) => J::String(s.clone()),
            Value::Date(d) => J::String(d.to_string()),
            Value::Array(items) => J::Array(items.iter().map(Value::to_json).collect()),
            Value::Object(map) => {
                // `extend`, not `collect`: see `crate::small_sort`.
                let mut object = serde_json::Map::new();
                object.extend(map.iter().map(|(k, v)| (k.clone(), v.to_json())));
                J::Object(object)
            }
        }
    }

    /// SurveyJS's `isValueEmpty`: null, `""`, `[]`, and an object whose
    /// values are all empty. `0` and `false` are not empty.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Null => true,
            Value::String(s) => s.is_empty(),
            Value::Array(items) => items.is_empty(),
            Value::Object(map) => map.values().all(Value::is_empty),
            Value::Bool(_) | Value::Number(_) | Value::Date(_) => false,
        }
    }

    /// JavaScript truthiness (what `iif` and `!` test): false for null,
    /// `false`, `0` and `""`; true for everything else, `[]` included.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => *n != 0.0,
            Value::String(s) => !s.is_empty(),
            Value::Date(_) | Value::Array(_) | Value::Object(_) => true,
        }
    }

    /// Whether a condition holds: SurveyJS's `ConditionRunner` tests
    /// `result == true` (JavaScript's loose equality), so `true`, `1`, `"1"`
    /// and `[1]` hold, while `2`, `"yes"` and `{}` do not.
    pub fn is_true(&self) -> bool {
        match self {
            Value::Bool(b) => *b,
            Value::Number(n) => *n == 1.0,
            Value::String(s) => js_string_to_number(s) == Some(1.0),
            Value::Array(items) => {
                items.len() == 1 && js_string_to_number(&items[0].to_js_string()) == Some(1.0)
            }
            Value::Null | Value::Date(_) | Value::Object(_) => false,
        }
    }

    /// JavaScript's `String(value)`, used by `+` concatenation and
    /// `contains`. Dates print as `YYYY-MM-DD` (JavaScript prints a long
    /// local-time form).
    pub fn to_js_string(&self) -> String {
        match self {
            Value::Null => "null".to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => js_number_string(*n),
            Value::String(s) => s.clone(),
            Value::Date(d) => d.to_string(),
            Value::Array(items) => items
                .iter()
                .map(|v| {
                    if matches!(v, Value::Null) {
                        String::new()
                    } else {
                        v.to_js_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(","),
            Value::Object(_) => "[object Object]".to_string(),
        }
    }

    /// The number a value stands for in arithmetic (`- * / % ^`), after
    /// JavaScript's `Number()`: booleans are 0/1, null is 0, a numeric string
    /// its number ([`survey_number`]), a one-element array its element;
    /// anything else is not a number.
    pub fn to_number(&self) -> Option<f64> {
        match self {
            Value::Null => Some(0.0),
            Value::Bool(b) => Some(f64::from(u8::from(*b))),
            Value::Number(n) => Some(*n),
            Value::String(s) if s.trim().is_empty() => Some(0.0),
            Value::String(s) => survey_number(s),
            Value::Array(items) if items.is_empty() => Some(0.0),
            Value::Array(items) if items.len() == 1 => match &items[0] {
                Value::Array(_) | Value::Object(_) => None,
                v => v.to_number(),
            },
            Value::Array(_) | Value::Object(_) | Value::Date(_) => None,
        }
    }

    /// A number, or a string that SurveyJS's `Helpers.isNumber` accepts.
    pub fn numeric(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::String(s) => survey_number(s),
            _ => None,
        }
    }
}

fn from_json_at(json: &serde_json::Value, depth: usize) -> Value {
    use serde_json::Value as J;
    match json {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => n.as_f64().map_or(Value::Null, Value::number),
        J::String(s) => Value::String(s.clone()),
        _ if depth >= MAX_VALUE_DEPTH => Value::Null,
        J::Array(items) => Value::Array(items.iter().map(|v| from_json_at(v, depth + 1)).collect()),
        J::Object(map) => Value::Object(crate::small_sort::map_of(
            map.iter()
                .map(|(k, v)| (k.clone(), from_json_at(v, depth + 1))),
        )),
    }
}

/// SurveyJS's `Const.getCorrectValue`, applied to a question's value when an
/// expression reads it: `"true"`/`"false"` (any case) become booleans, a
/// value wrapped in quotes loses them, and a numeric string becomes its
/// number — except one with a leading zero such as `"01"` (a code, not a
/// quantity). Only a top-level string is converted, never one inside an
/// array or object.
pub fn correct_value(value: Value) -> Value {
    let Value::String(s) = &value else {
        return value;
    };
    let lower = crate::text::lower(s);
    if lower == "true" || lower == "false" {
        return Value::Bool(lower == "true");
    }
    let chars: Vec<char> = s.chars().collect();
    let quote = |c: char| c == '\'' || c == '"';
    if chars.len() > 1 && quote(chars[0]) && quote(chars[chars.len() - 1]) {
        return Value::String(chars[1..chars.len() - 1].iter().collect());
    }
    let Some(n) = survey_number(s) else {
        return value;
    };
    let bytes = s.as_bytes();
    if bytes[0] == b'0'
        && !s.starts_with("0x")
        && bytes.len() > 1
        && bytes[1] != b'.'
        && bytes[1] != b','
    {
        return value;
    }
    Value::Number(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn correct_value_follows_surveyjs() {
        let s = |t: &str| Value::String(t.to_string());
        let cases = [
            (s("5"), Value::Number(5.0)),
            (s("TRUE"), Value::Bool(true)),
            (s("false"), Value::Bool(false)),
            (s("'abc'"), s("abc")),
            (s("\"x\""), s("x")),
            (s("01"), s("01")),
            (s("0"), Value::Number(0.0)),
            (s("0.5"), Value::Number(0.5)),
            (s("0,5"), Value::Number(0.5)),
            (s("0x10"), Value::Number(16.0)),
            (s("abc"), s("abc")),
            (s("'"), s("'")),
            (Value::Array(vec![s("5")]), Value::Array(vec![s("5")])),
        ];
        for (input, want) in cases {
            assert_eq!(correct_value(input.clone()), want, "{input:?}");
        }
    }

    #[test]
    fn emptiness_truthiness_and_conditions() {
        let obj = |pairs: &[(&str, Value)]| {
            Value::Object(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            )
        };
        // (value, is_empty, truthy, is_true)
        let cases = [
            (Value::Null, true, false, false),
            (Value::String(String::new()), true, false, false),
            (Value::String(" ".into()), false, true, false),
            (Value::String("1".into()), false, true, true),
            (Value::Array(vec![]), true, true, false),
            (Value::Array(vec![Value::Number(1.0)]), false, true, true),
            (obj(&[]), true, true, false),
            (obj(&[("a", Value::Null)]), true, true, false),
            (obj(&[("a", Value::Number(0.0))]), false, true, false),
            (Value::Number(0.0), false, false, false),
            (Value::Number(2.0), false, true, false),
            (Value::Number(1.0), false, true, true),
            (Value::Bool(false), false, false, false),
            (Value::Bool(true), false, true, true),
        ];
        for (v, empty, truthy, is_true) in cases {
            assert_eq!(v.is_empty(), empty, "{v:?} empty");
            assert_eq!(v.truthy(), truthy, "{v:?} truthy");
            assert_eq!(v.is_true(), is_true, "{v:?} is_true");
        }
    }

    #[test]
    fn json_round_trip_and_depth_cap() {
        let json = serde_json::json!({"a": [1, 2.5, "x", null, true], "m": {"r1": 3}});
        assert_eq!(Value::from_json(&json).to_json(), json);
        let mut deep = serde_json::json!(1);
        for _ in 0..(MAX_VALUE_DEPTH + 5) {
            deep = serde_json::json!([deep]);
        }
        let mut v = &Value::from_json(&deep);
        let mut depth = 0;
        while let Value::Array(items) = v {
            v = &items[0];
            depth += 1;
        }
        assert_eq!(depth, MAX_VALUE_DEPTH);
        assert_eq!(*v, Value::Null);
    }
}
