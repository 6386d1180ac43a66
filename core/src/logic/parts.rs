//! The logic of the parts of a question made of questions — the columns of
//! a `matrixdropdown` / `matrixdynamic`, the `templateElements` of a
//! `paneldynamic`, the items of a `multipletext` — evaluated once per row
//! (panel) as SurveyJS does:
//!
//! - in a row (panel), `{row.name}` (`{panel.name}`) reads that row's
//!   (panel's) own answers, every other `{name}` the survey's;
//! - a part's `visibleIf` / `enableIf` / `requiredIf` (and `isRequired`)
//!   hold per row; a hidden or read-only part is never required;
//! - an `expression` part computes its value from the row (panel), in
//!   column order, so a later part (and `{row.total}` in a condition)
//!   reads an earlier one's value. The value is stored in the answer,
//!   as SurveyJS stores expression cells, so that `{q[0].total}`,
//!   `sumInArray({q}, 'total')` and scoring read it;
//! - on completion a hidden part's value is removed from its row, as
//!   SurveyJS's default `clearInvisibleValues: "onComplete"` does.
//!
//! Everything here is a pure function of the question's answer and a
//! [`Scope`] for the rest of the survey (`LogicState::scope`).

use std::collections::BTreeMap;

use crate::expr::{Date, Expr, Scope, Value};
use crate::survey::{LocalizedText, Question, QuestionKind, Value as Json};

use super::error::LogicError;
use super::layout::Layout;
use super::names::resolve;
use super::validate::is_empty;

/// Where a composite question's rows (panels, items) come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Items {
    /// `matrixdropdown`: the declared rows, by key, with their texts.
    Rows(Vec<(String, LocalizedText)>),
    /// `matrixdynamic` / `paneldynamic`: the answer's array; with no
    /// answer yet, `max(initial, min)` empty rows (panels) are shown.
    Dynamic {
        initial: u32,
        min: u32,
        panels: bool,
    },
    /// `multipletext`: one object of items.
    Single,
}

/// Which row (panel) a message is about.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PartItem {
    /// A `matrixdynamic` row, counted from 1.
    Row(usize),
    /// A `paneldynamic` panel, counted from 1.
    Panel(usize),
    /// A `matrixdropdown` row, by its text.
    NamedRow(LocalizedText),
    /// A `multipletext` item (the question has one set of items).
    Item,
}

/// One part compiled.
#[derive(Debug, Clone)]
struct Part {
    name: String,
    title: LocalizedText,
    is_required: bool,
    visible_if: Option<Expr>,
    enable_if: Option<Expr>,
    required_if: Option<Expr>,
    /// `expression` parts: what computes the value.
    expression: Option<Expr>,
}

/// What the logic decides about one part in one row (panel).
#[derive(Debug, Clone, PartialEq)]
pub struct PartState {
    pub visible: bool,
    pub enabled: bool,
    /// Required now: `requiredIf` when given, else `isRequired`; never
    /// while hidden or read-only.
    pub required: bool,
    /// An `expression` part's value (`None`: not an expression part, or
    /// no value).
    pub computed: Option<Json>,
}

/// The parts of one composite question, compiled once.
#[derive(Debug, Clone)]
pub struct Parts {
    /// `row` or `panel`: the name a row's own answers go by; `None` in a
    /// multipletext (items read the survey's names only).
    prefix: Option<&'static str>,
    items: Items,
    parts: Vec<Part>,
}

/// A row (panel): `{prefix…}` reads `item`, everything else `outer`.
struct ItemScope<'a> {
    prefix: Option<&'static str>,
    item: &'a Value,
    outer: &'a dyn Scope,
}

impl Scope for ItemScope<'_> {
    fn get(&self, name: &str) -> Option<Value> {
        match self.prefix {
            Some(p) if name.eq_ignore_ascii_case(p) => Some(self.item.clone()),
            _ => self.outer.get(name),
        }
    }

    fn today(&self) -> Date {
        self.outer.today()
    }
}

