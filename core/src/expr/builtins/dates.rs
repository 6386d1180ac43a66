//! Date functions. Dates come from answers as `YYYY-MM-DD` strings (or
//! Dates returned by other functions, or JavaScript millisecond numbers);
//! "now" is the scope's today, never a clock.

use super::super::date::Date;
use super::super::value::Value;
use super::super::Function;

pub fn call(today: Date, function: Function, values: &[Value]) -> Value {
    use Function::*;
    let date = |d: Option<Date>| d.map_or(Value::Null, Value::Date);
    let number = |n: Option<i64>| n.map_or(Value::Null, |n| Value::Number(n as f64));
    let day_of = |f: fn(Date) -> i64| match values.first() {
        Some(v) if v.truthy() => number(to_date(v).map(f)),
        _ => Value::Number(f(today) as f64),
    };
    match function {
        Today => match values.first().map(Value::to_number) {
            None => Value::Date(today),
            Some(Some(n)) => date(today.add_days(n.trunc() as i64)),
            Some(None) => Value::Null,
        },
        CurrentDate => Value::Date(today),
        CurrentYear => Value::Number(f64::from(today.ymd().0)),
        Year => day_of(|d| i64::from(d.ymd().0)),
        Month => day_of(|d| i64::from(d.ymd().1)),
        Day => day_of(|d| i64::from(d.ymd().2)),
        Weekday => day_of(|d| i64::from(d.weekday())),
        GetDate if values[0].truthy() => date(to_date(&values[0])),
        GetDate => Value::Null,
        Age => {
            if !values[0].truthy() {
                return Value::Null;
            }
            let unit = unit(values.get(1), "years");
            number(to_date(&values[0]).and_then(|birth| difference(birth, today, unit)))
        }
        DateDiff => {
            if !values[0].truthy() || !values[1].truthy() {
                return Value::Null;
            }
            let unit = unit(values.get(2), "days");
            number(
                to_date(&values[0])
                    .zip(to_date(&values[1]))
                    .and_then(|(a, b)| difference(a, b, unit)),
            )
        }
        DiffDays => {
            if !values[0].truthy() || !values[1].truthy() {
                return Value::Number(0.0);
            }
            number(
                to_date(&values[0])
                    .zip(to_date(&values[1]))
                    .map(|(a, b)| (b.days() - a.days()).abs()),
            )
        }
        DateAdd => date_add(values),
        _ => Value::Null,
    }
}

/// A value as a date: a Date, a date string, or JavaScript milliseconds.
pub fn to_date(v: &Value) -> Option<Date> {
    match v {
        Value::Date(d) => Some(*d),
        Value::String(s) => Date::parse(s),
        Value::Number(ms) => Date::from_millis(*ms),
        _ => None,
    }
}

/// The unit argument: a string, or `default` when absent or empty
/// (SurveyJS: `params[i] || default`). Units are matched exactly, lower
/// case, as in SurveyJS.
fn unit<'v>(v: Option<&'v Value>, default: &'v str) -> &'v str {
    match v {
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(v) if v.truthy() => "",
        _ => default,
    }
}

/// SurveyJS's `dateDiffMonths` from `a` to `b`: `days` is the absolute
/// number of days; `months` counts whole months (one less when `b`'s day of
/// the month is before `a`'s) and `years` whole years of those, signed.
/// Dates carry no time, so `hours`, `minutes` and `seconds` are whole days
/// converted. Other units are null.
fn difference(a: Date, b: Date, unit: &str) -> Option<i64> {
    let days = (b.days() - a.days()).abs();
    let (ya, ma, da) = a.ymd();
    let (yb, mb, db) = b.ymd();
    let months = i64::from(yb - ya) * 12 + i64::from(mb) - i64::from(ma) - i64::from(db < da);
    match unit {
        "days" => Some(days),
        "hours" => Some(days * 24),
        "minutes" => Some(days * 1440),
        "seconds" => Some(days * 86_400),
        "months" => Some(months),
        "years" => Some(months / 12),
        _ => None,
    }
}

/// `dateAdd(date, n, unit = 'days')`: `n` (truncated to a whole number)
/// days, months or years later; hours, minutes and seconds move the date
/// by the whole days they make up (a date is midnight). Months overflow as
/// JavaScript's `setMonth` does.
fn date_add(values: &[Value]) -> Value {
    if !values[0].truthy() {
        return Value::Null;
    }
    let (Some(start), Some(n)) = (to_date(&values[0]), values[1].to_number()) else {
        return Value::Null;
    };
    let n = n.trunc();
    if n.abs() > 1e9 {
        return Value::Null;
    }
    let n = n as i64;
    let result = match unit(values.get(2), "days") {
        "days" => start.add_days(n),
        "months" => start.add_months(n),
        "years" => start.add_months(n * 12),
        "hours" => start.add_days(n.div_euclid(24)),
        "minutes" => start.add_days(n.div_euclid(1440)),
        "seconds" => start.add_days(n.div_euclid(86_400)),
        _ => None,
    };
    result.map_or(Value::Null, Value::Date)
}
