//! The types made of questions — `multipletext`, `matrixdropdown`,
//! `matrixdynamic`, `paneldynamic` — rendered by one generic mechanism:
//! each part is an ordinary `QuestionView` bound to a slice of the
//! parent's answer (`answer[key]`, `answer[i]`), and writing it writes the
//! parent's answer back. Rows and panels stack vertically (360 px).

use std::sync::Arc;

use canvass_core::survey::{MatrixRow, Question, QuestionKind, Value};
use canvass_core::LoadedSurvey;
use leptos::prelude::*;
use serde_json::Map;

use super::question::QuestionView;
use crate::context::tr;
use crate::i18n::Key;
use crate::pages::fill_logic::{survey_text, FillLogic};

/// `answer[key]` of an object answer.
fn field(answer: Signal<Option<Value>>, key: String) -> Signal<Option<Value>> {
    Signal::derive(move || {
        answer.with(|a| {
            a.as_ref()
                .and_then(|a| a.get(&key))
                .filter(|v| !v.is_null())
                .cloned()
        })
    })
}

/// Writes `answer[key]`; an object left empty is no answer.
fn set_field(
    answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
    key: String,
) -> Callback<Option<Value>> {
    Callback::new(move |v: Option<Value>| {
        let mut map = match answer.get_untracked() {
            Some(Value::Object(m)) => m,
            _ => Map::new(),
        };
        match v {
            Some(v) => map.insert(key.clone(), v),
            None => map.remove(&key),
        };
        on_change.run((!map.is_empty()).then_some(Value::Object(map)));
    })
}

/// One part, rendered as the question it is.
fn part(
    question: Question,
    uid: String,
    answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> AnyView {
    let problem = Signal::derive(|| None::<String>);
    view! { <QuestionView question uid answer problem on_change/> }.into_any()
}

/// The parts of one object answer (`items`, a row's cells, a panel) of
/// question `owner`. On the fill page core's `Parts` decides, for this row
/// (panel), which parts are shown, enabled and required and what an
/// expression part shows (docs/LOGIC.md "Template parts"); elsewhere every
/// part is shown as declared.
fn parts(
    owner: &str,
    questions: &[Question],
    uid: &str,
    answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> Vec<AnyView> {
    let logic = use_context::<FillLogic>();
    let loaded = use_context::<Arc<LoadedSurvey>>()
        .filter(|l| l.logic.parts(owner).is_some_and(|p| p.has_logic()));
    let states = match (logic, loaded) {
        (Some(FillLogic { state, draft }), Some(loaded)) => {
            let owner = owner.to_owned();
            Some(Memo::new(move |_| {
                let parts = loaded.logic.parts(&owner).expect("checked above");
                answer.with(|item| {
                    state.with(|s| {
                        draft.with(|d| parts.evaluate(item.as_ref(), &s.scope(&d.response.answers)).1)
                    })
                })
            }))
        }
        _ => None,
    };
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let key = q.name.clone();
            let (value, set) = (
                field(answer, key.clone()),
                set_field(answer, on_change, key),
            );
            let uid = format!("{uid}-p{i}");
            let Some(states) = states else {
                return part(q.clone(), uid, value, set);
            };
            let is_expression = matches!(q.kind, QuestionKind::Expression { .. });
            // Visible, enabled, required: the part is rebuilt when one changes.
            let shape = Memo::new(move |_| {
                states.with(|s| s.get(i).map(|p| (p.visible, p.enabled, p.required)))
            });
            let value = if is_expression {
                Signal::derive(move || states.with(|s| s.get(i).and_then(|p| p.computed.clone())))
            } else {
                value
            };
            let q = q.clone();
            (move || {
                shape.get().filter(|(visible, ..)| *visible).map(|(_, enabled, required)| {
                    let mut question = q.clone();
                    question.is_required = required;
                    view! {
                        <fieldset class="cv-enable" disabled=!enabled>
                            {part(question, uid.clone(), value, set)}
                        </fieldset>
                    }
                })
            })
            .into_any()
        })
        .collect()
}

