//! A cell's counts turned into a `GroupReport`: the item and score
//! aggregates, satisfaction rate, NPS, targets, gaps, Kano, importance–
//! performance, themes and response rate.

use super::acc::Acc;
use super::ipa::assign_quadrants;
use super::items::{item_aggregate, score_aggregate, ItemCounts};
use super::prepare::Prepared;
use super::report::{
    GapAggregate, GroupKey, GroupReport, ImportanceEntry, KanoAggregate, NpsAggregate,
    SatisfactionAggregate, TargetResult, ThemeAggregate,
};
use super::stats::share;
use crate::analysis::Metric;
use crate::survey::GradeBasis;

/// Targets are met at `metric ≥ min − 1e-9` (DOMAIN resolved item 16).
pub const TARGET_TOLERANCE: f64 = 1e-9;

/// The report of one group from its merged counts.
pub(super) fn group_report(
    p: &Prepared<'_>,
    acc: &Acc,
    key: GroupKey,
    top_level: &[usize],
) -> GroupReport {
    let model = p.model;
    let bands = model.bands();
    let basis = model.grade_basis();
    let items = model
        .items()
        .iter()
        .zip(&p.layouts)
        .enumerate()
        .map(|(k, (item, layout))| {
            let start = p.offsets[k];
            let counts = ItemCounts {
                status: acc.status[k],
                options: &acc.options[start..start + layout.values().len()],
                x: &acc.x[k],
            };
            item_aggregate(item, layout, counts)
        })
        .collect();
    let indicators = model
        .indicators()
        .iter()
        .zip(&acc.indicators)
        .map(|(ind, a)| super::report::IndicatorAggregate {
            name: ind.name.clone(),
            score: score_aggregate(a, bands, basis == Some(GradeBasis::Score)),
        })
        .collect();
    let overall = score_aggregate(&acc.overall, bands, basis.is_some());
    let satisfaction = p
        .analysis
        .satisfaction
        .as_ref()
        .map(|_| SatisfactionAggregate {
            satisfied: acc.satisfied,
            base: acc.satisfaction_base,
            rate: share(acc.satisfied, acc.satisfaction_base),
        });
    let nps = p.analysis.nps_question.as_ref().map(|_| {
        let [promoters, passives, detractors] = acc.nps;
        let valid = promoters + passives + detractors;
        NpsAggregate {
            promoters,
            passives,
            detractors,
            valid,
            nps: (valid > 0).then(|| 100.0 * (promoters as f64 - detractors as f64) / valid as f64),
        }
    });
    let response_rate = acc.rate.report(&p.interviewers);
    let targets = p
        .analysis
        .targets
        .iter()
        .map(|t| {
            let value = match t.metric {
                Metric::SatisfactionRate => satisfaction.and_then(|s| s.rate),
                Metric::OverallMean => acc.overall.m.summary().mean,
                Metric::Nps => nps.and_then(|n| n.nps),
                Metric::ResponseRate => response_rate.overall.rate,
            };
            TargetResult {
                name: t.name.clone(),
                metric: t.metric,
                min: t.min,
                value,
                met: value.map(|v| v >= t.min - TARGET_TOLERANCE),
            }
        })
        .collect();
    let gaps = p
        .analysis
        .gaps
        .iter()
        .zip(&acc.gaps)
        .map(|(g, m)| GapAggregate {
            name: g.name.clone(),
            gap: m.summary(),
        })
        .collect();
    let kano = p
        .analysis
        .kano
        .iter()
        .zip(&acc.kano)
        .map(|(k, c)| KanoAggregate {
            name: k.name.clone(),
            counts: *c,
            answered: c.total(),
            category: c.category(),
            better: c.better(),
            worse: c.worse(),
        })
        .collect();
    let mut importance: Vec<ImportanceEntry> = top_level
        .iter()
        .zip(&acc.importance)
        .map(|(&k, co)| ImportanceEntry {
            indicator: model.indicators()[k].name.clone(),
            importance: co.pearson(),
            pairs: co.count(),
            performance: acc.indicators[k].m.summary().mean,
            quadrant: None,
        })
        .collect();
    assign_quadrants(&mut importance);
    let themes = p
        .analysis
        .themes
        .iter()
        .zip(&acc.themes)
        .map(|(t, &(comments, matches))| ThemeAggregate {
            name: t.name.clone(),
            comments,
            matches,
            share: share(matches, comments),
        })
        .collect();
    GroupReport {
        key,
        n: acc.n,
        items,
        indicators,
        overall,
        raw_total: acc.raw_total.summary(),
        satisfaction,
        nps,
        targets,
        gaps,
        kano,
        importance,
        themes,
        response_rate,
        follow_ups: acc.follow_ups,
        change: None,
    }
}
