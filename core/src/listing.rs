//! The staff's response list: one small row per stored response (drafts
//! and visit records included), and the filter over those rows. A device
//! holds up to tens of thousands of responses; the list reads and filters
//! rows only, never the full responses, so it opens and filters fast
//! (criterion bench `listing`, browser bench `tests/perf/list.mjs`).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::followup::FollowUpStatus;
use crate::paradata::{speeding, Paradata, SpeedRule};
use crate::response::Response;
use crate::survey::Value;
use crate::visit::Outcome;

/// How much of a response's open answers the free-text search sees.
pub const TEXT_LIMIT: usize = 240;

/// Where a stored record stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RowStatus {
    /// Being filled in.
    Draft,
    /// Submitted.
    Completed,
    /// A visit that produced no questionnaire (refused, nobody home, …).
    VisitOnly,
}

/// One list row: what the list shows and filters on. Stored (chunks of
/// the `rows` record kind) with one- and two-letter keys: 20,000 rows are
/// read and parsed every time the list opens, and the long names were a
/// third of the bytes (docs/FIELD.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseRow {
    #[serde(rename = "i")]
    pub id: Uuid,
    #[serde(rename = "s")]
    pub survey: String,
    #[serde(rename = "st")]
    pub status: RowStatus,
    /// The record's time as recorded (completed, else visit, else started).
    #[serde(rename = "a")]
    pub at: String,
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub interviewer: Option<String>,
    #[serde(rename = "h", default, skip_serializing_if = "Option::is_none")]
    pub household: Option<String>,
    #[serde(rename = "o", default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// The visit's own time (for the response rate's "latest visit").
    #[serde(rename = "va", default, skip_serializing_if = "Option::is_none")]
    pub visit_at: Option<String>,
    #[serde(rename = "g", default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    #[serde(rename = "sc", default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The follow-up case's status, when the response was flagged.
    #[serde(rename = "f", default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUpStatus>,
    /// Completed suspiciously fast ([`speeding`] with the default rule).
    #[serde(rename = "x", default, skip_serializing_if = "std::ops::Not::not")]
    pub fast: bool,
    /// Lower-cased text the free-text search looks in: household,
    /// interviewer, team, segment, note, grade and the start of the open answers.
    #[serde(rename = "t")]
    pub text: String,
}

impl ResponseRow {
    /// The row of a stored record.
    pub fn of(
        response: &Response,
        follow_up: Option<FollowUpStatus>,
        paradata: Option<&Paradata>,
    ) -> ResponseRow {
        let visit = response.visit.as_ref();
        let status = if response.is_completed() {
            RowStatus::Completed
        } else if visit.is_some_and(|v| v.outcome != Outcome::Completed) {
            RowStatus::VisitOnly
        } else {
            RowStatus::Draft
        };
        let at = response
            .completed_at
            .clone()
            .or_else(|| visit.and_then(|v| v.at.clone()))
            .unwrap_or_else(|| response.started_at.clone());
        let mut text = String::new();
        let mut push = |s: &str| {
            if !s.trim().is_empty() {
                text.push_str(s.trim());
                text.push('\n');
            }
        };
        if let Some(v) = visit {
            for part in [&v.household, &v.interviewer, &v.team, &v.segment, &v.note]
                .into_iter()
                .flatten()
            {
                push(part);
            }
        }
        let grade = response.score.as_ref().and_then(|s| s.grade.clone());
        if let Some(g) = &grade {
            push(g);
        }
        let mut open = String::new();
        for value in response.answers.values() {
            if let Value::String(s) = value {
                if s.chars().count() > 12 || s.contains(' ') {
                    open.push_str(s);
                    open.push('\n');
                }
            }
        }
        push(&open.chars().take(TEXT_LIMIT).collect::<String>());
        let answered = response.answers.len();
        ResponseRow {
            id: response.id,
            survey: response.survey.id.clone(),
            status,
            at,
            interviewer: visit.and_then(|v| v.interviewer.clone()),
            household: visit.and_then(|v| v.household_key().map(str::to_owned)),
            // A draft's visit is still under way: it has no outcome yet,
            // so it never counts for the response rate.
            outcome: visit
                .filter(|_| status != RowStatus::Draft)
                .map(|v| v.outcome),
            visit_at: visit.and_then(|v| v.at.clone()),
            grade,
            score: response.score.as_ref().and_then(|s| s.overall),
            follow_up,
            fast: paradata.is_some_and(|p| speeding(p, answered, SpeedRule::default()).is_some()),
            text: crate::text::lower(&text),
        }
    }

