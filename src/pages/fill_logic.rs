//! The survey logic as the fill page uses it: the response's `LogicState`
//! shared through context, survey texts piped through it (`{name}` →
//! the answer as shown), and a question's logic-dependent shape
//! (visible, enabled, required, which choices are offered).

use canvass_core::expr::{Date, Value as ExprValue};
use canvass_core::logic::{piped, Env, LogicState};
use canvass_core::survey::{
    value_key, Choice, LocalizedText, Question, QuestionKind, Value as Json,
};
use leptos::either::Either;
use leptos::prelude::*;

use crate::clock::LocalTime;
use crate::context::{localized, ui_locale};
use crate::storage::Draft;

/// The fill page's logic state and the draft it was computed from, for
/// the components below the page.
#[derive(Clone, Copy)]
pub struct FillLogic {
    pub state: RwSignal<LogicState>,
    pub draft: RwSignal<Draft>,
}

/// The environment of a response filled now: today's local date and the
/// interface language.
pub fn env_now() -> Env {
    let t = LocalTime::now();
    let today = Date::from_ymd(t.year, t.month, t.day)
        .or_else(|| Date::from_ymd(1970, 1, 1))
        .expect("1970-01-01 is a date");
    Env::new(today, ui_locale().code())
}

/// A survey text in the interface language, as a text node (never HTML).
/// On the fill page a text with a `{name}` reference is piped and follows
/// the answers; any other text is a static string.
pub fn survey_text(text: &LocalizedText) -> Either<String, Memo<String>> {
    let locale = ui_locale().code();
    let logic = use_context::<FillLogic>();
    match logic {
        Some(FillLogic { state, draft }) if text.get(locale).contains('{') => {
            let text = text.clone();
            Either::Right(Memo::new(move |_| {
                state.with(|s| {
                    draft.with(|d| piped(s, &d.response.answers, &text, locale).into_owned())
                })
            }))
        }
        _ => Either::Left(localized(text)),
    }
}

/// What the logic decides about one shown question; the page re-renders
/// the question when it changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub enabled: bool,
    pub required: bool,
    /// Per choice (rate value, matrix column): offered or not.
    pub choices: Vec<bool>,
}

/// The shape of `question` in `state`; `None` when it is hidden.
pub fn shape(state: &LogicState, question: &Question) -> Option<Shape> {
    let name = question.name.as_str();
    if !state.is_visible(name) {
        return None;
    }
    let count = match &question.kind {
        QuestionKind::RadioGroup { choices }
        | QuestionKind::Checkbox { choices }
        | QuestionKind::Dropdown { choices }
        | QuestionKind::Tagbox { choices }
        | QuestionKind::Ranking { choices } => choices.len(),
        QuestionKind::Rating { points, .. } => points.len(),
        QuestionKind::Matrix { columns, .. } => columns.len(),
        _ => 0,
    };
    Some(Shape {
        enabled: state.is_enabled(name),
        required: state.is_required(name),
        choices: (0..count).map(|i| state.choice_visible(name, i)).collect(),
    })
}

/// `question` as shown with `shape`: required per the logic, only the
/// offered choices.
pub fn shaped(mut question: Question, shape: &Shape) -> Question {
    question.is_required = shape.required;
    let keep = |list: &mut Vec<Choice>| {
        let mut i = 0;
        list.retain(|_| {
            i += 1;
            shape.choices.get(i - 1).copied().unwrap_or(true)
        });
    };
    match &mut question.kind {
        QuestionKind::RadioGroup { choices }
        | QuestionKind::Checkbox { choices }
        | QuestionKind::Dropdown { choices }
        | QuestionKind::Tagbox { choices }
        | QuestionKind::Ranking { choices } => keep(choices),
        QuestionKind::Rating { points, .. } => keep(points),
        QuestionKind::Matrix { columns, .. } => keep(columns),
        _ => {}
    }
    question
}

/// An expression question's value as text; empty when it has none.
pub fn expression_text(value: ExprValue) -> Option<String> {
    (!matches!(value, ExprValue::Null)).then(|| value.to_js_string())
}

/// A checkbox answer after a change among the offered choices: the
/// selections of choices not offered now are kept from `previous` (they
/// read as unselected while hidden, and count again when shown,
/// docs/LOGIC.md). Survey order; an empty selection is no answer.
pub fn keep_hidden_selections(
    choices: &[Choice],
    offered: &[bool],
    previous: Option<&Json>,
    new: Option<Json>,
) -> Option<Json> {
    let has = |answer: Option<&Json>, key: &str| {
        answer
            .and_then(Json::as_array)
            .is_some_and(|a| a.iter().any(|v| value_key(v) == key))
    };
    let values: Vec<Json> = choices
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            let key = value_key(&c.value);
            if offered.get(*i).copied().unwrap_or(true) {
                has(new.as_ref(), &key)
            } else {
                has(previous, &key)
            }
        })
        .map(|(_, c)| c.value.clone())
        .collect();
    (!values.is_empty()).then_some(Json::Array(values))
}

#[cfg(test)]
#[path = "fill_logic_tests.rs"]
mod tests;
