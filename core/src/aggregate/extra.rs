//! The per-response values of the analyses (DOMAIN resolved items 14–20):
//! satisfied or not, NPS answer, importance reference, expectation gaps,
//! Kano classes and theme matches. Questions used only for their numbers
//! (item 15) are compiled here with scoring's own item rules.

use std::collections::BTreeSet;

use super::kano::{classify, KanoCategory};
use super::layout::position;
use super::themes::{is_non_empty, normalise, Matcher};
use crate::analysis::{AnalysisSpec, SatisfactionRule};
use crate::response::Answers;
use crate::scoring::{Item, ScoreReport, ScoringModel};
use crate::survey::{QuestionKind, Survey, Value};

/// The tolerance of the threshold rule (`score ≥ threshold − 1e-9`).
pub const THRESHOLD_TOLERANCE: f64 = 1e-9;

#[derive(Debug, Clone)]
enum Satisfaction {
    TopBox(Numbers),
    Threshold(f64),
}

/// The compiled analyses.
#[derive(Debug, Clone)]
pub(super) struct Extras {
    satisfaction: Option<Satisfaction>,
    nps: Option<Numbers>,
    gaps: Vec<Option<(Numbers, Numbers)>>,
    kano: Vec<(Vec<Value>, Vec<Value>)>,
    themes: Vec<(Matcher, Vec<usize>)>,
    theme_questions: Vec<String>,
    /// Whether the importance reference is the overall question (else the
    /// overall score).
    reference_is_question: bool,
}

/// The per-pair and per-theme lists a response appends to.
pub(super) struct Lists<'a> {
    pub gaps: &'a mut Vec<Option<f64>>,
    pub kano: &'a mut Vec<Option<KanoCategory>>,
    pub themes: &'a mut Vec<(u32, u32)>,
}

/// The single-item values of one response.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct RowValues {
    pub satisfied: Option<bool>,
    pub nps: Option<f64>,
    pub reference: Option<f64>,
}

/// A question used for its numbers, and where its value is found.
#[derive(Debug, Clone)]
struct Numbers {
    item: Item,
    from: From,
}

#[derive(Debug, Clone, Copy)]
enum From {
    /// `ScoreReport::items[k]`.
    Scored(usize),
    /// `ScoreReport::overall_question`.
    OverallQuestion,
    /// Read from the answers here.
    Answers,
}

/// The item of `name`: scoring's when it scores it or names it as the
/// overall question (so its value comes with the score report), else
/// compiled here (the analysis spec checked that it can be).
fn item_for(model: &ScoringModel, survey: &Survey, name: &str) -> Option<Numbers> {
    if let Some(k) = model
        .items()
        .iter()
        .position(|i| i.id == name && i.row.is_none())
    {
        return Some(Numbers {
            item: model.items()[k].clone(),
            from: From::Scored(k),
        });
    }
    if let Some(item) = model.overall_question().filter(|i| i.question == name) {
        return Some(Numbers {
            item: item.clone(),
            from: From::OverallQuestion,
        });
    }
    let question = survey.question(name)?;
    let box_size = if survey.scoring.box_size == 0 {
        crate::scoring::DEFAULT_BOX_SIZE
    } else {
        survey.scoring.box_size
    };
    let mut items = Item::compile(question, box_size).ok()?;
    let item = (items.len() == 1).then(|| items.pop()).flatten()?;
    Some(Numbers {
        item,
        from: From::Answers,
    })
}

fn choice_values(survey: &Survey, name: &str) -> Vec<Value> {
    match survey.question(name).map(|q| &q.kind) {
        Some(QuestionKind::RadioGroup { choices } | QuestionKind::Dropdown { choices }) => {
            choices.iter().map(|c| c.value.clone()).collect()
        }
        _ => Vec::new(),
    }
}

