//! Properties: an incremental update always equals a full recompute, on a
//! fixture using every kind of logic and on generated surveys; nothing
//! panics on arbitrary answers; updates evaluate only what depends on the
//! change.

use canvass_core::logic::{validate_page, visible_pages, LogicState};
use canvass_core::response::Answers;
use canvass_core::LoadedSurvey;
use proptest::prelude::*;
use serde_json::{json, Value};

use super::support::{env, load};

const FIXTURE: &str = r#"{
  "pages": [
    {"elements": [
      {"type": "radiogroup", "name": "type", "choices": ["home", "shop", "plant"]},
      {"type": "rating", "name": "sat", "isRequired": true},
      {"type": "checkbox", "name": "topics", "choices": ["price", {"value": "fees", "visibleIf": "{type} = 'home'"}, "noise"]},
      {"type": "comment", "name": "why", "visibleIf": "{sat} <= 2 or {topics} contains 'fees'", "requiredIf": "{sat} = 1"}
    ]},
    {"visibleIf": "{type} = 'plant'", "elements": [
      {"type": "panel", "name": "p", "visibleIf": "{sat} notempty", "enableIf": "{why} empty", "elements": [
        {"type": "matrix", "name": "m", "rows": ["r1", "r2"], "columns": [1, 2, {"value": 3, "visibleIf": "{sat} > 3"}]},
        {"type": "text", "name": "kw", "inputType": "number", "visibleIf": "{m.r1} >= 2"}
      ]}
    ]},
    {"elements": [
      {"type": "expression", "name": "score", "expression": "{total} + iif({m.r2} notempty, {m.r2}, 0)"},
      {"type": "boolean", "name": "call", "visibleIf": "{score} < 5 or {why} notempty"}
    ]}
  ],
  "calculatedValues": [
    {"name": "total", "expression": "sum({sat}, {kw})"},
    {"name": "flag", "expression": "{total} > 3 and {call} != true"},
    {"name": "rows", "expression": "countInArray({m}, 'r1', {sat} > 2)"}
  ]
}"#;

/// Candidate answers per question of the fixture, junk included.
fn fixture_answers() -> Vec<(&'static str, Vec<Value>)> {
    vec![
        (
            "type",
            vec![
                json!("home"),
                json!("shop"),
                json!("plant"),
                json!(null),
                json!(3),
            ],
        ),
        (
            "sat",
            vec![
                json!(1),
                json!(2),
                json!(4),
                json!(5),
                json!(null),
                json!("2"),
            ],
        ),
        (
            "topics",
            vec![
                json!(["fees"]),
                json!(["price", "noise"]),
                json!([]),
                json!(null),
                json!("fees"),
            ],
        ),
        ("why", vec![json!("leak"), json!(""), json!(null)]),
        (
            "m",
            vec![
                json!({"r1": 2}),
                json!({"r1": 1, "r2": 3}),
                json!({}),
                json!(null),
                json!([1]),
            ],
        ),
        ("kw", vec![json!(3), json!(10), json!(null), json!("x")]),
        ("score", vec![json!(100), json!(null)]),
        ("call", vec![json!(true), json!(false), json!(null)]),
        ("nosuch", vec![json!(1)]),
    ]
}

fn apply_all(loaded: &LoadedSurvey, steps: &[(String, Value)]) -> Result<(), TestCaseError> {
    let logic = &loaded.logic;
    let mut answers = Answers::new();
    let mut state = LogicState::new(logic, &answers, env());
    for (question, value) in steps {
        if value.is_null() {
            answers.remove(question);
        } else {
            answers.insert(question.clone(), value.clone());
        }
        state.apply(logic, question, &answers);
        let full = LogicState::new(logic, &answers, env());
        prop_assert_eq!(&state, &full, "after {} = {}", question, value);
        // The rest of the API never panics either.
        for page in 0..loaded.survey.pages.len() {
            validate_page(logic, &state, page, &answers);
        }
        visible_pages(&state);
        state.hidden_questions();
        state.computed_answers(logic);
    }
    Ok(())
}

fn fixture_steps() -> impl Strategy<Value = Vec<(String, Value)>> {
    let candidates = fixture_answers();
    let step = (0..candidates.len(), 0..6usize).prop_map(move |(q, v)| {
        let (name, values) = &candidates[q];
        (name.to_string(), values[v % values.len()].clone())
    });
    prop::collection::vec(step, 1..40)
}

/// Any JSON value, for answers of the wrong shape.
fn junk() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-5i64..10).prop_map(Value::from),
        "[a-z0-9 ]{0,4}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("r[12]|[a-z]{1,2}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A generated survey: `n` questions over up to three pages, some in a
