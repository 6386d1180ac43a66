//! Starting and completing a response: the record-keeping around the
//! answers (ids, timestamps, survey reference, score) done the same way for
//! every survey.

use std::collections::{BTreeMap, BTreeSet};

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
/// locale in `meta`, the current survey reference and core's score. When
/// core rejects an answer, the response is still kept (it is the
/// respondent's data) without a score, and the reason is returned.
pub fn complete(
    draft: &Draft,
    loaded: &LoadedSurvey,
    locale: &str,
) -> (Response, Option<InvalidAnswer>) {
    let mut response = draft.response.clone();
    response.survey = survey_ref(&loaded.survey);
    response.completed_at = Some(now_rfc3339());
    response.meta.insert("locale".to_owned(), locale.to_owned());
    let failure = match loaded.scoring.score(&response.answers, &BTreeSet::new()) {
        Ok(report) => {
            response.score = Some(report);
            None
        }
        Err(e) => Some(e),
    };
    (response, failure)
}
