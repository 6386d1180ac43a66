//! visibleIf on questions, panels, pages and choices; enableIf; requiredIf;
//! hidden questions read as empty; the hidden set scoring uses.

use serde_json::json;

use super::support::{page, Filling};

const SAT: &str = r#"{"type": "radiogroup", "name": "sat", "choices": [1, 2, 3, 4, 5]}"#;

/// Each case: survey, answers, the questions expected hidden.
#[test]
fn visible_if_hides_questions_panels_and_pages() {
    let panel = format!(
        r#"{{"pages": [{{"elements": [{SAT},
            {{"type": "panel", "name": "p", "visibleIf": "{{sat}} <= 2", "elements": [
                {{"type": "comment", "name": "why"}},
                {{"type": "panel", "name": "inner", "elements": [{{"type": "comment", "name": "deep"}}]}}
            ]}}]}}]}}"#
    );
    let pages = format!(
        r#"{{"pages": [{{"elements": [{SAT}]}},
            {{"visibleIf": "{{sat}} notempty and {{sat}} < 3", "elements": [{{"type": "comment", "name": "why"}}]}},
            {{"elements": [{{"type": "comment", "name": "other", "visibleIf": "{{sat}} = 5"}}]}}]}}"#
    );
    let question = page(&format!(
        r#"{SAT}, {{"type": "comment", "name": "why", "visibleIf": "{{sat}} anyof [1, 2]"}}"#
    ));
    let cases: Vec<(&str, &str, serde_json::Value, &[&str])> = vec![
        ("question, unanswered", &question, json!({}), &["why"]),
        ("question, shown", &question, json!({"sat": 2}), &[]),
        ("question, hidden", &question, json!({"sat": 4}), &["why"]),
        (
            "panel hides its nested questions",
            &panel,
            json!({"sat": 5}),
            &["deep", "why"],
        ),
        ("panel shown", &panel, json!({"sat": 1}), &[]),
        ("page hidden", &pages, json!({"sat": 4}), &["other", "why"]),
        (
            "page shown, other hidden",
            &pages,
            json!({"sat": 1}),
            &["other"],
        ),
        (
            "page hidden, other shown",
            &pages,
            json!({"sat": 5}),
            &["why"],
        ),
    ];
    for (name, survey, answers, hidden) in cases {
        let f = Filling::with(survey, answers);
        let got = f.state.hidden_questions();
        let got: Vec<&str> = got.iter().map(String::as_str).collect();
        assert_eq!(got, hidden, "{name}");
    }
}

#[test]
fn visibility_follows_each_answer_change() {
    let json = page(&format!(
        r#"{SAT}, {{"type": "comment", "name": "why", "visibleIf": "{{sat}} <= 2"}}"#
    ));
    let mut f = Filling::new(&json);
    assert!(!f.visible("why"), "a condition on an empty answer is false");
    f.set("sat", json!(1));
    assert!(f.visible("why"));
    f.set("sat", json!(4));
    assert!(!f.visible("why"));
    f.set("sat", json!(null));
    assert!(!f.visible("why"));
}

#[test]
fn a_hidden_question_reads_as_empty_but_keeps_its_answer() {
    // q3 depends on q2, which depends on q1: hiding q2 hides q3 too, and
    // showing q2 again brings its kept answer back.
    let json = page(
        r#"{"type": "boolean", "name": "q1"},
           {"type": "radiogroup", "name": "q2", "choices": ["a", "b"], "visibleIf": "{q1} = true"},
           {"type": "comment", "name": "q3", "visibleIf": "{q2} = 'b'"},
           {"type": "comment", "name": "q4", "visibleIf": "{q2} empty"}"#,
    );
    let mut f = Filling::new(&json);
    f.set("q1", json!(true)).set("q2", json!("b"));
    assert!(f.visible("q3") && !f.visible("q4"));
    f.set("q1", json!(false));
    assert!(
        !f.visible("q2") && !f.visible("q3"),
        "q2 hidden reads as empty"
    );
    assert!(f.visible("q4"));
    assert_eq!(f.answers["q2"], json!("b"), "the stored answer is kept");
    f.set("q1", json!(true));
    assert!(
        f.visible("q3"),
        "showing q2 again restores what depends on it"
    );
}

