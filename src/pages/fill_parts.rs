//! The fill page's helpers: rendering a page's elements (panels nested),
//! finding a page's questions and moving focus to a question.

use std::collections::BTreeMap;

use canvass_core::survey::{Element, Question, Value};
use canvass_core::LoadedSurvey;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::answers::Problem;
use crate::components::question::QuestionView;
use crate::context::localized;
use crate::storage::Draft;

/// The questions of page `page`, panels flattened, in order.
pub fn page_questions(loaded: &LoadedSurvey, page: usize) -> Vec<&Question> {
    fn walk<'a>(elements: &'a [Element], out: &mut Vec<&'a Question>) {
        for e in elements {
            match e {
                Element::Question(q) => out.push(q),
                Element::Panel(p) => walk(&p.elements, out),
            }
        }
    }
    let mut out = Vec::new();
    if let Some(p) = loaded.survey.pages.get(page) {
        walk(&p.elements, &mut out);
    }
    out
}

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

/// Renders `elements`: questions bound to the draft, panels as sections.
pub fn render_elements<F>(
    elements: Vec<Element>,
    draft: RwSignal<Draft>,
    problems: RwSignal<BTreeMap<String, Problem>>,
    set: F,
) -> AnyView
where
    F: Fn(String, Option<Value>) + Clone + Send + Sync + 'static,
{
    elements
        .into_iter()
        .map(|element| match element {
            Element::Question(q) => {
                let name = q.name.clone();
                let answer = {
                    let name = name.clone();
                    Memo::new(move |_| draft.with(|d| d.response.answers.get(&name).cloned()))
                };
                let problem = {
                    let name = name.clone();
                    Signal::derive(move || problems.with(|p| p.get(&name).cloned()))
                };
                let set = set.clone();
                let on_change = Callback::new(move |v| set(name.clone(), v));
                let uid = dom_id(&q.path);
                view! { <QuestionView question=q uid answer problem on_change/> }.into_any()
            }
            Element::Panel(p) => {
                let title = p
                    .title
                    .map(|t| view! { <h2 class="cv-panel__title">{localized(&t)}</h2> });
                let desc = p
                    .description
                    .map(|d| view! { <p class="cv-panel__desc">{localized(&d)}</p> });
                let inner = render_elements(p.elements, draft, problems, set.clone());
                view! { <section class="cv-panel">{title}{desc}{inner}</section> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}
