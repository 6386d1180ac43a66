//! Which choice an answer picked. Scoring yields `x` and a status; the
//! report also shows how often each choice was given, and counting per
//! choice (rather than per value) makes the per-item aggregates a histogram
//! that is cheap to accumulate and exact to summarise.

use crate::response::Answers;
use crate::scoring::{Item, ItemKind, ItemStatus};
use crate::survey::{Choice, Question, QuestionKind, Value};

/// How an item's answers map to countable options.
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    /// One option per answer (choice, rating, matrix row, boolean): its
    /// value and number (`None` for N/A options). `by_number`: the numbers
    /// are distinct and at most one option is N/A, so scoring's `x` (or
    /// N/A status) says which option was picked without reading the answer.
    Single {
        values: Vec<Value>,
        numbers: Vec<Option<f64>>,
        by_number: bool,
    },
    /// A checkbox: several options per answer.
    Multi { values: Vec<Value> },
    /// A number answer: no options.
    Number,
}

/// One item's part of one response, as stored for aggregation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Obs {
    pub status: ItemStatus,
    /// The option index (single), or the index into the prepared set's
    /// list of checkbox selections (multi); `NONE` otherwise.
    pub code: u32,
    pub x: f64,
}

/// No option.
pub const NONE: u32 = u32::MAX;

impl Layout {
    /// The layout of `item`, a question (or matrix row) of `question`.
    pub fn of(item: &Item, question: &Question) -> Layout {
        let single = |choices: &[Choice]| {
            let numbers: Vec<Option<f64>> = choices
                .iter()
                .map(|c| if c.not_applicable { None } else { c.number() })
                .collect();
            let not_applicable = numbers.iter().filter(|n| n.is_none()).count();
            let distinct = numbers
                .iter()
                .flatten()
                .enumerate()
                .all(|(i, a)| numbers.iter().flatten().skip(i + 1).all(|b| a != b));
            Layout::Single {
                values: choices.iter().map(|c| c.value.clone()).collect(),
                by_number: distinct && not_applicable <= 1,
                numbers,
            }
        };
        match (&question.kind, item.kind) {
            (
                QuestionKind::Boolean {
                    score_true,
                    score_false,
                    ..
                },
                _,
            ) => Layout::Single {
                values: vec![Value::Bool(true), Value::Bool(false)],
                numbers: vec![Some(*score_true), Some(*score_false)],
                by_number: score_true != score_false,
            },
            (QuestionKind::Checkbox { choices }, _) => Layout::Multi {
                values: choices.iter().map(|c| c.value.clone()).collect(),
            },
            (QuestionKind::RadioGroup { choices } | QuestionKind::Dropdown { choices }, _) => {
                single(choices)
            }
            (QuestionKind::Rating { points, .. }, _) => single(points),
            (QuestionKind::Matrix { columns, .. }, ItemKind::MatrixRow) => single(columns),
            _ => Layout::Number,
        }
    }

    /// The options' values, for the distribution; empty for numbers.
    pub fn values(&self) -> &[Value] {
        match self {
            Layout::Single { values, .. } | Layout::Multi { values } => values,
            Layout::Number => &[],
        }
    }
}

/// Whether an answer equals a choice value: numbers by numeric value (`3`
/// matches `3.0`), everything else exactly. The same rule as scoring's.
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// The index of the option equal to `answer`.
pub fn position(values: &[Value], answer: &Value) -> Option<usize> {
    values.iter().position(|v| same(v, answer))
}

/// The part of a whole answer `item` reads: the matrix cell for a row.
pub fn part<'a>(item: &Item, answer: Option<&'a Value>) -> Option<&'a Value> {
    match &item.row {
        Some(row) => answer?.as_object()?.get(row),
        None => answer,
    }
}

/// The observation of one item: its status and `x` from scoring, and the
/// option(s) the answer picked. `multi` collects checkbox selections.
pub fn observe(
    item: &Item,
    layout: &Layout,
    status: ItemStatus,
    x: Option<f64>,
    answers: &Answers,
    multi: &mut Vec<Box<[u16]>>,
) -> Obs {
    let mut obs = Obs {
        status,
        code: NONE,
        x: x.unwrap_or(f64::NAN),
    };
    if !matches!(status, ItemStatus::Valid | ItemStatus::NotApplicable) {
        return obs;
    }
    if let Layout::Single {
        numbers,
        by_number: true,
        ..
    } = layout
    {
        // The option whose number is x (or the one N/A option).
        let wanted = x.filter(|_| status == ItemStatus::Valid);
        if let Some(i) = numbers.iter().position(|n| *n == wanted) {
            obs.code = i as u32;
            return obs;
        }
    }
    let Some(answer) = part(item, answers.get(&item.question)) else {
        return obs;
    };
    match layout {
        Layout::Single { values, .. } => {
            if let Some(i) = position(values, answer) {
                obs.code = i as u32;
            }
        }
        Layout::Multi { values } => {
            let chosen: Box<[u16]> = answer
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| position(values, v))
                        .map(|i| i as u16)
                        .collect()
                })
                .unwrap_or_default();
            obs.code = multi.len() as u32;
            multi.push(chosen);
        }
        Layout::Number => {}
    }
    obs
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_match_by_value_strings_exactly() {
        let values = vec![json!(1), json!("2"), json!(3.5)];
        assert_eq!(position(&values, &json!(1.0)), Some(0));
        assert_eq!(position(&values, &json!(2)), None);
        assert_eq!(position(&values, &json!("2")), Some(1));
        assert_eq!(position(&values, &json!(3.5)), Some(2));
    }
}