#[test]
fn choices_can_be_hidden_and_a_hidden_choice_reads_as_unselected() {
    let json = page(
        r#"{"type": "boolean", "name": "owner"},
           {"type": "checkbox", "name": "topics", "choices": [
               "price", {"value": "fees", "visibleIf": "{owner} = true"}, "noise"]},
           {"type": "comment", "name": "about_fees", "visibleIf": "{topics} contains 'fees'"},
           {"type": "radiogroup", "name": "pick", "choices": [
               {"value": 1, "visibleIf": "{owner} = false"}, 2]},
           {"type": "comment", "name": "picked", "visibleIf": "{pick} notempty"}"#,
    );
    let mut f = Filling::new(&json);
    assert!(!f.state.choice_visible("topics", 1));
    assert!(f.state.choice_visible("topics", 0) && f.state.choice_visible("topics", 2));
    assert!(!f.state.choice_visible("topics", 3), "no such choice");
    f.set("owner", json!(true))
        .set("topics", json!(["fees", "noise"]));
    assert!(f.visible("about_fees"));
    f.set("owner", json!(false));
    assert!(!f.visible("about_fees"), "fees is hidden, so not selected");
    f.set("pick", json!(1));
    assert!(f.visible("picked"));
    f.set("owner", json!(true));
    assert!(
        !f.visible("picked"),
        "the chosen choice is hidden: no answer"
    );
}

#[test]
fn enable_if_and_required_if_follow_answers_and_inherit() {
    let json = r#"{"pages": [{"enableIf": "{lock} != true", "elements": [
        {"type": "boolean", "name": "lock"},
        {"type": "boolean", "name": "contact"},
        {"type": "text", "name": "phone", "isRequired": true, "requiredIf": "{contact} = true"},
        {"type": "panel", "name": "p", "enableIf": "{contact} = true", "elements": [
            {"type": "text", "name": "time", "isRequired": true}]}
    ]}]}"#;
    let mut f = Filling::new(json);
    assert!(
        !f.state.is_required("phone"),
        "requiredIf replaces isRequired"
    );
    assert!(f.state.is_required("time"));
    assert!(!f.state.is_enabled("time") && f.state.is_enabled("phone"));
    assert!(!f.state.panel_enabled("pages[0].elements[3]"));
    f.set("contact", json!(true));
    assert!(f.state.is_required("phone") && f.state.is_enabled("time"));
    assert!(f.state.panel_enabled("pages[0].elements[3]"));
    f.set("lock", json!(true));
    assert!(
        !f.state.is_enabled("phone") && !f.state.is_enabled("time"),
        "the page disables all"
    );
    assert!(!f.state.is_visible("nosuch") && !f.state.is_required("nosuch"));
}

#[test]
fn the_hidden_set_feeds_scoring() {
    let json = r#"{"elements": [
        {"type": "radiogroup", "name": "sat", "choices": [1, 2, 3, 4, 5], "scored": true},
        {"type": "rating", "name": "fix", "visibleIf": "{sat} <= 2", "scored": true}
    ]}"#;
    let f = Filling::with(json, json!({"sat": 5, "fix": 1}));
    let hidden = f.state.hidden_questions();
    assert_eq!(hidden.iter().collect::<Vec<_>>(), ["fix"]);
    let report = f.loaded.scoring.score(&f.answers, &hidden).unwrap();
    assert_eq!(
        report.raw_total,
        Some(5.0),
        "the hidden stored answer is ignored"
    );
    assert_eq!(report.counts.hidden, 1);
}
