//! What scoring one response produces: plain, serialisable data stored with
//! the response and shown on the end page.

use serde::{Deserialize, Serialize};

/// The version of the scoring rules that produced a report. Bump it when a
/// rule changes so that stored scores can be told apart from fresh ones.
pub const SCORING_VERSION: u32 = 1;

/// The score breakdown of one response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreReport {
    pub scoring_version: u32,
    /// Every scored item, in survey order (matrix rows as `matrix.row`).
    pub items: Vec<ItemScore>,
    /// Every declared indicator, in declaration order.
    pub indicators: Vec<IndicatorScore>,
    /// Overall score 0–100, missing when no top-level indicator has one.
    pub overall: Option<f64>,
    /// Raw total Σx' over answered scored items; missing when none answered.
    pub raw_total: Option<f64>,
    /// Grade band name; missing when the graded value is missing or below
    /// every band.
    pub grade: Option<String>,
    /// How many scored items were valid, N/A, skipped and hidden.
    pub counts: MissingCounts,
    /// Whether this response needs a follow-up, and why.
    pub follow_up: FollowUp,
    /// The overall-satisfaction question's value, scored or not, so that
    /// satisfaction rates and importance–performance can be computed from
    /// stored reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_question: Option<ItemScore>,
}

/// One scored item's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemScore {
    /// `question` or `question.row` for a matrix row.
    pub id: String,
    pub status: ItemStatus,
    /// The raw value x, when valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<f64>,
    /// The normalised score s in 0–100 (reverse applied), when valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// Why an item has or lacks a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ItemStatus {
    Valid,
    NotApplicable,
    Skipped,
    Hidden,
}

/// One indicator's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorScore {
    pub name: String,
    /// 0–100, missing per the minimum-answered and zero-weight rules.
    pub score: Option<f64>,
    /// Weight share (0–1) of children that have a score.
    pub answered_share: f64,
}

/// Counts of scored items by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MissingCounts {
    pub valid: u32,
    pub not_applicable: u32,
    pub skipped: u32,
    pub hidden: u32,
}

/// The follow-up flag (闭环) of one response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub flagged: bool,
    pub reasons: Vec<FollowUpReason>,
}

/// Why a response was flagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum FollowUpReason {
    /// A scored item's answer fell in its bottom box.
    BottomBox { item: String },
    /// The grade is the lowest band.
    LowestGrade { grade: String },
    /// A survey-declared condition held.
    Condition { name: String },
}