    /// The local calendar date as recorded (`YYYY-MM-DD`, DOMAIN item 22).
    pub fn date(&self) -> &str {
        self.at.get(..10).unwrap_or(&self.at)
    }
}

/// Which rows a status filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Completed,
    Draft,
    VisitOnly,
    /// Flagged and not resolved.
    FollowUp,
}

impl StatusFilter {
    fn keeps(self, row: &ResponseRow) -> bool {
        match self {
            StatusFilter::Completed => row.status == RowStatus::Completed,
            StatusFilter::Draft => row.status == RowStatus::Draft,
            StatusFilter::VisitOnly => row.status == RowStatus::VisitOnly,
            StatusFilter::FollowUp => row.follow_up.is_some_and(|s| s != FollowUpStatus::Resolved),
        }
    }
}

/// The list's filter; every part left empty keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowFilter {
    pub survey: Option<String>,
    pub status: Option<StatusFilter>,
    pub interviewer: Option<String>,
    /// First day kept, `YYYY-MM-DD` (local date as recorded).
    pub from: Option<String>,
    /// Last day kept, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Words that must all appear (case-insensitive) in the row's text or id.
    pub text: String,
}

/// The indices of the rows `filter` keeps, newest stored first (rows are
/// stored in the order the records were made).
pub fn filter_rows(rows: &[ResponseRow], filter: &RowFilter) -> Vec<usize> {
    let lowered = crate::text::lower(&filter.text);
    let words: Vec<&str> = lowered.split_whitespace().collect();
    let blank = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let (survey, interviewer) = (blank(&filter.survey), blank(&filter.interviewer));
    let (from, to) = (blank(&filter.from), blank(&filter.to));
    let mut id = String::new();
    (0..rows.len())
        .rev()
        .filter(|&i| {
            let row = &rows[i];
            if survey.as_ref().is_some_and(|s| *s != row.survey)
                || filter.status.is_some_and(|s| !s.keeps(row))
                || interviewer
                    .as_ref()
                    .is_some_and(|w| row.interviewer.as_ref() != Some(w))
                || from.as_ref().is_some_and(|f| row.date() < f.as_str())
                || to.as_ref().is_some_and(|t| row.date() > t.as_str())
            {
                return false;
            }
            if words.is_empty() {
                return true;
            }
            id.clear();
            use std::fmt::Write;
            let _ = write!(id, "{}", row.id);
            words
                .iter()
                .all(|w| row.text.contains(w) || id.starts_with(w))
        })
        .collect()
}

/// Sorts rows oldest first by recorded time (RFC 3339 text; records from
/// one device share its offset, so text order is time order), then by id,
/// so the list order does not depend on the store's key order.
pub fn sort_oldest_first(rows: &mut [ResponseRow]) {
    rows.sort_by(|a, b| (a.at.as_str(), a.id).cmp(&(b.at.as_str(), b.id)));
}

