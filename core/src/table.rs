//! The per-response table the office downloads (CSV and XLSX) and
//! `canvass score --format csv` prints: one row per completed response with
//! its id, completion time, metadata, overall score, raw total, grade,
//! follow-up flag, scoring error, every indicator's score, every item's raw
//! value `x` and normalised score `s`. Built once here so that the CSV, the
//! spreadsheet and the command line cannot disagree.

use std::collections::BTreeSet;

use crate::aggregate::Logic;
use crate::response::Response;
use crate::scoring::{ScoreReport, ScoringModel};

/// One cell. Missing values are [`Cell::Empty`], never 0.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
}

impl Cell {
    /// The cell as CSV text: numbers unrounded (shortest round-trip form).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(x) => x.to_string(),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

/// A header row and the data rows, all of the header's width.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// RFC 4180 CSV without a byte order mark (see [`crate::csv::BOM`]).
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        crate::csv::push_record(&mut out, &self.header);
        for row in &self.rows {
            let texts: Vec<String> = row.iter().map(Cell::text).collect();
            crate::csv::push_record(&mut out, &texts);
        }
        out
    }

    /// The column index of a header name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

/// The table of `records` with the score (or scoring error) of each;
/// records that were never completed are left out. Metadata columns are the
/// union of the records' keys, sorted.
pub fn responses_table<'a>(
    model: &ScoringModel,
    records: impl IntoIterator<Item = (&'a Response, Result<ScoreReport, String>)>,
) -> Table {
    let lines: Vec<(&Response, Result<ScoreReport, String>)> =
        records.into_iter().filter(|(r, _)| r.is_completed()).collect();
    let meta_keys: BTreeSet<&str> = lines.iter().flat_map(|(r, _)| r.meta.keys().map(String::as_str)).collect();
    let indicators: Vec<&str> = model.indicators().iter().map(|i| i.name.as_str()).collect();
    let items: Vec<&str> = model.items().iter().map(|i| i.id.as_str()).collect();

    let mut header: Vec<String> = vec!["id".into(), "completedAt".into()];
    header.extend(meta_keys.iter().map(|k| format!("meta.{k}")));
    header.extend(["overall", "rawTotal", "grade", "followUp", "error"].map(String::from));
    header.extend(indicators.iter().map(|i| format!("indicator.{i}")));
    header.extend(items.iter().map(|i| format!("item.{i}")));
    header.extend(items.iter().map(|i| format!("score.{i}")));

    let num = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Number);
    let text = |v: Option<&String>| v.map_or(Cell::Empty, |s| Cell::Text(s.clone()));
    let rows = lines
        .iter()
        .map(|(r, result)| {
            let mut row = Vec::with_capacity(header.len());
            row.push(Cell::Text(r.id.to_string()));
            row.push(text(r.completed_at.as_ref()));
            row.extend(meta_keys.iter().map(|k| text(r.meta.get(*k))));
            let s = result.as_ref().ok();
            row.push(num(s.and_then(|s| s.overall)));
            row.push(num(s.and_then(|s| s.raw_total)));
            row.push(text(s.and_then(|s| s.grade.as_ref())));
            row.push(s.map_or(Cell::Empty, |s| Cell::Bool(s.follow_up.flagged)));
            row.push(text(result.as_ref().err()));
            // Reports list indicators and items in model order; look up by
            // name anyway so that a stored report of another layout cannot
            // shift a column.
            for name in &indicators {
                row.push(num(s.and_then(|s| s.indicators.iter().find(|i| i.name == *name)).and_then(|i| i.score)));
            }
            for id in &items {
                row.push(num(s.and_then(|s| s.items.iter().find(|i| i.id == *id)).and_then(|i| i.x)));
            }
            for id in &items {
                row.push(num(s.and_then(|s| s.items.iter().find(|i| i.id == *id)).and_then(|i| i.score)));
            }
            row
        })
        .collect();
    Table { header, rows }
}

/// Scores every completed record as the aggregates do
/// ([`crate::aggregate::Prepared::new`]): hidden questions from `logic`,
/// declared follow-up conditions, invalid answers as an error naming the
/// response and the question. Drafts give `None`.
pub fn score_records<'a>(
    model: &ScoringModel,
    records: &'a [Response],
    logic: &dyn Logic,
) -> Vec<(&'a Response, Result<ScoreReport, String>)> {
    records
        .iter()
        .filter(|r| r.is_completed())
        .map(|r| {
            let hidden = logic.hidden(&r.answers);
            let result = model
                .score_with(&r.answers, &hidden, logic.conditions())
                .map_err(|e| format!("response {}: {e}", r.id));
            (r, result)
        })
        .collect()
}
