//! Calculated values (in chains), expression questions (scored when they
//! declare a range), the values added to the answers, and follow-up
//! conditions through scoring's hook.

use canvass_core::expr::Value as V;
use canvass_core::logic::{FollowUps, LogicState};
use canvass_core::scoring::FollowUpReason;
use serde_json::json;

use super::support::{env, load, page, Filling};

#[test]
fn calculated_values_chain_and_follow_answers() {
    let json = r#"{
      "elements": [
        {"type": "text", "name": "a", "inputType": "number"},
        {"type": "text", "name": "b", "inputType": "number"},
        {"type": "comment", "name": "big", "visibleIf": "{total2} > 100"}
      ],
      "calculatedValues": [
        {"name": "total2", "expression": "{total} * 2"},
        {"name": "total", "expression": "sum({a}, {b})", "includeIntoResult": true},
        {"name": "label", "expression": "iif({total} >= 10, 'high', 'low')"}
      ]
    }"#;
    let mut f = Filling::new(json);
    assert_eq!(f.state.calculated("total"), V::Number(0.0));
    assert_eq!(f.state.calculated("label"), V::String("low".into()));
    f.set("a", json!(30)).set("b", json!(25));
    assert_eq!(f.state.calculated("total"), V::Number(55.0));
    assert_eq!(
        f.state.calculated("total2"),
        V::Number(110.0),
        "declared before what it reads"
    );
    assert_eq!(f.state.calculated("label"), V::String("high".into()));
    assert!(f.visible("big"));
    assert_eq!(f.state.calculated("nosuch"), V::Null);
    let added = f.state.computed_answers(&f.loaded.logic);
    assert_eq!(
        added.into_iter().collect::<Vec<_>>(),
        [("total".to_owned(), json!(55))],
        "only includeIntoResult"
    );
}

#[test]
fn expression_questions_compute_and_are_empty_when_hidden() {
    let json = page(
        r#"{"type": "rating", "name": "q1"}, {"type": "rating", "name": "q2"},
           {"type": "expression", "name": "avg", "expression": "avg({q1}, {q2})", "visibleIf": "{q1} notempty"},
           {"type": "comment", "name": "low", "visibleIf": "{avg} < 3"}"#,
    );
    let mut f = Filling::new(&json);
    assert!(!f.visible("avg") && !f.visible("low"));
    assert_eq!(
        f.state.expression_value("avg"),
        V::Number(0.0),
        "computed even while hidden"
    );
    assert!(
        f.state.computed_answers(&f.loaded.logic).is_empty(),
        "hidden: not added"
    );
    f.set("q1", json!(2)).set("q2", json!(3));
    assert_eq!(f.state.expression_value("avg"), V::Number(2.5));
    assert!(f.visible("low"));
    assert_eq!(
        f.state.computed_answers(&f.loaded.logic).get("avg"),
        Some(&json!(2.5))
    );
    f.set("avg", json!(99));
    assert_eq!(
        f.state.expression_value("avg"),
        V::Number(2.5),
        "a stored value never overrides the expression"
    );
    assert_eq!(
        f.state.expression_value("q1"),
        V::Null,
        "not an expression question"
    );
}

#[test]
fn an_expression_question_with_a_range_is_scored() {
    let json = r#"{
      "elements": [
        {"type": "rating", "name": "q1", "rateMin": 0, "rateMax": 10},
        {"type": "rating", "name": "q2", "rateMin": 0, "rateMax": 10},
        {"type": "expression", "name": "combined", "expression": "{q1} + {q2}", "min": 0, "max": 20}
      ],
      "scoring": {"indicators": [{"name": "all", "children": [{"question": "combined"}]}]}
    }"#;
    let mut f = Filling::with(json, json!({"q1": 7}));
    f.set("q2", json!(8));
    let mut answers = f.answers.clone();
    answers.extend(f.state.computed_answers(&f.loaded.logic));
    let report = f
        .loaded
        .scoring
        .score(&answers, &f.state.hidden_questions())
        .unwrap();
    assert_eq!(report.items[0].x, Some(15.0));
    assert_eq!(report.overall, Some(75.0));

    let unscorable = json.replace(r#", "min": 0, "max": 20"#, r#", "min": 0"#);
    let messages: Vec<String> = canvass_core::load(&unscorable)
        .unwrap_err()
        .errors
        .into_iter()
        .map(|e| e.message)
        .collect();
    assert_eq!(
        messages,
        [
            r#"elements[2] "combined": a scored expression question needs both min and max (max missing)"#
        ]
    );
    // Not scored, no range needed; any value may be stored.
    let plain = load(&page(
        r#"{"type": "expression", "name": "e", "expression": "'text'"}"#,
    ));
    let answers = super::support::answers(json!({"e": "text"}));
    assert!(plain.scoring.score(&answers, &Default::default()).is_ok());
}

