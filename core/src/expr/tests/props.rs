//! Properties over arbitrary input. Case counts follow PROPTEST_CASES (256
//! by default); run with PROPTEST_CASES=200000 for a long campaign.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::TODAY;
use crate::expr::compare::{all_of, any_of, contains, loose_eq, not_contains, order};
use crate::expr::{BinaryOp, Date, Expr, Function, Literal, MapScope, UnaryOp, Value, Variable};

/// Words and symbols the language knows, plus a few it does not, so that a
/// random sequence is often nearly valid.
const VOCABULARY: &[&str] = &[
    "{a}",
    "{b}",
    "{m.r1}",
    "{l[0]}",
    "{l[1].p}",
    "{#a}",
    "{a.length}",
    "1",
    "0",
    "2.5",
    "-3",
    "0x1F",
    "'x'",
    "\"5\"",
    "''",
    "'2026-11-23'",
    "true",
    "false",
    "null",
    "undefined",
    "yes",
    "(",
    ")",
    "[",
    "]",
    ",",
    "+",
    "-",
    "*",
    "/",
    "%",
    "^",
    "=",
    "==",
    "!=",
    "<>",
    "<",
    "<=",
    ">",
    ">=",
    "!",
    "&&",
    "||",
    "and",
    "or",
    "not",
    "negate",
    "empty",
    "notempty",
    "contains",
    "notcontains",
    "anyof",
    "allof",
    "*=",
    "power",
    "iif(",
    "sum(",
    "avg(",
    "min(",
    "max(",
    "count(",
    "round(",
    "trunc(",
    "age(",
    "today(",
    "year(",
    "dateAdd(",
    "dateDiff(",
    "diffDays(",
    "getDate(",
    "substring(",
    "sumInArray(",
    "countInArray(",
    "maxInArray(",
    "'{p} > 1'",
    "nosuch(",
    "{",
    "}",
    "'",
    "@",
    ".",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(VOCABULARY), prop::bool::ANY), 0..40).prop_map(
        |tokens| {
            tokens
                .into_iter()
                .map(|(t, space)| {
                    if space {
                        format!("{t} ")
                    } else {
                        t.to_string()
                    }
                })
                .collect()
        },
    )
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as J;
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        prop_oneof![
            any::<i32>().prop_map(f64::from),
            any::<f64>(),
            Just(0.5),
            Just(-0.0)
        ]
        .prop_map(|n| serde_json::Number::from_f64(n).map_or(J::Null, J::Number)),
        prop::sample::select(vec![
            "",
            "5",
            "01",
            "abc",
            "ABC ",
            "true",
            "2026-11-23",
            "1,5",
            "0x10",
            "'q'",
            "-2.5e3"
        ])
        .prop_map(|s| J::String(s.to_string())),
        "\\PC{0,6}".prop_map(J::String),
    ];
    leaf.prop_recursive(4, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(J::Array),
            prop::collection::btree_map(
                prop::sample::select(vec!["p", "q", "r1", "P", "a.b"]),
                inner,
                0..4
            )
            .prop_map(|m| J::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

fn scope_values() -> impl Strategy<Value = BTreeMap<String, serde_json::Value>> {
    prop::collection::btree_map(
        prop::sample::select(vec!["a", "b", "m", "l", "A", "x"]),
        json_value(),
        0..6,
    )
    .prop_map(|m| m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn literal() -> impl Strategy<Value = Literal> {
    prop_oneof![
        Just(Literal::Null),
        any::<bool>().prop_map(Literal::Bool),
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(Literal::Number),
        prop_oneof![Just(0.5), Just(-0.0), Just(1e21), Just(-7.0)].prop_map(Literal::Number),
        "\\PC{0,8}".prop_map(Literal::String),
        "['\\\\a]{0,4}".prop_map(Literal::String),
    ]
}

fn variable() -> impl Strategy<Value = Variable> {
    ("[a-zA-Z_][a-zA-Z0-9_. \\[\\]#]{0,8}", any::<bool>()).prop_map(|(name, raw)| Variable {
        name: name.trim().to_string(),
        raw,
    })
}

fn ast() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        literal().prop_map(Expr::Literal),
        variable().prop_map(Expr::Variable)
    ];
    leaf.prop_recursive(6, 48, 4, |inner| {
        let unary = prop::sample::select(vec![
            UnaryOp::Not,
            UnaryOp::Neg,
            UnaryOp::Empty,
            UnaryOp::NotEmpty,
        ]);
        let binary = prop::sample::select(vec![
            BinaryOp::Or,
            BinaryOp::And,
            BinaryOp::Eq,
            BinaryOp::NotEq,
            BinaryOp::Lt,
            BinaryOp::Le,
            BinaryOp::Gt,
            BinaryOp::Ge,
            BinaryOp::Add,
            BinaryOp::Sub,
            BinaryOp::Mul,
            BinaryOp::Div,
            BinaryOp::Mod,
            BinaryOp::Pow,
            BinaryOp::Contains,
            BinaryOp::NotContains,
            BinaryOp::AnyOf,
            BinaryOp::AllOf,
        ]);
        let functions: Vec<Function> = Function::all().collect();
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Expr::Array),
            (unary, inner.clone()).prop_map(|(op, e)| Expr::Unary {
                op,
                operand: Box::new(e)
            }),
            (binary, inner.clone(), inner.clone()).prop_map(|(op, l, r)| Expr::Binary {
                op,
                left: Box::new(l),
                right: Box::new(r)
            }),
            (
                prop::sample::select(functions),
                prop::collection::vec(inner, 0..4)
            )
                .prop_map(|(function, mut args)| {
                    let max = function.max_args().unwrap_or(4);
                    args.truncate(max);
                    while args.len() < function.min_args() {
                        args.push(Expr::Literal(Literal::Number(1.0)));
                    }
                    // A string literal filter is compiled as an expression.
                    if function.takes_item_filter()
                        && matches!(args.get(2), Some(Expr::Literal(Literal::String(_))))
                    {
                        args[2] = Expr::Literal(Literal::Null);
                    }
                    Expr::Call { function, args }
                }),
        ]
    })
}

