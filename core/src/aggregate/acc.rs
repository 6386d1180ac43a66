//! The accumulator of one cell (segment × period): counts and moments that
//! each response adds to in O(items), and that merge into coarser groups.

use super::kano::KanoCounts;
use super::layout::{Layout, NONE};
use super::prepare::{Prepared, NO_GRADE};
use super::response_rate::RateAcc;
use super::stats::{CoMoments, Moments};
use crate::scoring::ItemStatus;
use crate::visit::Visit;

/// One item's counts. Single-option items keep a histogram over options
/// (mean and SD are computed from it exactly at the end); checkbox and
/// number items keep running moments of x.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ItemAcc {
    /// valid, N/A, skipped, hidden.
    pub status: [u64; 4],
    pub options: Vec<u64>,
    pub x: Moments,
}

/// A 0–100 score's moments and grade counts (bands in model order, then
/// the ungraded count last).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ScoreAcc {
    pub m: Moments,
    pub grades: Vec<u64>,
}

impl ScoreAcc {
    fn new(bands: usize) -> ScoreAcc {
        ScoreAcc { m: Moments::default(), grades: vec![0; bands + 1] }
    }

    fn push(&mut self, score: Option<f64>, grade: u16) {
        if let Some(s) = score {
            self.m.push(s);
        }
        let last = self.grades.len() - 1;
        self.grades[if grade == NO_GRADE { last } else { usize::from(grade).min(last) }] += 1;
    }

    fn merge(&mut self, other: &ScoreAcc) {
        self.m.merge(&other.m);
        self.grades.iter_mut().zip(&other.grades).for_each(|(a, b)| *a += b);
    }
}

/// Everything one cell accumulates.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Acc {
    /// Completed, valid responses.
    pub n: u64,
    pub items: Vec<ItemAcc>,
    pub indicators: Vec<ScoreAcc>,
    pub overall: ScoreAcc,
    pub raw_total: Moments,
    pub satisfied: u64,
    pub satisfaction_base: u64,
    /// promoters, passives, detractors.
    pub nps: [u64; 3],
    pub gaps: Vec<Moments>,
    pub kano: Vec<KanoCounts>,
    /// Per top-level declared indicator: (indicator score, reference).
    pub importance: Vec<CoMoments>,
    /// (non-empty comments, matches) per theme.
    pub themes: Vec<(u64, u64)>,
    pub follow_ups: u64,
    pub rate: RateAcc,
}

impl Acc {
    /// An empty accumulator shaped for `p`.
    pub fn new(p: &Prepared<'_>, top_level: &[usize]) -> Acc {
        let bands = p.model.bands().len();
        let items = p
            .layouts
            .iter()
            .map(|l| ItemAcc { status: [0; 4], options: vec![0; l.values().len()], x: Moments::default() })
            .collect();
        Acc {
            n: 0,
            items,
            indicators: vec![ScoreAcc::new(bands); p.model.indicators().len()],
            overall: ScoreAcc::new(bands),
            raw_total: Moments::default(),
            satisfied: 0,
            satisfaction_base: 0,
            nps: [0; 3],
            gaps: vec![Moments::default(); p.analysis.gaps.len()],
            kano: vec![KanoCounts::default(); p.analysis.kano.len()],
            importance: vec![CoMoments::default(); top_level.len()],
            themes: vec![(0, 0); p.analysis.themes.len()],
            follow_ups: 0,
            rate: RateAcc::default(),
        }
    }

    /// Whether nothing at all was counted (no response, no household).
    pub fn is_empty(&self) -> bool {
        self.n == 0 && self.rate.is_empty()
    }

