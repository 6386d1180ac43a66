//! Errors and warnings of scoring: what stops a survey's scoring from
//! compiling, what only casts doubt on it, and what makes one response
//! unscorable. Every message starts with the place it is about.

use super::ahp::AhpMatrixError;

/// A scoring definition error found when the survey is loaded. `place` is
/// already phrased: `pages[0].elements[3] "q7"`, `scoring.indicators[2]
/// "service"`, `scoring.grades.bands[1] "良"`, `scoring.weights`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CompileError {
    /// Resolved item 1: every non-N/A choice of a scored question needs a number.
    #[error("{place}: {what} {value} (index {index}) has no score and its value is not a number")]
    ChoiceWithoutNumber { place: String, what: &'static str, value: String, index: usize },
    /// No answer yields a number (e.g. every choice is N/A), so `[lo, hi]` is unknown.
    #[error("{place}: no answer yields a number, so the item's range cannot be known")]
    NoNumbers { place: String },
    /// `lo == hi`: normalisation would divide by zero.
    #[error("{place}: every answer gives {value}, so the item's range is empty (lo == hi)")]
    EmptyRange { place: String, value: f64 },
    /// Resolved item 2: a scored number question needs both bounds.
    #[error("{place}: a scored number question needs both min and max ({missing} missing)")]
    MissingBounds { place: String, missing: &'static str },
    #[error("{place}: min {min} must be less than max {max}")]
    InvertedBounds { place: String, min: f64, max: f64 },
    /// Comment, ranking and non-number text questions yield no number.
    #[error("{place}: a {kind} question cannot be scored")]
    NotScorable { place: String, kind: &'static str },
    /// Item 15: the overall-satisfaction question needs boxes.
    #[error("{place}: the overall-satisfaction question needs a discrete scale (choice, rating or boolean), not a {kind} question")]
    NoScale { place: String, kind: &'static str },
    #[error("{place}: boxSize must be at least 1")]
    BadBoxSize { place: String },
    #[error("{place}: weight {weight} must be a finite number ≥ 0")]
    BadWeight { place: String, weight: f64 },
    #[error("{place}: minAnswered {value} must be between 0 and 1")]
    BadMinAnswered { place: String, value: f64 },
    #[error("scoring.overallQuestion: question {name:?} does not exist")]
    UnknownOverallQuestion { name: String },
    #[error("{place}: the indicator name is already used by {other}")]
    DuplicateName { place: String, other: String },
    #[error("{place}: an indicator needs at least one child")]
    NoChildren { place: String },
    #[error("{place}: children[{child}] names question {name:?}, which does not exist")]
    UnknownQuestion { place: String, child: usize, name: String },
    #[error("{place}: children[{child}] names row {row:?} of {matrix:?}, which is not a matrix question")]
    NotAMatrix { place: String, child: usize, matrix: String, row: String },
    #[error("{place}: children[{child}] names row {row:?} of matrix {matrix:?}, which has no such row")]
    UnknownRow { place: String, child: usize, matrix: String, row: String },
    #[error("{place}: children[{child}] names indicator {name:?}, which does not exist")]
    UnknownIndicator { place: String, child: usize, name: String },
    /// Resolved item 8: the indicator graph must be a tree-like DAG.
    #[error("{place}: indicator cycle {}", .cycle.join(" → "))]
    Cycle { place: String, cycle: Vec<String> },
    /// Resolved item 10: weights come from the matrix or from the children.
    #[error("{place}: give an AHP matrix or child weights, not both (children[{child}] has a weight)")]
    AhpWithWeights { place: String, child: usize },
    #[error("{place}: give ahp or weights for the top-level indicators, not both")]
    TopAhpWithWeights { place: String },
    #[error("{place}: {problem}")]
    Ahp { place: String, problem: AhpMatrixError },
    #[error("scoring.weights: {name:?} is not a top-level indicator")]
    NotTopLevel { name: String },
    /// Resolved item 11.
    #[error("scoring.grades: grading on the raw total needs explicit bands")]
    BandsRequired,
    #[error("{place}: minimum {min} repeats the minimum of bands[{other}]")]
    DuplicateBandMin { place: String, min: f64, other: usize },
    #[error("{place}: only one band may omit min, and bands[{other}] already does")]
    SecondOpenBand { place: String, other: usize },
    #[error("{place}: the band name repeats bands[{other}]")]
    DuplicateBandName { place: String, other: usize },
    #[error("{place}: min {min} must be a finite number")]
    BadBandMin { place: String, min: f64 },
}

/// A doubt about the scoring definition that does not stop loading.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ScoringWarning {
    /// Resolved item 10: CR ≥ 0.10 is shown as inconsistent, and used anyway.
    #[error("{place}: the AHP matrix is inconsistent (CR = {cr:.4} ≥ 0.10); its weights are used anyway")]
    InconsistentAhp { place: String, cr: f64 },
    /// A child named twice by one indicator counts twice, which is rarely meant.
    #[error("{place}: children[{child}] repeats children[{first}], so it counts twice")]
    RepeatedChild { place: String, child: usize, first: usize },
}

/// An answer that fits no scoring rule (DOMAIN 25): the response is invalid
/// and is left out of scores, never guessed at. The caller adds which
/// response it was.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidAnswer {
    #[error("{}: {value} matches no {what}", at(.question, .row))]
    NoSuchChoice { question: String, row: Option<String>, value: String, what: &'static str },
    #[error("{}: expected {expected}, found {found}", at(.question, .row))]
    WrongType { question: String, row: Option<String>, expected: &'static str, found: &'static str },
    #[error("question {question:?}: {value} is outside its bounds [{min}, {max}]")]
    OutOfBounds { question: String, value: f64, min: f64, max: f64 },
    #[error("question {question:?}: {value} is chosen more than once")]
    Repeated { question: String, value: String },
    #[error("question {question:?}: row {row:?} does not exist")]
    UnknownRow { question: String, row: String },
}

impl InvalidAnswer {
    /// The question whose answer is invalid.
    pub fn question(&self) -> &str {
        match self {
            InvalidAnswer::NoSuchChoice { question, .. }
            | InvalidAnswer::WrongType { question, .. }
            | InvalidAnswer::OutOfBounds { question, .. }
            | InvalidAnswer::Repeated { question, .. }
            | InvalidAnswer::UnknownRow { question, .. } => question,
        }
    }
}

fn at(question: &str, row: &Option<String>) -> String {
    match row {
        Some(row) => format!("question {question:?} row {row:?}"),
        None => format!("question {question:?}"),
    }
}
