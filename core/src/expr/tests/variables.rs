use std::collections::BTreeMap;

use serde_json::json;

use super::{answers, check_table, TODAY};
use crate::expr::{Date, Expr, MapScope, Scope, Value};

#[test]
fn paths_and_conversions() {
    check_table(&[
        ("{n5}", "5"),
        ("{ n5 }", "5"),
        ("{N5}", "5"),
        ("{m.r1}", "2"),
        ("{M.R1}", "2"),
        ("{m.r9}", "null"),
        ("{m.r1.x}", "null"),
        ("{arr[1]}", r#""b""#),
        ("{arr[5]}", "null"),
        ("{arr[-1]}", "null"),
        ("{arr[x]}", "null"),
        ("{list[0].price}", "10"),
        ("{list[1].price}", "5"),
        ("{list[2].price}", "null"),
        ("{arr.length}", "3"),
        ("{str.length}", "3"),
        ("{missing.length}", "0"),
        ("{missing}", "null"),
        ("{empty}", "null"),
        ("{earr}", "null"),
        // SurveyJS converts a string answer when an expression reads it...
        ("{s5}", "5"),
        ("{s01}", r#""01""#),
        ("{q}", r#""quoted""#),
        ("{comma}", "1.5"),
        ("{big}", r#""1234567890123456""#),
        ("{bt}", "true"),
        // ...unless the name is written with '#'.
        ("{#s5}", r#""5""#),
        ("{#bt}", r#""true""#),
        ("{# q}", r#""'quoted'""#),
        // A key containing a dot wins over a path; otherwise the path walks.
        ("{a.b}", "1"),
        ("{a.c.d}", "3"),
        ("{a}", r#"{"b":2,"c.d":3}"#),
    ]);
}

#[test]
fn calculated_values_come_after_answers() {
    let answers = answers();
    let calculated: BTreeMap<String, serde_json::Value> =
        serde_json::from_value(json!({"total": 42, "n5": 99})).expect("an object");
    let scope = MapScope::new(&answers, Date::parse(TODAY).expect("a date")).with(&calculated);
    let run = |src: &str| Expr::parse(src).expect("parses").evaluate(&scope);
    assert_eq!(run("{total} + 1"), Value::Number(43.0));
    assert_eq!(
        run("{n5}"),
        Value::Number(5.0),
        "answers are searched first"
    );
}

#[test]
fn a_custom_scope_is_used_as_is() {
    struct Fixed;
    impl Scope for Fixed {
        fn get(&self, name: &str) -> Option<Value> {
            (name == "x").then(|| Value::Array(vec![Value::String("7".into())]))
        }
        fn today(&self) -> Date {
            Date::from_ymd(2000, 1, 1).expect("a date")
        }
    }
    let run = |src: &str| Expr::parse(src).expect("parses").evaluate(&Fixed);
    assert_eq!(run("{x[0]} + 1"), Value::Number(8.0));
    assert_eq!(run("year()"), Value::Number(2000.0));
    assert_eq!(run("{y}"), Value::Null);
}

#[test]
fn variables_are_listed_once_in_order() {
    let expr = Expr::parse("{b} + {a.x} * {b} + sumInArray({rows}, 'p', {p} > {limit}) + {arr[0]}")
        .expect("parses");
    assert_eq!(expr.variables(), ["b", "a.x", "rows", "arr[0]"]);
    assert!(Expr::parse("1 + 2").expect("parses").variables().is_empty());
}

#[test]
fn conditions_read_results_as_surveyjs_does() {
    let answers = answers();
    let scope = MapScope::new(&answers, Date::parse(TODAY).expect("a date"));
    let cases = [
        ("{n5} > 1", true),
        ("{n5} < 1", false),
        ("{missing} = 1", false),
        ("1", true),
        ("2", false),
        ("'1'", true),
        ("'true'", false),
        ("{t}", true),
        ("{missing}", false),
        ("{str} notempty and 1", true),
    ];
    for (src, want) in cases {
        let expr = Expr::parse(src).expect("parses");
        assert_eq!(expr.evaluate_condition(&scope), want, "{src}");
    }
}
