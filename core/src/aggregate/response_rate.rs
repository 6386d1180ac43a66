//! Response rate (DOMAIN resolved item 21): completed households against
//! contacted households, leaving out invalid addresses, each household
//! counted once by the outcome of its latest visit.

use std::collections::HashMap;

use serde::Serialize;

use super::period::{instant, LocalDate};
use super::stats::share;
use crate::response::Response;
use crate::visit::Outcome;

/// The interviewer group of visits that name none.
pub const NO_INTERVIEWER: &str = "(none)";

/// Which visit is the latest of each household: the record indices of
/// those visits, in the order the households were first seen.
///
/// "Latest" is by instant (offsets applied); an undated visit is older than
/// any dated one; ties go to the record stored later (later in `records`).
/// A visit's time is its `at`, else its record's `completedAt`; a time that
/// is not RFC 3339 with an offset counts as undated. A visit without a
/// household key (or with a blank one) is its own household.
pub fn latest_visits(records: &[Response]) -> Vec<usize> {
    let mut slots: HashMap<&str, usize> = HashMap::new();
    let mut latest: Vec<(usize, Option<i128>)> = Vec::new();
    for (index, record) in records.iter().enumerate() {
        let Some(visit) = &record.visit else { continue };
        let when = visit
            .at
            .as_deref()
            .or(record.completed_at.as_deref())
            .and_then(instant);
        let key = visit.household.as_deref().filter(|h| !h.trim().is_empty());
        let slot = match key {
            Some(key) => *slots.entry(key).or_insert_with(|| {
                latest.push((index, when));
                latest.len() - 1
            }),
            None => {
                latest.push((index, when));
                continue;
            }
        };
        let (best, best_when) = latest[slot];
        // Option orders None below Some, so undated loses to dated; `>=`
        // hands ties to the later record.
        if (when, index) >= (best_when, best) {
            latest[slot] = (index, when);
        }
    }
    latest.into_iter().map(|(index, _)| index).collect()
}

/// One household, by its latest visit, as prepared for grouping.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Household {
    /// The record of the latest visit.
    pub record: usize,
    /// That record's prepared row, when it is a completed, valid response.
    pub row: Option<usize>,
    /// The local date of the latest visit (its `at`, else the record's `completedAt`).
    pub date: Option<LocalDate>,
    pub outcome: Outcome,
    /// Index into the interviewer names; `None` for "(none)".
    pub interviewer: Option<usize>,
}

/// Every household by its latest visit, and the interviewer names they use
/// (interned once, so that counting does not copy names).
pub(crate) fn households(
    records: &[Response],
    row_of: &[Option<usize>],
) -> (Vec<Household>, Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let list = latest_visits(records)
        .into_iter()
        .map(|record| {
            let r = &records[record];
            let visit = r
                .visit
                .as_ref()
                .expect("latest_visits returns records with a visit");
            let interviewer = visit.interviewer.as_deref().map(|who| {
                *index.entry(who).or_insert_with(|| {
                    names.push(who.to_owned());
                    names.len() - 1
                })
            });
            Household {
                record,
                row: row_of[record],
                date: visit
                    .at
                    .as_deref()
                    .or(r.completed_at.as_deref())
                    .and_then(LocalDate::parse),
                outcome: visit.outcome,
                interviewer,
            }
        })
        .collect();
    (list, names)
}

/// Household counts of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateCounts {
    /// Households whose latest outcome is `completed`.
    pub completed: u64,
    /// Households contacted, invalid addresses left out.
    pub contacted: u64,
    /// Households whose latest outcome is `invalidAddress`.
    pub invalid_address: u64,
}

impl RateCounts {
    fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::InvalidAddress => self.invalid_address += 1,
            Outcome::Completed => {
                self.completed += 1;
                self.contacted += 1;
            }
            _ => self.contacted += 1,
        }
    }

    fn merge(&mut self, other: &RateCounts) {
        self.completed += other.completed;
        self.contacted += other.contacted;
        self.invalid_address += other.invalid_address;
    }

    fn cell(&self) -> RateCell {
        RateCell {
            households: self.contacted,
            completed: self.completed,
            invalid_address: self.invalid_address,
            rate: share(self.completed, self.contacted),
        }
    }
}

/// Household counts, overall and per interviewer (by index; the last slot
/// is "(none)"), mergeable across cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RateAcc {
    total: RateCounts,
    by_interviewer: Vec<RateCounts>,
}

impl RateAcc {
    /// Counts for `interviewers` named interviewers plus "(none)".
    pub fn new(interviewers: usize) -> RateAcc {
        RateAcc {
            total: RateCounts::default(),
            by_interviewer: vec![RateCounts::default(); interviewers + 1],
        }
    }

    /// Counts one household by its latest visit's outcome and interviewer.
    pub fn add(&mut self, outcome: Outcome, interviewer: Option<usize>) {
        self.total.add(outcome);
        let none = self.by_interviewer.len() - 1;
        self.by_interviewer[interviewer.unwrap_or(none).min(none)].add(outcome);
    }

    /// Adds another group's households (disjoint from this one's).
    pub fn merge(&mut self, other: &RateAcc) {
        self.total.merge(&other.total);
        for (a, b) in self.by_interviewer.iter_mut().zip(&other.by_interviewer) {
            a.merge(b);
        }
    }

    /// Whether any household was counted, invalid addresses included.
    pub fn is_empty(&self) -> bool {
        self.total == RateCounts::default()
    }

    /// The report: overall, then the interviewers with households by name,
    /// "(none)" last. `names` are the interviewers by index.
    pub fn report(&self, names: &[String]) -> ResponseRate {
        let mut per_interviewer: Vec<InterviewerRate> = self
            .by_interviewer
            .iter()
            .enumerate()
            .filter(|(_, counts)| **counts != RateCounts::default())
            .map(|(i, counts)| InterviewerRate {
                interviewer: names
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| NO_INTERVIEWER.to_owned()),
                rate: counts.cell(),
            })
            .collect();
        per_interviewer.sort_by(|a, b| {
            (a.interviewer == NO_INTERVIEWER, &a.interviewer)
                .cmp(&(b.interviewer == NO_INTERVIEWER, &b.interviewer))
        });
        ResponseRate {
            overall: self.total.cell(),
            per_interviewer,
        }
    }
}

/// The response rate of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseRate {
    pub overall: RateCell,
    pub per_interviewer: Vec<InterviewerRate>,
}

/// Completed / contacted households.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RateCell {
    /// Contacted households, invalid addresses left out (the denominator).
    pub households: u64,
    /// Households whose latest visit completed a questionnaire.
    pub completed: u64,
    /// Households left out because their latest visit found an invalid address.
    pub invalid_address: u64,
    /// completed / households; null when no household counts.
    pub rate: Option<f64>,
}

/// One interviewer's response rate, by the interviewer of each household's
/// latest visit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InterviewerRate {
    pub interviewer: String,
    #[serde(flatten)]
    pub rate: RateCell,
}
