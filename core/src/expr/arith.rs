//! Arithmetic and the logical connectives, after SurveyJS's
//! `OperandMaker.binaryFunctions.arithmeticOp`.
//!
//! Every operand first passes through [`fill_empty`], so that a question
//! nobody answered counts as 0 (or `""`, or `[]`) beside the other operand.

use super::value::{js_number_string, Value};

/// An empty operand (null, `""`, `[]`, an empty object) takes a neutral
/// value matching the other side: 0 beside a number, `""` beside a string,
/// `[]` beside an array, an empty string stays `""`, otherwise 0.
pub fn fill_empty(value: Value, other: &Value) -> Value {
    if !value.is_empty() {
        return value;
    }
    match (other, &value) {
        (Value::Number(_), _) => Value::Number(0.0),
        (_, Value::String(_)) => value,
        (Value::String(_), _) => Value::String(String::new()),
        (Value::Array(_), _) => Value::Array(Vec::new()),
        _ => Value::Number(0.0),
    }
}

/// `a + b` (SurveyJS `Helpers.sumAnyValues`).
///
/// Two numbers add, rounding away binary noise (`0.1 + 0.2` is `0.3`). A
/// string on either side concatenates, even a numeric one (`'1' + 2` is
/// `"12"`, as in JavaScript). Two arrays concatenate; an array beside a
/// string joins its elements with `", "`; an array beside a number adds its
/// numeric elements. Booleans add as 0/1. Anything else is null.
pub fn add(a: Value, b: Value) -> Value {
    match (&a, &b) {
        (Value::Number(x), Value::Number(y)) => Value::number(fix_plus_minus(*x, *y, x + y)),
        (Value::Array(x), Value::Array(y)) => Value::Array(x.iter().chain(y).cloned().collect()),
        (Value::Array(items), Value::String(s)) => Value::String(join_items(items) + s),
        (Value::String(s), Value::Array(items)) => Value::String(s.clone() + &join_items(items)),
        (Value::Array(items), Value::Number(n)) | (Value::Number(n), Value::Array(items)) => {
            let total = items.iter().fold(0.0, |acc, item| match item {
                Value::Number(x) => fix_plus_minus(acc, *x, acc + x),
                _ => acc,
            });
            Value::number(fix_plus_minus(total, *n, total + n))
        }
        (Value::String(_), _) | (_, Value::String(_)) => {
            Value::String(a.to_js_string() + &b.to_js_string())
        }
        (Value::Number(_) | Value::Bool(_), Value::Number(_) | Value::Bool(_)) => {
            match (a.to_number(), b.to_number()) {
                (Some(x), Some(y)) => Value::number(x + y),
                _ => Value::Null,
            }
        }
        _ => Value::Null,
    }
}

fn join_items(items: &[Value]) -> String {
    items
        .iter()
        .map(Value::to_js_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The numeric operators (`- * / % ^`): both sides as numbers
/// ([`Value::to_number`]); anything that is not a number gives null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOp {
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
}

/// Applies a numeric operator. `-` and `*` round away binary noise as
/// SurveyJS does (`0.3 - 0.1` is `0.2`, `1.1 * 3` is `3.3`). Division or
/// remainder by zero is null, as in SurveyJS; so is any result that is not
/// a finite number.
pub fn numeric(op: NumericOp, a: &Value, b: &Value) -> Value {
    let (Some(x), Some(y)) = (a.to_number(), b.to_number()) else {
        return Value::Null;
    };
    let result = match op {
        NumericOp::Sub => fix_plus_minus(x, y, x - y),
        NumericOp::Mul => fix_multiply(x, y, x * y),
        NumericOp::Div if y == 0.0 => return Value::Null,
        NumericOp::Div => x / y,
        NumericOp::Mod if y == 0.0 => return Value::Null,
        NumericOp::Mod => x % y,
        NumericOp::Pow => x.powf(y),
    };
    Value::number(result)
}

/// Decimal places of a number as printed (`1.25` has 2).
fn decimals(n: f64) -> usize {
    if !n.is_finite() || n.fract() == 0.0 {
        return 0;
    }
    js_number_string(n)
        .split_once('.')
        .map_or(0, |(_, frac)| frac.len())
}

/// SurveyJS's `correctAfterPlusMinis`: round the result to the larger
/// number of decimals of the operands.
pub fn fix_plus_minus(a: f64, b: f64, result: f64) -> f64 {
    round_to(result, decimals(a).max(decimals(b)))
}

/// SurveyJS's `correctAfterMultiple`: round to the sum of the decimals.
fn fix_multiply(a: f64, b: f64, result: f64) -> f64 {
    round_to(result, decimals(a) + decimals(b))
}

/// `parseFloat(x.toFixed(digits))`; JavaScript refuses more than 100
/// digits, and so nothing is rounded then.
fn round_to(x: f64, digits: usize) -> f64 {
    if digits == 0 || digits > 100 || !x.is_finite() {
        return x;
    }
    crate::text::parse_f64(&format!("{x:.digits$}")).unwrap_or(x)
}

/// `a and b`: JavaScript's `&&` on the filled operands — the left operand
/// when it is falsy, else the right one. In a condition the result is read
/// with [`Value::is_true`].
pub fn and(a: Value, b: Value) -> Value {
    let (a, b) = (fill_empty(a, &b), b);
    let b = fill_empty(b, &a);
    if a.truthy() {
        b
    } else {
        a
    }
}

/// `a or b`: JavaScript's `||` on the filled operands — the left operand
/// when it is truthy, else the right one.
pub fn or(a: Value, b: Value) -> Value {
    let (a, b) = (fill_empty(a, &b), b);
    let b = fill_empty(b, &a);
    if a.truthy() {
        a
    } else {
        b
    }
}
