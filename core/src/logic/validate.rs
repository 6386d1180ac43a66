//! Validating a page before moving on or completing: required answers,
//! the bounds of number and e-mail inputs, and the questions' `validators`.
//! Hidden and read-only (disabled) questions are never validated, as in
//! SurveyJS: a respondent cannot fix what they cannot see or change.

use crate::expr::Expr;
use crate::response::Answers;
use crate::survey::{InputType, LocalizedText, QuestionKind, Value as Json};

use super::layout::ElementKind;
use super::messages::default_message;
use super::scope::Reader;
use super::{Logic, LogicState};

/// SurveyJS's e-mail pattern (`EmailValidator.re`).
pub const EMAIL: &str = r#"^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$"#;

/// A validator compiled at load time.
#[derive(Debug, Clone)]
pub(crate) enum Check {
    Numeric {
        min: Option<f64>,
        max: Option<f64>,
    },
    Text {
        min_length: Option<u32>,
        max_length: Option<u32>,
    },
    Regex(crate::text::Pattern),
    Email,
    Expression(Expr),
    AnswerCount {
        min_count: Option<u32>,
        max_count: Option<u32>,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct CheckedValidator {
    pub check: Check,
    pub text: Option<LocalizedText>,
}

/// What a validation error is about.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Target {
    /// A question, by name.
    Question(String),
    /// A required panel with no answered question, by `Panel::path`.
    Panel(String),
    /// A required page with no answered question, by index.
    Page(usize),
}

/// Why an answer does not pass.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// `isRequired` / `requiredIf`, and the answer is empty.
    Required,
    /// The other item is chosen but its text (`<name>-Comment`) is empty.
    OtherText,
    /// A `numeric` validator on an answer that is not a number.
    NotNumeric,
    /// A `numeric` validator's `minValue`/`maxValue`.
    NumericRange { min: Option<f64>, max: Option<f64> },
    /// A number input below its `min`.
    BelowMin { min: f64 },
    /// A number input above its `max`.
    AboveMax { max: f64 },
    /// A `text` validator's `minLength`/`maxLength`.
    Length { min: Option<u32>, max: Option<u32> },
    /// A `regex` validator.
    Pattern,
    /// An `email` validator or an e-mail input.
    Email,
    /// An `expression` validator whose condition does not hold.
    Expression,
    /// An `answercount` validator's `minCount`.
    TooFew { min: u32 },
    /// An `answercount` validator's `maxCount`.
    TooMany { max: u32 },
    /// A required part (matrix cell, dynamic-panel question,
    /// multiple-text item) left empty in row (panel) `item`.
    PartRequired {
        item: super::PartItem,
        part: LocalizedText,
    },
}

/// One problem to show beside a question (or a panel or page).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationError {
    pub target: Target,
    pub kind: ErrorKind,
    /// The validator's own `text`, when it gives one.
    pub text: Option<LocalizedText>,
    title: LocalizedText,
}

impl ValidationError {
    /// The message in `locale`: the validator's `text` when given, else
    /// SurveyJS's default wording in Chinese (`zh…` locales) or English.
    pub fn message(&self, locale: &str) -> String {
        match &self.text {
            Some(text) => text.get(locale).to_owned(),
            None => default_message(&self.kind, self.title.get(locale), locale),
        }
    }
}

/// The problems on page `page` (index in `Survey::pages`), in document
/// order; empty when the respondent may go on. Only visible, enabled
/// questions are checked; a required page or panel needs one answered
/// visible question inside it.
pub fn validate_page(
    logic: &Logic,
    state: &LogicState,
    page: usize,
    answers: &Answers,
) -> Vec<ValidationError> {
    let layout = &state.layout;
    let Some(&start) = layout.pages.get(page) else {
        return Vec::new();
    };
    let reader = state.reader(answers);
    let mut out = Vec::new();
    for e in start..layout.elements[start].end {
        if !state.element_visible(e) || !state.element_enabled(e) {
            continue;
        }
        let el = &layout.elements[e];
        let error = |target, kind, text: Option<&LocalizedText>| ValidationError {
            target,
            kind,
            text: text.cloned(),
            title: el.title.clone(),
        };
        let kind = match &el.kind {
            ElementKind::Page | ElementKind::Panel => {
                let answered = layout
                    .questions_in(e)
                    .any(|q| reader.answer(q).is_some_and(|v| !is_empty(&v)));
                if state.element_required(e) && !answered {
                    let target = match el.kind {
                        ElementKind::Page => Target::Page(page),
                        _ => Target::Panel(panel_path(logic, e)),
                    };
                    out.push(error(target, ErrorKind::Required, None));
                }
                continue;
            }
            ElementKind::Question(QuestionKind::Expression { .. }) => continue,
            ElementKind::Question(kind) => kind,
        };
        let target = || Target::Question(el.name.clone());
        let value = reader.answer(e);
        let value = value.as_deref().filter(|v| !is_empty(v));
        if value.is_none() && state.element_required(e) {
            out.push(error(target(), ErrorKind::Required, None));
            continue;
        }
        if let Some(parts) = logic.parts.get(&el.name) {
            let scope = state.scope(answers);
            for (item, part) in parts.missing(value, &scope) {
                out.push(error(target(), ErrorKind::PartRequired { item, part }, None));
            }
        }
        if let Some(v) = value {
            if let Some(kind) = built_in(logic, kind, v) {
                out.push(error(target(), kind, None));
            }
            let other = |v: &Json| v.as_str() == Some("other");
            let chose_other = match v {
                Json::Array(items) => items.iter().any(other),
                v => other(v),
            };
            if chose_other && logic.has_other.contains(&el.name) {
                let text = answers.get(&format!("{}-Comment", el.name));
                if text.is_none_or(is_empty) {
                    out.push(error(target(), ErrorKind::OtherText, None));
                }
            }
        }
        for validator in logic.validators.get(&e).into_iter().flatten() {
            if let Some(kind) = check(logic, &validator.check, value, &reader) {
                out.push(error(target(), kind, validator.text.as_ref()));
            }
        }
    }
    out
}

