//! Merging export files from many devices into one set of records: the same
//! response id twice is a duplicate (dropped and counted); the same id with
//! different content is a conflict, resolved to the newest completion and
//! reported with both versions. Files of another survey or version are
//! refused whole, naming the file — nothing is half-merged.

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use crate::export::Export;
use crate::response::{Response, SurveyRef};

/// The merged records and what happened on the way.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Merged {
    /// The survey every merged file answers.
    pub survey: SurveyRef,
    pub files: usize,
    /// Records in the files, before de-duplication.
    pub records_read: usize,
    /// Exact duplicates dropped.
    pub duplicates: usize,
    /// Same id, different content: the kept and the dropped version.
    pub conflicts: Vec<Conflict>,
    /// The merged records, in first-seen order.
    pub records: Vec<Response>,
}

/// Two different records with one response id.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub id: Uuid,
    /// The file (by name given to `merge`) each version came from.
    pub kept_from: String,
    pub dropped_from: String,
    pub kept: Response,
    pub dropped: Response,
}

/// Why files could not be merged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    #[error("nothing to merge: no export files")]
    Empty,
    #[error("{file}: answers survey {found_id:?} version {found_version:?}, but {first_file} answers {expected_id:?} version {expected_version:?}; merge one survey version at a time")]
    MixedSurveys {
        file: String,
        first_file: String,
        found_id: String,
        found_version: String,
        expected_id: String,
        expected_version: String,
    },
}

/// Merges named exports (`(file name, export)`), in order.
// Named errors carry the ids and versions they report; they happen once
// per merge, so their size costs nothing worth boxing for.
#[allow(clippy::result_large_err)]
pub fn merge(exports: &[(String, Export)]) -> Result<Merged, MergeError> {
    let Some((first_file, first)) = exports.first() else {
        return Err(MergeError::Empty);
    };
    let survey = first.survey.identity.clone();
    for (file, export) in exports {
        let s = &export.survey.identity;
        if s.id != survey.id || s.version != survey.version {
            return Err(MergeError::MixedSurveys {
                file: file.clone(),
                first_file: first_file.clone(),
                found_id: s.id.clone(),
                found_version: s.version.clone(),
                expected_id: survey.id.clone(),
                expected_version: survey.version.clone(),
            });
        }
    }
    let mut merged = Merged {
        survey,
        files: exports.len(),
        records_read: 0,
        duplicates: 0,
        conflicts: Vec::new(),
        records: Vec::new(),
    };
    let mut seen: HashMap<Uuid, (usize, &str)> = HashMap::new();
    for (file, export) in exports {
        for record in &export.responses {
            merged.records_read += 1;
            match seen.get(&record.id).copied() {
                None => {
                    seen.insert(record.id, (merged.records.len(), file));
                    merged.records.push(record.clone());
                }
                Some((at, _)) if merged.records[at] == *record => merged.duplicates += 1,
                Some((at, from)) => {
                    let old = &merged.records[at];
                    let newer = is_newer(record, old);
                    let (kept, dropped, kept_from, dropped_from) = if newer {
                        (record.clone(), old.clone(), file.clone(), from.to_owned())
                    } else {
                        (old.clone(), record.clone(), from.to_owned(), file.clone())
                    };
                    if newer {
                        merged.records[at] = record.clone();
                        seen.insert(record.id, (at, file));
                    }
                    merged.conflicts.push(Conflict { id: record.id, kept_from, dropped_from, kept, dropped });
                }
            }
        }
    }
    Ok(merged)
}

/// `a` is newer than `b` when it was completed (or started) later; RFC 3339
/// strings are compared as instants, with the offset applied.
fn is_newer(a: &Response, b: &Response) -> bool {
    let when = |r: &Response| {
        r.completed_at.as_deref().or(Some(r.started_at.as_str())).and_then(crate::aggregate::period::instant)
    };
    match (when(a), when(b)) {
        (Some(x), Some(y)) => x > y,
        (Some(_), None) => true,
        _ => false,
    }
}
