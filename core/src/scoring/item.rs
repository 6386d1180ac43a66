//! Scored items (DOMAIN "Items", resolved items 1–4 and 12): what number `x`
//! an answer yields, the range `[lo, hi]` that normalises it, and the scale
//! points the top and bottom boxes are counted on.

use crate::survey::{Choice, InputType, Question, QuestionKind, Value};

use super::error::CompileError;
use super::value::show;

/// What kind of answer an item reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ItemKind {
    /// `radiogroup` or `dropdown`: the chosen choice's number.
    Choice,
    /// `rating`: the chosen point's number.
    Rating,
    /// `boolean`: its declared true/false numbers.
    Boolean,
    /// `checkbox`: the sum of the chosen choices' numbers.
    Checkbox,
    /// `text` with `inputType: number` and both bounds.
    Number,
    /// An `expression` question with both `min` and `max`: its computed
    /// value, stored in the answers like SurveyJS's `survey.data`.
    Expression,
    /// One row of a `matrix`: the chosen column's number.
    MatrixRow,
    /// One cell of a `matrixdropdown` whose column is a single choice
    /// (radiogroup, dropdown, rating) with a number on every option.
    MatrixCell,
}

/// One option as scoring sees it: `number` is `None` only for N/A options.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Opt {
    pub(super) value: Value,
    pub(super) number: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Source {
    Single(Vec<Opt>),
    Multi(Vec<Opt>),
    Boolean { on_true: f64, on_false: f64 },
    Number,
    MatrixRow { key: String, columns: Vec<Opt> },
    /// One cell of a `matrixdropdown`: `answer[row][column]`.
    Cell { row: String, column: String, opts: Vec<Opt> },
    /// One `expression` cell of a `matrixdropdown` with `min` and `max`:
    /// the number stored in `answer[row][column]` (docs/LOGIC.md).
    NumberCell { row: String, column: String },
}

/// A question (or matrix row) compiled for scoring. Read-only: built by
/// [`Item::compile`] and [`ScoringModel::compile`](super::ScoringModel::compile).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// `question`, or `question.row` for a matrix row.
    pub id: String,
    /// The question's name (the answer's key).
    pub question: String,
    /// The matrix row key, for matrix rows.
    pub row: Option<String>,
    pub kind: ItemKind,
    /// Smallest `x` any answer can give.
    pub lo: f64,
    /// Largest `x` any answer can give.
    pub hi: f64,
    /// Reverse-keyed: a high `x` is a bad answer.
    pub reverse: bool,
    /// The distinct `x` values, worst first: ascending by `x`, descending
    /// for reverse-keyed items. Empty for items without a discrete scale
    /// (checkbox, number), which have no boxes.
    pub scale_points: Vec<f64>,
    /// Top/bottom box size: the configured k capped at ⌊points / 2⌋; 0
    /// without a discrete scale.
    pub box_k: usize,
    /// Counts in the raw total and follow-ups (resolved item 1). False for
    /// the overall-satisfaction question when it is only needed for its numbers.
    pub scored: bool,
    /// Named (directly or through its matrix) by a declared indicator.
    pub in_indicator: bool,
    /// Enters the overall score: in an indicator, or every scored item when
    /// the survey declares no indicators.
    pub enters_overall: bool,
    pub(super) source: Source,
}