impl Parts {
    /// The parts of `question` when it is made of questions; `None` for
    /// every other kind. `layout` resolves the survey names the parts'
    /// expressions read; an unknown name, or `{row.x}` naming no part, is
    /// an error naming the part.
    pub(crate) fn compile(
        question: &Question,
        layout: &Layout,
    ) -> Option<Result<Parts, Vec<LogicError>>> {
        let (prefix, items, list) = match &question.kind {
            QuestionKind::MatrixDropdown { rows, columns } => (
                Some("row"),
                Items::Rows(rows.iter().map(|r| (r.key(), r.text.clone())).collect()),
                columns,
            ),
            QuestionKind::MatrixDynamic {
                columns,
                row_count,
                min_rows,
                ..
            } => (
                Some("row"),
                Items::Dynamic {
                    initial: *row_count,
                    min: *min_rows,
                    panels: false,
                },
                columns,
            ),
            QuestionKind::PanelDynamic {
                template,
                panel_count,
                min_panels,
                ..
            } => (
                Some("panel"),
                Items::Dynamic {
                    initial: *panel_count,
                    min: *min_panels,
                    panels: true,
                },
                template,
            ),
            QuestionKind::MultipleText { items } => (None, Items::Single, items),
            _ => return None,
        };
        let mut errors = Vec::new();
        let names: Vec<&str> = list.iter().map(|q| q.name.as_str()).collect();
        let mut compile = |q: &Question, property: &str, source: Option<&str>| -> Option<Expr> {
            let place = format!("{} {:?}", q.path, q.name);
            let expr = match Expr::parse(source?) {
                Ok(expr) => expr,
                Err(error) => {
                    errors.push(LogicError::Expression {
                        place,
                        property: property.to_owned(),
                        error,
                    });
                    return None;
                }
            };
            for name in expr.variables() {
                if !known(prefix, &names, layout, name) {
                    errors.push(LogicError::UnknownVariable {
                        place: place.clone(),
                        property: property.to_owned(),
                        name: name.to_owned(),
                    });
                }
            }
            Some(expr)
        };
        let parts = list
            .iter()
            .map(|q| Part {
                name: q.name.clone(),
                title: q.title.clone(),
                is_required: q.is_required,
                visible_if: compile(q, "visibleIf", q.visible_if.as_deref()),
                enable_if: compile(q, "enableIf", q.enable_if.as_deref()),
                required_if: compile(q, "requiredIf", q.required_if.as_deref()),
                expression: match &q.kind {
                    QuestionKind::Expression { expression, .. } => {
                        compile(q, "expression", Some(expression))
                    }
                    _ => None,
                },
            })
            .collect();
        Some(if errors.is_empty() {
            Ok(Parts {
                prefix,
                items,
                parts,
            })
        } else {
            Err(errors)
        })
    }