/// The distinct interviewers named by `rows`, sorted, for the filter's menu.
pub fn interviewers(rows: &[ResponseRow]) -> Vec<String> {
    let mut names: Vec<String> = rows.iter().filter_map(|r| r.interviewer.clone()).collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Rows per stored chunk. A device keeps its rows in chunks, not one
/// record per response: reading 40 chunks is one storage read of a few
/// large texts, where 20,000 records cost 20,000 decodes (2 s measured in
/// Chromium); a change rewrites one chunk (~100 KB).
pub const CHUNK_ROWS: usize = 500;

/// Every row in stored order, flat (so the list reads them without a
/// copy), with the stored chunks they came from: `(chunk number, rows)`
/// in order. Chunk numbers are kept as read, so a chunk set aside as
/// unreadable never makes a later chunk be written under its number.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowChunks {
    pub rows: Vec<ResponseRow>,
    pub chunks: Vec<(usize, usize)>,
}

impl RowChunks {
    /// Adds `row`, or replaces the row with its id; returns the position
    /// (in `chunks`) of the chunk that changed, the one to store again.
    pub fn upsert(&mut self, row: ResponseRow) -> usize {
        if let Some(i) = self.rows.iter().position(|r| r.id == row.id) {
            self.rows[i] = row;
            return self.chunk_of(i);
        }
        self.rows.push(row);
        match self.chunks.last_mut() {
            Some((_, len)) if *len < CHUNK_ROWS => *len += 1,
            _ => {
                let number = self.chunks.last().map_or(0, |(n, _)| n + 1);
                self.chunks.push((number, 1));
            }
        }
        self.chunks.len() - 1
    }

    /// Sets the follow-up status of the row `id`; the chunk that changed.
    pub fn set_follow_up(&mut self, id: Uuid, status: FollowUpStatus) -> Option<usize> {
        let i = self.rows.iter().position(|r| r.id == id)?;
        self.rows[i].follow_up = Some(status);
        Some(self.chunk_of(i))
    }

    fn chunk_of(&self, row: usize) -> usize {
        let mut start = 0;
        for (c, (_, len)) in self.chunks.iter().enumerate() {
            if row < start + len {
                return c;
            }
            start += len;
        }
        self.chunks.len().saturating_sub(1)
    }

    /// The storage key of the chunk at position `c` (keys sort in chunk order).
    pub fn key(&self, c: usize) -> String {
        format!("chunk:{:05}", self.chunks[c].0)
    }

    /// The rows of the chunk at position `c`.
    pub fn chunk(&self, c: usize) -> &[ResponseRow] {
        let start: usize = self.chunks[..c].iter().map(|(_, len)| len).sum();
        &self.rows[start..start + self.chunks[c].1]
    }

    /// The chunk at position `c` as stored: its rows' JSON text.
    pub fn encode(&self, c: usize) -> String {
        serde_json::to_string(self.chunk(c)).expect("rows always serialise")
    }

    /// Rebuilds the rows from stored `(key, text)` pairs; a chunk that does
    /// not parse (or whose key is not `chunk:<n>`) is returned as an error
    /// `(key, reason)` for the caller to set aside; the others still load.
    pub fn decode(stored: Vec<(String, String)>) -> (RowChunks, Vec<(String, String)>) {
        let mut numbered: Vec<(usize, String, String)> = Vec::new();
        let mut errors = Vec::new();
        for (key, text) in stored {
            match key.strip_prefix("chunk:").and_then(|n| n.parse().ok()) {
                Some(n) => numbered.push((n, key, text)),
                None => errors.push((key.clone(), format!("list rows {key}: not a chunk key"))),
            }
        }
        numbered.sort_by_key(|(n, _, _)| *n);
        let mut out = RowChunks::default();
        for (n, key, text) in numbered {
            match serde_json::from_str::<Vec<ResponseRow>>(&text) {
                Ok(rows) => {
                    out.chunks.push((n, rows.len()));
                    out.rows.extend(rows);
                }
                Err(e) => errors.push((key.clone(), format!("list rows {key}: {e}"))),
            }
        }
        (out, errors)
    }
}

#[cfg(test)]
#[path = "listing_tests.rs"]
mod tests;
