//! The guarantees behind "never blow the stack, never run for long".

use std::collections::BTreeMap;

use serde_json::json;

use super::TODAY;
use crate::expr::{Date, Expr, MapScope, Value, MAX_DEPTH};

/// The most deeply nested expression of each shape that still parses.
fn deepest() -> Vec<String> {
    let nest = |open: &str, close: &str| {
        let fits =
            |n: usize| Expr::parse(&format!("{}1{}", open.repeat(n), close.repeat(n))).is_ok();
        let n = (1..=MAX_DEPTH)
            .take_while(|&n| fits(n))
            .last()
            .expect("one level fits");
        format!("{}1{}", open.repeat(n), close.repeat(n))
    };
    let mut shapes: Vec<String> = [
        ("(", ")"),
        ("[", "]"),
        ("sum(", ")"),
        ("iif(true, ", ", 0)"),
        ("!", ""),
        ("-", ""),
        ("-(", ")"),
        ("sumInArray({rows}, 'x', ", ")"),
        ("({a} + ", ") * 2"),
    ]
    .iter()
    .map(|(open, close)| nest(open, close))
    .collect();
    shapes.push(vec!["{a}"; MAX_DEPTH].join(" + "));
    shapes.push(vec!["{s}"; MAX_DEPTH].join(" contains "));
    shapes.push(format!("1{}", " empty".repeat(MAX_DEPTH - 1)));
    shapes
}

#[test]
fn deepest_expressions_parse_print_and_run_on_a_small_stack() {
    // A browser gives wasm 1 MiB of stack. Optimised code needs under
    // 192 KiB here (measured); unoptimised frames are about four times
    // larger, so a debug build gets 1 MiB, half a test thread's default.
    let stack = if cfg!(debug_assertions) { 1024 } else { 256 } * 1024;
    let worker = std::thread::Builder::new().stack_size(stack).spawn(|| {
        let answers: BTreeMap<String, serde_json::Value> =
            serde_json::from_value(json!({"a": 1, "s": "x", "rows": [{"x": 1}, {"x": 2}]}))
                .expect("an object");
        let scope = MapScope::new(&answers, Date::parse(TODAY).expect("a date"));
        for src in deepest() {
            let expr =
                Expr::parse(&src).unwrap_or_else(|e| panic!("{}…: {e}", &src[..40.min(src.len())]));
            let printed = expr.to_string();
            assert_eq!(Expr::parse(&printed).as_ref(), Ok(&expr));
            let _ = expr.evaluate(&scope);
            let _ = expr.variables();
        }
    });
    worker
        .expect("thread starts")
        .join()
        .expect("no stack overflow");
}

#[test]
fn work_is_bounded_by_the_step_budget() {
    let rows: Vec<serde_json::Value> = (0..2000).map(|i| json!({"x": i})).collect();
    let answers: BTreeMap<String, serde_json::Value> = [("rows".to_string(), json!(rows))].into();
    let scope = MapScope::new(&answers, Date::parse(TODAY).expect("a date"));
    // 2000³ filter evaluations if unbounded.
    let slow = "sumInArray({rows}, 'x', sumInArray({rows}, 'x', sumInArray({rows}, 'x') > 0) > 0)";
    let started = std::time::Instant::now();
    assert_eq!(
        Expr::parse(slow).expect("parses").evaluate(&scope),
        Value::Null
    );
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
    // The same shape over a small array is well within budget.
    let fine = Expr::parse("sumInArray({rows}, 'x', {x} < 3)").expect("parses");
    assert_eq!(fine.evaluate(&scope), Value::Number(3.0));
    // Comparing two large arrays is charged for the pairs it may examine.
    let big = Expr::parse("{rows} = {rows}").expect("parses");
    assert_eq!(big.evaluate(&scope), Value::Null);
}
