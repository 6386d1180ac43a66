//! The option(s) a choice answer picked, as a small code: noted for every
//! unscored choice question while responses are scored, so that grouping
//! by such a question never reads the answers again.

use std::collections::BTreeSet;

use super::layout::position;
use crate::response::Response;
use crate::scoring::ScoringModel;
use crate::survey::{value_key, Choice, LocalizedText, QuestionKind, Survey, Value};

/// A choice question's options as a segment sees them.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Options {
    pub name: String,
    pub values: Vec<Value>,
    pub not_applicable: Vec<bool>,
    pub multi: bool,
    pub labels: Vec<(String, Option<LocalizedText>)>,
}

impl Options {
    /// The options of a choice-like question; `None` for other kinds.
    pub fn of(name: &str, kind: &QuestionKind) -> Option<Options> {
        let from = |choices: &[Choice], multi| Options {
            name: name.to_owned(),
            values: choices.iter().map(|c| c.value.clone()).collect(),
            not_applicable: choices.iter().map(|c| c.not_applicable).collect(),
            multi,
            labels: choices
                .iter()
                .map(|c| (value_key(&c.value), Some(c.text.clone())))
                .collect(),
        };
        match kind {
            QuestionKind::RadioGroup { choices } | QuestionKind::Dropdown { choices } => {
                Some(from(choices, false))
            }
            QuestionKind::Rating { points, .. } => Some(from(points, false)),
            QuestionKind::Checkbox { choices } => Some(from(choices, true)),
            QuestionKind::Boolean {
                label_true,
                label_false,
                ..
            } => Some(Options {
                name: name.to_owned(),
                values: vec![Value::Bool(true), Value::Bool(false)],
                not_applicable: vec![false; 2],
                multi: false,
                labels: vec![
                    ("true".to_owned(), label_true.clone()),
                    ("false".to_owned(), label_false.clone()),
                ],
            }),
            _ => None,
        }
    }

    /// The answer's code: for one choice its index + 1, for several a bit
    /// per chosen option; 0 when skipped, hidden, N/A or unknown. `None`
    /// when a multiple choice has more than 64 options.
    pub fn code(&self, answer: Option<&Value>, hidden: bool) -> Option<u64> {
        let Some(answer) = answer.filter(|_| !hidden) else {
            return Some(0);
        };
        if !self.multi {
            return Some(
                position(&self.values, answer)
                    .filter(|&i| !self.not_applicable[i])
                    .map_or(0, |i| i as u64 + 1),
            );
        }
        if self.values.len() > 64 {
            return None;
        }
        let mut bits = 0u64;
        for i in answer
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| position(&self.values, v))
        {
            if self.not_applicable[i] {
                return Some(0);
            }
            bits |= 1 << i;
        }
        Some(bits)
    }
}

/// Codes of the choice questions that are not scored items, noted while
/// each response is scored.
#[derive(Debug, Clone, Default)]
pub(super) struct ChoiceCodes {
    questions: Vec<Options>,
    codes: Vec<u64>,
}

impl ChoiceCodes {
    pub fn new(model: &ScoringModel, survey: &Survey) -> ChoiceCodes {
        let questions = survey
            .questions()
            .into_iter()
            .filter(|q| model.item(&q.name).is_none())
            .filter_map(|q| Options::of(&q.name, &q.kind))
            .filter(|o| !o.multi || o.values.len() <= 64)
            .collect();
        ChoiceCodes {
            questions,
            codes: Vec::new(),
        }
    }

    /// Notes one response's codes.
    pub fn push(&mut self, record: &Response, hidden: &BTreeSet<String>) {
        for q in &self.questions {
            self.codes.push(
                q.code(record.answers.get(&q.name), hidden.contains(&q.name))
                    .unwrap_or(0),
            );
        }
    }

    /// Where question `name`'s codes are, if it is noted.
    pub fn slot(&self, name: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.name == name)
    }

    /// The code of prepared row `row` for the question at `slot`.
    pub fn get(&self, row: usize, slot: usize) -> u64 {
        self.codes[row * self.questions.len() + slot]
    }
}