impl Extras {
    pub fn new(model: &ScoringModel, survey: &Survey, analysis: &AnalysisSpec) -> Extras {
        let satisfaction = analysis.satisfaction.as_ref().and_then(|rule| match rule {
            SatisfactionRule::TopBox { question } => {
                item_for(model, survey, question).map(Satisfaction::TopBox)
            }
            SatisfactionRule::Threshold { threshold } => Some(Satisfaction::Threshold(*threshold)),
        });
        let mut theme_questions: Vec<String> = Vec::new();
        let themes = analysis
            .themes
            .iter()
            .map(|theme| {
                let slots = theme
                    .questions
                    .iter()
                    .map(|q| match theme_questions.iter().position(|t| t == q) {
                        Some(i) => i,
                        None => {
                            theme_questions.push(q.clone());
                            theme_questions.len() - 1
                        }
                    })
                    .collect();
                (Matcher::new(&theme.keywords), slots)
            })
            .collect();
        Extras {
            satisfaction,
            nps: analysis
                .nps_question
                .as_deref()
                .and_then(|q| item_for(model, survey, q)),
            gaps: analysis
                .gaps
                .iter()
                .map(|g| {
                    Some((
                        item_for(model, survey, &g.expected)?,
                        item_for(model, survey, &g.perceived)?,
                    ))
                })
                .collect(),
            kano: analysis
                .kano
                .iter()
                .map(|k| {
                    (
                        choice_values(survey, &k.functional),
                        choice_values(survey, &k.dysfunctional),
                    )
                })
                .collect(),
            themes,
            theme_questions,
            reference_is_question: survey.scoring.overall_question.is_some(),
        }
    }

    /// Reads one response, appending its gaps, Kano classes and theme
    /// counts to `out`.
    pub fn observe(
        &self,
        analysis: &AnalysisSpec,
        answers: &Answers,
        hidden: &BTreeSet<String>,
        report: &ScoreReport,
        out: Lists<'_>,
    ) -> RowValues {
        let Lists { gaps, kano, themes } = out;
        let x = |n: &Numbers| match n.from {
            From::Scored(k) => report.items.get(k).and_then(|s| s.x),
            From::OverallQuestion => report.overall_question.as_ref().and_then(|s| s.x),
            From::Answers => {
                let item = &n.item;
                item.value(answers.get(&item.question), hidden.contains(&item.question))
                    .ok()
                    .and_then(|s| s.x)
            }
        };
        let satisfied = match &self.satisfaction {
            Some(Satisfaction::TopBox(n)) => x(n).map(|x| n.item.in_top_box(x)),
            Some(Satisfaction::Threshold(t)) => {
                report.overall.map(|s| s >= t - THRESHOLD_TOLERANCE)
            }
            None => None,
        };
        let reference = if self.reference_is_question {
            report.overall_question.as_ref().and_then(|q| q.score)
        } else {
            report.overall
        };
        gaps.extend(self.gaps.iter().map(|pair| {
            let (expected, perceived) = pair.as_ref()?;
            Some(x(perceived)? - x(expected)?)
        }));
        let pick =
            |name: &str, values: &[Value], map: &[Option<crate::aggregate::kano::KanoOption>]| {
                if hidden.contains(name) {
                    return None;
                }
                map.get(position(values, answers.get(name)?)?)
                    .copied()
                    .flatten()
            };
        kano.extend(
            analysis
                .kano
                .iter()
                .zip(&self.kano)
                .map(|(pair, (fv, dv))| {
                    let f = pick(&pair.functional, fv, &pair.functional_map)?;
                    let d = pick(&pair.dysfunctional, dv, &pair.dysfunctional_map)?;
                    Some(classify(f, d))
                }),
        );
        if !self.themes.is_empty() {
            let comments: Vec<Option<String>> = self
                .theme_questions
                .iter()
                .map(|q| {
                    let text = answers.get(q).filter(|_| !hidden.contains(q))?.as_str()?;
                    is_non_empty(text).then(|| normalise(text))
                })
                .collect();
            themes.extend(self.themes.iter().map(|(matcher, slots)| {
                let present = slots.iter().filter_map(|&s| comments[s].as_deref());
                present.fold((0, 0), |(n, hits), c| {
                    (n + 1, hits + u32::from(matcher.matches(c)))
                })
            }));
        }
        RowValues {
            satisfied,
            nps: self.nps.as_ref().and_then(x),
            reference,
        }
    }
}
