//! Grouping (DOMAIN resolved item 22): every response is added to its
//! cells (the total's, and each of its segments', per period), then cells
//! are merged into the total, segment, period and segment × period groups.

use std::collections::HashMap;

use super::acc::Acc;
use super::change::change;
use super::error::AggregateError;
use super::period::{LocalDate, PeriodKey};
use super::prepare::Prepared;
use super::report::{AggregateReport, GroupKey, SurveyVersion};
use super::segment::Segmenter;
use super::summary::group_report;
use super::AggregateOptions;
use crate::scoring::Node;

/// The segment slot of the total.
const ALL: u32 = u32::MAX;

type Cells = HashMap<(u32, Option<PeriodKey>), Acc>;

impl Prepared<'_> {
    /// The report for one grouping. Cheap next to [`Prepared::new`]: no
    /// response is scored again.
    pub fn report(&self, options: &AggregateOptions) -> Result<AggregateReport, AggregateError> {
        let segmenter = options.by.as_ref().map(|by| Segmenter::new(by, self.survey, self.records)).transpose()?;
        let top_level: Vec<usize> = if self.model.top_level().implicit {
            Vec::new()
        } else {
            self.model
                .top_level()
                .children
                .iter()
                .filter_map(|c| match c.node {
                    Node::Indicator(k) => Some(k),
                    _ => None,
                })
                .collect()
        };
        let empty = Acc::new(self, &top_level);
        let mut cells: Cells = HashMap::new();
        let mut slots: Vec<u32> = Vec::new();
        let period_of = |date: Option<LocalDate>| options.period.and_then(|kind| date.map(|d| d.period(kind)));
        for (r, row) in self.rows.iter().enumerate() {
            let period = period_of(row.date);
            cells.entry((ALL, period)).or_insert_with(|| empty.clone()).push(self, r, &top_level);
            if let Some(seg) = &segmenter {
                seg.slots(&self.records[row.record], self.hidden_in(row.record), &mut slots);
                for &s in &slots {
                    cells.entry((s, period)).or_insert_with(|| empty.clone()).push(self, r, &top_level);
                }
            }
        }
        for &h in &self.households {
            let record = &self.records[h];
            let Some(visit) = &record.visit else { continue };
            let when = visit.at.as_deref().or(record.completed_at.as_deref()).and_then(LocalDate::parse);
            let period = period_of(when);
            cells.entry((ALL, period)).or_insert_with(|| empty.clone()).push_household(visit);
            if let Some(seg) = &segmenter {
                seg.slots(record, self.hidden_in(h), &mut slots);
                for &s in &slots {
                    cells.entry((s, period)).or_insert_with(|| empty.clone()).push_household(visit);
                }
            }
        }
        let merged = |seg: u32| {
            let mut acc = empty.clone();
            cells.iter().filter(|((s, _), _)| *s == seg).for_each(|(_, a)| acc.merge(a));
            acc
        };
        let key = |seg: Option<u32>, period: Option<PeriodKey>| {
            let (segment, segment_title) = match (seg, &segmenter) {
                (Some(s), Some(sg)) => {
                    let (label, title) = sg.labels[s as usize].clone();
                    (Some(label), title)
                }
                _ => (None, None),
            };
            GroupKey { segment, segment_title, period: period.map(PeriodKey::label) }
        };
        let total = group_report(self, &merged(ALL), key(None, None), &top_level);
        let mut groups = Vec::new();
        if let Some(seg) = &segmenter {
            for s in 0..seg.labels.len() as u32 {
                let acc = merged(s);
                if !acc.is_empty() {
                    groups.push(group_report(self, &acc, key(Some(s), None), &top_level));
                }
            }
        }
        if options.period.is_some() {
            let mut segs: Vec<u32> = vec![ALL];
            if let Some(seg) = &segmenter {
                segs.extend(0..seg.labels.len() as u32);
            }
            for s in segs {
                let mut periods: Vec<PeriodKey> = cells.keys().filter(|(c, p)| *c == s && p.is_some()).filter_map(|(_, p)| *p).collect();
                periods.sort();
                let seg = (s != ALL).then_some(s);
                for period in periods {
                    let mut report = group_report(self, &cells[&(s, Some(period))], key(seg, Some(period)), &top_level);
                    let previous = period.previous();
                    let before = cells.get(&(s, Some(previous))).map(|acc| group_report(self, acc, key(seg, Some(previous)), &top_level));
                    report.change = Some(change(&report, before.as_ref(), previous.label()));
                    groups.push(report);
                }
            }
        }
        Ok(AggregateReport {
            survey: SurveyVersion { id: self.survey.id.clone(), version: self.survey.version.clone() },
            by: options.by.clone(),
            period: options.period,
            records: self.counts,
            invalid: self.invalid.clone(),
            total,
            groups,
            follow_ups: self.follow_ups.clone(),
        })
    }
}