/// `multipletext`: `{item: text}`.
#[component]
pub fn MultipleTextGroup(
    uid: String,
    /// The question's name (its parts' logic is looked up by it).
    owner: String,
    items: Vec<Question>,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    view! { <div class="cv-parts">{parts(&owner, &items, &uid, answer, on_change)}</div> }
}

/// `matrixdropdown`: `{row: {column: value}}`, one fieldset per row.
#[component]
pub fn MatrixDropdownGrid(
    uid: String,
    owner: String,
    rows: Vec<MatrixRow>,
    columns: Vec<Question>,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    rows.into_iter()
        .enumerate()
        .map(|(r, row)| {
            let key = row.key();
            let row_answer = field(answer, key.clone());
            let row_change = set_field(answer, on_change, key.clone());
            view! {
                <fieldset class="cv-matrix__row cv-parts" data-row=key>
                    <legend class="cv-matrix__legend">{survey_text(&row.text)}</legend>
                    {parts(&owner, &columns, &format!("{uid}-r{r}"), row_answer, row_change)}
                </fieldset>
            }
        })
        .collect_view()
}

/// Rows (`matrixdynamic`) or panels (`paneldynamic`) the respondent adds
/// and removes: the answer is `[{part: value}, …]`; rows not yet answered
/// are `{}` in it, as SurveyJS keeps them.
#[component]
pub fn DynamicRows(
    uid: String,
    owner: String,
    parts_of: Vec<Question>,
    /// Rows shown when there is no answer yet.
    initial: u32,
    min: u32,
    max: u32,
    /// Panels (`paneldynamic`) rather than rows: the button texts differ.
    panels: bool,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let stored =
        answer.with_untracked(|a| a.as_ref().and_then(Value::as_array).map_or(0, Vec::len));
    let count = RwSignal::new(stored.max(initial as usize).max(min as usize));
    let write = move |f: &dyn Fn(&mut Vec<Value>)| {
        let mut list = match answer.get_untracked() {
            Some(Value::Array(a)) => a,
            _ => Vec::new(),
        };
        f(&mut list);
        let empty = list.iter().all(|v| v.as_object().is_none_or(Map::is_empty));
        on_change.run((!empty).then_some(Value::Array(list)));
    };
    let (add_text, remove_text, label) = if panels {
        (Key::AddPanel, Key::RemovePanel, Key::PanelNumber)
    } else {
        (Key::AddRow, Key::RemoveRow, Key::RowNumber)
    };
    let at_min = move || count.get() <= min as usize;
    let at_max = move || count.get() >= max as usize;
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let row_answer = Signal::derive(move || {
                    answer.with(|a| a.as_ref().and_then(|a| a.get(i)).filter(|v| !v.is_null()).cloned())
                });
                let row_change = Callback::new(move |v: Option<Value>| {
                    let n = count.get_untracked();
                    write(&|list: &mut Vec<Value>| {
                        if list.len() < n {
                            list.resize(n, Value::Object(Map::new()));
                        }
                        list[i] = v.clone().unwrap_or(Value::Object(Map::new()));
                    })
                });
                let remove = move |_| {
                    write(&|list: &mut Vec<Value>| {
                        if i < list.len() {
                            list.remove(i);
                        }
                    });
                    count.update(|c| *c -= 1);
                };
                let title = tr(label).replace("{}", &(i + 1).to_string());
                view! {
                    <fieldset class="cv-dynamic__row cv-parts" data-testid=format!("dynamic-row-{i}")>
                        <legend class="cv-matrix__legend">{title}</legend>
                        {parts(&owner, &parts_of, &format!("{uid}-d{i}"), row_answer, row_change)}
                        <button type="button" class="cv-button cv-button--ghost" data-testid="remove-row"
                            disabled=at_min on:click=remove>
                            {tr(remove_text)}
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    view! {
        <div class="cv-dynamic">
            {rows}
            <button type="button" class="cv-button" data-testid="add-row"
                disabled=at_max
                on:click=move |_| count.update(|c| *c += 1)>
                {tr(add_text)}
            </button>
        </div>
    }
}