/// panel, each with a condition on earlier questions only (so no cycles),
/// choices hidden by earlier answers, a calculated value and an expression
/// question (read by nothing: `sumq` reads every question, so a condition
/// reading it would be a cycle).
fn generated_survey() -> impl Strategy<Value = (String, usize)> {
    (3usize..10).prop_flat_map(|n| {
        let condition = (0..6usize, 0..100usize, 0..100usize, 1..4usize);
        (Just(n), prop::collection::vec(prop::option::of(condition), n), prop::collection::vec(0..3usize, n), any::<bool>())
    })
    .prop_map(|(n, conditions, pages, panel)| {
        let mut pages_json: Vec<Vec<String>> = vec![Vec::new(); 3];
        for i in 0..n {
            let cond = conditions[i].map(|(kind, a, b, k)| {
                if i == 0 {
                    return format!("{{calc}} >= {k}").replace("{calc}", "{locale}");
                }
                let (a, b) = (a % i, b % i);
                match kind {
                    0 => format!("{{q{a}}} = {k}"),
                    1 => format!("{{q{a}}} notempty"),
                    2 => format!("{{q{a}}} > {k} or {{q{b}}} empty"),
                    3 => format!("sum({{q{a}}}, {{q{b}}}) >= {}", k * 2),
                    4 => format!("{{first}} > {k}"),
                    _ => format!("{{q{a}}} anyof [1, {k}]"),
                }
            });
            let visible = cond.as_ref().map_or(String::new(), |c| format!(r#", "visibleIf": "{c}""#));
            let hide = if i > 0 { format!(r#"{{"value": 3, "visibleIf": "{{q{}}} != 1"}}"#, i - 1) } else { "3".into() };
            pages_json[pages[i]].push(format!(
                r#"{{"type": "radiogroup", "name": "q{i}", "choices": [1, 2, {hide}]{visible}}}"#
            ));
        }
        if panel && pages_json[0].len() > 1 {
            let inner = pages_json[0].split_off(1).join(", ");
            pages_json[0].push(format!(r#"{{"type": "panel", "name": "p", "visibleIf": "{{q0}} != 2", "elements": [{inner}]}}"#));
        }
        pages_json[2].push(r#"{"type": "expression", "name": "e", "expression": "{sumq} * 2"}"#.into());
        let pages: Vec<String> = pages_json.iter().map(|els| format!(r#"{{"elements": [{}]}}"#, els.join(", "))).collect();
        let sum: Vec<String> = (0..n).map(|i| format!("{{q{i}}}")).collect();
        let json = format!(
            r#"{{"pages": [{}], "calculatedValues": [{{"name": "sumq", "expression": "sum({})"}}, {{"name": "first", "expression": "{{q0}} * 2"}}]}}"#,
            pages.join(", "),
            sum.join(", ")
        );
        (json, n)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn incremental_equals_full_recompute_on_the_fixture(steps in fixture_steps()) {
        apply_all(&load(FIXTURE), &steps)?;
    }

    #[test]
    fn incremental_equals_full_recompute_on_generated_surveys(
        (json, n) in generated_survey(),
        raw in prop::collection::vec((0..20usize, 0..5usize), 1..30),
    ) {
        let loaded = load(&json);
        let steps: Vec<(String, Value)> = raw
            .into_iter()
            .map(|(q, v)| (format!("q{}", q % n), [json!(1), json!(2), json!(3), json!(null), json!("1")][v].clone()))
            .collect();
        apply_all(&loaded, &steps)?;
    }

    #[test]
    fn arbitrary_answers_never_panic(values in prop::collection::vec((0..9usize, junk()), 1..20)) {
        let names = fixture_answers();
        let steps: Vec<(String, Value)> = values.into_iter().map(|(q, v)| (names[q].0.to_string(), v)).collect();
        apply_all(&load(FIXTURE), &steps)?;
    }
}

#[test]
fn an_update_evaluates_only_what_depends_on_the_change() {
    // 50 questions, each shown only when the one before is answered 1: a
    // change of q49 is read by nothing; a change of q0 reaches the whole chain.
    let n = 50;
    let elements: Vec<String> = (0..n)
        .map(|i| {
            let visible = if i == 0 {
                String::new()
            } else {
                format!(r#", "visibleIf": "{{q{}}} = 1""#, i - 1)
            };
            format!(r#"{{"type": "radiogroup", "name": "q{i}", "choices": [1, 2]{visible}}}"#)
        })
        .collect();
    let loaded = load(&format!(r#"{{"elements": [{}]}}"#, elements.join(", ")));
    let logic = &loaded.logic;
    assert_eq!(logic.expression_count(), n - 1);
    let mut answers = Answers::new();
    let mut state = LogicState::new(logic, &answers, env());
    assert_eq!(
        state.evaluations(),
        (n - 1) as u64,
        "a full computation evaluates everything once"
    );

    let mut step = |question: &str, value: Value, state: &mut LogicState| {
        answers.insert(question.to_owned(), value);
        let before = state.evaluations();
        state.apply(logic, question, &answers);
        state.evaluations() - before
    };
    assert_eq!(step("q49", json!(1), &mut state), 0, "nothing reads q49");
    assert_eq!(step("q10", json!(1), &mut state), 1, "only q11's condition");
    assert_eq!(step("q10", json!(2), &mut state), 1);
    // q0 = 1 shows q1; q1 is unanswered so q2's condition stays false: the
    // update stops there.
    assert_eq!(
        step("q0", json!(1), &mut state),
        2,
        "q1's condition, then q2's (unchanged: stop)"
    );
}
