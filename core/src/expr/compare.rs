//! Equality, ordering and membership between values of any kinds, after
//! SurveyJS's `Helpers.isTwoValueEquals` and `OperandMaker.binaryFunctions`.

use std::cmp::Ordering;

use super::date::Date;
use super::value::{survey_number, Value};

/// `=`: SurveyJS's loose equality.
///
/// - Two strings: equal after trimming and ignoring case.
/// - The string `"undefined"` counts as null; two empty values (null, `""`,
///   `[]`, an object of empty values) are equal; an empty and a non-empty
///   value are not.
/// - A number equals a numeric string of the same number; a boolean equals
///   `"true"`/`"false"` in any case and the number 1/0.
/// - A date equals a date string naming the same day.
/// - Arrays are equal when they hold equal elements in any order (as
///   multisets); objects when they have the same keys with equal values.
pub fn loose_eq(x: &Value, y: &Value) -> bool {
    if let (Value::String(a), Value::String(b)) = (x, y) {
        return crate::text::lower(a.trim()) == crate::text::lower(b.trim());
    }
    let x = undefined_as_null(x);
    let y = undefined_as_null(y);
    match (x.is_empty(), y.is_empty()) {
        (true, true) => return true,
        (true, false) | (false, true) => return false,
        (false, false) => {}
    }
    match (x, y) {
        (Value::Number(a), Value::Number(b)) => a == b,
        (Value::Number(n), Value::String(s)) | (Value::String(s), Value::Number(n)) => {
            survey_number(s) == Some(*n)
        }
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Bool(b), Value::String(s)) | (Value::String(s), Value::Bool(b)) => {
            b.to_string() == crate::text::lower(s)
        }
        (Value::Bool(b), Value::Number(n)) | (Value::Number(n), Value::Bool(b)) => {
            f64::from(u8::from(*b)) == *n
        }
        (Value::Date(a), Value::Date(b)) => a == b,
        (Value::Date(d), Value::String(s)) | (Value::String(s), Value::Date(d)) => {
            Date::parse(s) == Some(*d)
        }
        (Value::Array(a), Value::Array(b)) => same_multiset(a, b),
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, v)| b.get(k).is_some_and(|w| loose_eq(v, w)))
        }
        _ => false,
    }
}

fn undefined_as_null(v: &Value) -> &Value {
    match v {
        Value::String(s) if s == "undefined" => &Value::Null,
        _ => v,
    }
}

/// Equal lengths and a one-to-one pairing of equal elements.
fn same_multiset(a: &[Value], b: &[Value]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut used = vec![false; b.len()];
    a.iter().all(|x| {
        let found = (0..b.len()).find(|&j| !used[j] && loose_eq(x, &b[j]));
        if let Some(j) = found {
            used[j] = true;
        }
        found.is_some()
    })
}

/// How `<`, `>`, `<=`, `>=` order two values, or `None` when they do not
/// compare (the operator is then false).
///
/// Null never compares. Dates compare by day, and a string beside a date is
/// read as a date. Two strings compare as numbers when both are numeric and
/// by code point otherwise. Numbers, booleans (0/1) and numeric strings
/// compare as numbers. Arrays and objects never compare.
pub fn order(x: &Value, y: &Value) -> Option<Ordering> {
    match (x, y) {
        (Value::Null, _) | (_, Value::Null) => None,
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
        (Value::Date(d), Value::String(s)) => Date::parse(s).map(|e| d.cmp(&e)),
        (Value::String(s), Value::Date(d)) => Date::parse(s).map(|e| e.cmp(d)),
        (Value::String(a), Value::String(b)) => match (survey_number(a), survey_number(b)) {
            (Some(m), Some(n)) => m.partial_cmp(&n),
            _ => Some(a.as_str().cmp(b.as_str())),
        },
        (
            Value::Number(_) | Value::Bool(_) | Value::String(_),
            Value::Number(_) | Value::Bool(_) | Value::String(_),
        ) => scalar_number(x)?.partial_cmp(&scalar_number(y)?),
        _ => None,
    }
}

fn scalar_number(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => v.numeric(),
    }
}

/// `a < b`.
pub fn less(a: &Value, b: &Value) -> bool {
    order(a, b) == Some(Ordering::Less)
}

/// `a <= b`: SurveyJS tests equality first, so two empty values are `<=`.
pub fn less_or_equal(a: &Value, b: &Value) -> bool {
    loose_eq(a, b) || less(a, b)
}

/// `contains` (SurveyJS `containsCore`).
///
/// An array contains a value when one element is equal to it ([`loose_eq`]),
/// and contains an array when it contains each of its elements. A string
/// contains a substring (case-sensitive). A number, boolean, date or object
/// on the left is first turned into its string form, and then the test
/// ignores case when the right side is a string. Nothing contains null,
/// `""`, `0` or `false`, and null or `""` contain nothing.
pub fn contains(left: &Value, right: &Value) -> bool {
    contains_core(left, right, true)
}

/// `notcontains`: SurveyJS makes it true when the left side is null, `""`,
/// `0` or `false` and the right side is not empty; otherwise it is the
/// negation of [`contains`], except that a string never "does not contain"
/// null, `""`, `0` or `false` (both are false).
pub fn not_contains(left: &Value, right: &Value) -> bool {
    if !left.truthy() && !right.is_empty() {
        return true;
    }
    contains_core(left, right, false)
}

fn contains_core(left: &Value, right: &Value, is_contains: bool) -> bool {
    if matches!(left, Value::Null) || matches!(left, Value::String(s) if s.is_empty()) {
        return false;
    }
    let items = match left {
        Value::Array(items) if !items.is_empty() => items,
        Value::String(s) => return contains_in_string(s, right, is_contains),
        _ => {
            let text = left.to_js_string();
            return match right {
                Value::String(r) => {
                    let r = Value::String(crate::text::upper(r));
                    contains_in_string(&crate::text::upper(&text), &r, is_contains)
                }
                _ => contains_in_string(&text, right, is_contains),
            };
        }
    };
    let rights = match right {
        Value::Array(r) => r.as_slice(),
        _ => std::slice::from_ref(right),
    };
    for r in rights {
        if !items.iter().any(|item| loose_eq(item, r)) {
            return !is_contains;
        }
    }
    is_contains
}

fn contains_in_string(text: &str, right: &Value, is_contains: bool) -> bool {
    if !right.truthy() {
        return false;
    }
    let found = text.contains(right.to_js_string().as_str());
    found == is_contains
}

/// `anyof`: the left value (an array, or a single value) has at least one
/// of the right values. Both empty is true; only the left empty is false;
/// only the right empty is true.
pub fn any_of(left: &Value, right: &Value) -> bool {
    match (left.is_empty(), right.is_empty()) {
        (true, true) => return true,
        (true, false) => return false,
        (false, true) => return true,
        (false, false) => {}
    }
    match (left, right) {
        (Value::Array(_), Value::Array(rights)) => rights.iter().any(|r| contains(left, r)),
        (Value::Array(_), _) => contains(left, right),
        _ => contains(right, left),
    }
}

/// `allof`: the left value has every one of the right values. An empty
/// right array is true; a left side that is null, `""`, `0` or `false` has
/// nothing.
pub fn all_of(left: &Value, right: &Value) -> bool {
    if !left.truthy() && !right.is_empty() {
        return false;
    }
    match right {
        Value::Array(rights) => rights.iter().all(|r| contains(left, r)),
        _ => contains(left, right),
    }
}
