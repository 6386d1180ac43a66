//! Builders for scoring tests and the benchmark: surveys written directly
//! as model values (the JSON loader is tested on its own).
#![allow(dead_code)]

use std::collections::BTreeSet;

use canvass_core::response::Answers;
use canvass_core::scoring::{ScoreReport, ScoringModel, ScoringWarning};
use canvass_core::survey::*;

/// A plain choice: its value is its text and, when a JSON number, its score.
pub fn c(value: impl Into<Value>) -> Choice {
    let value = value.into();
    Choice { text: LocalizedText::plain(value_key(&value)), value, score: None, not_applicable: false, visible_if: None }
}

/// A choice with a declared score.
pub fn cs(value: impl Into<Value>, score: f64) -> Choice {
    Choice { score: Some(score), ..c(value) }
}

/// A not-applicable choice (不适用).
pub fn na(value: impl Into<Value>) -> Choice {
    Choice { not_applicable: true, ..c(value) }
}

/// The DOMAIN example scale: 非常满意 50, 满意 30, 一般 20, 不满意 0, 非常不满意 −10, plus 不清楚 N/A.
pub fn domain_scale() -> Vec<Choice> {
    vec![cs("非常满意", 50.0), cs("满意", 30.0), cs("一般", 20.0), cs("不满意", 0.0), cs("非常不满意", -10.0), na("不清楚")]
}

pub fn question(name: &str, kind: QuestionKind) -> Question {
    Question {
        name: name.to_owned(),
        title: LocalizedText::plain(name),
        description: None,
        kind,
        is_required: false,
        visible_if: None,
        enable_if: None,
        required_if: None,
        scored: false,
        reverse: false,
        weight: None,
        box_size: None,
        validators: Vec::new(),
        path: String::new(),
        has_other: false,
        comment: None,
        random_order: false,
    }
}

pub fn radio(name: &str, choices: Vec<Choice>) -> Question {
    question(name, QuestionKind::RadioGroup { choices })
}

pub fn dropdown(name: &str, choices: Vec<Choice>) -> Question {
    question(name, QuestionKind::Dropdown { choices })
}

pub fn checkbox(name: &str, choices: Vec<Choice>) -> Question {
    question(name, QuestionKind::Checkbox { choices })
}

pub fn ranking(name: &str, choices: Vec<Choice>) -> Question {
    question(name, QuestionKind::Ranking { choices })
}

/// A radio question with numeric values `0..n` (so s = 100·x/(n−1)).
pub fn scale(name: &str, n: i64) -> Question {
    radio(name, (0..n).map(c).collect())
}

/// `rateMin`/`rateMax`/`rateStep` expanded as the loader does.
pub fn rating(name: &str, min: f64, max: f64, step: f64) -> Question {
    let mut points = Vec::new();
    let mut i = 0.0;
    while min + i * step <= max + 1e-9 {
        let x = min + i * step;
        points.push(if x.fract() == 0.0 { c(x as i64) } else { c(x) });
        i += 1.0;
    }
    question(name, QuestionKind::Rating { points, min_label: None, max_label: None })
}

pub fn boolean(name: &str, score_true: f64, score_false: f64) -> Question {
    question(name, QuestionKind::Boolean { label_true: None, label_false: None, score_true, score_false })
}

pub fn text(name: &str, input_type: InputType, min: Option<f64>, max: Option<f64>) -> Question {
    question(name, QuestionKind::Text { input_type, min, max, placeholder: None })
}

pub fn number(name: &str, min: f64, max: f64) -> Question {
    text(name, InputType::Number, Some(min), Some(max))
}

pub fn comment(name: &str) -> Question {
    question(name, QuestionKind::Comment { placeholder: None })
}

pub fn matrix(name: &str, rows: &[&str], columns: Vec<Choice>) -> Question {
    let rows = rows.iter().map(|r| MatrixRow { value: Value::from(*r), text: LocalizedText::plain(*r) }).collect();
    question(name, QuestionKind::Matrix { rows, columns })
}

/// Canvass extensions on a question, chained.
pub trait Ext {
    fn scored(self) -> Self;
    fn reverse(self) -> Self;
    fn weight(self, w: f64) -> Self;
    fn box_size(self, k: u32) -> Self;
}

impl Ext for Question {
    fn scored(mut self) -> Self {
        self.scored = true;
        self
    }
    fn reverse(mut self) -> Self {
        self.reverse = true;
        self
    }
    fn weight(mut self, w: f64) -> Self {
        self.weight = Some(w);
        self
    }
    fn box_size(mut self, k: u32) -> Self {
        self.box_size = Some(k);
        self
    }
}

/// `{"question": name}`.
pub fn q(name: &str) -> ChildSpec {
    ChildSpec { target: ChildRef::Question { name: name.to_owned() }, weight: None }
}

/// `{"question": name, "weight": w}`.
pub fn qw(name: &str, w: f64) -> ChildSpec {
    ChildSpec { weight: Some(w), ..q(name) }
}

/// `{"question": matrix, "row": row}`.
pub fn row(matrix: &str, row: &str) -> ChildSpec {
    ChildSpec { target: ChildRef::MatrixRow { matrix: matrix.to_owned(), row: row.to_owned() }, weight: None }
}

