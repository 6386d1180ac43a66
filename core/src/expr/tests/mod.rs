//! Table-driven tests of the expression language. Expected values follow
//! SurveyJS's documented behaviour and its source (`expressions.ts`,
//! `helpers.ts`, `functionsfactory.ts`); the rows marked "Canvass" are the
//! documented deviations (docs/EXPRESSIONS.md).

mod documented;
mod errors;
mod functions;
mod limits;
mod operators;
mod printing;
mod props;
mod variables;

use std::collections::BTreeMap;

use serde_json::json;

use super::{Date, Expr, MapScope};

/// Today in every test: a Monday.
pub const TODAY: &str = "2026-11-23";

/// The answers most rows read.
pub fn answers() -> BTreeMap<String, serde_json::Value> {
    let v = json!({
        "n5": 5, "s5": "5", "s01": "01", "str": "abc", "Name": "Ann", "empty": "",
        "arr": ["a", "b", "c"], "nums": [1, 2, 3], "m": {"r1": 2, "r2": "x"},
        "t": true, "f": false, "zero": 0, "bt": "true", "q": "'quoted'",
        "comma": "1,5", "big": "1234567890123456", "obj": {"a": 1}, "earr": [],
        "list": [{"price": 10, "qty": 2}, {"price": "5", "qty": 1}, {"price": null, "qty": 3}],
        "d": "2000-02-29", "dd": "2026-11-23",
        "a.b": 1, "a": {"b": 2, "c.d": 3}
    });
    serde_json::from_value(v).expect("an object")
}

/// Evaluates `src` over [`answers`] and returns the JSON result.
#[track_caller]
pub fn eval(src: &str) -> serde_json::Value {
    let expr = Expr::parse(src).unwrap_or_else(|e| panic!("{src:?} does not parse: {e}"));
    let answers = answers();
    let scope = MapScope::new(&answers, Date::parse(TODAY).expect("a date"));
    expr.evaluate(&scope).to_json()
}

/// Checks a table of `(source, expected JSON)` rows, reporting every
/// failing row at once.
#[track_caller]
pub fn check_table(rows: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (src, want) in rows {
        let want: serde_json::Value = serde_json::from_str(want)
            .unwrap_or_else(|e| panic!("bad expected JSON {want:?}: {e}"));
        let got = eval(src);
        if got != want {
            failures.push(format!("{src:?}: expected {want}, got {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}
