//! Merging export files from many devices into one set of records: the same
//! response id twice is a duplicate (dropped and counted); the same id with
//! different content is a conflict, resolved to the newest completion by
//! default and reported with both versions so that a person can choose.
//!
//! Two entry points:
//! - [`merge`]: exports already read, all of one survey version — a file of
//!   another survey or version fails the whole merge (the command line).
//! - [`merge_files`]: raw files as the office receives them. Each file is
//!   read whole or not at all: a malformed one is rejected with the reason
//!   naming the place, a file of another survey (or of a version whose
//!   scored items differ) is reported and left out, and the rest merge.
//!   Nothing is half-imported.

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use crate::export::Export;
use crate::response::{Response, SurveyRef};
use crate::survey::LocalizedText;
use crate::LoadedSurvey;

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
    /// Paradata and follow-up cases carried by the merged files, by
    /// response id, so a merged export keeps them (`Export::with_field_data`).
    /// A response in several files keeps the entry of the last file that
    /// has one: a follow-up case is worked on after the response was first
    /// exported, so the later export holds its later state.
    #[serde(skip)]
    pub paradata: std::collections::BTreeMap<Uuid, crate::paradata::Paradata>,
    #[serde(skip)]
    pub follow_ups: std::collections::BTreeMap<Uuid, crate::followup::FollowUpCase>,
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
    /// Where the kept version sits in [`Merged::records`].
    #[serde(skip)]
    pub at: usize,
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
    #[error("conflict {index} does not exist ({count} conflicts)")]
    NoSuchConflict { index: usize, count: usize },
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
    let mut merged = Merged::empty(survey);
    let mut seen = Seen::default();
    for (file, export) in exports {
        merged.files += 1;
        merged.paradata.extend(export.paradata.iter().map(|(k, v)| (*k, v.clone())));
        merged.follow_ups.extend(export.follow_ups.iter().map(|(k, v)| (*k, v.clone())));
        merged.add(file, export.responses.iter().cloned(), &mut seen);
    }
    Ok(merged)
}

impl Merged {
    fn empty(survey: SurveyRef) -> Merged {
        Merged {
            survey,
            files: 0,
            records_read: 0,
            duplicates: 0,
            conflicts: Vec::new(),
            records: Vec::new(),
            paradata: Default::default(),
            follow_ups: Default::default(),
        }
    }

    /// Adds one file's records; `seen` maps an id to its slot and the
    /// index of its file in `names` (no string per record: a merge reads
    /// 100,000 of them).
    fn add(&mut self, file: &str, records: impl Iterator<Item = Response>, seen: &mut Seen) {
        let this = seen.names.len();
        seen.names.push(file.to_owned());
        for record in records {
            self.records_read += 1;
            match seen.slots.get(&record.id) {
                None => {
                    seen.slots.insert(record.id, (self.records.len(), this));
                    self.records.push(record);
                }
                Some((at, _)) if self.records[*at] == record => self.duplicates += 1,
                Some(&(at, from)) => {
                    let from = seen.names[from].clone();
                    let id = record.id;
                    let conflict = if is_newer(&record, &self.records[at]) {
                        let old = std::mem::replace(&mut self.records[at], record.clone());
                        seen.slots.insert(id, (at, this));
                        Conflict { id, kept_from: file.to_owned(), dropped_from: from, kept: record, dropped: old, at }
                    } else {
                        let kept = self.records[at].clone();
                        Conflict { id, kept_from: from, dropped_from: file.to_owned(), kept, dropped: record, at }
                    };
                    self.conflicts.push(conflict);
                }
            }
        }
    }

    /// Keeps the other version of conflict `index` instead (the person
    /// chose it): the dropped version goes into the records and the two
    /// swap places in the conflict. Choosing twice restores the default.
    #[allow(clippy::result_large_err)] // as `merge`: rare, named errors
    pub fn choose_other(&mut self, index: usize) -> Result<(), MergeError> {
        let count = self.conflicts.len();
        let c = self.conflicts.get_mut(index).ok_or(MergeError::NoSuchConflict { index, count })?;
        std::mem::swap(&mut c.kept, &mut c.dropped);
        std::mem::swap(&mut c.kept_from, &mut c.dropped_from);
        self.records[c.at] = c.kept.clone();
        Ok(())
    }
}

/// Where each response id was first kept, and the files' names.
#[derive(Default)]
struct Seen {
    slots: HashMap<Uuid, (usize, usize)>,
    names: Vec<String>,
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

/// What happened to one file given to [`merge_files`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status")]
pub enum FileOutcome {
    /// Read and merged: `responses` records (before de-duplication).
    Merged { file: String, survey: SurveyRef, responses: usize },
    /// Merged although it answers another version of the survey, because
    /// that version's scored items and analysis are the same
    /// ([`same_scoring`]); its records are re-labelled with the merged version.
    Combined { file: String, survey: SurveyRef, responses: usize },
    /// A readable export of another survey, or of a version whose scoring
    /// differs or is unknown: reported, not mixed in.
    OtherSurvey { file: String, survey: SurveyRef, title: LocalizedText, responses: usize, reason: String },
    /// Not a readable export: the reason names the place.
    Rejected { file: String, reason: String },
}

impl FileOutcome {
    /// The file's name as given.
    pub fn file(&self) -> &str {
        match self {
            FileOutcome::Merged { file, .. }
            | FileOutcome::Combined { file, .. }
            | FileOutcome::OtherSurvey { file, .. }
            | FileOutcome::Rejected { file, .. } => file,
        }
    }
}

/// The result of [`merge_files`]: the merge (absent when no file was
/// readable) and one outcome per file, in the order given.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MergeOutcome {
    pub merged: Option<Merged>,
    pub files: Vec<FileOutcome>,
    /// The media of each readable file that is an export ZIP or references
    /// photos it does not hold, in the order given.
    pub media: Vec<FileMedia>,
}

