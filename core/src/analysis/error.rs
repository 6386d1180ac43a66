//! Why an analysis definition cannot be used. Every message starts with
//! its place in the JSON (`scoring.gaps[1]: …`).

use crate::scoring::CompileError;

/// A problem in the analysis keys of the `scoring` object.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum AnalysisError {
    #[error("{place}: expected {expected}")]
    WrongType {
        place: String,
        expected: &'static str,
    },
    #[error("{place}: {property:?} is required")]
    Missing {
        place: String,
        property: &'static str,
    },
    #[error("{place}: unknown property {property:?}")]
    UnknownProperty { place: String, property: String },
    #[error("{place}: the name {name:?} is already used by {other}")]
    DuplicateName {
        place: String,
        name: String,
        other: String,
    },
    #[error("{place}: question {name:?} does not exist")]
    UnknownQuestion { place: String, name: String },
    /// Item 15: an unscored question used for its numbers still needs them.
    #[error("{place}: question {name:?} cannot give numbers: {source}")]
    NoNumbers {
        place: String,
        name: String,
        source: CompileError,
    },
    #[error("{place}: question {name:?} is a {kind} question, but {needed}")]
    WrongQuestionKind {
        place: String,
        name: String,
        kind: &'static str,
        needed: &'static str,
    },
    #[error("{place}: question {name:?} is reverse-keyed, which {why}")]
    Reverse {
        place: String,
        name: String,
        why: &'static str,
    },
    /// Item 15: NPS needs the scale 0, 1, …, 10 exactly.
    #[error("{place}: the scale points of {name:?} are [{points}], not exactly the integers 0–10")]
    NotZeroToTen {
        place: String,
        name: String,
        points: String,
    },
    /// Item 17.
    #[error("{place}: {expected:?} ranges over [{expected_lo}, {expected_hi}] but {perceived:?} over [{perceived_lo}, {perceived_hi}]; a gap needs the same range")]
    RangeMismatch {
        place: String,
        expected: String,
        perceived: String,
        expected_lo: f64,
        expected_hi: f64,
        perceived_lo: f64,
        perceived_hi: f64,
    },
    #[error("{place}: give a question or a threshold, not both")]
    QuestionAndThreshold { place: String },
    #[error("{place}: give a question or a threshold (the survey names no overallQuestion to default to)")]
    NoSatisfactionBasis { place: String },
    #[error("{place}: threshold {value} must be a score between 0 and 100")]
    BadThreshold { place: String, value: f64 },
    #[error("{place}: unknown metric {found:?} (expected satisfactionRate, overallMean, nps or responseRate)")]
    UnknownMetric { place: String, found: String },
    /// Item 16: rates are fractions, so `80` for 80% would never be met.
    #[error("{place}: min {min} is outside {lo}…{hi}, the range of {metric}{hint}")]
    TargetOutOfRange {
        place: String,
        min: f64,
        metric: &'static str,
        lo: f64,
        hi: f64,
        hint: &'static str,
    },
    #[error("{place}: metric {metric} needs {needs}")]
    MetricUnavailable {
        place: String,
        metric: &'static str,
        needs: &'static str,
    },
    /// Item 18: every choice of a Kano question must say which option it is.
    #[error("{place}: choice {value} of {question:?} is not mapped to a Kano option")]
    UnmappedChoice {
        place: String,
        question: String,
        value: String,
    },
    #[error("{place}: {value:?} is not a choice of {functional:?} or {dysfunctional:?}")]
    UnknownChoice {
        place: String,
        value: String,
        functional: String,
        dysfunctional: String,
    },
    #[error("{place}: choice {value} of {question:?} is not applicable, so it cannot be mapped")]
    MappedNotApplicable {
        place: String,
        question: String,
        value: String,
    },
    #[error("{place}: {found:?} is not a Kano option (like, expect, neutral, tolerate, dislike)")]
    UnknownKanoOption { place: String, found: String },
    /// Item 20: an empty keyword would match every comment.
    #[error("{place}: a keyword must not be empty")]
    EmptyKeyword { place: String },
    #[error("{place}: a theme needs at least one keyword")]
    NoKeywords { place: String },
    #[error("{place}: the survey has no comment question to code; list the questions")]
    NoThemeQuestions { place: String },
}