/// The path of the panel at element `e`.
fn panel_path(logic: &Logic, e: usize) -> String {
    logic
        .layout
        .panels
        .iter()
        .find(|(_, &i)| i == e)
        .map(|(path, _)| path.clone())
        .unwrap_or_default()
}

/// Empty for `required`: null, a blank string, `[]`, an object of empty
/// values (a matrix with no row answered).
pub(crate) fn is_empty(value: &Json) -> bool {
    match value {
        Json::Null => true,
        Json::String(s) => s.trim().is_empty(),
        Json::Array(items) => items.is_empty(),
        Json::Object(map) => map.values().all(is_empty),
        Json::Bool(_) | Json::Number(_) => false,
    }
}

/// A number as SurveyJS's numeric checks read it: a JSON number or a
/// numeric string.
fn number(value: &Json) -> Option<f64> {
    match value {
        Json::Number(n) => n.as_f64(),
        Json::String(s) => crate::text::parse_f64(s.trim()).filter(|n| n.is_finite()),
        _ => None,
    }
}

/// The checks every number and e-mail input has without a validator.
fn built_in(logic: &Logic, kind: &QuestionKind, value: &Json) -> Option<ErrorKind> {
    match kind {
        QuestionKind::Text {
            input_type: InputType::Number,
            min,
            max,
            ..
        } => {
            let Some(x) = number(value) else {
                return Some(ErrorKind::NotNumeric);
            };
            match (min, max) {
                (Some(min), _) if x < *min => Some(ErrorKind::BelowMin { min: *min }),
                (_, Some(max)) if x > *max => Some(ErrorKind::AboveMax { max: *max }),
                _ => None,
            }
        }
        QuestionKind::Text {
            input_type: InputType::Email,
            ..
        } => email(logic, value),
        _ => None,
    }
}

fn email(logic: &Logic, value: &Json) -> Option<ErrorKind> {
    let re = logic.email.as_ref()?;
    match value {
        Json::String(s) if !re.is_match(s) => Some(ErrorKind::Email),
        _ => None,
    }
}

/// One validator on a (non-empty) value; `None` passes. Only `expression`
/// runs on an empty answer.
fn check(logic: &Logic, check: &Check, value: Option<&Json>, reader: &Reader) -> Option<ErrorKind> {
    if let Check::Expression(expr) = check {
        return (!expr.evaluate_condition(reader)).then_some(ErrorKind::Expression);
    }
    let value = value?;
    match check {
        Check::Numeric { min, max } => {
            let Some(x) = number(value) else {
                return Some(ErrorKind::NotNumeric);
            };
            let out = min.is_some_and(|m| x < m) || max.is_some_and(|m| x > m);
            out.then_some(ErrorKind::NumericRange {
                min: *min,
                max: *max,
            })
        }
        Check::Text {
            min_length,
            max_length,
        } => {
            let Json::String(s) = value else { return None };
            let n = s.chars().count();
            let out = min_length.is_some_and(|m| n < m as usize)
                || max_length.is_some_and(|m| n > m as usize);
            out.then_some(ErrorKind::Length {
                min: *min_length,
                max: *max_length,
            })
        }
        Check::Regex(re) => {
            let text = |v: &Json| match v {
                Json::String(s) => s.clone(),
                other => other.to_string(),
            };
            let all_match = match value {
                Json::Array(items) => items.iter().all(|v| re.is_match(&text(v))),
                other => re.is_match(&text(other)),
            };
            (!all_match).then_some(ErrorKind::Pattern)
        }
        Check::Email => email(logic, value),
        Check::AnswerCount {
            min_count,
            max_count,
        } => {
            let Json::Array(items) = value else {
                return None;
            };
            let n = items.len();
            match (min_count, max_count) {
                (Some(min), _) if n < *min as usize => Some(ErrorKind::TooFew { min: *min }),
                (_, Some(max)) if n > *max as usize => Some(ErrorKind::TooMany { max: *max }),
                _ => None,
            }
        }
        Check::Expression(_) => None,
    }
}
