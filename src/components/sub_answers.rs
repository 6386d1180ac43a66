//! The types made of questions — `multipletext`, `matrixdropdown`,
//! `matrixdynamic`, `paneldynamic` — rendered by one generic mechanism:
//! each part is an ordinary `QuestionView` bound to a slice of the
//! parent's answer (`answer[key]`, `answer[i]`), and writing it writes the
//! parent's answer back. Rows and panels stack vertically (360 px).

use canvass_core::logic::PartCondition;
use canvass_core::survey::{MatrixRow, Question, Value};
use leptos::prelude::*;
use serde_json::Map;

use super::question::QuestionView;
use crate::context::tr;
use crate::i18n::Key;
use crate::pages::fill_logic::{env_now, survey_text, FillLogic};

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

/// The parts of one object answer (`items`, a row's cells, a panel).
/// With `prefix` (`panel`, `row`), a part's `visibleIf` is evaluated for
/// this panel (row), `{prefix.name}` reading its answers.
fn parts(
    questions: &[Question],
    uid: &str,
    prefix: Option<&'static str>,
    answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> Vec<AnyView> {
    let logic = use_context::<FillLogic>();
    let today = env_now().today;
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
            let condition = prefix
                .zip(q.visible_if.as_deref())
                .and_then(|(prefix, source)| PartCondition::new(source, prefix).ok());
            match (condition, logic) {
                (Some(condition), Some(FillLogic { draft, .. })) => {
                    let shown = Memo::new(move |_| {
                        answer.with(|item| {
                            draft.with(|d| {
                                condition.holds(item.as_ref(), &d.response.answers, today)
                            })
                        })
                    });
                    let q = q.clone();
                    (move || {
                        shown
                            .get()
                            .then(|| part(q.clone(), uid.clone(), value, set))
                    })
                    .into_any()
                }
                _ => part(q.clone(), uid, value, set),
            }
        })
        .collect()
}

/// `multipletext`: `{item: text}`.
#[component]
pub fn MultipleTextGroup(
    uid: String,
    items: Vec<Question>,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    view! { <div class="cv-parts">{parts(&items, &uid, None, answer, on_change)}</div> }
}

/// `matrixdropdown`: `{row: {column: value}}`, one fieldset per row.
#[component]
pub fn MatrixDropdownGrid(
    uid: String,
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
                    {parts(&columns, &format!("{uid}-r{r}"), Some("row"), row_answer, row_change)}
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
                        {parts(&parts_of, &format!("{uid}-d{i}"), Some(if panels { "panel" } else { "row" }), row_answer, row_change)}
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
