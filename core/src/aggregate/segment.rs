//! Segments (DOMAIN resolved item 22): which group(s) a record falls in
//! when grouped by a choice question or a metadata key. Skipped, N/A and
//! hidden answers, and records without the metadata key, form "(none)"; a
//! multiple-choice answer puts the record in every chosen option's group.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::error::AggregateError;
use super::layout::position;
use crate::response::Response;
use crate::survey::{value_key, Choice, LocalizedText, QuestionKind, Survey, Value};

/// The group of records without a value.
pub const NO_VALUE: &str = "(none)";

/// What to group by.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "camelCase")]
pub enum Segment {
    /// A choice question (radiogroup, dropdown, checkbox, rating, boolean), by name.
    Question(String),
    /// A metadata key (`meta` of the response: project, customer type, …).
    Meta(String),
}

/// A segment resolved against the survey and the records: its groups, in
/// order (choices in declaration order, metadata values sorted), with
/// "(none)" last.
#[derive(Debug, Clone)]
pub(super) struct Segmenter {
    source: Source,
    pub labels: Vec<(String, Option<LocalizedText>)>,
}

#[derive(Debug, Clone)]
enum Source {
    Question { name: String, values: Vec<Value>, not_applicable: Vec<bool>, multi: bool },
    Meta { key: String, slots: HashMap<String, u32> },
}

impl Segmenter {
    /// Resolves `by`; metadata values are collected from `records`.
    pub fn new(by: &Segment, survey: &Survey, records: &[Response]) -> Result<Segmenter, AggregateError> {
        match by {
            Segment::Question(name) => {
                let question = survey.question(name).ok_or_else(|| AggregateError::UnknownSegmentQuestion { name: name.clone() })?;
                let from = |choices: &[Choice], multi| {
                    let labels = choices.iter().map(|c| (value_key(&c.value), Some(c.text.clone()))).collect();
                    let source = Source::Question {
                        name: name.clone(),
                        values: choices.iter().map(|c| c.value.clone()).collect(),
                        not_applicable: choices.iter().map(|c| c.not_applicable).collect(),
                        multi,
                    };
                    (source, labels)
                };
                let (source, mut labels): (Source, Vec<_>) = match &question.kind {
                    QuestionKind::RadioGroup { choices } | QuestionKind::Dropdown { choices } => from(choices, false),
                    QuestionKind::Rating { points, .. } => from(points, false),
                    QuestionKind::Checkbox { choices } => from(choices, true),
                    QuestionKind::Boolean { label_true, label_false, .. } => {
                        let labels = vec![("true".to_owned(), label_true.clone()), ("false".to_owned(), label_false.clone())];
                        let values = vec![Value::Bool(true), Value::Bool(false)];
                        (Source::Question { name: name.clone(), values, not_applicable: vec![false; 2], multi: false }, labels)
                    }
                    other => {
                        return Err(AggregateError::NotASegment { name: name.clone(), kind: crate::analysis::kind_name(other) })
                    }
                };
                labels.push((NO_VALUE.to_owned(), None));
                Ok(Segmenter { source, labels })
            }
            Segment::Meta(key) => {
                let values: BTreeSet<&str> = records.iter().filter_map(|r| r.meta.get(key)).map(String::as_str).collect();
                let mut labels: Vec<(String, Option<LocalizedText>)> = values.into_iter().map(|v| (v.to_owned(), None)).collect();
                let slots = labels.iter().enumerate().map(|(i, (v, _))| (v.clone(), i as u32)).collect();
                labels.push((NO_VALUE.to_owned(), None));
                Ok(Segmenter { source: Source::Meta { key: key.clone(), slots }, labels })
            }
        }
    }

    /// The groups `record` falls in (indices into `labels`), into `out`.
    pub fn slots(&self, record: &Response, hidden: &BTreeSet<String>, out: &mut Vec<u32>) {
        out.clear();
        let none = (self.labels.len() - 1) as u32;
        match &self.source {
            Source::Meta { key, slots } => out.push(record.meta.get(key).and_then(|v| slots.get(v)).copied().unwrap_or(none)),
            Source::Question { name, values, not_applicable, multi } => {
                let answer = record.answers.get(name).filter(|_| !hidden.contains(name));
                let chosen: Vec<usize> = match answer {
                    Some(Value::Array(list)) if *multi => list.iter().filter_map(|v| position(values, v)).collect(),
                    Some(v) if !*multi => position(values, v).into_iter().collect(),
                    _ => Vec::new(),
                };
                // An N/A choice makes the whole answer N/A (resolved item 4).
                if chosen.is_empty() || chosen.iter().any(|&i| not_applicable[i]) {
                    out.push(none);
                    return;
                }
                for i in chosen {
                    if !out.contains(&(i as u32)) {
                        out.push(i as u32);
                    }
                }
            }
        }
    }
}
