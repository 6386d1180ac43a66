//! The scoring contract (DOMAIN.md, "Scoring semantics"): compile a survey's
//! scoring once into a [`ScoringModel`], then [`score`](ScoringModel::score)
//! any number of responses against it.
//!
//! Files: `item.rs` (items, ranges, boxes), `item_value.rs` (reading x), `check.rs` (whole-answer
//! checks), `tree.rs` + `graph.rs` (indicator tree), `ahp.rs`, `bands.rs`,
//! `compile.rs`, `score.rs`, `follow_up.rs` (extension point for declared
//! conditions), `error.rs`, `report.rs` (the stored result).

mod ahp;
mod bands;
mod check;
mod compile;
mod error;
mod follow_up;
mod graph;
mod item;
mod item_value;
mod report;
mod report_read;
mod score;
mod tree;
mod value;

pub use ahp::{ahp, complete as complete_ahp_matrix, AhpMatrixError, AhpResult, CR_LIMIT, RANDOM_INDEX};
pub use bands::{default_bands, Grading, BAND_TOLERANCE};
pub use compile::DEFAULT_BOX_SIZE;
pub use error::{CompileError, InvalidAnswer, ScoringWarning};
pub use follow_up::{FollowUpConditions, NoConditions};
pub use item::{Item, ItemKind};
pub(crate) use item::kind_name;
pub use report::*;
pub use score::SHARE_TOLERANCE;
pub use tree::{Child, Indicator, MatrixGroup, Node, TopLevel};

use std::collections::BTreeSet;

use crate::response::Answers;
use crate::survey::{Band, GradeBasis, Survey};

/// A survey's scoring compiled once: items with their ranges and scale
/// points, the resolved indicator tree with weights (AHP solved), bands.
/// Score many responses against it.
#[derive(Debug, Clone)]
pub struct ScoringModel {
    items: Vec<Item>,
    checks: Vec<check::AnswerCheck>,
    tree: tree::Tree,
    grading: Option<Grading>,
    overall_question: Option<Item>,
}

impl ScoringModel {
    /// Compiles `survey`'s scoring. Errors name the item, indicator or band
    /// (`scoring.indicators[2] "service": …`); warnings (e.g. an
    /// inconsistent AHP matrix, CR ≥ 0.10) do not stop loading.
    pub fn compile(survey: &Survey) -> Result<(ScoringModel, Vec<ScoringWarning>), Vec<CompileError>> {
        compile::compile(survey)
    }

    /// Scores one response. `hidden` holds the names of questions hidden by
    /// logic: their stored answers are ignored and they count as hidden.
    /// Every visible answer is checked first, scored or not (DOMAIN 25).
    /// Declared follow-up conditions are not evaluated here; see
    /// [`score_with`](Self::score_with).
    pub fn score(&self, answers: &Answers, hidden: &BTreeSet<String>) -> Result<ScoreReport, InvalidAnswer> {
        score::score(self, answers, hidden, &NoConditions)
    }

    /// [`score`](Self::score), adding the survey-declared follow-up
    /// conditions that hold as [`FollowUpReason::Condition`].
    pub fn score_with(
        &self,
        answers: &Answers,
        hidden: &BTreeSet<String>,
        conditions: &dyn FollowUpConditions,
    ) -> Result<ScoreReport, InvalidAnswer> {
        score::score(self, answers, hidden, conditions)
    }

    /// Every scored item in survey order (matrix rows in row order), the
    /// order of [`ScoreReport::items`].
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The scored item with this id (`q` or `matrix.row`).
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Declared indicators in declaration order, the order of
    /// [`ScoreReport::indicators`].
    pub fn indicators(&self) -> &[Indicator] {
        &self.tree.indicators
    }

    /// The declared indicator with this name.
    pub fn indicator(&self, name: &str) -> Option<&Indicator> {
        self.tree.indicators.iter().find(|i| i.name == name)
    }

    /// Matrices named as a whole by an indicator ([`Node::Matrix`] targets).
    pub fn matrices(&self) -> &[MatrixGroup] {
        &self.tree.matrices
    }

    /// What the overall score is computed over.
    pub fn top_level(&self) -> &TopLevel {
        &self.tree.top
    }

    /// The top-level declared indicators (none for the implicit indicator).
    pub fn top_level_indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.tree.top.children.iter().filter_map(|c| match c.node {
            Node::Indicator(k) => Some(&self.tree.indicators[k]),
            _ => None,
        })
    }

    /// The grading, when the survey asks for grades.
    pub fn grading(&self) -> Option<&Grading> {
        self.grading.as_ref()
    }

    /// The bands, highest first (band without minimum last); empty without grades.
    pub fn bands(&self) -> &[Band] {
        self.grading.as_ref().map_or(&[], |g| &g.bands)
    }

    /// What grades are computed on, when the survey asks for grades.
    pub fn grade_basis(&self) -> Option<GradeBasis> {
        self.grading.as_ref().map(|g| g.basis)
    }

    /// The overall-satisfaction question's item (with numbers and boxes even
    /// when it is not scored; `scored` says whether it counts).
    pub fn overall_question(&self) -> Option<&Item> {
        self.overall_question.as_ref()
    }
}
