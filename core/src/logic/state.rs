//! The logic state of one response: what every node of the dependency
//! graph computed for the current answers. Computed in full once, then
//! kept current with [`LogicState::apply`], which re-evaluates only the
//! nodes downstream of the changed question, each once, in graph order,
//! and stops where a result did not change.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};
use std::sync::Arc;

use crate::expr::Value;
use crate::response::Answers;

use super::graph::NodeKind;
use super::layout::{ElementKind, Layout, NodeId};
use super::scope::{Env, Output, Reader};
use super::Logic;

/// Which pages, panels, questions and choices are visible, enabled and
/// required, and the calculated and expression-question values, for one
/// set of answers. Plain data: no references into the survey, no signals.
#[derive(Debug, Clone)]
pub struct LogicState {
    pub(crate) layout: Arc<Layout>,
    pub(crate) outputs: Vec<Output>,
    pub(crate) env: Env,
    evaluations: u64,
}

/// Two states are equal when they computed the same things for the same
/// environment; the evaluation counter is bookkeeping and is not compared.
impl PartialEq for LogicState {
    fn eq(&self, other: &LogicState) -> bool {
        Arc::ptr_eq(&self.layout, &other.layout)
            && self.outputs == other.outputs
            && self.env == other.env
    }
}

impl LogicState {
    /// Evaluates every node for `answers`.
    pub fn new(logic: &Logic, answers: &Answers, env: Env) -> LogicState {
        let mut state = LogicState {
            layout: Arc::clone(&logic.layout),
            outputs: vec![Output::Unset; logic.graph.nodes.len()],
            env,
            evaluations: 0,
        };
        state.recompute(logic, answers);
        state
    }

    /// Evaluates every node again (after the answers were replaced as a whole).
    pub fn recompute(&mut self, logic: &Logic, answers: &Answers) {
        for &node in &logic.graph.order {
            self.outputs[node] = self.evaluate(logic, node, answers);
        }
    }

    /// Changes the environment (a new day, another UI language) and
    /// recomputes.
    pub fn set_env(&mut self, logic: &Logic, env: Env, answers: &Answers) {
        self.env = env;
        self.recompute(logic, answers);
    }

    /// Brings the state up to date after the answer to question `changed`
    /// changed (`answers` holds the new answer). Only the nodes that depend
    /// on it, directly or through others, are evaluated; a node whose result
    /// did not change does not wake its readers. Unknown names change nothing.
    pub fn apply(&mut self, logic: &Logic, changed: &str, answers: &Answers) {
        let Some(start) = self
            .layout
            .question(changed)
            .and_then(|e| self.layout.elements[e].value)
        else {
            return;
        };
        let graph = &logic.graph;
        let mut queued = vec![false; graph.nodes.len()];
        let mut heap = BinaryHeap::new();
        heap.push(Reverse(graph.position[start]));
        queued[start] = true;
        while let Some(Reverse(position)) = heap.pop() {
            let node = graph.order[position];
            let changed = match graph.nodes[node].kind {
                NodeKind::Question => true,
                _ => {
                    let output = self.evaluate(logic, node, answers);
                    let changed = output != self.outputs[node];
                    self.outputs[node] = output;
                    changed
                }
            };
            if changed {
                for &reader in &graph.readers[node] {
                    if !std::mem::replace(&mut queued[reader], true) {
                        heap.push(Reverse(graph.position[reader]));
                    }
                }
            }
        }
    }

    fn evaluate(&mut self, logic: &Logic, node: NodeId, answers: &Answers) -> Output {
        let reader = Reader {
            layout: &self.layout,
            outputs: &self.outputs,
            answers,
            env: &self.env,
        };
        let output = match &logic.graph.nodes[node].kind {
            NodeKind::Question => return Output::Unset,
            NodeKind::Condition(expr) => Output::Bool(expr.evaluate_condition(&reader)),
            NodeKind::Value(expr) => Output::Value(expr.evaluate(&reader)),
        };
        self.evaluations += 1;
        output
    }

    /// How many expressions this state has evaluated since it was made:
    /// shows that [`apply`](Self::apply) is incremental.
    pub fn evaluations(&self) -> u64 {
        self.evaluations
    }

    /// The environment the state was computed in.
    pub fn env(&self) -> &Env {
        &self.env
    }

    pub(crate) fn reader<'a>(&'a self, answers: &'a Answers) -> Reader<'a> {
        Reader {
            layout: &self.layout,
            outputs: &self.outputs,
            answers,
            env: &self.env,
        }
    }

    /// What expressions read in this state: the questions' effective
    /// values, calculated values, `{locale}` and today. The parts of a
    /// composite question are evaluated in it (`Parts::evaluate`).
    pub fn scope<'a>(&'a self, answers: &'a Answers) -> impl crate::expr::Scope + 'a {
        self.reader(answers)
    }

    /// The stored answers of the visible questions made of questions as
    /// the completed response holds them: expression parts computed and
    /// parts hidden in their row (panel) removed, SurveyJS's default
    /// `clearInvisibleValues: "onComplete"` (docs/LOGIC.md). Only answers
    /// that change are returned.
    pub fn part_answers(&self, logic: &Logic, answers: &Answers) -> Answers {
        let reader = self.reader(answers);
        let mut out = Answers::new();
        for (name, parts) in &logic.parts {
            let Some(raw) = answers.get(name) else { continue };
            if !parts.has_logic() || !self.is_visible(name) {
                continue;
            }
            if let Some(value) = parts.normalized(Some(raw), &reader, true) {
                if value != *raw {
                    out.insert(name.clone(), value);
                }
            }
        }
        out
    }

    fn cond(&self, node: Option<NodeId>) -> Option<bool> {
        node.map(|n| self.outputs[n].is_true())
    }

