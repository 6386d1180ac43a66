//! The aggregate report: plain serialisable data (camelCase, unrounded
//! floats, missing values as `null`), documented in docs/REPORT.md.

use std::sync::Arc;

use serde::Serialize;
use uuid::Uuid;

use super::change::GroupChange;
use super::kano::{KanoCategory, KanoCounts};
use super::response_rate::ResponseRate;
use super::stats::Summary;
use super::{Period, Segment};
use crate::analysis::Metric;
use crate::scoring::FollowUpReason;
use crate::survey::{LocalizedText, Value};

/// Everything computed over one set of records.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AggregateReport {
    pub survey: SurveyVersion,
    /// The grouping asked for.
    pub by: Option<Segment>,
    pub period: Option<Period>,
    pub records: RecordCounts,
    /// Completed responses left out because an answer is invalid (DOMAIN 25).
    pub invalid: Shared<InvalidResponse>,
    /// All completed, valid responses (and every household for the response rate).
    pub total: GroupReport,
    /// Segment groups, then period groups, then segment × period groups
    /// (see docs/REPORT.md for the order).
    pub groups: Vec<GroupReport>,
    /// Flagged responses (闭环), in record order.
    pub follow_ups: Shared<FollowUpEntry>,
}

/// A list shared between the prepared records and every report made from
/// them: regrouping does not copy (possibly many thousand) follow-ups.
/// Reads as a slice; serialises as a JSON array.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared<T>(pub Arc<[T]>);

impl<T> std::ops::Deref for Shared<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
    }
}

impl AggregateReport {
    /// The group with this segment value and period label (`None` for
    /// "not grouped by"); the total is [`AggregateReport::total`].
    pub fn group(&self, segment: Option<&str>, period: Option<&str>) -> Option<&GroupReport> {
        self.groups
            .iter()
            .find(|g| g.key.segment.as_deref() == segment && g.key.period.as_deref() == period)
    }
}

/// Which survey definition the records answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SurveyVersion {
    pub id: String,
    pub version: String,
}

/// How the records were used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordCounts {
    /// Every record given.
    pub total: u64,
    /// Completed (submitted) responses, valid or not.
    pub completed: u64,
    /// Completed responses left out as invalid.
    pub invalid: u64,
    /// Records never completed (drafts and visits without a questionnaire).
    pub not_completed: u64,
    /// Records that carry a visit (they count for the response rate).
    pub with_visit: u64,
}

/// A completed response left out of the aggregates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvalidResponse {
    pub response: Uuid,
    pub question: String,
    /// Scoring's message, naming the question.
    pub message: String,
}

/// Which group a `GroupReport` covers. Both missing: the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupKey {
    /// The segment value (a choice value as text, a metadata value, or
    /// `"(none)"`), when grouped by segment.
    pub segment: Option<String>,
    /// The choice's text, when the segment is a question and the group is
    /// one of its choices.
    pub segment_title: Option<LocalizedText>,
    /// `2026-03`, `2026-Q1` or `2026`, when grouped by period.
    pub period: Option<String>,
}

/// Every aggregate of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupReport {
    #[serde(flatten)]
    pub key: GroupKey,
    /// Completed, valid responses in the group.
    pub n: u64,
    pub items: Vec<ItemAggregate>,
    pub indicators: Vec<IndicatorAggregate>,
    pub overall: ScoreAggregate,
    /// Mean and SD of the raw total Σx'.
    pub raw_total: Summary,
    pub satisfaction: Option<SatisfactionAggregate>,
    pub nps: Option<NpsAggregate>,
    pub targets: Vec<TargetResult>,
    pub gaps: Vec<GapAggregate>,
    pub kano: Vec<KanoAggregate>,
    /// Importance–performance per top-level indicator; empty for a survey
    /// without declared indicators.
    pub importance: Vec<ImportanceEntry>,
    pub themes: Vec<ThemeAggregate>,
    pub response_rate: ResponseRate,
    /// Flagged responses in the group.
    pub follow_ups: u64,
    /// Change against the immediately preceding period (period groups only).
    pub change: Option<GroupChange>,
}

