//! Scoring every record once and keeping what the aggregates need in
//! compact arrays, so that a report can be grouped any number of ways
//! without scoring, or even reading the answers, again.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::codes::ChoiceCodes;
use super::error::AggregateError;
use super::extra::{Extras, Lists};
use super::kano::KanoCategory;
use super::layout::{observe, Layout, Obs};
use super::period::LocalDate;
use super::report::{FollowUpEntry, InvalidResponse, RecordCounts, Shared};
use super::response_rate::{households, Household};
use super::Logic;
use crate::analysis::AnalysisSpec;
use crate::response::Response;
use crate::scoring::{Grading, ScoreReport, ScoringModel, SCORING_VERSION};
use crate::survey::{GradeBasis, Survey};

/// Records scored once, ready to be grouped and summarised
/// ([`Prepared::report`](super::Prepared::report)).
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    pub(super) model: &'a ScoringModel,
    pub(super) survey: &'a Survey,
    pub(super) analysis: &'a AnalysisSpec,
    pub(super) records: &'a [Response],
    pub(super) layouts: Vec<Layout>,
    /// Where each item's options start in a cell's flat option counts.
    pub(super) offsets: Vec<usize>,
    pub(super) extras: Extras,
    /// One per completed, valid response.
    pub(super) rows: Vec<Row>,
    /// `rows × items`, row-major.
    pub(super) obs: Vec<Obs>,
    /// Checkbox selections referenced by `Obs::code`.
    pub(super) multi: Vec<Box<[u16]>>,
    /// `rows × indicators`: score and grade (band index, `NO_GRADE` none).
    pub(super) indicators: Vec<(Option<f64>, u16)>,
    /// `rows × gaps`: x_perceived − x_expected.
    pub(super) gaps: Vec<Option<f64>>,
    /// `rows × kano pairs`.
    pub(super) kano: Vec<Option<KanoCategory>>,
    /// `rows × themes`: (non-empty comments, matching comments).
    pub(super) themes: Vec<(u32, u32)>,
    /// Answers of the choice questions that are not scored items.
    pub(super) codes: ChoiceCodes,
    /// Hidden questions of records whose logic hid any.
    pub(super) hidden: HashMap<usize, BTreeSet<String>>,
    pub(super) households: Vec<Household>,
    pub(super) interviewers: Vec<String>,
    pub(super) invalid: Shared<InvalidResponse>,
    pub(super) follow_ups: Shared<FollowUpEntry>,
    pub(super) counts: RecordCounts,
}

/// What one completed, valid response contributes besides its items.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Row {
    pub record: usize,
    pub date: Option<LocalDate>,
    pub overall: Option<f64>,
    pub raw_total: Option<f64>,
    /// Band index of the grade, `NO_GRADE` for none.
    pub grade: u16,
    /// In the satisfied group; `None` when not in the rate's base.
    pub satisfied: Option<bool>,
    /// x of the NPS question.
    pub nps: Option<f64>,
    /// The importance–performance reference: the overall question's s, or
    /// the overall score when the survey names no overall question.
    pub reference: Option<f64>,
    pub flagged: bool,
}

/// No band.
pub(super) const NO_GRADE: u16 = u16::MAX;

