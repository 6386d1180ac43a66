//! The follow-up queue (闭环): every response the scoring engine flags
//! (bottom-box answer, lowest grade, declared condition — `ScoreReport::
//! follow_up`) becomes a case with a responsible person, a due date, a
//! status and notes, until it is resolved.
//!
//! Statuses move `open → contacted → resolved`; `open → resolved` is
//! allowed (solved on the spot) and a resolved case can be reopened.
//! Resolving and reopening need a note: the loop is only closed when
//! someone wrote down how. Every change is kept in the case's history.
//!
//! The customer's contact details are copied into a case only when the
//! survey declares which questions hold them and the customer consented
//! ([`ContactSpec`], `scoring.contact` in docs/FIELD.md).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::expr::Date;
use crate::response::{Answers, Response};
use crate::scoring::FollowUpReason;
use crate::survey::{Survey, Value};

/// Days from completion to a new case's due date unless the device says otherwise.
pub const DEFAULT_DUE_DAYS: i64 = 3;

/// Where a case stands.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum FollowUpStatus {
    /// Nobody has talked to the customer yet.
    #[default]
    Open,
    /// The customer was reached; the problem is being handled.
    Contacted,
    /// Closed, with a note saying how.
    Resolved,
}

impl FollowUpStatus {
    pub const ALL: [FollowUpStatus; 3] = [
        FollowUpStatus::Open,
        FollowUpStatus::Contacted,
        FollowUpStatus::Resolved,
    ];

    /// The name used in exports.
    pub fn code(self) -> &'static str {
        match self {
            FollowUpStatus::Open => "open",
            FollowUpStatus::Contacted => "contacted",
            FollowUpStatus::Resolved => "resolved",
        }
    }

    /// Whether a case may go from `self` to `to`, and whether that needs a note.
    pub fn allows(self, to: FollowUpStatus) -> Option<NoteRule> {
        use FollowUpStatus::*;
        match (self, to) {
            (Open, Contacted) => Some(NoteRule::Optional),
            (Open | Contacted, Resolved) => Some(NoteRule::Required),
            (Resolved, Open) => Some(NoteRule::Required),
            _ => None,
        }
    }
}

/// Whether a status change needs a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteRule {
    Optional,
    Required,
}

/// One follow-up case. Stored on the device beside its response and
/// exported with it (`followUps` in docs/EXPORT.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
/// Read by hand (`followup_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct FollowUpCase {
    /// The flagged response.
    pub response: Uuid,
    pub survey: String,
    /// The household key of the response's visit, to find the door again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<String>,
    /// Why the response was flagged, from its score report.
    pub reasons: Vec<FollowUpReason>,
    /// Contact details by question name, only where the customer consented.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub contact: BTreeMap<String, String>,
    /// The responsible person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default)]
    pub status: FollowUpStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<CaseNote>,
    /// Every status change, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusChange>,
    /// RFC 3339, when the case was opened.
    pub created_at: String,
}

/// A note on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// Read by hand (`followup_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct CaseNote {
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    pub text: String,
}

/// One status change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// Read by hand (`followup_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub from: FollowUpStatus,
    pub to: FollowUpStatus,
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// Why a follow-up could not be changed or a contact declaration read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FollowUpError {
    #[error("follow-up of response {response}: cannot go from {from} to {to}")]
    NotAllowed {
        response: Uuid,
        from: &'static str,
        to: &'static str,
    },
    #[error("follow-up of response {response}: going to {to} needs a note saying why")]
    NoteRequired { response: Uuid, to: &'static str },
    #[error("follow-up of response {response}: due date {found:?} is not YYYY-MM-DD")]
    BadDue { response: Uuid, found: String },
    #[error("follow-up of response {response}: a note cannot be empty")]
    EmptyNote { response: Uuid },
    #[error("scoring.contact: {0}")]
    Contact(String),
}

impl FollowUpCase {
    /// The case of a completed response its score flags; `None` for a
    /// draft, an unscored response or one not flagged. The due date is
    /// the completion's local date plus `due_days`.
    pub fn open(
        response: &Response,
        contact: Option<&ContactSpec>,
        assignee: Option<String>,
        due_days: i64,
    ) -> Option<FollowUpCase> {
        let completed = response.completed_at.as_deref()?;
        let report = response.score.as_ref()?;
        if !report.follow_up.flagged {
            return None;
        }
        let due = Date::parse(completed)
            .and_then(|d| d.add_days(due_days))
            .map(format_date);
        Some(FollowUpCase {
            response: response.id,
            survey: response.survey.id.clone(),
            household: response
                .visit
                .as_ref()
                .and_then(|v| v.household_key().map(str::to_owned)),
            reasons: report.follow_up.reasons.clone(),
            contact: contact
                .map(|c| c.contact_of(&response.answers))
                .unwrap_or_default(),
            assignee: assignee.filter(|a| !a.trim().is_empty()),
            due,
            status: FollowUpStatus::Open,
            notes: Vec::new(),
            history: Vec::new(),
            created_at: completed.to_owned(),
        })
    }

