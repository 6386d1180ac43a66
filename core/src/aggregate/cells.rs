//! The cells of a grouping: one accumulator per (segment group or total,
//! period). Periods are few, so a record's period is found by a short
//! linear search instead of hashing, and cells live in one flat vector.

use super::acc::Acc;
use super::period::PeriodKey;

/// Accumulators by period (rows) and segment slot (columns; the last
/// column is the total).
pub(super) struct Grid {
    /// The periods seen, in order of appearance; `None` is "no period"
    /// (not grouped by period, or undated).
    pub periods: Vec<Option<PeriodKey>>,
    /// Segment groups plus one column for the total.
    pub columns: usize,
    cells: Vec<Option<Acc>>,
    empty: Acc,
    last: usize,
}

impl Grid {
    pub fn new(segment_groups: usize, empty: Acc) -> Grid {
        Grid {
            periods: Vec::new(),
            columns: segment_groups + 1,
            cells: Vec::new(),
            empty,
            last: 0,
        }
    }

    /// The column of the total.
    pub fn total(&self) -> usize {
        self.columns - 1
    }

    /// The row of `period`, added when new.
    pub fn row(&mut self, period: Option<PeriodKey>) -> usize {
        if self.periods.get(self.last) == Some(&period) {
            return self.last;
        }
        self.last = match self.periods.iter().position(|p| *p == period) {
            Some(i) => i,
            None => {
                self.periods.push(period);
                self.cells
                    .resize_with(self.cells.len() + self.columns, || None);
                self.periods.len() - 1
            }
        };
        self.last
    }

    /// The accumulator of a cell, created empty when first used.
    pub fn cell(&mut self, row: usize, column: usize) -> &mut Acc {
        let empty = &self.empty;
        self.cells[row * self.columns + column].get_or_insert_with(|| empty.clone())
    }

    /// The accumulator of a cell, if anything was added to it.
    pub fn get(&self, period: Option<PeriodKey>, column: usize) -> Option<&Acc> {
        let row = self.periods.iter().position(|p| *p == period)?;
        self.cells[row * self.columns + column].as_ref()
    }

    /// Every period's cells of one column merged.
    pub fn merged(&self, column: usize) -> Acc {
        let mut acc = self.empty.clone();
        for row in 0..self.periods.len() {
            if let Some(cell) = &self.cells[row * self.columns + column] {
                acc.merge(cell);
            }
        }
        acc
    }

    /// Fills the total column by merging each row's segment cells (when
    /// every record is in exactly one segment group).
    pub fn derive_totals(&mut self) {
        for row in 0..self.periods.len() {
            let mut total: Option<Acc> = None;
            for column in 0..self.total() {
                if let Some(cell) = &self.cells[row * self.columns + column] {
                    total.get_or_insert_with(|| self.empty.clone()).merge(cell);
                }
            }
            let at = row * self.columns + self.total();
            self.cells[at] = total;
        }
    }

    /// The dated periods with anything in `column`, in calendar order.
    pub fn dated(&self, column: usize) -> Vec<PeriodKey> {
        let mut out: Vec<PeriodKey> = (0..self.periods.len())
            .filter(|&row| self.cells[row * self.columns + column].is_some())
            .filter_map(|row| self.periods[row])
            .collect();
        out.sort();
        out
    }
}
