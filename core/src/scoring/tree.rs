//! The indicator tree (指标体系) resolved from `scoring.indicators`: names
//! become nodes, weights are settled (explicit, the question's own, 1, or
//! AHP), a named matrix becomes a sub-indicator over its rows (resolved
//! item 7), and the top level is found (resolved item 8).

use std::collections::BTreeMap;

use crate::survey::{ChildRef, LocalizedText, Question, QuestionKind, ScoringSpec};

use super::ahp::{self, AhpResult};
use super::error::{CompileError, ScoringWarning};
use super::graph;
use super::item::{place as question_place, Item};

/// What an indicator child is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// An item, by index into [`ScoringModel::items`](super::ScoringModel::items).
    Item(usize),
    /// A matrix named as a whole, by index into [`ScoringModel::matrices`](super::ScoringModel::matrices).
    Matrix(usize),
    /// A declared indicator, by index into [`ScoringModel::indicators`](super::ScoringModel::indicators).
    Indicator(usize),
}

/// A resolved child with its final weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Child {
    pub node: Node,
    pub weight: f64,
}

/// A matrix named as a whole: a sub-indicator over its rows, weight 1
/// each, minimum-answered 0. Not reported among the indicators.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixGroup {
    pub question: String,
    /// Its row items, in row order.
    pub items: Vec<usize>,
}

/// A declared indicator, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub name: String,
    pub title: LocalizedText,
    /// Where it was declared, e.g. `scoring.indicators[2]`.
    pub path: String,
    /// Children in declared order, with final weights.
    pub children: Vec<Child>,
    pub min_answered: f64,
    /// The solved AHP matrix, when the weights come from one.
    pub ahp: Option<AhpResult>,
}

/// What the overall score is computed over.
#[derive(Debug, Clone, PartialEq)]
pub struct TopLevel {
    /// Top-level indicators in declaration order, or every scored item
    /// (weight 1) for the implicit indicator.
    pub children: Vec<Child>,
    pub min_answered: f64,
    pub ahp: Option<AhpResult>,
    /// True when the survey declares no indicators (resolved item 8).
    pub implicit: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tree {
    pub indicators: Vec<Indicator>,
    pub matrices: Vec<MatrixGroup>,
    pub top: TopLevel,
    /// Indicator indices, children before parents.
    pub order: Vec<usize>,
}

/// What the tree needs to know about questions and items.
pub(crate) struct Lookup<'a> {
    pub questions: BTreeMap<&'a str, &'a Question>,
    /// `(question, row)` → item index.
    pub items: BTreeMap<(String, Option<String>), usize>,
}

/// Sinks for problems found while resolving.
pub(crate) struct Problems {
    pub errors: Vec<CompileError>,
    pub warnings: Vec<ScoringWarning>,
}

