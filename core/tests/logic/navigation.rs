//! Page skipping, progress, and the completed text.

use canvass_core::logic::{completed_text, next_page, previous_page, progress, visible_pages};
use serde_json::json;

use super::support::Filling;

const PAGES: &str = r#"{"pages": [
  {"name": "start", "elements": [{"type": "radiogroup", "name": "type", "choices": ["home", "shop", "plant"]}]},
  {"name": "industrial", "visibleIf": "{type} = 'plant'", "elements": [{"type": "rating", "name": "voltage"}]},
  {"name": "all-hidden", "elements": [{"type": "comment", "name": "shop_only", "visibleIf": "{type} = 'shop'"}]},
  {"name": "empty", "elements": []},
  {"name": "end", "elements": [{"type": "rating", "name": "overall"}]}
]}"#;

#[test]
fn pages_without_a_visible_question_are_skipped() {
    let mut f = Filling::new(PAGES);
    let cases: &[(serde_json::Value, &[usize])] = &[
        (json!(null), &[0, 4]),
        (json!("home"), &[0, 4]),
        (json!("plant"), &[0, 1, 4]),
        (json!("shop"), &[0, 2, 4]),
    ];
    for (answer, pages) in cases {
        f.set("type", answer.clone());
        assert_eq!(visible_pages(&f.state), *pages, "type = {answer}");
    }
    f.set("type", json!("plant"));
    assert_eq!(next_page(&f.state, 0), Some(1));
    assert_eq!(next_page(&f.state, 1), Some(4));
    assert_eq!(next_page(&f.state, 4), None, "last page: complete next");
    assert_eq!(previous_page(&f.state, 4), Some(1));
    assert_eq!(previous_page(&f.state, 0), None);
    assert_eq!(progress(&f.state, 0), (1, 3));
    assert_eq!(progress(&f.state, 1), (2, 3));
    assert_eq!(progress(&f.state, 4), (3, 3));
    assert_eq!(
        progress(&f.state, 2),
        (2, 3),
        "a page no longer shown counts as the one before"
    );
    assert!(f.state.page_visible(1) && !f.state.page_visible(9));
}

#[test]
fn the_completed_text_is_chosen_by_condition_piped_and_plain() {
    let json = r#"{
      "elements": [{"type": "radiogroup", "name": "sat", "choices": [
          {"value": 1, "text": {"default": "poor", "zh-cn": "差"}}, {"value": 5, "text": "great"}]}],
      "completedHtml": {"default": "<h3>Thank you!</h3>", "zh-cn": "<h3>谢谢！</h3>"},
      "completedHtmlOnCondition": [
        {"expression": "{sat} = 1", "html": {"default": "<p>Sorry it was <b>{sat}</b>.</p><p>We will call you.</p>", "zh-cn": "抱歉，您的评价是{sat}。"}}
      ]
    }"#;
    let mut f = Filling::new(json);
    let text = |f: &Filling, locale| completed_text(&f.loaded.logic, &f.state, &f.answers, locale);
    assert_eq!(text(&f, "en").as_deref(), Some("Thank you!"));
    assert_eq!(text(&f, "zh-cn").as_deref(), Some("谢谢！"));
    f.set("sat", json!(1));
    assert_eq!(
        text(&f, "en").as_deref(),
        Some("Sorry it was poor.\nWe will call you.")
    );
    assert_eq!(text(&f, "zh-cn").as_deref(), Some("抱歉，您的评价是差。"));

    let plain = Filling::new(r#"{"elements": [{"type": "comment", "name": "c"}]}"#);
    assert_eq!(
        text(&plain, "en"),
        None,
        "no completed text: the UI shows its own"
    );
}
