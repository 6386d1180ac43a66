//! The analysis part of a survey definition: what the office wants computed
//! over many responses besides the scores themselves — how the
//! satisfaction rate is defined, which question gives the NPS, targets,
//! expectation gaps, Kano pairs and open-answer themes. It lives in the
//! `scoring` object next to the indicators (docs/FORMAT.md, "Analysis keys") and is
//! checked when the survey is loaded, so that a report never meets a
//! definition it cannot compute.

mod error;
mod pairs;
mod parse;
mod read;
mod themes;

pub use error::AnalysisError;

use serde::{Deserialize, Serialize};

use crate::aggregate::kano::KanoOption;
use crate::survey::LocalizedText;

/// The `scoring` keys this module reads; the loader treats every other key.
pub const ANALYSIS_KEYS: [&str; 6] = [
    "satisfaction",
    "npsQuestion",
    "targets",
    "gaps",
    "kano",
    "themes",
];

/// A survey's analysis definition, checked against the survey.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnalysisSpec {
    /// How the satisfaction rate (满意率) is computed; `None` when the
    /// survey names neither a rule nor an overall-satisfaction question.
    pub satisfaction: Option<SatisfactionRule>,
    /// `npsQuestion`: a question whose scale points are exactly 0–10.
    pub nps_question: Option<String>,
    /// `targets`, in order.
    pub targets: Vec<Target>,
    /// `gaps`: expectation vs perception pairs, in order.
    pub gaps: Vec<GapPair>,
    /// `kano`: functional/dysfunctional pairs, in order.
    pub kano: Vec<KanoPair>,
    /// `themes`: keyword themes for open answers, in order.
    pub themes: Vec<Theme>,
}

/// `satisfaction`: what makes a respondent "satisfied".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "camelCase")]
pub enum SatisfactionRule {
    /// `{"question": q}` (default: the `overallQuestion`): the answer is in
    /// the question's top box.
    TopBox { question: String },
    /// `{"threshold": t}`: the overall score is at least `t` (within 1e-9).
    Threshold { threshold: f64 },
}

/// A metric a target can name (`metric`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Metric {
    /// Satisfaction rate, a fraction 0–1.
    SatisfactionRate,
    /// Mean overall score, 0–100.
    OverallMean,
    /// Net promoter score, −100…100.
    Nps,
    /// Response rate, a fraction 0–1.
    ResponseRate,
}

impl Metric {
    /// The range a metric's values (and so a sensible minimum) fall in.
    pub fn range(self) -> (f64, f64) {
        match self {
            Metric::SatisfactionRate | Metric::ResponseRate => (0.0, 1.0),
            Metric::OverallMean => (0.0, 100.0),
            Metric::Nps => (-100.0, 100.0),
        }
    }

    /// The JSON spelling, for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::SatisfactionRate => "satisfactionRate",
            Metric::OverallMean => "overallMean",
            Metric::Nps => "nps",
            Metric::ResponseRate => "responseRate",
        }
    }
}

/// A target (`{"name": "完成值", "metric": "satisfactionRate", "min": 0.8}`):
/// met when the metric is at least `min` (within 1e-9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub name: String,
    pub title: LocalizedText,
    pub metric: Metric,
    pub min: f64,
}

/// An expectation gap: per response `x_perceived − x_expected`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GapPair {
    pub name: String,
    pub title: LocalizedText,
    pub expected: String,
    pub perceived: String,
}

/// A Kano pair with its choices mapped to the five Kano options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KanoPair {
    pub name: String,
    pub title: LocalizedText,
    pub functional: String,
    pub dysfunctional: String,
    /// The option of each choice of `functional`, by choice index; `None`
    /// for not-applicable choices.
    pub functional_map: Vec<Option<KanoOption>>,
    /// The same for `dysfunctional`.
    pub dysfunctional_map: Vec<Option<KanoOption>>,
}

/// A theme of open answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Theme {
    pub name: String,
    pub title: LocalizedText,
    /// As written; matched after NFKC and lower-casing.
    pub keywords: Vec<String>,
    /// The comment (or text) questions coded; default every comment question.
    pub questions: Vec<String>,
}

impl AnalysisSpec {
    /// Reads and checks the analysis keys of the `scoring` object (`path`
    /// is where that object sits, normally `"scoring"`) against `survey`.
    /// Every problem is reported, each naming its place
    /// (`scoring.kano[0]: …`). Other keys are left to the loader.
    pub fn from_json(
        scoring: &serde_json::Value,
        path: &str,
        survey: &crate::survey::Survey,
    ) -> Result<AnalysisSpec, Vec<AnalysisError>> {
        parse::analysis(scoring, path, survey)
    }
}
