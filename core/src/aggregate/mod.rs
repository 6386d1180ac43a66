//! Aggregates over a set of completed responses (DOMAIN "Aggregates over a
//! set of completed responses", resolved items 12–25): per-item and
//! per-indicator statistics, satisfaction rate, NPS, targets, expectation
//! gaps, Kano, importance–performance, themes, response rate and the
//! follow-up list, in total and per segment and period.
//!
//! Scoring every response is the expensive part, so it happens once in
//! [`Prepared::new`]; [`Prepared::report`] then groups and summarises in
//! one pass over compact per-response values (switching the grouping in
//! the UI does not score again). [`aggregate`] does both.
//!
//! Files: `prepare.rs` (scoring, per-response values), `layout.rs` (which
//! choice an answer picked), `extra.rs` (analysis questions), `acc.rs`
//! (per-cell counts), `group.rs` + `segment.rs` + `period.rs` (grouping),
//! `summary.rs` + `items.rs` + `ipa.rs` + `change.rs` (the report),
//! `stats.rs`, `kano.rs`, `themes.rs`, `response_rate.rs` (formulas),
//! `report.rs` (the serialised shape, docs/REPORT.md), `error.rs`.

mod acc;
mod cells;
mod change;
mod codes;
mod error;
mod extra;
mod group;
mod items;
mod layout;
mod prepare;
mod report;
mod segment;
mod summary;

pub mod ipa;
pub mod kano;
pub mod period;
pub mod response_rate;
pub mod stats;
pub mod themes;

pub use change::{GroupChange, ItemChange, NamedChange};
pub use error::AggregateError;
pub use extra::THRESHOLD_TOLERANCE;
pub use period::Period;
pub use prepare::Prepared;
pub use report::*;
pub use segment::{Segment, NO_VALUE};
pub use summary::TARGET_TOLERANCE;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::analysis::AnalysisSpec;
use crate::response::{Answers, Response};
use crate::scoring::{FollowUpConditions, NoConditions, ScoringModel};
use crate::survey::Survey;

/// How to group the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AggregateOptions {
    /// Split by a choice question or a metadata key.
    pub by: Option<Segment>,
    /// Split by month, quarter or year of completion (local date as recorded).
    pub period: Option<Period>,
}

/// What the survey's logic says about a response: the questions its
/// `visibleIf` rules hide (their stored answers are ignored and count as
/// hidden) and the declared follow-up conditions. Supplied by the
/// expression module; [`NoLogic`] for surveys without logic.
pub trait Logic {
    /// The names of the questions hidden for these answers.
    fn hidden(&self, answers: &Answers) -> BTreeSet<String>;
    /// The survey's declared follow-up conditions.
    fn conditions(&self) -> &dyn FollowUpConditions;
}

/// No visibility rules and no declared conditions: every question counts
/// as shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLogic;

impl Logic for NoLogic {
    fn hidden(&self, _: &Answers) -> BTreeSet<String> {
        BTreeSet::new()
    }

    fn conditions(&self) -> &dyn FollowUpConditions {
        &NoConditions
    }
}

/// Aggregates `records` (completed responses and visit records of one
/// survey version) without visibility logic: see [`aggregate_with`].
pub fn aggregate(
    model: &ScoringModel,
    survey: &Survey,
    analysis: &AnalysisSpec,
    records: &[Response],
    options: &AggregateOptions,
) -> Result<AggregateReport, AggregateError> {
    aggregate_with(model, survey, analysis, records, options, &NoLogic)
}

/// Aggregates `records`, scoring each completed one with `logic`. Drafts
/// never count (DOMAIN 24) except their visits, for the response rate;
/// invalid responses are left out and listed (item 25). Fails only when the
/// records answer another survey or several versions, or `options.by`
/// names an unusable question.
pub fn aggregate_with(
    model: &ScoringModel,
    survey: &Survey,
    analysis: &AnalysisSpec,
    records: &[Response],
    options: &AggregateOptions,
    logic: &dyn Logic,
) -> Result<AggregateReport, AggregateError> {
    Prepared::new(model, survey, analysis, records, logic)?.report(options)
}
