//! Compiling a survey's scoring once (resolved items 1, 8, 11, 15): which
//! questions are scored, their items, the indicator tree and the bands.

use std::collections::{BTreeMap, BTreeSet};

use crate::survey::{ChildRef, Question, QuestionKind, Survey};

use super::bands;
use super::check::AnswerCheck;
use super::error::{CompileError, ScoringWarning};
use super::item::{kind_name, place, Item};
use super::tree::{self, Lookup, Problems};
use super::ScoringModel;

/// The box size k when the survey gives none (`boxSize` 0, as
/// `ScoringSpec::default()` leaves it, means this default too).
pub const DEFAULT_BOX_SIZE: u32 = 2;

pub(super) fn compile(survey: &Survey) -> Result<(ScoringModel, Vec<ScoringWarning>), Vec<CompileError>> {
    let spec = &survey.scoring;
    let box_size = if spec.box_size == 0 { DEFAULT_BOX_SIZE } else { spec.box_size };
    let questions = survey.questions();
    let mut whole: BTreeSet<&str> = BTreeSet::new();
    let mut rows: BTreeSet<(&str, &str)> = BTreeSet::new();
    for child in spec.indicators.iter().flat_map(|i| &i.children) {
        match &child.target {
            ChildRef::Question { name } => {
                whole.insert(name);
            }
            ChildRef::MatrixRow { matrix, row } => {
                rows.insert((matrix, row));
            }
            ChildRef::Indicator { .. } => {}
        }
    }
    let mut out = Problems { errors: Vec::new(), warnings: Vec::new() };
    let mut items: Vec<Item> = Vec::new();
    let mut lookup = Lookup { questions: BTreeMap::new(), items: BTreeMap::new() };
    let mut attempted: BTreeSet<&str> = BTreeSet::new();
    for q in &questions {
        lookup.questions.insert(&q.name, q);
        let all_rows = q.scored || whole.contains(q.name.as_str());
        let is_matrix = matches!(q.kind, QuestionKind::Matrix { .. });
        let some_rows = is_matrix && rows.iter().any(|(m, _)| *m == q.name);
        if !all_rows && !some_rows {
            continue;
        }
        attempted.insert(&q.name);
        if let Some(weight) = q.weight.filter(|w| !(w.is_finite() && *w >= 0.0)) {
            out.errors.push(CompileError::BadWeight { place: place(q), weight });
        }
        match Item::compile(q, box_size) {
            Ok(compiled) => {
                for mut item in compiled {
                    let named = item.row.as_deref().is_some_and(|r| rows.contains(&(q.name.as_str(), r)));
                    if all_rows || named {
                        item.scored = true;
                        lookup.items.insert((q.name.clone(), item.row.clone()), items.len());
                        items.push(item);
                    }
                }
            }
            Err(errors) => out.errors.extend(errors),
        }
    }
    let tree = tree::resolve(spec, &lookup, &mut items, &mut out);
    let overall_question = spec.overall_question.as_deref().and_then(|name| {
        let Some(q) = lookup.questions.get(name) else {
            out.errors.push(CompileError::UnknownOverallQuestion { name: name.to_owned() });
            return None;
        };
        if attempted.contains(name) {
            // Scored: its item (or its errors) exist already.
            let k = lookup.items.get(&(q.name.clone(), None))?;
            return check_scale(q, &mut out.errors).then(|| items[*k].clone());
        }
        if !check_scale(q, &mut out.errors) {
            return None;
        }
        match Item::compile(q, box_size) {
            Ok(mut compiled) => compiled.pop(),
            Err(errors) => {
                out.errors.extend(errors);
                None
            }
        }
    });
    let grading = bands::compile(spec.grades.as_ref()).unwrap_or_else(|errors| {
        out.errors.extend(errors);
        None
    });
    if !out.errors.is_empty() {
        return Err(out.errors);
    }
    let checks = questions.iter().map(|q| AnswerCheck::new(q)).collect();
    Ok((ScoringModel { items, checks, tree, grading, overall_question }, out.warnings))
}

/// Item 15: the overall-satisfaction question needs numbers and boxes even
/// when it is not scored, so it must have a discrete scale.
fn check_scale(q: &Question, errors: &mut Vec<CompileError>) -> bool {
    match &q.kind {
        QuestionKind::RadioGroup { .. } | QuestionKind::Dropdown { .. } | QuestionKind::Rating { .. } | QuestionKind::Boolean { .. } => true,
        other => {
            errors.push(CompileError::NoScale { place: place(q), kind: kind_name(other) });
            false
        }
    }
}
