//! Segments (DOMAIN resolved item 22): which group(s) a record falls in
//! when grouped by a choice question or a metadata key. Skipped, N/A and
//! hidden answers, and records without the metadata key, form "(none)"; a
//! multiple-choice answer puts the record in every chosen option's group.
//!
//! Reading a segment answer from a stored response means chasing pointers
//! through its answer map, which dominates a report over many responses;
//! so the option each response picked is taken from the prepared item
//! observations (scored questions) or from codes noted while scoring
//! (other choice questions), and answers are read only as a fallback.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::codes::Options;
use super::error::AggregateError;
use super::layout::{position, Layout, NONE};
use super::prepare::Prepared;
use crate::scoring::ItemStatus;
use crate::survey::{LocalizedText, Value};

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

/// A segment resolved against the survey and the records: its groups in
/// order (choices in declaration order, metadata values sorted), "(none)" last.
#[derive(Debug, Clone)]
pub(super) struct Segmenter {
    source: Source,
    pub labels: Vec<(String, Option<LocalizedText>)>,
    /// A record can fall in several groups (multiple choice).
    pub multi: bool,
}

#[derive(Debug, Clone)]
enum Source {
    Item {
        options: Options,
        item: usize,
    },
    Coded {
        options: Options,
        slot: usize,
    },
    Answers {
        options: Options,
    },
    Meta {
        key: String,
        slots: HashMap<String, u32>,
    },
}

impl Segmenter {
    /// Resolves `by`; metadata values are collected from the records.
    pub fn new(by: &Segment, p: &Prepared<'_>) -> Result<Segmenter, AggregateError> {
        match by {
            Segment::Question(name) => {
                let question = p
                    .survey
                    .question(name)
                    .ok_or_else(|| AggregateError::UnknownSegmentQuestion { name: name.clone() })?;
                let options = Options::of(name, &question.kind).ok_or_else(|| {
                    AggregateError::NotASegment {
                        name: name.clone(),
                        kind: crate::scoring::kind_name(&question.kind),
                    }
                })?;
                let mut labels = options.labels.clone();
                labels.push((NO_VALUE.to_owned(), None));
                let multi = options.multi;
                let item = p
                    .model
                    .items()
                    .iter()
                    .position(|i| i.id == *name && i.row.is_none());
                let source = match (item, p.codes.slot(name)) {
                    (Some(item), _) => Source::Item { options, item },
                    (None, Some(slot)) => Source::Coded { options, slot },
                    (None, None) => Source::Answers { options },
                };
                Ok(Segmenter {
                    source,
                    labels,
                    multi,
                })
            }
            Segment::Meta(key) => {
                let values: BTreeSet<&str> = p
                    .records
                    .iter()
                    .filter_map(|r| r.meta.get(key))
                    .map(String::as_str)
                    .collect();
                let mut labels: Vec<(String, Option<LocalizedText>)> =
                    values.into_iter().map(|v| (v.to_owned(), None)).collect();
                let slots = labels
                    .iter()
                    .enumerate()
                    .map(|(i, (v, _))| (v.clone(), i as u32))
                    .collect();
                labels.push((NO_VALUE.to_owned(), None));
                Ok(Segmenter {
                    source: Source::Meta {
                        key: key.clone(),
                        slots,
                    },
                    labels,
                    multi: false,
                })
            }
        }
    }

    fn none(&self) -> u32 {
        (self.labels.len() - 1) as u32
    }

    /// The groups of record `record` (prepared row `row`, if it is one),
    /// as indices into `labels`, into `out`.
    pub fn slots(&self, p: &Prepared<'_>, record: usize, row: Option<usize>, out: &mut Vec<u32>) {
        out.clear();
        let code = match (&self.source, row) {
            (Source::Item { item, .. }, Some(r)) => {
                let obs = p.obs[r * p.layouts.len() + item];
                match (&p.layouts[*item], obs.status) {
                    (_, _) if obs.code == NONE => 0,
                    (Layout::Single { .. }, ItemStatus::Valid) => u64::from(obs.code) + 1,
                    (Layout::Multi { .. }, ItemStatus::Valid) => {
                        let chosen = &p.multi[obs.code as usize];
                        return self.push_indices(chosen.iter().map(|&i| u32::from(i)), out);
                    }
                    _ => 0,
                }
            }
            (Source::Coded { slot, .. }, Some(r)) => p.codes.get(r, *slot),
            (Source::Meta { key, slots }, _) => {
                out.push(
                    p.records[record]
                        .meta
                        .get(key)
                        .and_then(|v| slots.get(v))
                        .copied()
                        .unwrap_or(self.none()),
                );
                return;
            }
            (
                Source::Item { options, .. }
                | Source::Coded { options, .. }
                | Source::Answers { options },
                _,
            ) => {
                let answer = p.records[record].answers.get(&options.name);
                match options.code(answer, p.hidden_in(record).contains(&options.name)) {
                    Some(code) => code,
                    None => {
                        // A checkbox with more than 64 options: read it directly.
                        let chosen = answer
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                            .filter_map(|v| position(&options.values, v));
                        let chosen: Vec<usize> = chosen.collect();
                        if chosen.iter().any(|&i| options.not_applicable[i])
                            || p.hidden_in(record).contains(&options.name)
                        {
                            out.push(self.none());
                            return;
                        }
                        return self.push_indices(chosen.into_iter().map(|i| i as u32), out);
                    }
                }
            }
        };
        if self.multi {
            self.push_indices((0..64).filter(|i| code & (1 << i) != 0), out);
        } else {
            out.push(if code == 0 {
                self.none()
            } else {
                (code - 1) as u32
            });
        }
    }

    fn push_indices(&self, indices: impl Iterator<Item = u32>, out: &mut Vec<u32>) {
        for i in indices {
            if !out.contains(&i) {
                out.push(i);
            }
        }
        if out.is_empty() {
            out.push(self.none());
        }
    }
}
