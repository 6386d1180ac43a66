//! The fill page's helpers: rendering a page's elements (panels nested)
//! as the logic shows them, and moving focus to a question.

use std::collections::BTreeMap;

use canvass_core::survey::{Element, QuestionKind, Value};
use canvass_core::LoadedSurvey;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::fill_logic::{
    expression_text, keep_hidden_selections, shape, shaped, survey_text, FillLogic,
};
use crate::components::question::{CommentBinding, QuestionView};

/// A DOM id for the element at JSON `path` (`pages[0].elements[2]` →
/// `cv-pages-0--elements-2-`): unique, stable, and safe whatever the
/// question's name contains.
pub fn dom_id(path: &str) -> String {
    let safe: String = path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("cv-{safe}")
}

/// The DOM id of question `name`.
pub fn uid_of(loaded: &LoadedSurvey, name: &str) -> Option<String> {
    loaded.survey.question(name).map(|q| dom_id(&q.path))
}

/// Focuses the first control inside the element with id `uid`.
pub fn focus_first_control(uid: &str) {
    let target = document()
        .get_element_by_id(uid)
        .and_then(|el| {
            el.query_selector("input, select, textarea, button")
                .ok()
                .flatten()
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = target {
        let _ = el.focus();
    }
}

/// Renders `elements`: questions bound to the draft, panels as sections;
/// only what the logic shows, a question re-rendered when its shape
/// (enabled, required, choices offered) changes.
pub fn render_elements<F>(
    elements: Vec<Element>,
    logic: FillLogic,
    problems: RwSignal<BTreeMap<String, String>>,
    set: F,
) -> AnyView
where
    F: Fn(String, Option<Value>) + Clone + Send + Sync + 'static,
{
    let FillLogic { state, draft } = logic;
    elements
        .into_iter()
        .map(|element| match element {
            Element::Question(q) => {
                let name = q.name.clone();
                let is_expression = matches!(q.kind, QuestionKind::Expression { .. });
                let answer = {
                    let name = name.clone();
                    Memo::new(move |_| {
                        if is_expression {
                            state
                                .with(|s| expression_text(s.expression_value(&name)))
                                .map(Value::String)
                        } else {
                            draft.with(|d| d.response.answers.get(&name).cloned())
                        }
                    })
                };
                let problem = {
                    let name = name.clone();
                    Signal::derive(move || problems.with(|p| p.get(&name).cloned()))
                };
                let uid = dom_id(&q.path);
                let current = {
                    let q = q.clone();
                    Memo::new(move |_| state.with(|s| shape(s, &q)))
                };
                let comment = (q.has_other || q.comment.is_some()).then(|| {
                    let (key, set) = (q.comment_key(), set.clone());
                    let read = key.clone();
                    CommentBinding {
                        value: Signal::derive(move || draft.with(|d| d.response.answers.get(&read).cloned())),
                        on_change: Callback::new(move |v| set(key.clone(), v)),
                    }
                });
                let set = set.clone();
                let all = match &q.kind {
                    QuestionKind::Checkbox { choices } | QuestionKind::Tagbox { choices } => Some(choices.clone()),
                    _ => None,
                };
                let on_change = Callback::new(move |v: Option<Value>| {
                    let v = match &all {
                        // Ticking among the offered choices keeps the
                        // selections of hidden ones.
                        Some(choices) => {
                            let offered = current
                                .with_untracked(|s| s.as_ref().map(|s| s.choices.clone()))
                                .unwrap_or_default();
                            let previous = draft.with_untracked(|d| d.response.answers.get(&name).cloned());
                            keep_hidden_selections(choices, &offered, previous.as_ref(), v)
                        }
                        None => v,
                    };
                    set(name.clone(), v)
                });
                (move || {
                    current.get().map(|sh| {
                        let question = shaped(q.clone(), &sh);
                        let uid = uid.clone();
                        view! {
                            // A disabled fieldset makes every control inside
                            // read-only (`enableIf` false).
                            <fieldset class="cv-enable" disabled=!sh.enabled>
                                <QuestionView question uid answer problem on_change comment/>
                            </fieldset>
                        }
                    })
                })
                .into_any()
            }
            Element::Panel(p) => {
                let path = p.path.clone();
                let shown = Memo::new(move |_| state.with(|s| s.panel_visible(&path)));
                let title = p
                    .title
                    .map(|t| view! { <h2 class="cv-panel__title">{survey_text(&t)}</h2> });
                let desc = p
                    .description
                    .map(|d| view! { <p class="cv-panel__desc">{survey_text(&d)}</p> });
                let inner = render_elements(p.elements, logic, problems, set.clone());
                view! {
                    <section class="cv-panel" style:display=move || (!shown.get()).then_some("none")>
                        {title}{desc}{inner}
                    </section>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}
