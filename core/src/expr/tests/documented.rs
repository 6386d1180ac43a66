//! The examples of SurveyJS's "Conditional Logic and Dynamic Texts" page,
//! with the results that page describes.

use std::collections::BTreeMap;

use serde_json::json;

use crate::expr::{Date, Expr, MapScope, Value};

#[test]
fn examples_from_the_surveyjs_documentation() {
    let answers: BTreeMap<String, serde_json::Value> = serde_json::from_value(json!({
        "age": 25, "rank1": 10, "rank2": 8, "rank3": "5", "isLoyal": "Yes",
        "name": "Ann", "speakinglanguages": ["Spanish", "English"],
        "birthdate": "2000-05-01", "question1": 15, "question2": 7,
        "matrixdynamic": [{"total": 600}, {"total": "500"}, {"total": null}],
        "firstName": "John", "lastName": "Smith",
        "startDate": "2026-11-20", "endDate": "2026-11-25"
    }))
    .expect("an object");
    let scope = MapScope::new(&answers, Date::parse("2026-11-23").expect("a date"));
    let cases: &[(&str, Value)] = &[
        ("{age} >= 21", Value::Bool(true)),
        ("({rank1} + {rank2} + {rank3}) > 21 and {isLoyal} = 'yes'", Value::Bool(true)),
        ("!({isLoyal} = 'yes' and ({rank1} + {rank2} + {rank3}) > 21)", Value::Bool(false)),
        ("{name} notempty", Value::Bool(true)),
        ("{name} empty", Value::Bool(false)),
        ("{speakinglanguages} = ['English', 'Spanish']", Value::Bool(true)),
        ("{speakinglanguages} = ['English']", Value::Bool(false)),
        ("{speakinglanguages} contains 'Spanish'", Value::Bool(true)),
        ("age({birthdate}) >= 21", Value::Bool(true)),
        ("iif(age({birthdate}) >= 21, 'Adult', 'Minor')", Value::String("Adult".into())),
        ("iif({question1} + {question2} > 20, 'High', 'Low')", Value::String("High".into())),
        ("sum({question1}, {question2})", Value::Number(22.0)),
        ("sumInArray({matrixdynamic}, 'total') > 1000", Value::Bool(true)),
        ("{firstName} + ' ' + {lastName}", Value::String("John Smith".into())),
        ("diffDays({startDate}, {endDate}) < 7", Value::Bool(true)),
    ];
    for (src, want) in cases {
        let expr = Expr::parse(src).unwrap_or_else(|e| panic!("{src}: {e}"));
        assert_eq!(&expr.evaluate(&scope), want, "{src}");
    }
}