    /// The parts' names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(|p| p.name.as_str())
    }

    /// Whether any part has logic (a condition or an expression): without
    /// any, every part is always shown and nothing is computed.
    pub fn has_logic(&self) -> bool {
        self.parts.iter().any(|p| {
            p.visible_if.is_some()
                || p.enable_if.is_some()
                || p.required_if.is_some()
                || p.expression.is_some()
        })
    }

    /// The row (panel) `item` with its expression parts computed (in part
    /// order, each seeing the ones before it) and every part's state.
    pub fn evaluate(&self, item: Option<&Json>, outer: &dyn Scope) -> (Json, Vec<PartState>) {
        let mut own = match item {
            Some(Json::Object(map)) => map.clone(),
            _ => serde_json::Map::new(),
        };
        let scope_value =
            |own: &serde_json::Map<String, Json>| Value::from_json(&Json::Object(own.clone()));
        let mut computed = vec![None; self.parts.len()];
        if self.parts.iter().any(|p| p.expression.is_some()) {
            let mut value = scope_value(&own);
            for (i, part) in self.parts.iter().enumerate() {
                let Some(expr) = &part.expression else {
                    continue;
                };
                let scope = ItemScope {
                    prefix: self.prefix,
                    item: &value,
                    outer,
                };
                let v = expr.evaluate(&scope);
                if v.is_empty() {
                    own.remove(&part.name);
                } else {
                    let json = v.to_json();
                    own.insert(part.name.clone(), json.clone());
                    computed[i] = Some(json);
                }
                value = scope_value(&own);
            }
        }
        let value = scope_value(&own);
        let scope = ItemScope {
            prefix: self.prefix,
            item: &value,
            outer,
        };
        let holds = |e: &Option<Expr>| e.as_ref().is_none_or(|e| e.evaluate_condition(&scope));
        let states = self
            .parts
            .iter()
            .zip(computed)
            .map(|(part, computed)| {
                let visible = holds(&part.visible_if);
                let enabled = holds(&part.enable_if);
                let required = match &part.required_if {
                    Some(e) => e.evaluate_condition(&scope),
                    None => part.is_required,
                };
                PartState {
                    visible,
                    enabled,
                    required: required && visible && enabled && part.expression.is_none(),
                    computed,
                }
            })
            .collect();
        (Json::Object(own), states)
    }

    /// The answer with every answered row's (panel's) expression parts
    /// computed — what the app stores while the respondent fills it.
    /// Rows nobody answered stay as they are (an expression alone does
    /// not answer a question). With `clear_hidden`, parts hidden in their
    /// row are removed as well (completion).
    pub fn normalized(
        &self,
        answer: Option<&Json>,
        outer: &dyn Scope,
        clear_hidden: bool,
    ) -> Option<Json> {
        let answer = answer?;
        let row = |item: &Json| -> Json {
            let answered = item.as_object().is_some_and(|m| {
                m.iter()
                    .any(|(k, v)| !is_empty(v) && !self.is_expression(k))
            });
            if !answered {
                return item.clone();
            }
            let (mut value, states) = self.evaluate(Some(item), outer);
            if clear_hidden {
                if let Json::Object(map) = &mut value {
                    for (part, state) in self.parts.iter().zip(&states) {
                        if !state.visible {
                            map.remove(&part.name);
                        }
                    }
                }
            }
            value
        };
        Some(match (&self.items, answer) {
            (Items::Rows(_), Json::Object(rows)) => {
                let mut out = serde_json::Map::new();
                out.extend(rows.iter().map(|(k, v)| (k.clone(), row(v))));
                Json::Object(out)
            }
            (Items::Dynamic { .. }, Json::Array(list)) => {
                Json::Array(list.iter().map(row).collect())
            }
            (Items::Single, item @ Json::Object(_)) => row(item),
            (_, other) => other.clone(),
        })
    }

    fn is_expression(&self, name: &str) -> bool {
        self.parts
            .iter()
            .any(|p| p.name == name && p.expression.is_some())
    }

    /// The rows (panels) as shown for `answer`, each with its label and
    /// its own answers.
    fn rows<'a>(&'a self, answer: Option<&'a Json>) -> Vec<(PartItem, Option<&'a Json>)> {
        match &self.items {
            Items::Rows(rows) => rows
                .iter()
                .map(|(key, text)| {
                    (
                        PartItem::NamedRow(text.clone()),
                        answer.and_then(|a| a.get(key)),
                    )
                })
                .collect(),
            Items::Dynamic {
                initial,
                min,
                panels,
            } => {
                let label = |i: usize| {
                    if *panels {
                        PartItem::Panel(i + 1)
                    } else {
                        PartItem::Row(i + 1)
                    }
                };
                match answer {
                    Some(Json::Array(list)) => list
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (label(i), Some(v)))
                        .collect(),
                    _ => (0..(*initial).max(*min) as usize)
                        .map(|i| (label(i), None))
                        .collect(),
                }
            }
            Items::Single => vec![(PartItem::Item, answer)],
        }
    }

    /// The required parts left empty, row (panel) by row, in part order:
    /// what blocks Next / Complete.
    pub fn missing(
        &self,
        answer: Option<&Json>,
        outer: &dyn Scope,
    ) -> Vec<(PartItem, LocalizedText)> {
        let mut out = Vec::new();
        for (label, item) in self.rows(answer) {
            let (value, states) = self.evaluate(item, outer);
            for (part, state) in self.parts.iter().zip(states) {
                let empty = value.get(&part.name).is_none_or(is_empty);
                if state.required && empty {
                    out.push((label.clone(), part.title.clone()));
                }
            }
        }
        out
    }
}

/// Whether a part's expression may read `name`: `{prefix.part}` naming a
/// part of the same row (panel), or anything the survey resolves.
fn known(prefix: Option<&str>, parts: &[&str], layout: &Layout, name: &str) -> bool {
    if let Some(p) = prefix {
        let lower = name.to_ascii_lowercase();
        if lower == p {
            return true;
        }
        if let Some(rest) = lower.strip_prefix(p).and_then(|r| r.strip_prefix('.')) {
            let field = rest.split(['.', '[']).next().unwrap_or(rest);
            // A part name may itself contain a dot: the longest match wins
            // at run time, so any part that the path starts with is enough.
            return parts.iter().any(|part| {
                let part = part.to_ascii_lowercase();
                part == field
                    || rest.starts_with(&format!("{part}."))
                    || rest.starts_with(&format!("{part}["))
            });
        }
    }
    resolve(layout, name).is_ok()
}

/// The parts of every composite question of the survey, by question name.
pub(crate) type PartsByQuestion = BTreeMap<String, Parts>;

#[cfg(test)]
#[path = "parts_tests.rs"]
mod tests;
