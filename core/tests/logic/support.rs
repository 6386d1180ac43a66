//! Helpers: load a survey, build answers, make and update a state.

use canvass_core::expr::Date;
use canvass_core::logic::{Env, LogicState};
use canvass_core::response::Answers;
use canvass_core::LoadedSurvey;
use serde_json::Value;

/// Loads `json`, failing the test with every error when it does not load.
#[track_caller]
pub fn load(json: &str) -> LoadedSurvey {
    canvass_core::load(json).unwrap_or_else(|f| {
        let messages: Vec<String> = f.errors.iter().map(|e| e.message.clone()).collect();
        panic!("expected the survey to load, got:\n{}", messages.join("\n"))
    })
}

/// The error messages of a survey that must not load.
#[track_caller]
pub fn errors(json: &str) -> Vec<String> {
    match canvass_core::load(json) {
        Ok(_) => panic!("expected errors, but the survey loaded:\n{json}"),
        Err(f) => f.errors.into_iter().map(|e| e.message).collect(),
    }
}

/// A one-page survey holding `elements` (JSON text of the array items).
pub fn page(elements: &str) -> String {
    format!(r#"{{"pages": [{{"elements": [{elements}]}}]}}"#)
}

/// Answers from a JSON object.
#[track_caller]
pub fn answers(json: Value) -> Answers {
    match json {
        Value::Object(map) => map.into_iter().collect(),
        other => panic!("answers must be an object, got {other}"),
    }
}

pub fn env() -> Env {
    Env::new(Date::parse("2026-11-23").unwrap(), "en")
}

/// A loaded survey with answers and a state kept current by `set`.
pub struct Filling {
    pub loaded: LoadedSurvey,
    pub answers: Answers,
    pub state: LogicState,
}

impl Filling {
    #[track_caller]
    pub fn new(json: &str) -> Filling {
        Filling::with(json, Value::Object(Default::default()))
    }

    #[track_caller]
    pub fn with(json: &str, initial: Value) -> Filling {
        let loaded = load(json);
        let answers = answers(initial);
        let state = LogicState::new(&loaded.logic, &answers, env());
        Filling {
            loaded,
            answers,
            state,
        }
    }

    /// Answers `question` (null clears it) and applies the change, checking
    /// that the incremental update equals a full recompute.
    #[track_caller]
    pub fn set(&mut self, question: &str, value: Value) -> &mut Filling {
        if value.is_null() {
            self.answers.remove(question);
        } else {
            self.answers.insert(question.to_owned(), value);
        }
        self.state
            .apply(&self.loaded.logic, question, &self.answers);
        let full = LogicState::new(&self.loaded.logic, &self.answers, self.state.env().clone());
        assert_eq!(
            self.state, full,
            "incremental update after {question} differs from a full recompute"
        );
        self
    }

    pub fn visible(&self, question: &str) -> bool {
        self.state.is_visible(question)
    }
}