/// `{"indicator": name}`.
pub fn sub(name: &str) -> ChildSpec {
    ChildSpec { target: ChildRef::Indicator { name: name.to_owned() }, weight: None }
}

/// `{"indicator": name, "weight": w}`.
pub fn subw(name: &str, w: f64) -> ChildSpec {
    ChildSpec { weight: Some(w), ..sub(name) }
}

pub fn ind(name: &str, children: Vec<ChildSpec>) -> IndicatorSpec {
    IndicatorSpec {
        name: name.to_owned(),
        title: LocalizedText::plain(name),
        children,
        min_answered: 0.0,
        ahp: None,
        path: String::new(),
    }
}

/// An upper-triangular AHP matrix as written in JSON (lower triangle null).
pub fn upper(rows: &[&[f64]]) -> AhpMatrix {
    let n = rows.len();
    (0..n).map(|i| (0..n).map(|j| if j >= i { Some(rows[i][j - i]) } else { None }).collect()).collect()
}

pub fn band(name: &str, min: Option<f64>) -> Band {
    Band { name: name.to_owned(), title: LocalizedText::plain(name), min }
}

/// A survey under construction: one page of questions plus scoring.
pub struct SurveyBuilder {
    questions: Vec<Question>,
    scoring: ScoringSpec,
}

pub fn survey(questions: Vec<Question>) -> SurveyBuilder {
    SurveyBuilder { questions, scoring: ScoringSpec { box_size: 2, ..ScoringSpec::default() } }
}

impl SurveyBuilder {
    pub fn indicator(mut self, spec: IndicatorSpec) -> Self {
        self.scoring.indicators.push(spec);
        self
    }

    pub fn scoring(mut self, f: impl FnOnce(&mut ScoringSpec)) -> Self {
        f(&mut self.scoring);
        self
    }

    pub fn grades(self, basis: GradeBasis, bands: Vec<Band>) -> Self {
        self.scoring(|s| s.grades = Some(GradeSpec { basis, bands }))
    }

    pub fn build(self) -> Survey {
        let elements = self
            .questions
            .into_iter()
            .enumerate()
            .map(|(i, mut q)| {
                q.path = format!("pages[0].elements[{i}]");
                Element::Question(q)
            })
            .collect();
        let mut scoring = self.scoring;
        for (i, ind) in scoring.indicators.iter_mut().enumerate() {
            ind.path = format!("scoring.indicators[{i}]");
        }
        Survey {
            id: "test".to_owned(),
            version: "1".to_owned(),
            hash: String::new(),
            title: LocalizedText::plain("test"),
            description: None,
            pages: vec![Page {
                name: "page1".to_owned(),
                title: None,
                description: None,
                elements,
                visible_if: None,
                enable_if: None,
                is_required: false,
                required_if: None,
            }],
            scoring,
            calculated_values: Vec::new(),
            completed_html: None,
            completed_html_on_condition: Vec::new(),
            media_limit: canvass_core::survey::DEFAULT_MEDIA_LIMIT,
        }
    }

    /// Compiles, failing the test on errors; returns the warnings too.
    #[track_caller]
    pub fn compile_warned(self) -> (ScoringModel, Vec<ScoringWarning>) {
        match ScoringModel::compile(&self.build()) {
            Ok(compiled) => compiled,
            Err(errors) => panic!("unexpected compile errors: {:#?}", messages(&errors)),
        }
    }

    /// Compiles, failing the test on errors or warnings.
    #[track_caller]
    pub fn compile(self) -> ScoringModel {
        let (model, warnings) = self.compile_warned();
        assert!(warnings.is_empty(), "unexpected warnings: {:#?}", messages(&warnings));
        model
    }

    /// The compile error messages, failing the test when it compiles.
    #[track_caller]
    pub fn errors(self) -> Vec<String> {
        match ScoringModel::compile(&self.build()) {
            Ok(_) => panic!("expected compile errors"),
            Err(errors) => messages(&errors),
        }
    }
}

pub fn messages<E: ToString>(errors: &[E]) -> Vec<String> {
    errors.iter().map(E::to_string).collect()
}

/// Answers from a JSON object literal.
pub fn answers(value: Value) -> Answers {
    serde_json::from_value(value).expect("answers are a JSON object")
}

pub fn hidden(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Scores with nothing hidden, failing the test on an invalid answer.
#[track_caller]
pub fn score(model: &ScoringModel, value: Value) -> ScoreReport {
    model.score(&answers(value), &BTreeSet::new()).expect("valid answers")
}

/// An indicator's score by name.
#[track_caller]
pub fn indicator(report: &ScoreReport, name: &str) -> Option<f64> {
    report.indicators.iter().find(|i| i.name == name).unwrap_or_else(|| panic!("no indicator {name}")).score
}

#[track_caller]
pub fn close(got: Option<f64>, want: Option<f64>, what: &str) {
    match (got, want) {
        (Some(g), Some(w)) => assert!((g - w).abs() <= 1e-9 * w.abs().max(1.0), "{what}: got {g}, want {w}"),
        _ => assert_eq!(got, want, "{what}"),
    }
}