impl Item {
    /// Compiles a question's items (one per row for a matrix), with the
    /// scored-item load errors. `box_size` is the survey's k; the
    /// question's own `boxSize` overrides it. The result has `scored`,
    /// `in_indicator` and `enters_overall` false.
    pub fn compile(question: &Question, box_size: u32) -> Result<Vec<Item>, Vec<CompileError>> {
        let place = place(question);
        let k = match question.box_size {
            Some(0) => return Err(vec![CompileError::BadBoxSize { place }]),
            Some(k) => k,
            None => box_size,
        };
        let item = |kind, lo, hi, scale: Vec<f64>, source| {
            let mut scale_points = scale;
            if question.reverse {
                scale_points.reverse();
            }
            let box_k = (k as usize).min(scale_points.len() / 2);
            Item {
                id: question.name.clone(),
                question: question.name.clone(),
                row: None,
                kind,
                lo,
                hi,
                reverse: question.reverse,
                scale_points,
                box_k,
                scored: false,
                in_indicator: false,
                enters_overall: false,
                source,
            }
        };
        match &question.kind {
            QuestionKind::RadioGroup { choices }
            | QuestionKind::Dropdown { choices }
            | QuestionKind::ImagePicker { choices, multi_select: false, .. } => {
                let opts = options(choices, question.has_other, "choice", &place)?;
                let (lo, hi, scale) = discrete(&opts, &place)?;
                Ok(vec![item(ItemKind::Choice, lo, hi, scale, Source::Single(opts))])
            }
            QuestionKind::Rating { points, .. } => {
                let opts = options(points, false, "rate value", &place)?;
                let (lo, hi, scale) = discrete(&opts, &place)?;
                Ok(vec![item(ItemKind::Rating, lo, hi, scale, Source::Single(opts))])
            }
            QuestionKind::Boolean { score_true, score_false, .. } => {
                let (on_true, on_false) = (*score_true, *score_false);
                if on_true == on_false {
                    return Err(vec![CompileError::EmptyRange { place, value: on_true }]);
                }
                let (lo, hi) = (on_true.min(on_false), on_true.max(on_false));
                Ok(vec![item(ItemKind::Boolean, lo, hi, vec![lo, hi], Source::Boolean { on_true, on_false })])
            }
            QuestionKind::Checkbox { choices }
            | QuestionKind::Tagbox { choices }
            | QuestionKind::ImagePicker { choices, multi_select: true, .. } => {
                let opts = options(choices, question.has_other, "choice", &place)?;
                let numbers: Vec<f64> = opts.iter().filter_map(|o| o.number).collect();
                if numbers.is_empty() {
                    return Err(vec![CompileError::NoNumbers { place }]);
                }
                let lo = numbers.iter().filter(|x| **x < 0.0).fold(0.0, |a, b| a + b);
                let hi = numbers.iter().filter(|x| **x > 0.0).fold(0.0, |a, b| a + b);
                if lo == hi {
                    return Err(vec![CompileError::EmptyRange { place, value: lo }]);
                }
                Ok(vec![item(ItemKind::Checkbox, lo, hi, Vec::new(), Source::Multi(opts))])
            }
            QuestionKind::Text { input_type: InputType::Number, min, max, .. } => {
                let (lo, hi) = bounds(*min, *max, "number", place)?;
                Ok(vec![item(ItemKind::Number, lo, hi, Vec::new(), Source::Number)])
            }
            QuestionKind::Expression { min, max, .. } => {
                let (lo, hi) = bounds(*min, *max, "expression", place)?;
                Ok(vec![item(ItemKind::Expression, lo, hi, Vec::new(), Source::Number)])
            }
            QuestionKind::Matrix { rows, columns } => {
                let opts = options(columns, false, "column", &place)?;
                let (lo, hi, scale) = discrete(&opts, &place)?;
                Ok(rows
                    .iter()
                    .map(|row| {
                        let key = row.key();
                        let source = Source::MatrixRow { key: key.clone(), columns: opts.clone() };
                        let mut it = item(ItemKind::MatrixRow, lo, hi, scale.clone(), source);
                        it.id = format!("{}.{}", question.name, key);
                        it.row = Some(key);
                        it
                    })
                    .collect())
            }
            QuestionKind::MatrixDropdown { rows, columns } => {
                // Scorable columns: single choices with numbers; others
                // (text, checkbox, …) are not items.
                let mut out = Vec::new();
                for column in columns {
                    if let QuestionKind::Expression { min: Some(min), max: Some(max), .. } = &column.kind {
                        let cell_place = format!("{place}.columns {:?}", column.name);
                        let (lo, hi) = bounds(Some(*min), Some(*max), "expression", cell_place)?;
                        for row in rows {
                            let key = row.key();
                            let source = Source::NumberCell { row: key.clone(), column: column.name.clone() };
                            let mut it = item(ItemKind::MatrixCell, lo, hi, Vec::new(), source);
                            it.id = format!("{}.{}.{}", question.name, key, column.name);
                            it.row = Some(format!("{}.{}", key, column.name));
                            out.push(it);
                        }
                        continue;
                    }
                    let list = match &column.kind {
                        QuestionKind::RadioGroup { choices } | QuestionKind::Dropdown { choices } => choices,
                        QuestionKind::Rating { points, .. } => points,
                        _ => continue,
                    };
                    let cell_place = format!("{place}.columns {:?}", column.name);
                    let Ok(opts) = options(list, column.has_other, "choice", &cell_place) else { continue };
                    let (lo, hi, scale) = discrete(&opts, &cell_place)?;
                    for row in rows {
                        let key = row.key();
                        let source = Source::Cell { row: key.clone(), column: column.name.clone(), opts: opts.clone() };
                        let mut it = item(ItemKind::MatrixCell, lo, hi, scale.clone(), source);
                        it.id = format!("{}.{}.{}", question.name, key, column.name);
                        it.row = Some(format!("{}.{}", key, column.name));
                        out.push(it);
                    }
                }
                if out.is_empty() {
                    return Err(vec![CompileError::NotScorable { place, kind: "matrixdropdown without a single-choice column with numbers" }]);
                }
                Ok(out)
            }
            other => Err(vec![CompileError::NotScorable { place, kind: kind_name(other) }]),
        }
    }

    /// Whether the item has a discrete scale and so top/bottom boxes.
    pub fn has_boxes(&self) -> bool {
        self.box_k > 0
    }

    /// `s = 100·(x − lo)/(hi − lo)`, or `100 − s` when reverse-keyed.
    pub fn normalise(&self, x: f64) -> f64 {
        let s = 100.0 * (x - self.lo) / (self.hi - self.lo);
        if self.reverse {
            100.0 - s
        } else {
            s
        }
    }