/// One scored item over the group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemAggregate {
    pub id: String,
    pub valid: u64,
    pub not_applicable: u64,
    pub skipped: u64,
    pub hidden: u64,
    /// Mean and SD of the raw value x.
    pub x: Summary,
    /// Mean and SD of the normalised score s (0–100, reverse applied).
    pub score: Summary,
    /// Answers per choice (valid and N/A), in declaration order; empty for
    /// number items.
    pub distribution: Vec<ChoiceCount>,
    /// The item's k (0 without a discrete scale).
    pub box_k: usize,
    /// Share of valid answers in the k best / worst scale points; null
    /// without boxes or valid answers.
    pub top_box: Option<f64>,
    pub bottom_box: Option<f64>,
}

/// How often one choice was given.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceCount {
    pub value: Value,
    pub count: u64,
}

/// One declared indicator over the group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorAggregate {
    pub name: String,
    #[serde(flatten)]
    pub score: ScoreAggregate,
}

/// A 0–100 score over the group: mean, SD and grade distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreAggregate {
    #[serde(flatten)]
    pub summary: Summary,
    /// Count per band, highest band first; empty without grades (and for
    /// indicators when grading is on the raw total).
    pub grades: Vec<GradeCount>,
    /// Responses with no grade (score missing, or below every band).
    pub ungraded: u64,
}

/// How many responses got one grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradeCount {
    pub band: String,
    pub count: u64,
}

/// The satisfaction rate (满意率).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SatisfactionAggregate {
    /// Respondents counted as satisfied.
    pub satisfied: u64,
    /// Respondents it is a share of (valid answers, or responses with an
    /// overall score for the threshold rule).
    pub base: u64,
    pub rate: Option<f64>,
}

/// Net promoter score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NpsAggregate {
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    pub valid: u64,
    /// 100·(promoters − detractors)/valid; null with no valid answer.
    pub nps: Option<f64>,
}

/// Whether one target is met.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetResult {
    pub name: String,
    pub metric: Metric,
    pub min: f64,
    pub value: Option<f64>,
    /// null when the metric is.
    pub met: Option<bool>,
}

/// One expectation gap: mean of per-response `x_perceived − x_expected`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GapAggregate {
    pub name: String,
    #[serde(flatten)]
    pub gap: Summary,
}

/// One Kano pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KanoAggregate {
    pub name: String,
    pub counts: KanoCounts,
    pub answered: u64,
    pub category: Option<KanoCategory>,
    pub better: Option<f64>,
    pub worse: Option<f64>,
}

/// Importance–performance of one top-level indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportanceEntry {
    pub indicator: String,
    /// Pearson r with the overall-satisfaction question (else the overall score).
    pub importance: Option<f64>,
    /// Responses where both exist.
    pub pairs: u64,
    /// The indicator's mean score.
    pub performance: Option<f64>,
    pub quadrant: Option<Quadrant>,
}

/// Where an indicator falls in the importance–performance grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Quadrant {
    /// High importance, low performance: the priorities.
    ImproveFirst,
    /// High importance, high performance.
    KeepUp,
    /// Low importance, high performance.
    PossibleOverkill,
    /// Low importance, low performance.
    LowPriority,
}

/// One theme of open answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThemeAggregate {
    pub name: String,
    /// Non-empty comments in the theme's questions.
    pub comments: u64,
    /// Those containing a keyword.
    pub matches: u64,
    pub share: Option<f64>,
}

/// A flagged response (闭环 follow-up).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpEntry {
    pub response: Uuid,
    pub completed_at: Option<String>,
    pub household: Option<String>,
    pub interviewer: Option<String>,
    pub overall: Option<f64>,
    pub grade: Option<String>,
    pub reasons: Vec<FollowUpReason>,
}