fn run(expr: &Expr, values: &BTreeMap<String, serde_json::Value>) -> Value {
    let scope = MapScope::new(values, Date::parse(TODAY).expect("a date"));
    let value = expr.evaluate(&scope);
    let _ = value.to_json();
    value
}

fn value() -> impl Strategy<Value = Value> {
    json_value().prop_map(|j| Value::from_json(&j))
}

proptest! {
    #[test]
    fn parse_never_panics_on_any_text(src in "\\PC{0,200}") {
        let _ = Expr::parse(&src);
    }

    #[test]
    fn parse_never_panics_on_any_string(src in any::<String>()) {
        let _ = Expr::parse(&src);
    }

    #[test]
    fn token_soup_parses_prints_and_evaluates(src in token_soup(), values in scope_values()) {
        if let Ok(expr) = Expr::parse(&src) {
            let printed = expr.to_string();
            let reparsed = Expr::parse(&printed);
            prop_assert_eq!(reparsed.as_ref(), Ok(&expr), "printed as {}", printed);
            run(&expr, &values);
        }
    }

    #[test]
    fn printed_trees_read_back_identical(expr in ast()) {
        let printed = expr.to_string();
        let reparsed = Expr::parse(&printed);
        prop_assert_eq!(reparsed.as_ref(), Ok(&expr), "printed as {}", printed);
        prop_assert_eq!(reparsed.map(|e| e.to_string()), Ok(printed));
    }

    #[test]
    fn evaluation_never_panics(expr in ast(), values in scope_values()) {
        let v = run(&expr, &values);
        if let Value::Number(n) = v {
            prop_assert!(n.is_finite());
        }
    }

    #[test]
    fn equality_is_symmetric_and_reflexive(a in value(), b in value()) {
        prop_assert_eq!(loose_eq(&a, &b), loose_eq(&b, &a));
        prop_assert!(loose_eq(&a, &a));
        prop_assert_eq!(order(&a, &b), order(&b, &a).map(std::cmp::Ordering::reverse));
        let _ = (contains(&a, &b), not_contains(&a, &b), any_of(&a, &b), all_of(&a, &b));
    }
}
