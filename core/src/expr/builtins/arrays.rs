//! `sumInArray`, `avgInArray`, `countInArray`, `minInArray`, `maxInArray`:
//! one field over the items of an array answer (a dynamic matrix or panel),
//! optionally filtered by a condition on each item.

use super::super::eval::Evaluator;
use super::super::scope::ItemScope;
use super::super::value::Value;
use super::super::{Expr, Function};

/// Runs an `…InArray` function. The first argument is the array (an
/// object's values are its items), the second the field name (a string),
/// the optional third a condition evaluated in each item's scope — the
/// item's fields first, then the enclosing scope; an item counts only when
/// the condition holds ([`Value::is_true`]).
///
/// Items whose field is empty are skipped. `sum`, `min` and `max` use the
/// numeric values (numbers and numeric strings); `count` counts every
/// non-empty value, and `avg` is the sum divided by that count, as in
/// SurveyJS. With nothing to add, `sum`, `count` and `avg` give 0 and
/// `min`, `max` null.
pub fn in_array(ev: &Evaluator<'_>, function: Function, args: &[Expr]) -> Value {
    let data = ev.eval(&args[0]);
    let field = ev.eval(&args[1]);
    let filter = args.get(2);
    let items: Vec<&Value> = match &data {
        Value::Array(items) => items.iter().collect(),
        Value::Object(fields) => fields.values().collect(),
        _ => Vec::new(),
    };
    let Value::String(field) = field else {
        return empty_result(function);
    };
    let mut total = 0.0;
    let mut count = 0usize;
    let mut numbers = Vec::new();
    for item in items {
        if !ev.charge(1) {
            return Value::Null;
        }
        let Value::Object(fields) = item else {
            continue;
        };
        let Some(value) = fields.get(&field).filter(|v| !v.is_empty()) else {
            continue;
        };
        if let Some(filter) = filter {
            let scope = ItemScope {
                item,
                outer: ev.scope,
            };
            if !ev.with_scope(&scope).eval(filter).is_true() {
                continue;
            }
        }
        count += 1;
        if let Some(n) = value.numeric() {
            total = super::fix_plus_minus(total, n, total + n);
            numbers.push(n);
        }
    }
    match function {
        Function::SumInArray => Value::number(total),
        Function::CountInArray => Value::Number(count as f64),
        Function::AvgInArray if count == 0 => Value::Number(0.0),
        Function::AvgInArray => Value::number(total / count as f64),
        Function::MinInArray => numbers
            .into_iter()
            .reduce(f64::min)
            .map_or(Value::Null, Value::Number),
        Function::MaxInArray => numbers
            .into_iter()
            .reduce(f64::max)
            .map_or(Value::Null, Value::Number),
        _ => Value::Null,
    }
}

fn empty_result(function: Function) -> Value {
    match function {
        Function::MinInArray | Function::MaxInArray => Value::Null,
        _ => Value::Number(0.0),
    }
}
