//! Scoring one response (DOMAIN "Items", "Indicators and the overall
//! score", "Grades", follow-up flag; resolved items 4–9, 25).

use std::collections::BTreeSet;

use crate::response::Answers;

use super::error::InvalidAnswer;
use super::follow_up::FollowUpConditions;
use super::report::{FollowUp, FollowUpReason, IndicatorScore, ItemStatus, MissingCounts, ScoreReport, SCORING_VERSION};
use super::tree::{Child, Node};
use super::ScoringModel;

/// A weight share within this of the minimum still counts as reaching it.
pub const SHARE_TOLERANCE: f64 = 1e-9;

pub(super) fn score(
    model: &ScoringModel,
    answers: &Answers,
    hidden: &BTreeSet<String>,
    conditions: &dyn FollowUpConditions,
) -> Result<ScoreReport, InvalidAnswer> {
    for check in &model.checks {
        if !hidden.contains(check.question()) {
            if let Some(answer) = answers.get(check.question()) {
                check.check(answer)?;
            }
        }
    }
    let value = |item: &super::Item| item.value(answers.get(&item.question), hidden.contains(&item.question));
    let items = model.items.iter().map(value).collect::<Result<Vec<_>, _>>()?;
    let overall_question = model.overall_question.as_ref().map(value).transpose()?;

    let mut counts = MissingCounts::default();
    for item in &items {
        *match item.status {
            ItemStatus::Valid => &mut counts.valid,
            ItemStatus::NotApplicable => &mut counts.not_applicable,
            ItemStatus::Skipped => &mut counts.skipped,
            ItemStatus::Hidden => &mut counts.hidden,
        } += 1;
    }

    let tree = &model.tree;
    let item_s: Vec<Option<f64>> = items.iter().map(|i| i.score).collect();
    let matrix_s: Vec<Option<f64>> = tree
        .matrices
        .iter()
        .map(|m| combine(m.items.iter().map(|&k| (1.0, item_s[k])), 0.0).0)
        .collect();
    let mut indicator_s: Vec<(Option<f64>, f64)> = vec![(None, 0.0); tree.indicators.len()];
    let node_score = |node: Node, done: &[(Option<f64>, f64)]| match node {
        Node::Item(k) => item_s[k],
        Node::Matrix(g) => matrix_s[g],
        Node::Indicator(k) => done[k].0,
    };
    let weighted = |children: &[Child], done: &[(Option<f64>, f64)]| -> Vec<(f64, Option<f64>)> {
        children.iter().map(|c| (c.weight, node_score(c.node, done))).collect()
    };
    for &k in &tree.order {
        let ind = &tree.indicators[k];
        indicator_s[k] = combine(weighted(&ind.children, &indicator_s), ind.min_answered);
    }
    let overall = combine(weighted(&tree.top.children, &indicator_s), tree.top.min_answered).0;

    let raw_total = model
        .items
        .iter()
        .zip(&items)
        .filter_map(|(item, s)| s.x.map(|x| item.total_points(x)))
        .fold(None, |sum: Option<f64>, x| Some(sum.unwrap_or(0.0) + x));
    let graded = model.grading.as_ref().and_then(|g| {
        let value = match g.basis {
            crate::survey::GradeBasis::Score => overall,
            crate::survey::GradeBasis::Total => raw_total,
        };
        value.and_then(|v| g.grade(v)).map(|band| (band, g.lowest()))
    });

    let mut reasons: Vec<FollowUpReason> = model
        .items
        .iter()
        .zip(&items)
        .filter(|(item, s)| s.x.is_some_and(|x| item.has_boxes() && item.in_bottom_box(x)))
        .map(|(item, _)| FollowUpReason::BottomBox { item: item.id.clone() })
        .collect();
    if let Some((band, Some(lowest))) = graded {
        if band.name == lowest.name {
            reasons.push(FollowUpReason::LowestGrade { grade: band.name.clone() });
        }
    }
    let indicators = tree
        .indicators
        .iter()
        .zip(&indicator_s)
        .map(|(ind, &(score, answered_share))| IndicatorScore { name: ind.name.clone(), score, answered_share })
        .collect();
    let mut report = ScoreReport {
        scoring_version: SCORING_VERSION,
        items,
        indicators,
        overall,
        raw_total,
        grade: graded.map(|(band, _)| band.name.clone()),
        counts,
        follow_up: FollowUp::default(),
        overall_question,
    };
    reasons.extend(conditions.holding(answers, hidden, &report).into_iter().map(|name| FollowUpReason::Condition { name }));
    report.follow_up = FollowUp { flagged: !reasons.is_empty(), reasons };
    Ok(report)
}

/// `Σ w·S / Σ w` over children with a score, and the weight share of those
/// children. Missing when no child has a score, when their weights sum to 0,
/// or when the share is below `min − 1e-9` (resolved item 6). The mean is
/// clamped to the range of the scores it averages, which it lies in
/// mathematically, so rounding never carries it outside [0, 100].
pub(crate) fn combine(children: impl IntoIterator<Item = (f64, Option<f64>)>, min: f64) -> (Option<f64>, f64) {
    let (mut sum, mut answered, mut total) = (0.0, 0.0, 0.0);
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for (w, s) in children {
        total += w;
        if let Some(s) = s {
            sum += w * s;
            answered += w;
            if w > 0.0 {
                lo = lo.min(s);
                hi = hi.max(s);
            }
        }
    }
    let share = if total > 0.0 { answered / total } else { 0.0 };
    if answered <= 0.0 || share < min - SHARE_TOLERANCE {
        return (None, share);
    }
    (Some((sum / answered).clamp(lo, hi)), share)
}