    /// `x'` of the raw total: `x`, or `lo + hi − x` when reverse-keyed.
    pub fn total_points(&self, x: f64) -> f64 {
        if self.reverse {
            self.lo + self.hi - x
        } else {
            x
        }
    }

    /// Whether `x` is one of the `k` worst scale points.
    pub fn in_bottom_box(&self, x: f64) -> bool {
        self.scale_points[..self.box_k].contains(&x)
    }

    /// Whether `x` is one of the `k` best scale points.
    pub fn in_top_box(&self, x: f64) -> bool {
        self.scale_points[self.scale_points.len() - self.box_k..].contains(&x)
    }
}

/// `pages[0].elements[3] "q7"`: where messages about a question start.
pub(crate) fn place(question: &Question) -> String {
    format!("{} {:?}", question.path, question.name)
}

/// The type name of a question kind, as in SurveyJS JSON.
pub(crate) fn kind_name(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::RadioGroup { .. } => "radiogroup",
        QuestionKind::Dropdown { .. } => "dropdown",
        QuestionKind::Checkbox { .. } => "checkbox",
        QuestionKind::Rating { .. } => "rating",
        QuestionKind::Boolean { .. } => "boolean",
        QuestionKind::Text { input_type: InputType::Number, .. } => "number",
        QuestionKind::Text { .. } => "text",
        QuestionKind::Comment { .. } => "comment",
        QuestionKind::Matrix { .. } => "matrix",
        QuestionKind::Ranking { .. } => "ranking",
        QuestionKind::Expression { .. } => "expression",
        QuestionKind::Html { .. } => "html",
        QuestionKind::Image { .. } => "image",
        QuestionKind::Tagbox { .. } => "tagbox",
        QuestionKind::ImagePicker { .. } => "imagepicker",
        QuestionKind::MultipleText { .. } => "multipletext",
        QuestionKind::MatrixDropdown { .. } => "matrixdropdown",
        QuestionKind::MatrixDynamic { .. } => "matrixdynamic",
        QuestionKind::PanelDynamic { .. } => "paneldynamic",
        QuestionKind::SignaturePad { .. } => "signaturepad",
        QuestionKind::File { .. } => "file",
    }
}

/// Resolved item 2: a scored number (or expression) question needs both
/// bounds, `min < max`.
fn bounds(min: Option<f64>, max: Option<f64>, kind: &'static str, place: String) -> Result<(f64, f64), Vec<CompileError>> {
    match (min, max) {
        (Some(lo), Some(hi)) if lo < hi => Ok((lo, hi)),
        (Some(lo), Some(hi)) if lo == hi => Err(vec![CompileError::EmptyRange { place, value: lo }]),
        (Some(min), Some(max)) => Err(vec![CompileError::InvertedBounds { place, min, max }]),
        (Some(_), None) => Err(vec![CompileError::MissingBounds { place, kind, missing: "max" }]),
        (None, Some(_)) => Err(vec![CompileError::MissingBounds { place, kind, missing: "min" }]),
        (None, None) => Err(vec![CompileError::MissingBounds { place, kind, missing: "min and max" }]),
    }
}

/// Resolved item 1: every non-N/A option needs a number; an N/A option's
/// score is ignored. With `has_other`, the added `"other"` choice is
/// read as N/A too (free text has no score).
fn options(choices: &[Choice], has_other: bool, what: &'static str, place: &str) -> Result<Vec<Opt>, Vec<CompileError>> {
    let mut errors = Vec::new();
    let opts = choices
        .iter()
        .enumerate()
        .map(|(index, c)| {
            let na = c.not_applicable || (has_other && c.value.as_str() == Some("other"));
            let number = if na { None } else { c.number() };
            if !na && number.is_none() {
                errors.push(CompileError::ChoiceWithoutNumber { place: place.to_owned(), what, value: show(&c.value), index });
            }
            Opt { value: c.value.clone(), number }
        })
        .collect();
    if errors.is_empty() {
        Ok(opts)
    } else {
        Err(errors)
    }
}

/// `lo`, `hi` and the distinct numbers in ascending order.
fn discrete(opts: &[Opt], place: &str) -> Result<(f64, f64, Vec<f64>), Vec<CompileError>> {
    let mut scale: Vec<f64> = opts.iter().filter_map(|o| o.number).collect();
    crate::small_sort::sort_small_by(&mut scale, f64::total_cmp);
    scale.dedup();
    match (scale.first(), scale.last()) {
        (None, _) | (_, None) => Err(vec![CompileError::NoNumbers { place: place.to_owned() }]),
        (Some(&lo), Some(&hi)) if lo == hi => Err(vec![CompileError::EmptyRange { place: place.to_owned(), value: lo }]),
        (Some(&lo), Some(&hi)) => Ok((lo, hi, scale)),
    }
}
