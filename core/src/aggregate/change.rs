//! Change against the immediately preceding period (DOMAIN resolved item
//! 22): current − previous in each metric's own units; missing when either
//! side lacks the value, and for counts when the previous period has no
//! records at all.

use serde::Serialize;

use super::report::GroupReport;

/// Named values of a group (indicator means, theme shares, …).
type Named<'a> = &'a dyn Fn(&GroupReport) -> Vec<(String, Option<f64>)>;

fn diff(current: Option<f64>, previous: Option<f64>) -> Option<f64> {
    Some(current? - previous?)
}

/// The change of `current` against `previous` (absent: no records then).
pub(super) fn change(
    current: &GroupReport,
    previous: Option<&GroupReport>,
    previous_label: String,
) -> GroupChange {
    let count = |f: fn(&GroupReport) -> u64| previous.map(|p| f(current) as f64 - f(p) as f64);
    let metric = |f: &dyn Fn(&GroupReport) -> Option<f64>| diff(f(current), previous.and_then(f));
    let named = |list: Named<'_>| -> Vec<NamedChange> {
        let before = previous.map(list).unwrap_or_default();
        list(current)
            .into_iter()
            .map(|(name, value)| {
                let old = before
                    .iter()
                    .find(|(n, _)| *n == name)
                    .and_then(|(_, v)| *v);
                NamedChange {
                    name,
                    change: diff(value, old),
                }
            })
            .collect()
    };
    let items = current
        .items
        .iter()
        .map(|item| {
            let old = previous.and_then(|p| p.items.iter().find(|i| i.id == item.id));
            ItemChange {
                id: item.id.clone(),
                x_mean: diff(item.x.mean, old.and_then(|o| o.x.mean)),
                score_mean: diff(item.score.mean, old.and_then(|o| o.score.mean)),
                top_box: diff(item.top_box, old.and_then(|o| o.top_box)),
                bottom_box: diff(item.bottom_box, old.and_then(|o| o.bottom_box)),
            }
        })
        .collect();
    GroupChange {
        previous: previous_label,
        n: count(|g| g.n),
        follow_ups: count(|g| g.follow_ups),
        overall_mean: metric(&|g| g.overall.summary.mean),
        raw_total_mean: metric(&|g| g.raw_total.mean),
        satisfaction_rate: metric(&|g| g.satisfaction.and_then(|s| s.rate)),
        nps: metric(&|g| g.nps.and_then(|n| n.nps)),
        response_rate: metric(&|g| g.response_rate.overall.rate),
        indicators: named(&|g| {
            g.indicators
                .iter()
                .map(|i| (i.name.clone(), i.score.summary.mean))
                .collect()
        }),
        items,
        gaps: named(&|g| {
            g.gaps
                .iter()
                .map(|x| (x.name.clone(), x.gap.mean))
                .collect()
        }),
        themes: named(&|g| g.themes.iter().map(|t| (t.name.clone(), t.share)).collect()),
        kano_better: named(&|g| g.kano.iter().map(|k| (k.name.clone(), k.better)).collect()),
        kano_worse: named(&|g| g.kano.iter().map(|k| (k.name.clone(), k.worse)).collect()),
    }
}

/// A period group's change against the immediately preceding period of
/// the same segment: current − previous in each metric's own units; null
/// when either side has no value (for counts: when the previous period has
/// no records at all).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupChange {
    /// The preceding period's label.
    pub previous: String,
    pub n: Option<f64>,
    pub follow_ups: Option<f64>,
    pub overall_mean: Option<f64>,
    pub raw_total_mean: Option<f64>,
    pub satisfaction_rate: Option<f64>,
    pub nps: Option<f64>,
    pub response_rate: Option<f64>,
    pub indicators: Vec<NamedChange>,
    pub items: Vec<ItemChange>,
    pub gaps: Vec<NamedChange>,
    /// Theme shares.
    pub themes: Vec<NamedChange>,
    pub kano_better: Vec<NamedChange>,
    pub kano_worse: Vec<NamedChange>,
}

/// The change of one named mean or share.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedChange {
    pub name: String,
    pub change: Option<f64>,
}

/// The change of one item's headline values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemChange {
    pub id: String,
    pub x_mean: Option<f64>,
    pub score_mean: Option<f64>,
    pub top_box: Option<f64>,
    pub bottom_box: Option<f64>,
}
