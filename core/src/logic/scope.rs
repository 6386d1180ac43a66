//! What an expression reads: questions' effective values, calculated
//! values, `{locale}` and today's date.
//!
//! A question's *effective* value is its stored answer while it is visible
//! (itself and every panel and page around it), minus any choice whose
//! `visibleIf` is false; a hidden question reads as empty, and an
//! expression question reads as its computed value. The stored answers are
//! never changed: hiding is undone by showing again.

use std::borrow::Cow;

use crate::expr::{Date, Scope, Value};
use crate::response::Answers;
use crate::survey::Value as Json;

use super::layout::{ChoiceShape, Layout, Target};

/// The environment expressions run in: today's date (for `today()`,
/// `age()`) and the UI language (`{locale}`). Passed in rather than read
/// from a clock, so that a state can be recomputed identically.
#[derive(Debug, Clone, PartialEq)]
pub struct Env {
    pub today: Date,
    /// The UI language as SurveyJS writes locales (`zh-cn`, `en`).
    pub locale: String,
}

impl Env {
    pub fn new(today: Date, locale: impl Into<String>) -> Env {
        Env {
            today,
            locale: locale.into(),
        }
    }
}

/// What one graph node last computed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Output {
    /// Not computed yet, or a question node (nothing to keep).
    Unset,
    Bool(bool),
    Value(Value),
}

impl Output {
    pub fn is_true(&self) -> bool {
        matches!(self, Output::Bool(true))
    }

    pub fn value(&self) -> Value {
        match self {
            Output::Value(v) => v.clone(),
            Output::Bool(b) => Value::Bool(*b),
            Output::Unset => Value::Null,
        }
    }
}

/// Reads a state's outputs together with the answers.
pub(crate) struct Reader<'a> {
    pub layout: &'a Layout,
    pub outputs: &'a [Output],
    pub answers: &'a Answers,
    pub env: &'a Env,
}

impl<'a> Reader<'a> {
    /// Whether element `e` and every element around it are visible.
    pub fn visible(&self, e: usize) -> bool {
        self.layout
            .chain(e)
            .all(|el| el.visible_if.is_none_or(|n| self.outputs[n].is_true()))
    }

    /// Whether option `i` of question `e` is offered.
    pub fn choice_visible(&self, e: usize, i: usize) -> bool {
        match self.layout.elements[e].choices.get(i) {
            Some((_, Some(n))) => self.outputs[*n].is_true(),
            _ => true,
        }
    }

    /// The effective value of question `e` (see the module docs).
    pub fn answer(&self, e: usize) -> Option<Cow<'a, Json>> {
        if !self.visible(e) {
            return None;
        }
        let el = &self.layout.elements[e];
        if let Some(node) = el.computed {
            return Some(Cow::Owned(self.outputs[node].value().to_json()));
        }
        let raw = self.answers.get(&el.name)?;
        if !el.hides_choices() {
            return Some(Cow::Borrowed(raw));
        }
        let hidden = |v: &Json| {
            el.choices
                .iter()
                .enumerate()
                .any(|(i, (value, _))| same(value, v) && !self.choice_visible(e, i))
        };
        match (el.choice_shape, raw) {
            (Some(ChoiceShape::One), v) if hidden(v) => None,
            (Some(ChoiceShape::Many), Json::Array(items)) if items.iter().any(hidden) => {
                Some(Cow::Owned(Json::Array(
                    items.iter().filter(|v| !hidden(v)).cloned().collect(),
                )))
            }
            (Some(ChoiceShape::Cells), Json::Object(cells)) if cells.values().any(hidden) => {
                // `extend`, not `collect`: see `crate::small_sort`.
                let mut kept = serde_json::Map::new();
                kept.extend(
                    cells
                        .iter()
                        .filter(|(_, v)| !hidden(v))
                        .map(|(k, v)| (k.clone(), v.clone())),
                );
                Some(Cow::Owned(Json::Object(kept)))
            }
            _ => Some(Cow::Borrowed(raw)),
        }
    }
}

impl Scope for Reader<'_> {
    /// Known names always give a value (null when empty), so that the
    /// longest known prefix of a path wins, as it did when the path was
    /// checked at load time.
    fn get(&self, name: &str) -> Option<Value> {
        Some(match self.layout.lookup(name)? {
            // An expression question's value as computed (a date stays a date).
            Target::Question(e) if self.layout.elements[e].computed.is_some() => {
                match self.layout.elements[e].computed {
                    Some(node) if self.visible(e) => self.outputs[node].value(),
                    _ => Value::Null,
                }
            }
            Target::Question(e) => self.answer(e).map_or(Value::Null, |v| Value::from_json(&v)),
            Target::Calculated(i) => self.outputs[self.layout.calculated[i].1].value(),
            Target::Locale => Value::String(self.env.locale.clone()),
        })
    }

    fn today(&self) -> Date {
        self.env.today
    }
}

/// Whether an answer equals a choice value: numbers by value (`3` is
/// `3.0`), everything else exactly — as scoring compares them.
pub(crate) fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}