    /// Adds completed response `r` (an index into `p.rows`).
    pub fn push(&mut self, p: &Prepared<'_>, r: usize, top_level: &[usize]) {
        let row = &p.rows[r];
        self.n += 1;
        let n_items = self.items.len();
        for ((acc, obs), layout) in self.items.iter_mut().zip(&p.obs[r * n_items..(r + 1) * n_items]).zip(&p.layouts) {
            let slot = match obs.status {
                ItemStatus::Valid => 0,
                ItemStatus::NotApplicable => 1,
                ItemStatus::Skipped => 2,
                ItemStatus::Hidden => 3,
            };
            acc.status[slot] += 1;
            if obs.code != NONE {
                match layout {
                    Layout::Single { .. } => acc.options[obs.code as usize] += 1,
                    Layout::Multi { .. } => p.multi[obs.code as usize].iter().for_each(|&i| acc.options[usize::from(i)] += 1),
                    Layout::Number => {}
                }
            }
            if slot == 0 && !matches!(layout, Layout::Single { .. }) {
                acc.x.push(obs.x);
            }
        }
        let n_ind = self.indicators.len();
        let scores = &p.indicators[r * n_ind..(r + 1) * n_ind];
        for (acc, &(score, grade)) in self.indicators.iter_mut().zip(scores) {
            acc.push(score, grade);
        }
        self.overall.push(row.overall, row.grade);
        if let Some(t) = row.raw_total {
            self.raw_total.push(t);
        }
        if let Some(satisfied) = row.satisfied {
            self.satisfaction_base += 1;
            self.satisfied += u64::from(satisfied);
        }
        if let Some(x) = row.nps {
            self.nps[if x >= 9.0 { 0 } else if x >= 7.0 { 1 } else { 2 }] += 1;
        }
        let n_gaps = self.gaps.len();
        for (acc, gap) in self.gaps.iter_mut().zip(&p.gaps[r * n_gaps..(r + 1) * n_gaps]) {
            if let Some(g) = gap {
                acc.push(*g);
            }
        }
        let n_kano = self.kano.len();
        for (acc, class) in self.kano.iter_mut().zip(&p.kano[r * n_kano..(r + 1) * n_kano]) {
            if let Some(c) = class {
                acc.add(*c);
            }
        }
        if let Some(y) = row.reference {
            for (acc, &k) in self.importance.iter_mut().zip(top_level) {
                if let Some(s) = scores[k].0 {
                    acc.push(s, y);
                }
            }
        }
        let n_themes = self.themes.len();
        for (acc, &(comments, hits)) in self.themes.iter_mut().zip(&p.themes[r * n_themes..(r + 1) * n_themes]) {
            acc.0 += u64::from(comments);
            acc.1 += u64::from(hits);
        }
        self.follow_ups += u64::from(row.flagged);
    }

    /// Counts a household by its latest visit.
    pub fn push_household(&mut self, latest: &Visit) {
        self.rate.add(latest);
    }

    /// Adds another cell's counts (disjoint records).
    pub fn merge(&mut self, other: &Acc) {
        self.n += other.n;
        for (a, b) in self.items.iter_mut().zip(&other.items) {
            a.status.iter_mut().zip(&b.status).for_each(|(x, y)| *x += y);
            a.options.iter_mut().zip(&b.options).for_each(|(x, y)| *x += y);
            a.x.merge(&b.x);
        }
        self.indicators.iter_mut().zip(&other.indicators).for_each(|(a, b)| a.merge(b));
        self.overall.merge(&other.overall);
        self.raw_total.merge(&other.raw_total);
        self.satisfied += other.satisfied;
        self.satisfaction_base += other.satisfaction_base;
        self.nps.iter_mut().zip(&other.nps).for_each(|(a, b)| *a += b);
        self.gaps.iter_mut().zip(&other.gaps).for_each(|(a, b)| a.merge(b));
        self.kano.iter_mut().zip(&other.kano).for_each(|(a, b)| a.merge(b));
        self.importance.iter_mut().zip(&other.importance).for_each(|(a, b)| a.merge(b));
        self.themes.iter_mut().zip(&other.themes).for_each(|(a, b)| {
            a.0 += b.0;
            a.1 += b.1;
        });
        self.follow_ups += other.follow_ups;
        self.rate.merge(&other.rate);
    }
}
