//! Per-item and per-score aggregates from a cell's counts: status counts,
//! mean and SD of x and s, distribution over choices, top and bottom box
//! (DOMAIN resolved items 5, 12, 13).

use super::acc::ScoreAcc;
use super::layout::Layout;
use super::report::{ChoiceCount, GradeCount, ItemAggregate, ScoreAggregate};
use super::stats::{share, Moments, Summary};
use crate::scoring::Item;
use crate::survey::Band;

/// One item's counts in a cell.
pub(super) struct ItemCounts<'a> {
    /// valid, N/A, skipped, hidden.
    pub status: [u64; 4],
    /// Per option, in declaration order.
    pub options: &'a [u64],
    /// Moments of x (checkbox and number items).
    pub x: &'a Moments,
}

/// One item's aggregate.
pub(super) fn item_aggregate(item: &Item, layout: &Layout, acc: ItemCounts<'_>) -> ItemAggregate {
    let (x, top_box, bottom_box) = match layout {
        Layout::Single { numbers, .. } => {
            let mut m = Moments::default();
            let (mut valid, mut top, mut bottom) = (0, 0, 0);
            for (&count, number) in acc.options.iter().zip(numbers) {
                let Some(x) = *number else { continue };
                m.push_many(x, count);
                valid += count;
                if item.has_boxes() {
                    top += if item.in_top_box(x) { count } else { 0 };
                    bottom += if item.in_bottom_box(x) { count } else { 0 };
                }
            }
            let boxes = |part| {
                if item.has_boxes() {
                    share(part, valid)
                } else {
                    None
                }
            };
            (m.summary(), boxes(top), boxes(bottom))
        }
        Layout::Multi { .. } | Layout::Number => (acc.x.summary(), None, None),
    };
    ItemAggregate {
        id: item.id.clone(),
        valid: acc.status[0],
        not_applicable: acc.status[1],
        skipped: acc.status[2],
        hidden: acc.status[3],
        x,
        score: normalised(item, x),
        distribution: layout
            .values()
            .iter()
            .zip(acc.options)
            .map(|(value, &count)| ChoiceCount {
                value: value.clone(),
                count,
            })
            .collect(),
        box_k: item.box_k,
        top_box,
        bottom_box,
    }
}

/// The summary of s from that of x: s is affine in x, so its mean is the
/// normalised mean and its SD scales by 100/(hi − lo).
fn normalised(item: &Item, x: Summary) -> Summary {
    Summary {
        n: x.n,
        mean: x.mean.map(|m| item.normalise(m).clamp(0.0, 100.0)),
        sd: x.sd.map(|sd| sd * 100.0 / (item.hi - item.lo)),
    }
}

/// A 0–100 score's aggregate with its grade counts.
pub(super) fn score_aggregate(acc: &ScoreAcc, bands: &[Band], graded: bool) -> ScoreAggregate {
    let grades = if graded {
        bands
            .iter()
            .zip(&acc.grades)
            .map(|(b, &count)| GradeCount {
                band: b.name.clone(),
                count,
            })
            .collect()
    } else {
        Vec::new()
    };
    ScoreAggregate {
        summary: acc.m.summary(),
        grades,
        ungraded: acc.grades.last().copied().unwrap_or(0),
    }
}