#[test]
fn declared_follow_up_conditions_flag_a_response() {
    let json = r#"{
      "elements": [
        {"type": "radiogroup", "name": "sat", "choices": [1, 2, 3, 4, 5], "scored": true},
        {"type": "boolean", "name": "callback"},
        {"type": "comment", "name": "why", "visibleIf": "{sat} <= 3"}
      ],
      "scoring": {"boxSize": 1, "followUp": [
        {"name": "wants_call", "title": {"default": "Asked for a call", "zh-cn": "要求回电"}, "expression": "{callback} = true"},
        {"name": "complained", "expression": "{why} contains '漏水'"}
      ]}
    }"#;
    let loaded = load(json);
    assert_eq!(
        loaded.logic.follow_up_names().collect::<Vec<_>>(),
        ["wants_call", "complained"]
    );
    assert_eq!(
        loaded.survey.scoring.follow_up[0].title.get("zh-cn"),
        "要求回电"
    );
    let conditions = FollowUps::new(&loaded.logic, env());
    let flagged = |answers: serde_json::Value| {
        let answers = super::support::answers(answers);
        let hidden = LogicState::new(&loaded.logic, &answers, env()).hidden_questions();
        let report = loaded
            .scoring
            .score_with(&answers, &hidden, &conditions)
            .unwrap();
        report.follow_up.reasons
    };
    let condition = |name: &str| FollowUpReason::Condition { name: name.into() };
    assert_eq!(flagged(json!({"sat": 4})), []);
    assert_eq!(
        flagged(json!({"sat": 4, "callback": true})),
        [condition("wants_call")]
    );
    assert_eq!(
        flagged(json!({"sat": 3, "why": "厨房漏水"})),
        [condition("complained")]
    );
    assert_eq!(
        flagged(json!({"sat": 5, "why": "厨房漏水"})),
        [],
        "a hidden answer does not count"
    );
    assert_eq!(
        flagged(json!({"sat": 1, "callback": true})),
        [
            FollowUpReason::BottomBox { item: "sat".into() },
            condition("wants_call")
        ]
    );
}

#[test]
fn names_read_inside_an_in_array_filter_are_dependencies_too() {
    // Canvass has no dynamic panels, but an answer may still hold an array
    // of objects; the filter reads {limit} from the survey.
    let json = page(
        r#"{"type": "comment", "name": "items"}, {"type": "text", "name": "limit", "inputType": "number"}"#,
    )
    .replace("]}]}", r#"]}], "calculatedValues": [{"name": "n", "expression": "countInArray({items}, 'price', {price} < {limit})"}]}"#);
    let mut f = Filling::with(&json, json!({"items": [{"price": 3}, {"price": 7}]}));
    assert_eq!(f.state.calculated("n"), V::Number(0.0));
    f.set("limit", json!(5));
    assert_eq!(f.state.calculated("n"), V::Number(1.0));
    f.set("limit", json!(10));
    assert_eq!(f.state.calculated("n"), V::Number(2.0));
}

#[test]
fn scoring_reads_hidden_choices_as_not_selected() {
    let json = r#"{"elements": [
        {"type": "boolean", "name": "owner"},
        {"type": "checkbox", "name": "extras", "scored": true, "choices": [
            {"value": "a", "score": 1}, {"value": "b", "score": 2, "visibleIf": "{owner} = true"}]},
        {"type": "radiogroup", "name": "pick", "scored": true, "choices": [
            {"value": "x", "score": 1, "visibleIf": "{owner} = true"}, {"value": "y", "score": 3}]},
        {"type": "expression", "name": "e", "expression": "1 + 1"}
    ]}"#;
    let f = Filling::with(
        json,
        json!({"owner": false, "extras": ["a", "b"], "pick": "x"}),
    );
    let scored = f.state.scoring_answers(&f.loaded.logic, &f.answers);
    assert_eq!(scored["extras"], json!(["a"]));
    assert!(!scored.contains_key("pick"), "its only selection is hidden");
    assert_eq!(scored["e"], json!(2), "computed values are added");
    assert_eq!(
        f.answers["extras"],
        json!(["a", "b"]),
        "the stored answers are untouched"
    );
    let report = f
        .loaded
        .scoring
        .score(&scored, &f.state.hidden_questions())
        .unwrap();
    assert_eq!(report.raw_total, Some(1.0));
}

#[test]
fn an_expression_question_keeps_its_type_when_read() {
    let json = page(
        r#"{"type": "text", "name": "visit", "inputType": "date"},
           {"type": "expression", "name": "due", "expression": "dateAdd({visit}, 30)"},
           {"type": "expression", "name": "gap", "expression": "diffDays({visit}, {due})"}"#,
    );
    let mut f = Filling::new(&json);
    f.set("visit", json!("2026-11-23"));
    assert_eq!(f.state.expression_value("gap"), V::Number(30.0));
    assert_eq!(
        f.state.computed_answers(&f.loaded.logic).get("due"),
        Some(&json!("2026-12-23"))
    );
}
