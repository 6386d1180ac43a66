//! Grouping (DOMAIN resolved item 22): every response and household is
//! added to its cells (its segment groups' and the total's, in its
//! period), then cells are merged into the total, segment, period and
//! segment × period groups, each period compared with the one before.

use super::acc::Acc;
use super::cells::Grid;
use super::change::change;
use super::error::AggregateError;
use super::period::{LocalDate, PeriodKey};
use super::prepare::Prepared;
use super::report::{AggregateReport, GroupKey, GroupReport, SurveyVersion};
use super::segment::Segmenter;
use super::summary::group_report;
use super::AggregateOptions;
use crate::scoring::Node;

impl Prepared<'_> {
    /// The report for one grouping. Cheap next to [`Prepared::new`]: no
    /// response is scored, and no answer read, again.
    pub fn report(&self, options: &AggregateOptions) -> Result<AggregateReport, AggregateError> {
        let segmenter = options
            .by
            .as_ref()
            .map(|by| Segmenter::new(by, self))
            .transpose()?;
        let top_level = self.top_level();
        let groups_of_segment = segmenter.as_ref().map_or(0, |s| s.labels.len());
        let mut grid = Grid::new(groups_of_segment, Acc::new(self, &top_level));
        let total = grid.total();
        // With a single-valued segment every record is in exactly one
        // segment group: the total's cells are merged from those afterwards
        // instead of counting every record twice.
        let derive_total = segmenter.as_ref().is_some_and(|s| !s.multi);
        let period_of =
            |date: Option<LocalDate>| options.period.and_then(|kind| date.map(|d| d.period(kind)));
        let mut slots: Vec<u32> = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            let at = grid.row(period_of(row.date));
            if !derive_total {
                grid.cell(at, total).push(self, r, &top_level);
            }
            if let Some(seg) = &segmenter {
                seg.slots(self, row.record, Some(r), &mut slots);
                for &s in &slots {
                    grid.cell(at, s as usize).push(self, r, &top_level);
                }
            }
        }
        for household in &self.households {
            let at = grid.row(period_of(household.date));
            if !derive_total {
                grid.cell(at, total).push_household(household);
            }
            if let Some(seg) = &segmenter {
                seg.slots(self, household.record, household.row, &mut slots);
                for &s in &slots {
                    grid.cell(at, s as usize).push_household(household);
                }
            }
        }
        if derive_total {
            grid.derive_totals();
        }

        let key = |column: usize, period: Option<PeriodKey>| {
            let (segment, segment_title) = match &segmenter {
                Some(sg) if column != total => {
                    let (label, title) = sg.labels[column].clone();
                    (Some(label), title)
                }
                _ => (None, None),
            };
            GroupKey {
                segment,
                segment_title,
                period: period.map(PeriodKey::label),
            }
        };
        let report_of =
            |acc: &Acc, column, period| group_report(self, acc, key(column, period), &top_level);
        let mut groups: Vec<GroupReport> = Vec::new();
        for column in 0..groups_of_segment {
            let acc = grid.merged(column);
            if !acc.is_empty() {
                groups.push(report_of(&acc, column, None));
            }
        }
        if options.period.is_some() {
            // The total's periods first, then each segment's.
            for column in std::iter::once(total).chain(0..groups_of_segment) {
                for period in grid.dated(column) {
                    let acc = grid
                        .get(Some(period), column)
                        .expect("dated periods have a cell");
                    let mut report = report_of(acc, column, Some(period));
                    let previous = period.previous();
                    let before = grid
                        .get(Some(previous), column)
                        .map(|acc| report_of(acc, column, Some(previous)));
                    report.change = Some(change(&report, before.as_ref(), previous.label()));
                    groups.push(report);
                }
            }
        }
        Ok(AggregateReport {
            survey: SurveyVersion {
                id: self.survey.id.clone(),
                version: self.survey.version.clone(),
            },
            by: options.by.clone(),
            period: options.period,
            records: self.counts,
            invalid: self.invalid.clone(),
            total: report_of(&grid.merged(total), total, None),
            groups,
            follow_ups: self.follow_ups.clone(),
        })
    }

    /// The declared top-level indicators (by index), none for the
    /// implicit indicator (DOMAIN resolved item 8).
    fn top_level(&self) -> Vec<usize> {
        let top = self.model.top_level();
        if top.implicit {
            return Vec::new();
        }
        top.children
            .iter()
            .filter_map(|c| match c.node {
                Node::Indicator(k) => Some(k),
                _ => None,
            })
            .collect()
    }
}
