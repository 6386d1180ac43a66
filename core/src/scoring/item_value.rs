//! Reading an item's `x` from an answer (DOMAIN "Items", resolved items
//! 2, 4, 5 and 25): valid, N/A, skipped or hidden, and never a guess.

use crate::survey::Value;

use super::error::InvalidAnswer;
use super::item::{Item, Opt, Source};
use super::report::{ItemScore, ItemStatus};
use super::value::{is_blank, is_choice_like, kind, position, show};

impl Item {
    /// Reads this item's part of an answer. `hidden`: the question is
    /// hidden by logic, so its stored answer is ignored. Only this item's
    /// part is checked; `ScoringModel::score` checks whole answers.
    pub fn value(&self, answer: Option<&Value>, hidden: bool) -> Result<ItemScore, InvalidAnswer> {
        let status = |status| Ok(ItemScore { id: self.id.clone(), status, x: None, score: None });
        let answer = match answer {
            _ if hidden => return status(ItemStatus::Hidden),
            Some(v) if !is_blank(v) => v,
            _ => return status(ItemStatus::Skipped),
        };
        let x = match self.read(answer)? {
            Read::Skipped => return status(ItemStatus::Skipped),
            Read::NotApplicable => return status(ItemStatus::NotApplicable),
            Read::X(x) => x,
        };
        Ok(ItemScore { id: self.id.clone(), status: ItemStatus::Valid, x: Some(x), score: Some(self.normalise(x)) })
    }

    fn read(&self, answer: &Value) -> Result<Read, InvalidAnswer> {
        let question = || self.question.clone();
        let wrong = |expected| InvalidAnswer::WrongType { question: question(), row: self.row.clone(), expected, found: kind(answer) };
        match &self.source {
            Source::Single(opts) => pick(opts, answer, "choice").map_err(|what| match what {
                Some(what) => InvalidAnswer::NoSuchChoice { question: question(), row: None, value: show(answer), what },
                None => wrong("a choice value (string or number)"),
            }),
            Source::Multi(opts) => {
                let Value::Array(values) = answer else { return Err(wrong("an array of choice values")) };
                let mut chosen: Vec<usize> = Vec::with_capacity(values.len());
                for value in values {
                    let Some(i) = position(opts.iter().map(|o| &o.value), value) else {
                        return Err(InvalidAnswer::NoSuchChoice { question: question(), row: None, value: show(value), what: "choice" });
                    };
                    if chosen.contains(&i) {
                        return Err(InvalidAnswer::Repeated { question: question(), value: show(value) });
                    }
                    chosen.push(i);
                }
                if chosen.is_empty() {
                    return Ok(Read::Skipped);
                }
                let numbers: Option<Vec<f64>> = chosen.iter().map(|&i| opts[i].number).collect();
                Ok(numbers.map_or(Read::NotApplicable, |n| Read::X(n.iter().fold(0.0, |a, b| a + b))))
            }
            Source::Boolean { on_true, on_false } => match answer {
                Value::Bool(true) => Ok(Read::X(*on_true)),
                Value::Bool(false) => Ok(Read::X(*on_false)),
                _ => Err(wrong("true or false")),
            },
            Source::Number => {
                let Some(x) = answer.as_f64() else { return Err(wrong("a number")) };
                if x < self.lo || x > self.hi {
                    return Err(InvalidAnswer::OutOfBounds { question: question(), value: x, min: self.lo, max: self.hi });
                }
                Ok(Read::X(x))
            }
            Source::MatrixRow { key, columns } => {
                let Value::Object(cells) = answer else { return Err(wrong("an object of row → column")) };
                match cells.get(key) {
                    Some(cell) if !is_blank(cell) => pick(columns, cell, "column").map_err(|what| match what {
                        Some(what) => InvalidAnswer::NoSuchChoice { question: question(), row: self.row.clone(), value: show(cell), what },
                        None => InvalidAnswer::WrongType {
                            question: question(),
                            row: self.row.clone(),
                            expected: "a column value (string or number)",
                            found: kind(cell),
                        },
                    }),
                    _ => Ok(Read::Skipped),
                }
            }
            Source::Cell { row, column, opts } => {
                let Value::Object(rows) = answer else { return Err(wrong("an object of row → {column → value}")) };
                match rows.get(row).and_then(|cells| cells.get(column)) {
                    Some(cell) if !is_blank(cell) => pick(opts, cell, "choice").map_err(|what| match what {
                        Some(what) => InvalidAnswer::NoSuchChoice { question: question(), row: self.row.clone(), value: show(cell), what },
                        None => InvalidAnswer::WrongType {
                            question: question(),
                            row: self.row.clone(),
                            expected: "a choice value (string or number)",
                            found: kind(cell),
                        },
                    }),
                    _ => Ok(Read::Skipped),
                }
            }
            Source::NumberCell { row, column } => {
                let Value::Object(rows) = answer else { return Err(wrong("an object of row → {column → value}")) };
                match rows.get(row).and_then(|cells| cells.get(column)) {
                    Some(cell) if !is_blank(cell) => {
                        let Some(x) = cell.as_f64() else {
                            return Err(InvalidAnswer::WrongType { question: question(), row: self.row.clone(), expected: "a number", found: kind(cell) });
                        };
                        if x < self.lo || x > self.hi {
                            return Err(InvalidAnswer::OutOfBounds { question: question(), value: x, min: self.lo, max: self.hi });
                        }
                        Ok(Read::X(x))
                    }
                    _ => Ok(Read::Skipped),
                }
            }
        }
    }
}

enum Read {
    Skipped,
    NotApplicable,
    X(f64),
}

/// The chosen option's number; `Err(Some(what))` for an unknown value,
/// `Err(None)` for a value of the wrong type.
fn pick(opts: &[Opt], answer: &Value, what: &'static str) -> Result<Read, Option<&'static str>> {
    match position(opts.iter().map(|o| &o.value), answer) {
        Some(i) => Ok(opts[i].number.map_or(Read::NotApplicable, Read::X)),
        None if is_choice_like(answer) => Err(Some(what)),
        None => Err(None),
    }
}

