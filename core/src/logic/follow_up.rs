//! Survey-declared follow-up conditions (`scoring.followUp`, DOMAIN item
//! 23) for scoring's hook: `ScoringModel::score_with(answers, hidden,
//! &FollowUps::new(&logic, env))`.

use std::collections::BTreeSet;

use crate::response::Answers;
use crate::scoring::{FollowUpConditions, ScoreReport};

use super::{Env, Logic, LogicState};

/// The declared conditions of one survey, evaluated in one environment.
/// Each response is evaluated afresh from its answers (a full logic
/// state), so the result is the same in the browser and when an office
/// re-scores an export — hidden questions read as empty in both.
#[derive(Debug, Clone)]
pub struct FollowUps<'a> {
    logic: &'a Logic,
    env: Env,
}

impl<'a> FollowUps<'a> {
    /// `env.today` should be the day the response was completed, so that
    /// conditions using `today()` give the same answer when re-scored.
    pub fn new(logic: &'a Logic, env: Env) -> FollowUps<'a> {
        FollowUps { logic, env }
    }
}

impl FollowUpConditions for FollowUps<'_> {
    fn holding(
        &self,
        answers: &Answers,
        _hidden: &BTreeSet<String>,
        _report: &ScoreReport,
    ) -> Vec<String> {
        if self.logic.follow_ups.is_empty() {
            return Vec::new();
        }
        let state = LogicState::new(self.logic, answers, self.env.clone());
        let reader = state.reader(answers);
        self.logic
            .follow_ups
            .iter()
            .filter(|(_, expr)| expr.evaluate_condition(&reader))
            .map(|(name, _)| name.clone())
            .collect()
    }
}