    /// Element `e` and everything around it visible.
    pub(crate) fn element_visible(&self, e: usize) -> bool {
        self.layout
            .chain(e)
            .all(|el| self.cond(el.visible_if) != Some(false))
    }

    /// Element `e` and everything around it enabled.
    pub(crate) fn element_enabled(&self, e: usize) -> bool {
        self.layout
            .chain(e)
            .all(|el| self.cond(el.enable_if) != Some(false))
    }

    /// `requiredIf` when given, else `isRequired`.
    pub(crate) fn element_required(&self, e: usize) -> bool {
        let el = &self.layout.elements[e];
        self.cond(el.required_if).unwrap_or(el.is_required)
    }

    /// Whether the question is shown: its own `visibleIf` and those of the
    /// panels and page around it hold. Unknown names are not visible.
    pub fn is_visible(&self, question: &str) -> bool {
        self.layout
            .question(question)
            .is_some_and(|e| self.element_visible(e))
    }

    /// Whether the question can be answered: its `enableIf` and those of
    /// the panels and page around it hold (else it is shown read-only).
    pub fn is_enabled(&self, question: &str) -> bool {
        self.layout
            .question(question)
            .is_some_and(|e| self.element_enabled(e))
    }

    /// Whether the question must be answered: its `requiredIf` when it has
    /// one, else `isRequired` (as in SurveyJS, `requiredIf` replaces it).
    pub fn is_required(&self, question: &str) -> bool {
        self.layout
            .question(question)
            .is_some_and(|e| self.element_required(e))
    }

    /// Whether the panel at `path` (`Panel::path`) is shown.
    pub fn panel_visible(&self, path: &str) -> bool {
        self.layout
            .panels
            .get(path)
            .is_some_and(|&e| self.element_visible(e))
    }

    /// Whether the panel at `path` is enabled.
    pub fn panel_enabled(&self, path: &str) -> bool {
        self.layout
            .panels
            .get(path)
            .is_some_and(|&e| self.element_enabled(e))
    }

    /// Whether page `index`'s own `visibleIf` holds. Navigation also skips
    /// visible pages without a visible question: see [`visible_pages`](super::visible_pages).
    pub fn page_visible(&self, index: usize) -> bool {
        self.layout
            .pages
            .get(index)
            .is_some_and(|&e| self.element_visible(e))
    }

    /// Whether choice `index` (of `choices`, `rateValues` or matrix
    /// `columns`) of the question is offered.
    pub fn choice_visible(&self, question: &str, index: usize) -> bool {
        self.layout.question(question).is_some_and(|e| {
            match self.layout.elements[e].choices.get(index) {
                Some((_, node)) => self.cond(*node) != Some(false),
                None => false,
            }
        })
    }

    /// The value of a calculated value, null when empty or unknown.
    pub fn calculated(&self, name: &str) -> Value {
        self.layout
            .calculated
            .iter()
            .find(|(n, _)| n == name)
            .map_or(Value::Null, |(_, node)| self.outputs[*node].value())
    }

    /// The value an expression question computed (whether shown or not);
    /// null for other questions.
    pub fn expression_value(&self, question: &str) -> Value {
        self.layout
            .question(question)
            .and_then(|e| self.layout.elements[e].computed)
            .map_or(Value::Null, |node| self.outputs[node].value())
    }

    /// The questions hidden by logic (themselves, or a panel or page around
    /// them): their stored answers are ignored by scoring
    /// (`ScoringModel::score(answers, &hidden)`) and by expressions.
    pub fn hidden_questions(&self) -> BTreeSet<String> {
        crate::small_sort::set_of(
            self.layout
                .questions
                .iter()
                .filter(|(_, &e)| !self.element_visible(e))
                .map(|(name, _)| name.clone()),
        )
    }

    /// The answers as scoring must read them: the stored answers, with
    /// selections of hidden choices removed from visible questions (a
    /// hidden choice reads as not selected), plus [`computed_answers`](Self::computed_answers).
    /// Pass them with [`hidden_questions`](Self::hidden_questions) to
    /// `ScoringModel::score`. The stored answers themselves stay as typed.
    pub fn scoring_answers(&self, logic: &Logic, answers: &Answers) -> Answers {
        let reader = self.reader(answers);
        let mut out = answers.clone();
        for (e, el) in self.layout.elements.iter().enumerate() {
            if !el.hides_choices() || !answers.contains_key(&el.name) || !self.element_visible(e) {
                continue;
            }
            match reader.answer(e) {
                Some(value) => {
                    out.insert(el.name.clone(), value.into_owned());
                }
                None => {
                    out.remove(&el.name);
                }
            }
        }
        out.extend(self.part_answers(logic, answers));
        out.extend(self.computed_answers(logic));
        out
    }

    /// The values Canvass adds to the stored answers, as SurveyJS adds them
    /// to `survey.data`: every visible expression question with a value, and
    /// every calculated value marked `includeIntoResult`. Write them into
    /// the answers before scoring and when the response is completed (a
    /// scored expression question is read from the answers).
    pub fn computed_answers(&self, logic: &Logic) -> Answers {
        let mut out = Answers::new();
        for (e, el) in self.layout.elements.iter().enumerate() {
            if let (Some(node), ElementKind::Question(_)) = (el.computed, &el.kind) {
                let value = self.outputs[node].value();
                if self.element_visible(e) && !value.is_empty() {
                    out.insert(el.name.clone(), value.to_json());
                }
            }
        }
        for (i, (name, node)) in self.layout.calculated.iter().enumerate() {
            let value = self.outputs[*node].value();
            if logic.include_into_result.get(i).copied().unwrap_or(false) && !value.is_empty() {
                out.insert(name.clone(), value.to_json());
            }
        }
        out
    }
}
