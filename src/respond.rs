//! Starting and completing a response: the record-keeping around the
//! answers (ids, timestamps, survey reference, score) done the same way for
//! every survey.

use std::collections::BTreeMap;

use canvass_core::logic::{FollowUps, LogicState};
use canvass_core::response::{Response, SurveyRef};
use canvass_core::scoring::InvalidAnswer;
use canvass_core::survey::Survey;
use canvass_core::LoadedSurvey;

use crate::clock::now_rfc3339;
use crate::ids::new_response_id;
use crate::storage::Draft;

/// Which survey definition a response answers.
pub fn survey_ref(survey: &Survey) -> SurveyRef {
    SurveyRef {
        id: survey.id.clone(),
        version: survey.version.clone(),
        hash: survey.hash.clone(),
    }
}

/// A fresh draft on the first page, started now.
pub fn new_draft(survey: &Survey) -> Draft {
    let response = Response {
        id: new_response_id(),
        survey: survey_ref(survey),
        started_at: now_rfc3339(),
        completed_at: None,
        answers: BTreeMap::new(),
        meta: BTreeMap::new(),
        score: None,
        visit: None,
    };
    Draft { response, page: 0 }
}

/// The completed response of `draft`: stamped now, with the interface
/// locale in `meta`, the current survey reference, the values the logic
/// computed (expression questions, `includeIntoResult` values) added to the
/// answers, and core's score of what the respondent was shown (hidden
/// questions excluded, hidden choices unselected, follow-up conditions
/// evaluated). Hidden questions' answers stay stored (docs/LOGIC.md). When
/// core rejects an answer, the response is still kept (it is the
/// respondent's data) without a score, and the reason is returned.
pub fn complete(
    draft: &Draft,
    loaded: &LoadedSurvey,
    state: &LogicState,
    locale: &str,
) -> (Response, Option<InvalidAnswer>) {
    let logic = &loaded.logic;
    let mut response = draft.response.clone();
    response.survey = survey_ref(&loaded.survey);
    response.completed_at = Some(now_rfc3339());
    response.meta.insert("locale".to_owned(), locale.to_owned());
    // Composite answers: expression parts computed, parts hidden in their
    // row (panel) cleared — SurveyJS's `clearInvisibleValues` default.
    response.answers.extend(state.part_answers(logic, &draft.response.answers));
    response.answers.extend(state.computed_answers(logic));
    // The household's visit (if the survey was started from a visit form)
    // ends as completed, at the completion time.
    if let Some(visit) = &mut response.visit {
        visit.outcome = canvass_core::visit::Outcome::Completed;
        visit.at = response.completed_at.clone();
    }
    let scored = loaded.scoring.score_with(
        &state.scoring_answers(logic, &draft.response.answers),
        &state.hidden_questions(),
        &FollowUps::new(logic, state.env().clone()),
    );
    let failure = match scored {
        Ok(report) => {
            response.score = Some(report);
            None
        }
        Err(e) => Some(e),
    };
    (response, failure)
}

thread_local! {
    /// The response completed last in this session, per survey: the end
    /// page shows it without reading every stored response (and without
    /// the PIN when stored responses are sealed).
    static LAST_COMPLETED: std::cell::RefCell<BTreeMap<String, Response>> =
        const { std::cell::RefCell::new(BTreeMap::new()) };
}

/// Remembers `response`, just completed.
pub fn set_last_completed(response: &Response) {
    LAST_COMPLETED.with(|m| m.borrow_mut().insert(response.survey.id.clone(), response.clone()));
}

/// The response of `survey` completed last in this session, if any.
pub fn last_completed(survey: &str) -> Option<Response> {
    LAST_COMPLETED.with(|m| m.borrow().get(survey).cloned())
}
