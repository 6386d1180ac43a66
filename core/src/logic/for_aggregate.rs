//! The survey's logic when stored responses are re-scored (office
//! aggregation, `canvass score`): aggregate's [`Logic`](crate::aggregate::Logic)
//! hook, so that an export is scored with the hidden set and follow-up
//! conditions the phone used.

use std::collections::BTreeSet;

use crate::aggregate;
use crate::response::Answers;
use crate::scoring::FollowUpConditions;

use super::{Env, FollowUps, Logic, LogicState};

/// A compiled survey logic in one environment, for `aggregate_with`.
/// `env.today` is used for every response: expressions using `today()`
/// give today's answer, not the completion day's.
#[derive(Debug, Clone)]
pub struct ResponseLogic<'a> {
    logic: &'a Logic,
    env: Env,
    follow_ups: FollowUps<'a>,
}

impl<'a> ResponseLogic<'a> {
    pub fn new(logic: &'a Logic, env: Env) -> ResponseLogic<'a> {
        ResponseLogic {
            logic,
            follow_ups: FollowUps::new(logic, env.clone()),
            env,
        }
    }
}

impl aggregate::Logic for ResponseLogic<'_> {
    fn hidden(&self, answers: &Answers) -> BTreeSet<String> {
        LogicState::new(self.logic, answers, self.env.clone()).hidden_questions()
    }

    fn conditions(&self) -> &dyn FollowUpConditions {
        &self.follow_ups
    }
}
