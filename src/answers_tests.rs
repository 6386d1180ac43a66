use canvass_core::survey::{Choice, LocalizedText, Value};
use serde_json::json;

use super::*;

fn choice(value: Value, na: bool) -> Choice {
    Choice {
        text: LocalizedText::plain(value.to_string()),
        value,
        score: None,
        not_applicable: na,
        visible_if: None,
    }
}

fn choices() -> Vec<Choice> {
    vec![
        choice(json!(1), false),
        choice(json!("b"), false),
        choice(json!(9), true),
    ]
}

#[test]
fn answered_means_something_was_given() {
    let cases = [
        (None, false),
        (Some(json!(null)), false),
        (Some(json!("  ")), false),
        (Some(json!([])), false),
        (Some(json!({})), false),
        (Some(json!(0)), true),
        (Some(json!(false)), true),
        (Some(json!("x")), true),
        (Some(json!([1])), true),
        (Some(json!({"r": 1})), true),
    ];
    for (answer, expected) in cases {
        assert_eq!(is_answered(answer.as_ref()), expected, "{answer:?}");
    }
}

#[test]
fn checkbox_not_applicable_is_exclusive() {
    let c = choices();
    let cases = [
        (None, 0, true, Some(json!([1]))),
        (Some(json!([1])), 1, true, Some(json!([1, "b"]))),
        (Some(json!(["b"])), 0, true, Some(json!([1, "b"]))),
        (Some(json!([1, "b"])), 2, true, Some(json!([9]))),
        (Some(json!([9])), 0, true, Some(json!([1]))),
        (Some(json!([1])), 0, false, None),
        (Some(json!([1, "b"])), 0, false, Some(json!(["b"]))),
    ];
    for (current, index, checked, expected) in cases {
        assert_eq!(
            toggle_choice(&c, current.as_ref(), index, checked),
            expected,
            "{current:?} {index} {checked}"
        );
    }
}

#[test]
fn number_text_becomes_a_json_number() {
    let cases = [
        ("", Some(None)),
        (" 7 ", Some(Some(json!(7)))),
        ("-3", Some(Some(json!(-3)))),
        ("2.5", Some(Some(json!(2.5)))),
        ("abc", None),
        ("inf", None),
    ];
    for (text, expected) in cases {
        assert_eq!(number_answer(text), expected, "{text:?}");
    }
}

#[test]
fn ranking_moves_swap_neighbours_and_stop_at_the_ends() {
    let c = choices();
    let items = ranked(&c, Some(&json!(["b", 9])));
    let order: Vec<_> = items.iter().map(|c| c.value.clone()).collect();
    assert_eq!(order, vec![json!("b"), json!(9), json!(1)]);
    assert_eq!(move_ranked(&items, 1, true), json!([9, "b", 1]));
    assert_eq!(move_ranked(&items, 0, true), json!(["b", 9, 1]));
    assert_eq!(move_ranked(&items, 2, false), json!(["b", 9, 1]));
    assert_eq!(move_ranked(&items, 0, false), json!([9, "b", 1]));
}
