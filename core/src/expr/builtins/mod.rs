//! The built-in functions, after SurveyJS's `functionsfactory.ts`.
//!
//! A function given arguments it cannot use returns null (or the neutral
//! value SurveyJS returns, such as 0 for `sumInArray`) instead of failing.

mod arrays;
mod dates;

use super::arith::fix_plus_minus;
use super::eval::Evaluator;
use super::value::{js_number_string, Value, MAX_VALUE_DEPTH};
use super::{Expr, Function};

/// Calls `function` on unevaluated `args` (their count already checked by
/// the parser). `iif` evaluates only the branch it returns, and the
/// `…InArray` functions evaluate their filter once per item.
pub fn call(ev: &Evaluator<'_>, function: Function, args: &[Expr]) -> Value {
    use Function::*;
    if function == Iif {
        return iif(ev, args);
    }
    if function.takes_item_filter() {
        return arrays::in_array(ev, function, args);
    }
    let values: Vec<Value> = args.iter().map(|a| ev.eval(a)).collect();
    if !ev.charge(values.iter().map(size).sum()) {
        return Value::Null;
    }
    match function {
        Sum => sum(&values),
        Avg => avg(&values),
        Min => extreme(&values, |a, b| a < b),
        Max => extreme(&values, |a, b| a > b),
        Count => Value::Number(flatten(&values).len() as f64),
        Round => round(&values),
        Trunc => trunc(&values),
        Substring => substring(&values),
        _ => dates::call(ev.scope.today(), function, &values),
    }
}

/// How many values a value holds, nested ones included: the step cost of
/// walking it.
pub fn size(v: &Value) -> u64 {
    match v {
        Value::Array(items) => 1 + items.iter().map(size).sum::<u64>(),
        Value::Object(fields) => 1 + fields.values().map(size).sum::<u64>(),
        _ => 1,
    }
}

/// `iif(condition, then, else)`: JavaScript truthiness picks the branch; a
/// missing `else` is null.
fn iif(ev: &Evaluator<'_>, args: &[Expr]) -> Value {
    let branch = if ev.eval(&args[0]).truthy() {
        args.get(1)
    } else {
        args.get(2)
    };
    branch.map_or(Value::Null, |e| ev.eval(e))
}

/// SurveyJS's `getParamsAsArray`: arrays are flattened, nulls dropped and
/// numeric strings turned into numbers.
fn flatten(values: &[Value]) -> Vec<Value> {
    fn go(v: &Value, depth: usize, out: &mut Vec<Value>) {
        match v {
            Value::Null => {}
            Value::Array(items) if depth < MAX_VALUE_DEPTH * 2 => {
                items.iter().for_each(|item| go(item, depth + 1, out));
            }
            Value::Array(_) => {}
            Value::String(s) => {
                out.push(super::value::survey_number(s).map_or_else(|| v.clone(), Value::Number))
            }
            _ => out.push(v.clone()),
        }
    }
    let mut out = Vec::new();
    values.iter().for_each(|v| go(v, 0, &mut out));
    out
}

/// The numbers among the flattened arguments; booleans count as 0/1 when
/// `with_bools` (JavaScript adds them).
fn numbers(values: &[Value], with_bools: bool) -> Vec<f64> {
    flatten(values)
        .iter()
        .filter_map(|v| match v {
            Value::Number(n) => Some(*n),
            Value::Bool(b) if with_bools => Some(f64::from(u8::from(*b))),
            _ => None,
        })
        .collect()
}

/// `sum(…)`: the numbers (and booleans) among the flattened arguments;
/// other values are skipped. 0 when there are none.
fn sum(values: &[Value]) -> Value {
    Value::number(
        numbers(values, true)
            .into_iter()
            .fold(0.0, |acc, x| fix_plus_minus(acc, x, acc + x)),
    )
}

/// `avg(…)`: the mean of the numbers (and booleans); 0 when there are none.
fn avg(values: &[Value]) -> Value {
    let ns = numbers(values, true);
    if ns.is_empty() {
        return Value::Number(0.0);
    }
    let total = ns
        .iter()
        .fold(0.0, |acc, x| fix_plus_minus(acc, *x, acc + x));
    Value::number(total / ns.len() as f64)
}

/// `min(…)` / `max(…)`: the extreme number, null when there is none.
fn extreme(values: &[Value], better: fn(f64, f64) -> bool) -> Value {
    numbers(values, false)
        .into_iter()
        .reduce(|best, x| if better(x, best) { x } else { best })
        .map_or(Value::Null, Value::Number)
}

/// The second argument as a precision, `default` when absent or 0 (SurveyJS
/// reads `params[1] || default`).
fn precision(values: &[Value], default: f64) -> Option<f64> {
    match values.get(1).map(Value::numeric) {
        None => Some(default),
        Some(Some(p)) if p != 0.0 => Some(p),
        Some(Some(_)) => Some(default),
        Some(None) if !values[1].truthy() => Some(default),
        Some(None) => None,
    }
}

/// `round(x, digits = 0)`: SurveyJS multiplies by `1 + ε` before
/// JavaScript's `Math.round` (half towards +∞), so that `round(1.005, 2)`
/// is 1.01; in effect halves round away from zero (`round(-2.5)` is -3).
/// A negative `digits` rounds to tens, hundreds, ….
fn round(values: &[Value]) -> Value {
    let (Some(x), Some(p)) = (values[0].numeric(), precision(values, 0.0)) else {
        return Value::Null;
    };
    let scale = 10f64.powf(p);
    let n = x * scale * (1.0 + f64::EPSILON);
    let f = n.floor();
    let rounded = if n - f >= 0.5 { f + 1.0 } else { f };
    Value::number(rounded / scale)
}

/// `trunc(x, digits = 0)`: cuts the decimal form after `digits` places
/// (a whole positive number of them; otherwise after the point).
fn trunc(values: &[Value]) -> Value {
    let (Some(x), Some(p)) = (values[0].numeric(), precision(values, -1.0)) else {
        return Value::Null;
    };
    let text = js_number_string(x);
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let keep = if p >= 1.0 && p.fract() == 0.0 {
        frac.len().min(p as usize)
    } else {
        0
    };
    let cut = if keep == 0 {
        int.to_string()
    } else {
        format!("{int}.{}", &frac[..keep])
    };
    crate::text::parse_f64(&cut).map_or(Value::Null, Value::number)
}

/// `substring(text, start, end?)`: JavaScript's `String.prototype.substring`
/// over characters — indices clamped to the text, swapped when reversed. A
/// number is read as its decimal text (SurveyJS gives `""` for a number, so
/// a numeric answer such as a postcode could not be cut).
fn substring(values: &[Value]) -> Value {
    let text = match &values[0] {
        Value::String(s) if !s.is_empty() => s.clone(),
        Value::Number(n) => js_number_string(*n),
        _ => return Value::String(String::new()),
    };
    let chars: Vec<char> = text.chars().collect();
    let clamp = |x: f64| x.trunc().clamp(0.0, chars.len() as f64) as usize;
    let Some(start) = values[1].numeric() else {
        return Value::String(String::new());
    };
    let end = values
        .get(2)
        .and_then(Value::numeric)
        .map_or(chars.len(), clamp);
    let (a, b) = (clamp(start).min(end), clamp(start).max(end));
    Value::String(chars[a..b].iter().collect())
}
