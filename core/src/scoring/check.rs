//! Whole-answer checks for every question, scored or not (DOMAIN 25): a
//! response with a value matching no choice, a wrong JSON type, a number
//! out of bounds or an unknown matrix row or column is invalid and must be
//! left out of scores rather than guessed at.

use crate::survey::{InputType, Question, QuestionKind, Value};

use super::error::InvalidAnswer;
use super::value::{is_blank, is_choice_like, kind, position, show};

/// What a question's answer must look like.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    /// One of these values (radiogroup, dropdown, rating).
    One(Vec<Value>),
    /// An array of distinct values among these (checkbox, ranking).
    Many(Vec<Value>),
    Bool,
    Number { min: Option<f64>, max: Option<f64> },
    Text,
    /// An object from known row keys to column values.
    Matrix { rows: Vec<String>, columns: Vec<Value> },
    /// Anything: an expression question's value is computed, not typed, and
    /// any JSON value may come out (a scored one is read as a number by its item).
    Any,
}

/// The answer check of one question.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AnswerCheck {
    question: String,
    shape: Shape,
}

impl AnswerCheck {
    pub(crate) fn new(question: &Question) -> AnswerCheck {
        let values = |choices: &[crate::survey::Choice]| choices.iter().map(|c| c.value.clone()).collect();
        let shape = match &question.kind {
            QuestionKind::RadioGroup { choices } | QuestionKind::Dropdown { choices } => Shape::One(values(choices)),
            QuestionKind::Rating { points, .. } => Shape::One(values(points)),
            QuestionKind::Checkbox { choices } | QuestionKind::Ranking { choices } => Shape::Many(values(choices)),
            QuestionKind::Boolean { .. } => Shape::Bool,
            QuestionKind::Text { input_type: InputType::Number, min, max, .. } => Shape::Number { min: *min, max: *max },
            QuestionKind::Text { .. } | QuestionKind::Comment { .. } => Shape::Text,
            QuestionKind::Matrix { rows, columns } => {
                Shape::Matrix { rows: rows.iter().map(|r| r.key()).collect(), columns: values(columns) }
            }
            QuestionKind::Tagbox { choices } => Shape::Many(values(choices)),
            QuestionKind::ImagePicker { choices, multi_select: true, .. } => Shape::Many(values(choices)),
            QuestionKind::ImagePicker { choices, .. } => Shape::One(values(choices)),
            QuestionKind::SignaturePad { .. } => Shape::Text,
            // Objects and arrays of typed cells, files, and display-only
            // kinds: checked by the logic's validation, not here.
            QuestionKind::Expression { .. }
            | QuestionKind::Html { .. }
            | QuestionKind::Image { .. }
            | QuestionKind::MultipleText { .. }
            | QuestionKind::MatrixDropdown { .. }
            | QuestionKind::MatrixDynamic { .. }
            | QuestionKind::PanelDynamic { .. }
            | QuestionKind::File { .. } => Shape::Any,
        };
        AnswerCheck { question: question.name.clone(), shape }
    }

    pub(crate) fn question(&self) -> &str {
        &self.question
    }

    /// Checks a stored answer; blank answers (null, `""`) always pass.
    pub(crate) fn check(&self, answer: &Value) -> Result<(), InvalidAnswer> {
        if is_blank(answer) {
            return Ok(());
        }
        let question = || self.question.clone();
        let wrong = |expected, found: &Value| InvalidAnswer::WrongType { question: question(), row: None, expected, found: kind(found) };
        match &self.shape {
            Shape::One(values) => self.one_of(values, answer, "choice", None),
            Shape::Many(values) => {
                let Value::Array(chosen) = answer else { return Err(wrong("an array of choice values", answer)) };
                let mut seen: Vec<usize> = Vec::with_capacity(chosen.len());
                for value in chosen {
                    let Some(i) = position(values, value) else {
                        return Err(InvalidAnswer::NoSuchChoice { question: question(), row: None, value: show(value), what: "choice" });
                    };
                    if seen.contains(&i) {
                        return Err(InvalidAnswer::Repeated { question: question(), value: show(value) });
                    }
                    seen.push(i);
                }
                Ok(())
            }
            Shape::Bool => answer.as_bool().map(drop).ok_or_else(|| wrong("true or false", answer)),
            Shape::Number { min, max } => {
                let Some(x) = answer.as_f64() else { return Err(wrong("a number", answer)) };
                let (lo, hi) = (min.unwrap_or(f64::NEG_INFINITY), max.unwrap_or(f64::INFINITY));
                if x < lo || x > hi {
                    return Err(InvalidAnswer::OutOfBounds { question: question(), value: x, min: lo, max: hi });
                }
                Ok(())
            }
            Shape::Text => answer.as_str().map(drop).ok_or_else(|| wrong("a string", answer)),
            Shape::Any => Ok(()),
            Shape::Matrix { rows, columns } => {
                let Value::Object(cells) = answer else { return Err(wrong("an object of row → column", answer)) };
                for (row, cell) in cells {
                    if !rows.contains(row) {
                        return Err(InvalidAnswer::UnknownRow { question: question(), row: row.clone() });
                    }
                    if is_blank(cell) {
                        continue;
                    }
                    self.one_of(columns, cell, "column", Some(row))?;
                }
                Ok(())
            }
        }
    }

    /// `Ok` when `answer` is one of `values`; else an unknown value or a
    /// value of the wrong type.
    fn one_of(&self, values: &[Value], answer: &Value, what: &'static str, row: Option<&String>) -> Result<(), InvalidAnswer> {
        match position(values, answer) {
            Some(_) => Ok(()),
            None if is_choice_like(answer) => Err(InvalidAnswer::NoSuchChoice {
                question: self.question.clone(),
                row: row.cloned(),
                value: show(answer),
                what,
            }),
            None => Err(InvalidAnswer::WrongType {
                question: self.question.clone(),
                row: row.cloned(),
                expected: if row.is_some() { "a column value (string or number)" } else { "a choice value (string or number)" },
                found: kind(answer),
            }),
        }
    }
}
