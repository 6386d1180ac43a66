//! Properties over generated input: `parse` never panics, every error names
//! its place, and the hash depends on content only.

use canvass_core::survey::parse;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Any JSON value, nested up to a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The words of the survey format, so that generated values reach deep
/// into the loader instead of failing at the top.
const KEYS: &[&str] = &[
    "pages",
    "elements",
    "type",
    "name",
    "title",
    "choices",
    "value",
    "text",
    "score",
    "notApplicable",
    "rateMin",
    "rateMax",
    "rateStep",
    "rateValues",
    "rows",
    "columns",
    "inputType",
    "min",
    "max",
    "scoreTrue",
    "scoreFalse",
    "isRequired",
    "weight",
    "boxSize",
    "scoring",
    "indicators",
    "children",
    "question",
    "indicator",
    "row",
    "ahp",
    "weights",
    "minAnswered",
    "grades",
    "basis",
    "bands",
    "overallQuestion",
    "showScore",
    "version",
    "id",
    "default",
    "zh-cn",
    "visibleIf",
];
const WORDS: &[&str] = &[
    "radiogroup",
    "dropdown",
    "checkbox",
    "ranking",
    "rating",
    "boolean",
    "text",
    "comment",
    "matrix",
    "panel",
    "number",
    "date",
    "score",
    "total",
    "q1",
    "q2",
    "m1",
    "r1",
    "s",
    "优",
    "",
];

fn survey_like() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..12).prop_map(Value::from),
        prop::sample::select(vec![-1.5, 0.0, 0.25, 0.5, 1.0, 1e-9, 150.0]).prop_map(Value::from),
        prop::sample::select(WORDS).prop_map(|w| Value::String(w.to_owned())),
    ];
    leaf.prop_recursive(6, 128, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|entries| {
                Value::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// Parses `text` and checks what must hold of any result.
fn check(text: &str) -> Result<(), TestCaseError> {
    match parse(text) {
        Ok((survey, warnings)) => {
            prop_assert_eq!(survey.hash.len(), 64);
            for w in warnings {
                let message = w.to_string();
                prop_assert!(
                    message.starts_with(&format!("{}: ", w.path())),
                    "{}",
                    message
                );
            }
        }
        Err(errors) => {
            prop_assert!(!errors.is_empty());
            for e in errors {
                let message = e.to_string();
                prop_assert!(
                    message.starts_with(&format!("{}: ", e.path())),
                    "{}",
                    message
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_on_any_string(text in ".{0,200}") {
        check(&text)?;
    }

    #[test]
    fn never_panics_on_any_json(value in any_json()) {
        check(&value.to_string())?;
    }

    #[test]
    fn never_panics_on_survey_like_json(value in survey_like()) {
        check(&value.to_string())?;
    }

    #[test]
    fn outcome_and_hash_do_not_depend_on_formatting(value in survey_like()) {
        let compact = parse(&value.to_string());
        let pretty = parse(&serde_json::to_string_pretty(&value).unwrap());
        match (compact, pretty) {
            (Ok((a, _)), Ok((b, _))) => prop_assert_eq!(a, b),
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "compact {:?} but pretty {:?}", a.is_ok(), b.is_ok()),
        }
    }
}

#[test]
fn survey_like_values_sometimes_load() {
    // Guards the generator: if nothing it makes ever loads, the properties
    // above only exercise the error paths.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = survey_like();
    let loaded = (0..2000)
        .filter(|_| {
            parse(
                &strategy
                    .new_tree(&mut runner)
                    .unwrap()
                    .current()
                    .to_string(),
            )
            .is_ok()
        })
        .count();
    assert!(loaded > 0, "no generated survey loaded");
}
