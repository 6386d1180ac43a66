//! Cross-references, checked once every question and indicator is known:
//! indicator children, top-level weights and AHP, the overall question, and
//! the one namespace questions and indicators share.

use std::collections::{BTreeMap, BTreeSet};

use super::ahp::ahp_shape;
use super::{Ctx, QuestionInfo};
use crate::survey::{ChildRef, ParseError, ScoringSpec};

/// Names the scoring object refers to, with their places.
#[derive(Default)]
pub(super) struct Refs {
    /// Every parsed child: its place and what it names.
    pub children: Vec<(String, ChildRef)>,
    /// Indicator name → place of its first declaration.
    pub indicators: BTreeMap<String, String>,
}

/// Reports every reference that names nothing, and every name clash.
pub(super) fn check(
    spec: &ScoringSpec,
    refs: &Refs,
    questions: &BTreeMap<String, QuestionInfo>,
    ctx: &mut Ctx,
) {
    for (name, info) in questions {
        if let Some(indicator) = refs.indicators.get(name) {
            ctx.error(ParseError::QuestionNamedLikeIndicator {
                path: info.place.clone(),
                name: name.clone(),
                indicator: indicator.clone(),
            });
        }
    }
    for (place, target) in &refs.children {
        child(place, target, refs, questions, ctx);
    }
    let contained: BTreeSet<&str> =
        crate::small_sort::set_of(refs.children.iter().filter_map(|(_, target)| match target {
            ChildRef::Indicator { name } => Some(name.as_str()),
            _ => None,
        }));
    for name in spec.top_weights.keys() {
        if !refs.indicators.contains_key(name) {
            ctx.error(ParseError::UnknownIndicator {
                path: "scoring.weights".into(),
                name: name.clone(),
            });
        } else if contained.contains(name.as_str()) {
            ctx.error(ParseError::NotTopLevel {
                path: "scoring.weights".into(),
                name: name.clone(),
            });
        }
    }
    if let Some(matrix) = &spec.top_ahp {
        let top = refs
            .indicators
            .keys()
            .filter(|name| !contained.contains(name.as_str()))
            .count();
        ahp_shape(matrix, top, "top-level indicator", "scoring", ctx);
    }
    if let Some(name) = &spec.overall_question {
        if !questions.contains_key(name) {
            ctx.error(ParseError::UnknownQuestion {
                path: "scoring.overallQuestion".into(),
                name: name.clone(),
            });
        }
    }
}

fn child(
    place: &str,
    target: &ChildRef,
    refs: &Refs,
    questions: &BTreeMap<String, QuestionInfo>,
    ctx: &mut Ctx,
) {
    let path = place.to_owned();
    match target {
        ChildRef::Question { name } if !questions.contains_key(name) => {
            ctx.error(ParseError::UnknownQuestion {
                path,
                name: name.clone(),
            })
        }
        ChildRef::Question { .. } => {}
        ChildRef::MatrixRow { matrix, row } => match questions.get(matrix) {
            None => ctx.error(ParseError::UnknownQuestion {
                path,
                name: matrix.clone(),
            }),
            Some(QuestionInfo { broken: true, .. }) => {}
            Some(QuestionInfo { rows: None, .. }) => ctx.error(ParseError::NotAMatrix {
                path,
                name: matrix.clone(),
                row: row.clone(),
            }),
            Some(QuestionInfo {
                rows: Some(rows), ..
            }) if !rows.contains(row) => ctx.error(ParseError::UnknownRow {
                path,
                matrix: matrix.clone(),
                row: row.clone(),
            }),
            Some(_) => {}
        },
        ChildRef::Indicator { name } if !refs.indicators.contains_key(name) => {
            ctx.error(ParseError::UnknownIndicator {
                path,
                name: name.clone(),
            })
        }
        ChildRef::Indicator { .. } => {}
    }
}