/// The photos an export file holds (a ZIP) and those its responses
/// reference but it lacks (a plain JSON export of a survey with photos).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileMedia {
    pub file: String,
    pub zipped: bool,
    /// Media name and size in bytes.
    pub files: Vec<(String, u64)>,
    pub missing: Vec<String>,
}

impl MergeOutcome {
    /// Files rejected as unreadable.
    pub fn rejected(&self) -> usize {
        self.files.iter().filter(|f| matches!(f, FileOutcome::Rejected { .. })).count()
    }

    /// Readable files left out because they answer another survey or an
    /// incompatible version.
    pub fn other_survey(&self) -> usize {
        self.files.iter().filter(|f| matches!(f, FileOutcome::OtherSurvey { .. })).count()
    }
}

/// Reads and merges raw export files (`(file name, UTF-8 text or bytes)`).
///
/// The merged survey is `target` when given, else the survey of the first
/// readable file. A file of the same survey id but another version or
/// definition hash is combined only when `compatible` says its definition
/// scores the same (look both definitions up and ask [`same_scoring`]);
/// otherwise it is reported as [`FileOutcome::OtherSurvey`].
pub fn merge_files<T: AsRef<[u8]>>(
    files: Vec<(String, T)>,
    target: Option<&SurveyRef>,
    compatible: &dyn Fn(&SurveyRef, &SurveyRef) -> bool,
) -> MergeOutcome {
    let mut read: Vec<(String, Result<Export, String>)> = Vec::with_capacity(files.len());
    let mut media = Vec::new();
    for (name, text) in files {
        // A plain export JSON or an export ZIP with its photos (crate::bundle).
        let export = match crate::bundle::read_export_file(text.as_ref()) {
            Ok(file) => {
                if file.zipped || !file.missing.is_empty() {
                    media.push(FileMedia {
                        file: name.clone(),
                        zipped: file.zipped,
                        files: file.media.iter().map(|m| (m.name.clone(), m.data.len() as u64)).collect(),
                        missing: file.missing,
                    });
                }
                Ok(file.export)
            }
            Err(e) => Err(e.to_string()),
        };
        drop(text);
        read.push((name, export));
    }
    let target = target.cloned().or_else(|| {
        read.iter().find_map(|(_, e)| e.as_ref().ok().map(|e| e.survey.identity.clone()))
    });
    let mut outcome = MergeOutcome { merged: None, files: Vec::with_capacity(read.len()), media };
    let Some(target) = target else {
        outcome.files = read
            .into_iter()
            .map(|(file, e)| FileOutcome::Rejected { file, reason: e.err().unwrap_or_default() })
            .collect();
        return outcome;
    };
    let mut merged = Merged::empty(target.clone());
    let mut seen = Seen::default();
    for (file, export) in read {
        let export = match export {
            Ok(e) => e,
            Err(reason) => {
                outcome.files.push(FileOutcome::Rejected { file, reason });
                continue;
            }
        };
        let survey = export.survey.identity.clone();
        let responses = export.responses.len();
        let same = survey == target;
        let combinable = !same && survey.id == target.id && compatible(&survey, &target);
        if !same && !combinable {
            let reason = if survey.id != target.id {
                format!("{file}: answers survey {:?}, not {:?}; merge one survey at a time", survey.id, target.id)
            } else {
                format!(
                    "{file}: answers version {:?} (hash {}) of {:?}, whose scored items are not known to match version {:?} (hash {}); load both definitions to combine them, or merge it separately",
                    survey.version, short(&survey.hash), survey.id, target.version, short(&target.hash)
                )
            };
            outcome.files.push(FileOutcome::OtherSurvey { file, survey, title: export.survey.title, responses, reason });
            continue;
        }
        merged.files += 1;
        merged.paradata.extend(export.paradata);
        merged.follow_ups.extend(export.follow_ups);
        let relabel = target.clone();
        let records = export.responses.into_iter().map(|mut r| {
            if combinable {
                r.survey = relabel.clone();
            }
            r
        });
        merged.add(&file, records, &mut seen);
        outcome.files.push(if same {
            FileOutcome::Merged { file, survey, responses }
        } else {
            FileOutcome::Combined { file, survey, responses }
        });
    }
    if merged.files > 0 {
        outcome.merged = Some(merged);
    }
    outcome
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// Whether two loaded definitions score identically: the same scored items
/// (ids, kinds, choice numbers, ranges, reverse keys, boxes), the same
/// indicator tree and weights, the same grades and the same analysis
/// (satisfaction rule, NPS, targets, gaps, Kano, themes). Wording, order of
/// unscored questions and logic may differ — responses of two such versions
/// can be aggregated together.
pub fn same_scoring(a: &LoadedSurvey, b: &LoadedSurvey) -> bool {
    let (x, y) = (&a.scoring, &b.scoring);
    a.survey.id == b.survey.id
        && x.items() == y.items()
        && x.indicators() == y.indicators()
        && x.top_level() == y.top_level()
        && x.grading() == y.grading()
        && x.overall_question() == y.overall_question()
        && a.analysis == b.analysis
}