    /// Moves the case to `to`, with `note` added first when given (required
    /// for resolving and reopening).
    pub fn transition(
        &mut self,
        to: FollowUpStatus,
        at: &str,
        by: Option<&str>,
        note: Option<&str>,
    ) -> Result<(), FollowUpError> {
        let rule = self.status.allows(to).ok_or(FollowUpError::NotAllowed {
            response: self.response,
            from: self.status.code(),
            to: to.code(),
        })?;
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if rule == NoteRule::Required && note.is_none() {
            return Err(FollowUpError::NoteRequired {
                response: self.response,
                to: to.code(),
            });
        }
        if let Some(text) = note {
            self.add_note(at, by, text)?;
        }
        self.history.push(StatusChange {
            from: self.status,
            to,
            at: at.to_owned(),
            by: by.map(str::to_owned),
        });
        self.status = to;
        Ok(())
    }

    /// Adds a note (trimmed; an empty note is refused).
    pub fn add_note(
        &mut self,
        at: &str,
        by: Option<&str>,
        text: &str,
    ) -> Result<(), FollowUpError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(FollowUpError::EmptyNote {
                response: self.response,
            });
        }
        self.notes.push(CaseNote {
            at: at.to_owned(),
            by: by.map(str::to_owned),
            text: text.to_owned(),
        });
        Ok(())
    }

    /// Sets the due date from `YYYY-MM-DD` (blank clears it).
    pub fn set_due(&mut self, text: &str) -> Result<(), FollowUpError> {
        let text = text.trim();
        if text.is_empty() {
            self.due = None;
            return Ok(());
        }
        let valid = text.len() == 10 && Date::parse(text).is_some();
        if !valid {
            return Err(FollowUpError::BadDue {
                response: self.response,
                found: text.to_owned(),
            });
        }
        self.due = Some(text.to_owned());
        Ok(())
    }

    /// Sets the responsible person (blank clears it).
    pub fn assign(&mut self, who: &str) {
        let who = who.trim();
        self.assignee = (!who.is_empty()).then(|| who.to_owned());
    }

    /// Not resolved and due before `today` (`YYYY-MM-DD`).
    pub fn is_overdue(&self, today: &str) -> bool {
        self.status != FollowUpStatus::Resolved && self.due.as_deref().is_some_and(|d| d < today)
    }
}

fn format_date(d: Date) -> String {
    let (y, m, day) = d.ymd();
    format!("{y:04}-{m:02}-{day:02}")
}

/// `scoring.contact`: which questions hold the customer's contact details
/// and which question records their consent to be contacted.
///
/// ```json
/// "contact": {"questions": ["phone", "name"], "consent": "mayContact"}
/// ```
///
/// Consent is given when the consent question's answer is `true` (a
/// boolean) or one of `consentValues` (default `[true, "yes"]`). Without
/// consent a case carries no contact at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactSpec {
    pub questions: Vec<String>,
    pub consent: String,
    pub consent_values: Vec<Value>,
}

impl ContactSpec {
    /// Reads `scoring.contact` from the survey's raw JSON; `Ok(None)` when
    /// absent. Every named question must exist.
    pub fn from_scoring(
        scoring: &serde_json::Value,
        survey: &Survey,
    ) -> Result<Option<ContactSpec>, FollowUpError> {
        let Some(value) = scoring.get("contact") else {
            return Ok(None);
        };
        let bad = |m: String| FollowUpError::Contact(m);
        let obj = value
            .as_object()
            .ok_or_else(|| bad("expected an object {questions, consent}".into()))?;
        for key in obj.keys() {
            if !["questions", "consent", "consentValues"].contains(&key.as_str()) {
                return Err(bad(format!("unknown property {key:?}")));
            }
        }
        let questions: Vec<String> = obj
            .get("questions")
            .and_then(|q| q.as_array())
            .ok_or_else(|| bad("\"questions\" must be a list of question names".into()))?
            .iter()
            .map(|q| q.as_str().map(str::to_owned))
            .collect::<Option<_>>()
            .ok_or_else(|| bad("\"questions\" must be a list of question names".into()))?;
        let consent = obj
            .get("consent")
            .and_then(|c| c.as_str())
            .ok_or_else(|| bad("\"consent\" must name the consent question".into()))?
            .to_owned();
        for name in questions.iter().chain([&consent]) {
            if survey.question(name).is_none() {
                return Err(bad(format!("no question named {name:?}")));
            }
        }
        let consent_values = match obj.get("consentValues") {
            None => vec![Value::Bool(true), Value::String("yes".into())],
            Some(serde_json::Value::Array(list)) if !list.is_empty() => list.clone(),
            Some(_) => return Err(bad("\"consentValues\" must be a non-empty list".into())),
        };
        Ok(Some(ContactSpec {
            questions,
            consent,
            consent_values,
        }))
    }

    /// Whether these answers give consent.
    pub fn consented(&self, answers: &Answers) -> bool {
        answers
            .get(&self.consent)
            .is_some_and(|a| self.consent_values.contains(a))
    }

    /// The contact answers as text, or nothing without consent.
    pub fn contact_of(&self, answers: &Answers) -> BTreeMap<String, String> {
        if !self.consented(answers) {
            return BTreeMap::new();
        }
        self.questions
            .iter()
            .filter_map(|q| {
                let text = match answers.get(q)? {
                    Value::String(s) => s.trim().to_owned(),
                    Value::Null => return None,
                    other => other.to_string(),
                };
                (!text.is_empty()).then(|| (q.clone(), text))
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "followup_tests.rs"]
mod tests;
