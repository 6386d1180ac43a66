//! Why a set of records cannot be aggregated at all. (A single invalid
//! response is not an error: it is left out and listed in the report.)

use std::collections::BTreeSet;

use crate::response::Response;
use crate::survey::Survey;

/// A reason no report can be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AggregateError {
    /// A record answers a different survey.
    #[error("records[{index}] (id {response}) answers survey {found:?}, not {expected:?}")]
    ForeignSurvey {
        index: usize,
        response: String,
        found: String,
        expected: String,
    },
    /// Scores of different versions are not comparable.
    #[error("the records answer versions {} of survey {survey:?}, but the definition is version {expected:?}; aggregate one version at a time", quoted(.found))]
    MixedVersions {
        survey: String,
        expected: String,
        found: Vec<String>,
    },
    #[error("by: question {name:?} does not exist")]
    UnknownSegmentQuestion { name: String },
    #[error("by: question {name:?} is a {kind} question; group by a choice question (radiogroup, dropdown, checkbox, rating or boolean) or by metadata")]
    NotASegment { name: String, kind: &'static str },
}

fn quoted(versions: &[String]) -> String {
    versions
        .iter()
        .map(|v| format!("{v:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every record must answer `survey`'s id and version.
pub(super) fn check_versions(survey: &Survey, records: &[Response]) -> Result<(), AggregateError> {
    let mut versions: BTreeSet<&str> = BTreeSet::new();
    for (index, record) in records.iter().enumerate() {
        if record.survey.id != survey.id {
            return Err(AggregateError::ForeignSurvey {
                index,
                response: record.id.to_string(),
                found: record.survey.id.clone(),
                expected: survey.id.clone(),
            });
        }
        versions.insert(&record.survey.version);
    }
    if versions.iter().any(|v| *v != survey.version) {
        return Err(AggregateError::MixedVersions {
            survey: survey.id.clone(),
            expected: survey.version.clone(),
            found: versions.into_iter().map(str::to_owned).collect(),
        });
    }
    Ok(())
}