/// Resolves the indicator tree. With errors pushed, the tree is incomplete
/// and must not be used.
pub(crate) fn resolve(spec: &ScoringSpec, lookup: &Lookup, items: &mut [Item], out: &mut Problems) -> Tree {
    let place = |i: usize| format!("{} {:?}", spec.indicators[i].path, spec.indicators[i].name);
    let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, ind) in spec.indicators.iter().enumerate() {
        if let Some(&first) = by_name.get(ind.name.as_str()) {
            out.errors.push(CompileError::DuplicateName { place: place(i), other: place(first) });
        } else if let Some(q) = lookup.questions.get(ind.name.as_str()) {
            out.errors.push(CompileError::DuplicateName { place: place(i), other: question_place(q) });
        } else {
            by_name.insert(&ind.name, i);
        }
    }
    let mut matrices: Vec<MatrixGroup> = Vec::new();
    let mut edges = vec![Vec::new(); spec.indicators.len()];
    let mut indicators = Vec::with_capacity(spec.indicators.len());
    for (i, ind) in spec.indicators.iter().enumerate() {
        let at = place(i);
        if ind.children.is_empty() {
            out.errors.push(CompileError::NoChildren { place: at.clone() });
        }
        let min_answered = check_share(&at, ind.min_answered, out);
        let mut children = Vec::with_capacity(ind.children.len());
        for (j, child) in ind.children.iter().enumerate() {
            if let Some(first) = ind.children[..j].iter().position(|c| c.target == child.target) {
                out.warnings.push(ScoringWarning::RepeatedChild { place: at.clone(), child: j, first });
            }
            let resolved = resolve_child(&at, j, &child.target, lookup, &by_name, &mut matrices, out);
            if let Some(Node::Indicator(k)) = resolved {
                edges[i].push(k);
            }
            let default = match &child.target {
                ChildRef::Question { name } | ChildRef::MatrixRow { matrix: name, .. } => {
                    lookup.questions.get(name.as_str()).and_then(|q| q.weight).unwrap_or(1.0)
                }
                ChildRef::Indicator { .. } => 1.0,
            };
            let weight = match child.weight {
                Some(w) => check_weight(format!("{at} children[{j}]"), w, out),
                None => default,
            };
            children.push(resolved.map(|node| Child { node, weight }));
        }
        let ahp = ind.ahp.as_ref().and_then(|matrix| {
            if let Some(j) = ind.children.iter().position(|c| c.weight.is_some()) {
                out.errors.push(CompileError::AhpWithWeights { place: at.clone(), child: j });
                return None;
            }
            solve(&at, matrix, ind.children.len(), out)
        });
        let mut children: Vec<Child> = children.into_iter().flatten().collect();
        if let Some(result) = &ahp {
            children.iter_mut().zip(&result.weights).for_each(|(c, w)| c.weight = *w);
        }
        indicators.push(Indicator {
            name: ind.name.clone(),
            title: ind.title.clone(),
            path: ind.path.clone(),
            children,
            min_answered,
            ahp,
        });
    }
    let walk = graph::walk(&edges);
    for cycle in &walk.cycles {
        let mut names: Vec<String> = cycle.iter().map(|&k| spec.indicators[k].name.clone()).collect();
        names.push(names[0].clone());
        out.errors.push(CompileError::Cycle { place: place(cycle[0]), cycle: names });
    }
    for ind in &indicators {
        for child in &ind.children {
            match child.node {
                Node::Item(k) => items[k].in_indicator = true,
                Node::Matrix(g) => matrices[g].items.iter().for_each(|&k| items[k].in_indicator = true),
                Node::Indicator(_) => {}
            }
        }
    }
    let top = top_level(spec, &edges, items, out);
    Tree { indicators, matrices, top, order: walk.order }
}

fn resolve_child(
    at: &str,
    child: usize,
    target: &ChildRef,
    lookup: &Lookup,
    by_name: &BTreeMap<&str, usize>,
    matrices: &mut Vec<MatrixGroup>,
    out: &mut Problems,
) -> Option<Node> {
    let place = || at.to_owned();
    match target {
        ChildRef::Indicator { name } => match by_name.get(name.as_str()) {
            Some(&k) => Some(Node::Indicator(k)),
            None => {
                out.errors.push(CompileError::UnknownIndicator { place: place(), child, name: name.clone() });
                None
            }
        },
        ChildRef::Question { name } => {
            let Some(q) = lookup.questions.get(name.as_str()) else {
                out.errors.push(CompileError::UnknownQuestion { place: place(), child, name: name.clone() });
                return None;
            };
            if let QuestionKind::Matrix { rows, .. } = &q.kind {
                if let Some(g) = matrices.iter().position(|m| &m.question == name) {
                    return Some(Node::Matrix(g));
                }
                let keys = rows.iter().map(|r| lookup.items.get(&(name.clone(), Some(r.key()))).copied());
                // A missing row item means the matrix failed to compile; that error is reported already.
                let items = keys.collect::<Option<Vec<usize>>>()?;
                matrices.push(MatrixGroup { question: name.clone(), items });
                return Some(Node::Matrix(matrices.len() - 1));
            }
            lookup.items.get(&(name.clone(), None)).map(|&k| Node::Item(k))
        }
        ChildRef::MatrixRow { matrix, row } => {
            let Some(q) = lookup.questions.get(matrix.as_str()) else {
                out.errors.push(CompileError::UnknownQuestion { place: place(), child, name: matrix.clone() });
                return None;
            };
            let QuestionKind::Matrix { rows, .. } = &q.kind else {
                let (matrix, row) = (matrix.clone(), row.clone());
                out.errors.push(CompileError::NotAMatrix { place: place(), child, matrix, row });
                return None;
            };
            if !rows.iter().any(|r| &r.key() == row) {
                let (matrix, row) = (matrix.clone(), row.clone());
                out.errors.push(CompileError::UnknownRow { place: place(), child, matrix, row });
                return None;
            }
            lookup.items.get(&(matrix.clone(), Some(row.clone()))).map(|&k| Node::Item(k))
        }
    }
}

