//! The scoring contract (DOMAIN.md, "Scoring semantics"): compile a survey's
//! scoring once into a `ScoringModel`, then `score` any number of responses.

mod report;

pub use report::*;

use std::collections::BTreeSet;

use crate::response::Answers;
use crate::survey::Survey;

/// A survey's scoring compiled once: items with their ranges and scale
/// points, the resolved indicator tree with weights (AHP solved), bands.
/// Score many responses against it.
#[derive(Debug, Clone)]
pub struct ScoringModel {
    // TODO(scoring helper): fields.
}

impl ScoringModel {
    /// Compiles `survey`'s scoring. Errors name the item, indicator or band
    /// (`scoring.indicators[2] "service": …`); warnings (e.g. an
    /// inconsistent AHP matrix, CR ≥ 0.10) do not stop loading.
    pub fn compile(survey: &Survey) -> Result<(ScoringModel, Vec<ScoringWarning>), Vec<CompileError>> {
        let _ = survey;
        todo!("scoring helper")
    }

    /// Scores one response. `hidden` holds the names of questions hidden by
    /// logic: their stored answers are ignored and they count as hidden.
    pub fn score(&self, answers: &Answers, hidden: &BTreeSet<String>) -> Result<ScoreReport, InvalidAnswer> {
        let _ = (answers, hidden);
        todo!("scoring helper")
    }
}
// TODO(scoring helper): CompileError, ScoringWarning, InvalidAnswer enums (thiserror, messages name the place).

/// A scoring definition error found when the survey is loaded. (Placeholder.)
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CompileError {
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// A doubt about the scoring definition that does not stop loading. (Placeholder.)
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ScoringWarning {
    #[error("{path}: {message}")]
    Doubt { path: String, message: String },
}

/// An answer that fits no scoring rule (DOMAIN 25). (Placeholder.)
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidAnswer {
    #[error("question {question:?}: {message}")]
    Invalid { question: String, message: String },
}
