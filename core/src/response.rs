//! A respondent's answers and the record Canvass stores for them.

use std::collections::BTreeMap;

use serde::Serialize;
use uuid::Uuid;

use crate::scoring::ScoreReport;
use crate::survey::Value;
use crate::visit::Visit;

/// Answers by question name, in SurveyJS's `survey.data` shape: a choice is
/// its value, a checkbox or ranking an array, a matrix an object
/// `{row: column}`, a boolean `true`/`false`, text a string, a number a number.
pub type Answers = BTreeMap<String, Value>;

/// Which survey definition a response answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// Read by hand (`response_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct SurveyRef {
    pub id: String,
    pub version: String,
    /// SHA-256 of the canonical definition (see `Survey::hash`).
    pub hash: String,
}

/// A completed (submitted) response. Drafts are the same shape with
/// `completed_at` unset and no score.
#[derive(Debug, Clone, PartialEq, Serialize)]
/// Read by hand (`response_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct Response {
    /// A random (v4) UUID, made on the device.
    pub id: Uuid,
    pub survey: SurveyRef,
    /// RFC 3339 with the device's UTC offset, e.g. `2026-11-23T16:20:05+08:00`.
    pub started_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    pub answers: Answers,
    /// Free metadata: interviewer, project, customer type, locale, …
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub meta: BTreeMap<String, String>,
    /// The score breakdown computed when the response was completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<ScoreReport>,
    /// The field visit or callback this record belongs to, if any. A record
    /// with a visit, empty answers and no `completed_at` is a contact that
    /// produced no questionnaire: it counts only for the response rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<Visit>,
}

impl Response {
    /// True once submitted: only completed responses enter scores (DOMAIN 24).
    pub fn is_completed(&self) -> bool {
        self.completed_at.is_some()
    }
}
