//! Loading a survey end to end: parse the JSON, then compile its scoring
//! and its logic (expressions, dependency graph, validators).
//! Each step keeps its own error enum; this module turns them into
//! `Diagnostic`s, the plain form the app and the CLI show.

use serde::Serialize;

use crate::analysis::AnalysisSpec;
use crate::followup::ContactSpec;
use crate::logic::Logic;
use crate::scoring::ScoringModel;
use crate::survey::{self, Survey};

/// A loaded survey, ready to fill and score.
#[derive(Debug, Clone)]
pub struct LoadedSurvey {
    pub survey: Survey,
    pub scoring: ScoringModel,
    /// Satisfaction rule, NPS, targets, gaps, Kano pairs and themes.
    pub analysis: AnalysisSpec,
    /// The compiled logic: visibility, validation, computed values, piping.
    pub logic: Logic,
    /// Things Canvass ignores or doubts but that do not stop the survey.
    pub warnings: Vec<Diagnostic>,
    /// `scoring.contact`: the questions a follow-up may show, with consent.
    pub contact: Option<ContactSpec>,
}

/// One load error or warning, already phrased with its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Why a survey did not load: every error found, plus the warnings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadFailure {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

fn diagnostics<E: std::fmt::Display>(items: impl IntoIterator<Item = E>) -> Vec<Diagnostic> {
    items.into_iter().map(|e| Diagnostic { message: e.to_string() }).collect()
}

/// Loads a survey definition from JSON text.
pub fn load(json: &str) -> Result<LoadedSurvey, LoadFailure> {
    let (survey, parse_warnings) = survey::parse(json).map_err(|errors| LoadFailure {
        errors: diagnostics(errors),
        warnings: Vec::new(),
    })?;
    let mut warnings = diagnostics(parse_warnings);
    // Scoring and logic errors are reported together: both are about the
    // survey's own definitions, and one round of fixes should see them all.
    let mut errors = Vec::new();
    let scoring = match ScoringModel::compile(&survey) {
        Ok((scoring, scoring_warnings)) => {
            warnings.extend(diagnostics(scoring_warnings));
            Some(scoring)
        }
        Err(e) => {
            errors.extend(diagnostics(e));
            None
        }
    };
    let logic = Logic::compile(&survey).map_err(|e| errors.extend(diagnostics(e))).ok();
    let (Some(scoring), Some(logic)) = (scoring, logic) else {
        return Err(LoadFailure { errors, warnings });
    };
    // `parse` succeeded, so the text is a JSON object.
    let raw: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let analysis = match raw.get("scoring") {
        Some(spec) => AnalysisSpec::from_json(spec, "scoring", &survey)
            .map_err(|errors| LoadFailure { errors: diagnostics(errors), warnings: warnings.clone() })?,
        None => AnalysisSpec::default(),
    };
    let contact = ContactSpec::from_scoring(raw.get("scoring").unwrap_or(&serde_json::Value::Null), &survey)
        .map_err(|e| LoadFailure { errors: diagnostics([e]), warnings: warnings.clone() })?;
    Ok(LoadedSurvey { survey, scoring, analysis, logic, warnings, contact })
}