/// The top level: indicators no other names, with the survey's weights,
/// AHP and minimum share; or the implicit indicator over every scored item.
fn top_level(spec: &ScoringSpec, edges: &[Vec<usize>], items: &mut [Item], out: &mut Problems) -> TopLevel {
    let named: Vec<bool> = (0..edges.len()).map(|k| edges.iter().enumerate().any(|(i, e)| i != k && e.contains(&k))).collect();
    let top: Vec<usize> = (0..edges.len()).filter(|&k| !named[k]).collect();
    for name in spec.top_weights.keys() {
        if !top.iter().any(|&k| &spec.indicators[k].name == name) {
            out.errors.push(CompileError::NotTopLevel { name: name.clone() });
        }
    }
    let min_answered = check_share("scoring", spec.top_min_answered, out);
    let ahp = spec.top_ahp.as_ref().and_then(|matrix| {
        if !spec.top_weights.is_empty() {
            out.errors.push(CompileError::TopAhpWithWeights { place: "scoring".to_owned() });
            return None;
        }
        solve("scoring", matrix, top.len(), out)
    });
    let implicit = spec.indicators.is_empty();
    let children = if implicit {
        (0..items.len()).map(|k| Child { node: Node::Item(k), weight: 1.0 }).collect()
    } else {
        top.iter()
            .enumerate()
            .map(|(pos, &k)| {
                let name = &spec.indicators[k].name;
                let weight = match (&ahp, spec.top_weights.get(name)) {
                    (Some(result), _) => result.weights[pos],
                    (None, Some(&w)) => check_weight(format!("scoring.weights {name:?}"), w, out),
                    (None, None) => 1.0,
                };
                Child { node: Node::Indicator(k), weight }
            })
            .collect()
    };
    for item in items.iter_mut() {
        item.enters_overall = implicit || item.in_indicator;
    }
    TopLevel { children, min_answered, ahp, implicit }
}

/// Checks and solves an AHP matrix over `n` children, warning when it is
/// inconsistent. `at` is the indicator's place, or `scoring` for the top level.
fn solve(at: &str, matrix: &crate::survey::AhpMatrix, n: usize, out: &mut Problems) -> Option<AhpResult> {
    let place = if at == "scoring" { "scoring.ahp".to_owned() } else { at.to_owned() };
    match ahp::complete(matrix, n) {
        Ok(full) => {
            let result = ahp::ahp(&full);
            if !result.consistent {
                out.warnings.push(ScoringWarning::InconsistentAhp { place, cr: result.cr });
            }
            Some(result)
        }
        Err(problems) => {
            out.errors.extend(problems.into_iter().map(|problem| CompileError::Ahp { place: place.clone(), problem }));
            None
        }
    }
}

fn check_weight(place: String, weight: f64, out: &mut Problems) -> f64 {
    if !(weight.is_finite() && weight >= 0.0) {
        out.errors.push(CompileError::BadWeight { place, weight });
    }
    weight
}

fn check_share(at: &str, value: f64, out: &mut Problems) -> f64 {
    if !(0.0..=1.0).contains(&value) {
        let place = if at == "scoring" { "scoring.minAnswered".to_owned() } else { at.to_owned() };
        out.errors.push(CompileError::BadMinAnswered { place, value });
    }
    value
}
