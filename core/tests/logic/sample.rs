//! Sample 1 (property repair callback): answering 不满意 to the overall
//! question reveals a required "what went wrong" question; answering 满意
//! hides it and the last page validates without it.

use canvass_core::logic::{validate_page, visible_pages, Target};
use serde_json::json;

use super::support::Filling;

const REPAIR: &str = include_str!("../../../samples/property-repair-callback.json");

#[test]
fn a_dissatisfied_overall_answer_asks_what_went_wrong() {
    let mut f = Filling::new(REPAIR);
    let last = f.loaded.survey.pages.len() - 1;
    let problems = |f: &Filling| -> Vec<String> {
        validate_page(&f.loaded.logic, &f.state, last, &f.answers)
            .into_iter()
            .map(|e| match &e.target {
                Target::Question(name) => format!("{name}: {}", e.message("zh-cn")),
                other => format!("{other:?}"),
            })
            .collect()
    };
    assert!(!f.visible("overall_problem"));
    f.set("repair_type", json!("plumbing_electrical"));
    f.set("overall", json!("dissatisfied"));
    assert!(f.visible("overall_problem") && f.state.is_required("overall_problem"));
    assert_eq!(problems(&f), ["overall_problem: 请填写此问题"]);
    f.set("overall_problem", json!("维修后仍然漏水"));
    assert_eq!(problems(&f), Vec::<String>::new());

    f.set("overall", json!("satisfied"));
    assert!(!f.visible("overall_problem"));
    assert!(f.state.hidden_questions().contains("overall_problem"));
    f.set("overall_problem", json!(null));
    assert_eq!(problems(&f), Vec::<String>::new(), "completes without it");
    assert_eq!(visible_pages(&f.state), (0..=last).collect::<Vec<_>>());
}
