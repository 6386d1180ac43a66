//! The accumulator of one cell (segment × period): counts and moments that
//! each response adds to in O(items), and that merge into coarser groups.

use super::kano::KanoCounts;
use super::layout::{Layout, NONE};
use super::prepare::{Prepared, NO_GRADE};
use super::response_rate::{Household, RateAcc};
use super::stats::{CoMoments, Moments};
use crate::scoring::ItemStatus;

/// A 0–100 score's moments and grade counts (bands in model order, then
/// the ungraded count last).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ScoreAcc {
    pub m: Moments,
    pub grades: Vec<u64>,
}

impl ScoreAcc {
    fn new(bands: usize) -> ScoreAcc {
        ScoreAcc {
            m: Moments::default(),
            grades: vec![0; bands + 1],
        }
    }

    fn push(&mut self, score: Option<f64>, grade: u16) {
        if let Some(s) = score {
            self.m.push(s);
        }
        let last = self.grades.len() - 1;
        self.grades[if grade == NO_GRADE {
            last
        } else {
            usize::from(grade).min(last)
        }] += 1;
    }

    fn merge(&mut self, other: &ScoreAcc) {
        self.m.merge(&other.m);
        self.grades
            .iter_mut()
            .zip(&other.grades)
            .for_each(|(a, b)| *a += b);
    }
}

/// Everything one cell accumulates. Items are kept flat for speed: status
/// counts per item; a histogram over every item's options (single-option
/// items get mean and SD from it exactly at the end); running moments of x
/// for checkbox and number items.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Acc {
    /// Completed, valid responses.
    pub n: u64,
    /// valid, N/A, skipped, hidden per item.
    pub status: Vec<[u64; 4]>,
    /// Option counts of all items, item `i` from `Prepared::offsets[i]`.
    pub options: Vec<u64>,
    pub x: Vec<Moments>,
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
        let items = p.layouts.len();
        Acc {
            n: 0,
            status: vec![[0; 4]; items],
            options: vec![0; p.layouts.iter().map(|l| l.values().len()).sum()],
            x: vec![Moments::default(); items],
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
            rate: RateAcc::new(p.interviewers.len()),
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
        let n_items = self.status.len();
        let observed = &p.obs[r * n_items..(r + 1) * n_items];
        for (i, (obs, layout)) in observed.iter().zip(&p.layouts).enumerate() {
            let slot = match obs.status {
                ItemStatus::Valid => 0,
                ItemStatus::NotApplicable => 1,
                ItemStatus::Skipped => 2,
                ItemStatus::Hidden => 3,
            };
            self.status[i][slot] += 1;
            let options = &mut self.options[p.offsets[i]..];
            match layout {
                Layout::Single { .. } if obs.code != NONE => options[obs.code as usize] += 1,
                Layout::Single { .. } => {}
                Layout::Multi { .. } => {
                    if obs.code != NONE {
                        p.multi[obs.code as usize]
                            .iter()
                            .for_each(|&c| options[usize::from(c)] += 1);
                    }
                    if slot == 0 {
                        self.x[i].push(obs.x);
                    }
                }
                Layout::Number if slot == 0 => self.x[i].push(obs.x),
                Layout::Number => {}
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
            self.nps[if x >= 9.0 {
                0
            } else if x >= 7.0 {
                1
            } else {
                2
            }] += 1;
        }
        let n_gaps = self.gaps.len();
        for (acc, gap) in self
            .gaps
            .iter_mut()
            .zip(&p.gaps[r * n_gaps..(r + 1) * n_gaps])
        {
            if let Some(g) = gap {
                acc.push(*g);
            }
        }
        let n_kano = self.kano.len();
        for (acc, class) in self
            .kano
            .iter_mut()
            .zip(&p.kano[r * n_kano..(r + 1) * n_kano])
        {
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
        for (acc, &(comments, hits)) in self
            .themes
            .iter_mut()
            .zip(&p.themes[r * n_themes..(r + 1) * n_themes])
        {
            acc.0 += u64::from(comments);
            acc.1 += u64::from(hits);
        }
        self.follow_ups += u64::from(row.flagged);
    }

    /// Counts a household by its latest visit.
    pub fn push_household(&mut self, household: &Household) {
        self.rate.add(household.outcome, household.interviewer);
    }

    /// Adds another cell's counts (disjoint records).
    pub fn merge(&mut self, other: &Acc) {
        self.n += other.n;
        for (a, b) in self.status.iter_mut().zip(&other.status) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
        self.options
            .iter_mut()
            .zip(&other.options)
            .for_each(|(x, y)| *x += y);
        self.x
            .iter_mut()
            .zip(&other.x)
            .for_each(|(a, b)| a.merge(b));
        self.indicators
            .iter_mut()
            .zip(&other.indicators)
            .for_each(|(a, b)| a.merge(b));
        self.overall.merge(&other.overall);
        self.raw_total.merge(&other.raw_total);
        self.satisfied += other.satisfied;
        self.satisfaction_base += other.satisfaction_base;
        self.nps
            .iter_mut()
            .zip(&other.nps)
            .for_each(|(a, b)| *a += b);
        self.gaps
            .iter_mut()
            .zip(&other.gaps)
            .for_each(|(a, b)| a.merge(b));
        self.kano
            .iter_mut()
            .zip(&other.kano)
            .for_each(|(a, b)| a.merge(b));
        self.importance
            .iter_mut()
            .zip(&other.importance)
            .for_each(|(a, b)| a.merge(b));
        self.themes
            .iter_mut()
            .zip(&other.themes)
            .for_each(|(a, b)| {
                a.0 += b.0;
                a.1 += b.1;
            });
        self.follow_ups += other.follow_ups;
        self.rate.merge(&other.rate);
    }
}
