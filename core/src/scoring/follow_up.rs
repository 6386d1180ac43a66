//! The extension point for survey-declared follow-up conditions (DOMAIN
//! "Follow-up flag", resolved item 23). Conditions are expressions in the
//! survey expression language, which lives in its own module; scoring only
//! asks which declared conditions hold and records them as
//! [`FollowUpReason::Condition`](super::FollowUpReason::Condition).
//! [`ScoringModel::score`](super::ScoringModel::score) uses
//! [`NoConditions`]; the expression module supplies a real implementation
//! to [`ScoringModel::score_with`](super::ScoringModel::score_with).

use std::collections::BTreeSet;

use crate::response::Answers;

use super::report::ScoreReport;

/// The survey's declared follow-up conditions, compiled elsewhere.
pub trait FollowUpConditions {
    /// The names of the conditions that hold for this response, in
    /// declaration order. `report` is the response's score so far (items,
    /// indicators, overall, total, grade), so a condition may refer to them.
    fn holding(&self, answers: &Answers, hidden: &BTreeSet<String>, report: &ScoreReport) -> Vec<String>;
}

/// A survey without declared conditions.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoConditions;

impl FollowUpConditions for NoConditions {
    fn holding(&self, _: &Answers, _: &BTreeSet<String>, _: &ScoreReport) -> Vec<String> {
        Vec::new()
    }
}
