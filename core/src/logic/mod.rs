//! Survey logic: visibility, enabling, requirement, validation, computed
//! values, text piping, navigation and the completed text — SurveyJS's
//! `visibleIf` / `enableIf` / `requiredIf`, `validators`,
//! `calculatedValues`, `expression` questions, `{name}` piping,
//! `completedHtmlOnCondition` — plus scoring's follow-up conditions.
//!
//! Compile once, update incrementally: [`Logic::compile`] (run by
//! [`crate::load`]) parses every expression, resolves every `{name}`,
//! builds the dependency graph and rejects cycles. A [`LogicState`] holds
//! what the expressions computed for one response; after each answer,
//! [`LogicState::apply`] re-evaluates only what depends on that question.
//! docs/LOGIC.md describes the behaviour and the browser's calling pattern.
//!
//! ```
//! use canvass_core::expr::Date;
//! use canvass_core::logic::{validate_page, visible_pages, Env, LogicState};
//! use canvass_core::response::Answers;
//!
//! let loaded = canvass_core::load(r#"{"elements": [
//!     {"type": "radiogroup", "name": "sat", "choices": [1, 2, 3, 4, 5]},
//!     {"type": "comment", "name": "why", "isRequired": true, "visibleIf": "{sat} <= 2",
//!      "title": "Why only {sat}?"}
//! ]}"#).unwrap();
//! let logic = &loaded.logic;
//! let mut answers = Answers::new();
//! let mut state = LogicState::new(logic, &answers, Env::new(Date::parse("2026-11-23").unwrap(), "en"));
//! assert!(!state.is_visible("why"));
//!
//! answers.insert("sat".into(), 2.into());
//! state.apply(logic, "sat", &answers);
//! assert!(state.is_visible("why"));
//! let errors = validate_page(logic, &state, 0, &answers);
//! assert_eq!(errors[0].message("zh-cn"), "请填写此问题");
//! let why = loaded.survey.question("why").unwrap();
//! assert_eq!(canvass_core::logic::piped(&state, &answers, &why.title, "en"), "Why only 2?");
//!
//! answers.insert("sat".into(), 5.into());
//! state.apply(logic, "sat", &answers);
//! assert!(state.hidden_questions().contains("why"));
//! assert!(validate_page(logic, &state, 0, &answers).is_empty());
//! assert_eq!(visible_pages(&state), [0]);
//! ```

mod compile;
mod complete;
mod error;
mod follow_up;
mod for_aggregate;
mod graph;
mod layout;
mod messages;
mod names;
mod navigate;
mod pipe;
mod scope;
mod state;
mod parts;
mod validate;
/// SurveyJS's e-mail pattern, for checking a text engine against it.
pub use validate::EMAIL as EMAIL_PATTERN;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use complete::{completed_text, html_to_text};
pub use error::LogicError;
pub use follow_up::FollowUps;
pub use for_aggregate::ResponseLogic;
pub use navigate::{next_page, previous_page, progress, visible_pages};
pub use pipe::{pipe_str, piped};
pub use scope::Env;
pub use state::LogicState;
pub use parts::{PartItem, PartState, Parts};
pub use validate::{validate_page, ErrorKind, Target, ValidationError};

use crate::expr::Expr;
use crate::survey::{LocalizedText, Survey};

/// A survey's logic, compiled once: the element structure, every
/// expression parsed, the dependency graph in evaluation order, the
/// validators (regular expressions compiled), the completed texts and the
/// follow-up conditions.
#[derive(Debug, Clone)]
pub struct Logic {
    layout: Arc<layout::Layout>,
    graph: graph::Graph,
    validators: BTreeMap<usize, Vec<validate::CheckedValidator>>,
    email: Option<crate::text::Pattern>,
    completed: Vec<(Expr, LocalizedText)>,
    completed_default: Option<LocalizedText>,
    follow_ups: Vec<(String, Expr)>,
    include_into_result: Vec<bool>,
    /// Questions with the other item (`hasOther`): choosing it needs the
    /// text under `<name>-Comment`.
    has_other: std::collections::BTreeSet<String>,
    /// The parts of every question made of questions (matrix columns,
    /// dynamic panels, multiple-text items), by question name.
    parts: parts::PartsByQuestion,
}

impl Logic {
    /// Compiles `survey`'s logic. Errors name the element and property
    /// (`pages[0].elements[2] "q3".visibleIf: at 7: expected ')', found
    /// end of input`): syntax errors, unknown functions, unknown variables
    /// and matrix rows, invalid regular expressions, and cycles.
    pub fn compile(survey: &Survey) -> Result<Logic, Vec<LogicError>> {
        compile::compile(survey)
    }

    /// How many expressions the graph holds (conditions, calculated values,
    /// expression questions): what a full recompute evaluates.
    pub fn expression_count(&self) -> usize {
        self.graph
            .nodes
            .iter()
            .filter(|n| !matches!(n.kind, graph::NodeKind::Question))
            .count()
    }

    /// The compiled parts of question `name` when it is made of
    /// questions (matrixdropdown, matrixdynamic, paneldynamic,
    /// multipletext).
    pub fn parts(&self, name: &str) -> Option<&Parts> {
        self.parts.get(name)
    }

    /// The names of the declared follow-up conditions, in order.
    pub fn follow_up_names(&self) -> impl Iterator<Item = &str> {
        self.follow_ups.iter().map(|(name, _)| name.as_str())
    }
}