impl<'a> Prepared<'a> {
    /// Scores every completed record with `logic` (visibility and declared
    /// follow-up conditions). Fails when the records answer another survey
    /// or several versions of it.
    pub fn new(
        model: &'a ScoringModel,
        survey: &'a Survey,
        analysis: &'a AnalysisSpec,
        records: &'a [Response],
        logic: &dyn Logic,
    ) -> Result<Prepared<'a>, AggregateError> {
        Prepared::build(model, survey, analysis, records, logic, None)
    }

    /// [`new`](Self::new), but a record's stored score is used instead of
    /// scoring it again when the device made it with the same rules and
    /// definition: its `scoringVersion` is [`SCORING_VERSION`], the record
    /// answers the definition with hash `definition_hash` (the one `model`
    /// was compiled from), and its items, indicators and overall question
    /// line up with the model. Every other record is scored. Scoring is the
    /// costly part of a large merge (the office's 100,000 responses); the
    /// result is the same for stored scores made by this scorer.
    pub fn new_using_stored(
        model: &'a ScoringModel,
        survey: &'a Survey,
        analysis: &'a AnalysisSpec,
        records: &'a [Response],
        logic: &dyn Logic,
        definition_hash: &str,
    ) -> Result<Prepared<'a>, AggregateError> {
        Prepared::build(model, survey, analysis, records, logic, Some(definition_hash))
    }

    fn build(
        model: &'a ScoringModel,
        survey: &'a Survey,
        analysis: &'a AnalysisSpec,
        records: &'a [Response],
        logic: &dyn Logic,
        trusted_hash: Option<&str>,
    ) -> Result<Prepared<'a>, AggregateError> {
        super::error::check_versions(survey, records)?;
        let layouts: Vec<Layout> = model
            .items()
            .iter()
            .map(|item| {
                survey
                    .question(&item.question)
                    .map_or(Layout::Number, |q| Layout::of(item, q))
            })
            .collect();
        let offsets = layouts
            .iter()
            .scan(0, |next, l| {
                let start = *next;
                *next += l.values().len();
                Some(start)
            })
            .collect();
        let mut p = Prepared {
            model,
            survey,
            analysis,
            records,
            layouts,
            offsets,
            extras: Extras::new(model, survey, analysis),
            rows: Vec::new(),
            obs: Vec::new(),
            multi: Vec::new(),
            indicators: Vec::new(),
            gaps: Vec::new(),
            kano: Vec::new(),
            themes: Vec::new(),
            codes: ChoiceCodes::new(model, survey),
            hidden: HashMap::new(),
            households: Vec::new(),
            interviewers: Vec::new(),
            invalid: Shared(Arc::from([])),
            follow_ups: Shared(Arc::from([])),
            counts: RecordCounts {
                total: records.len() as u64,
                ..RecordCounts::default()
            },
        };
        let mut invalid = Vec::new();
        let mut follow_ups = Vec::new();
        let mut row_of = vec![None; records.len()];
        for (index, record) in records.iter().enumerate() {
            p.counts.with_visit += u64::from(record.visit.is_some());
            p.counts.completed += u64::from(record.is_completed());
            p.counts.not_completed += u64::from(!record.is_completed());
            if !record.is_completed() && record.visit.is_none() {
                continue;
            }
            // Visit records need it too, when grouped by a question.
            let hidden = logic.hidden(&record.answers);
            if record.is_completed() {
                let stored = trusted_hash
                    .and_then(|hash| record.score.as_ref().filter(|s| stored_fits(model, record, s, hash)));
                let result = match stored {
                    Some(s) => Ok(std::borrow::Cow::Borrowed(s)),
                    None => model.score_with(&record.answers, &hidden, logic.conditions()).map(std::borrow::Cow::Owned),
                };
                match result {
                    Ok(report) => {
                        row_of[index] = Some(p.rows.len());
                        if let Some(entry) = p.add(index, record, &report, &hidden) {
                            follow_ups.push(entry);
                        }
                    }
                    Err(error) => invalid.push(InvalidResponse {
                        response: record.id,
                        question: error.question().to_owned(),
                        message: error.to_string(),
                    }),
                }
            }
            if !hidden.is_empty() {
                p.hidden.insert(index, hidden);
            }
        }
        p.counts.invalid = invalid.len() as u64;
        p.invalid = Shared(invalid.into());
        p.follow_ups = Shared(follow_ups.into());
        (p.households, p.interviewers) = households(records, &row_of);
        Ok(p)
    }

    /// Keeps one valid response; returns its follow-up entry when flagged.
    fn add(
        &mut self,
        index: usize,
        record: &Response,
        report: &ScoreReport,
        hidden: &BTreeSet<String>,
    ) -> Option<FollowUpEntry> {
        let answers = &record.answers;
        for ((item, layout), score) in self
            .model
            .items()
            .iter()
            .zip(&self.layouts)
            .zip(&report.items)
        {
            let obs = observe(
                item,
                layout,
                score.status,
                score.x,
                answers,
                &mut self.multi,
            );
            self.obs.push(obs);
        }
        let grading = self
            .model
            .grading()
            .filter(|g| g.basis == GradeBasis::Score);
        for ind in &report.indicators {
            let grade = ind
                .score
                .and_then(|s| grading.and_then(|g| band_index(g, s)))
                .unwrap_or(NO_GRADE);
            self.indicators.push((ind.score, grade));
        }
        let bands = self.model.bands();
        let grade = report
            .grade
            .as_ref()
            .and_then(|name| bands.iter().position(|b| &b.name == name))
            .map_or(NO_GRADE, |i| i as u16);
        let lists = Lists {
            gaps: &mut self.gaps,
            kano: &mut self.kano,
            themes: &mut self.themes,
        };
        let per = self
            .extras
            .observe(self.analysis, answers, hidden, report, lists);
        self.codes.push(record, hidden);
        self.rows.push(Row {
            record: index,
            date: record.completed_at.as_deref().and_then(LocalDate::parse),
            overall: report.overall,
            raw_total: report.raw_total,
            grade,
            satisfied: per.satisfied,
            nps: per.nps,
            reference: per.reference,
            flagged: report.follow_up.flagged,
        });
        report.follow_up.flagged.then(|| {
            let visit = record.visit.as_ref();
            FollowUpEntry {
                response: record.id,
                completed_at: record.completed_at.clone(),
                household: visit.and_then(|v| v.household.clone()),
                interviewer: visit.and_then(|v| v.interviewer.clone()),
                overall: report.overall,
                grade: report.grade.clone(),
                reasons: report.follow_up.reasons.clone(),
            }
        })
    }

    /// Questions hidden in record `index` (empty when none).
    pub(super) fn hidden_in(&self, index: usize) -> &BTreeSet<String> {
        static EMPTY: BTreeSet<String> = BTreeSet::new();
        self.hidden.get(&index).unwrap_or(&EMPTY)
    }

    /// How many completed, valid responses were kept.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no completed, valid response was kept.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Whether `stored` was made by these rules for this definition and lines
/// up with the model (see [`Prepared::new_using_stored`]).
fn stored_fits(model: &ScoringModel, record: &Response, stored: &ScoreReport, hash: &str) -> bool {
    stored.scoring_version == SCORING_VERSION
        && record.survey.hash == hash
        && stored.items.len() == model.items().len()
        && stored.items.iter().zip(model.items()).all(|(s, m)| s.id == m.id)
        && stored.indicators.len() == model.indicators().len()
        && stored.indicators.iter().zip(model.indicators()).all(|(s, m)| s.name == m.name)
        && stored.overall_question.is_some() == model.overall_question().is_some()
}

/// The index of the band `value` falls in (as `Grading::grade`).
fn band_index(grading: &Grading, value: f64) -> Option<u16> {
    let band = grading.grade(value)?;
    grading
        .bands
        .iter()
        .position(|b| b.name == band.name)
        .map(|i| i as u16)
}
