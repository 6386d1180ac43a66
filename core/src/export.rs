//! The export file: every completed response of one survey as one JSON
//! document (docs/EXPORT.md). `core` writes it and reads it back, so the
//! office can merge files from many devices.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::followup::FollowUpCase;
use crate::paradata::Paradata;
use crate::response::{Response, SurveyRef};
use crate::survey::LocalizedText;

/// The `format` value every Canvass export carries.
pub const FORMAT_NAME: &str = "canvass-export";
/// The current export format version; readers accept this one and older.
pub const FORMAT_VERSION: u32 = 1;

/// One export document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Export {
    pub format: String,
    pub format_version: u32,
    /// RFC 3339 with offset.
    pub exported_at: String,
    pub survey: ExportedSurvey,
    pub responses: Vec<Response>,
    /// How each response was filled (time per question, answer changes,
    /// pauses), by response id. Optional: files without it still load.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub paradata: BTreeMap<Uuid, Paradata>,
    /// The follow-up case (闭环) of each flagged response, by response id.
    /// Optional: files without it still load.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub follow_ups: BTreeMap<Uuid, FollowUpCase>,
}

/// The identity of the survey the responses answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedSurvey {
    #[serde(flatten)]
    pub identity: SurveyRef,
    pub title: LocalizedText,
}

/// Why an export file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Not JSON, or JSON of the wrong shape; serde's message names the line,
    /// column and field.
    #[error("not a Canvass export: {0}")]
    Malformed(#[from] serde_json::Error),
    #[error("not a Canvass export: format is {found:?}, expected {FORMAT_NAME:?}")]
    WrongFormat { found: String },
    #[error("export format version {found} is newer than this Canvass reads ({FORMAT_VERSION})")]
    TooNew { found: u32 },
    #[error("{place}: response {id} is not in the file's responses")]
    Orphan { place: &'static str, id: String },
    #[error("responses[{index}] (id {id}): it answers survey {found_id:?} version {found_version:?}, but the file is for {expected_id:?} version {expected_version:?}")]
    ForeignResponse {
        index: usize,
        id: String,
        found_id: String,
        found_version: String,
        expected_id: String,
        expected_version: String,
    },
}

impl Export {
    /// An export of `responses` for `survey`: completed responses, and visit
    /// records (refused, nobody home, …) that carry no questionnaire but
    /// count for the response rate. Drafts without a visit stay on the device.
    pub fn new(survey: ExportedSurvey, responses: Vec<Response>, exported_at: String) -> Export {
        Export {
            format: FORMAT_NAME.to_owned(),
            format_version: FORMAT_VERSION,
            exported_at,
            survey,
            responses: responses.into_iter().filter(|r| r.is_completed() || r.visit.is_some()).collect(),
            paradata: BTreeMap::new(),
            follow_ups: BTreeMap::new(),
        }
    }

    /// Adds the paradata and follow-up cases of the exported responses;
    /// entries for responses not in the file (drafts, other surveys) are
    /// left out, so a file never carries data about records it lacks.
    pub fn with_field_data(
        mut self,
        paradata: impl IntoIterator<Item = (Uuid, Paradata)>,
        follow_ups: impl IntoIterator<Item = (Uuid, FollowUpCase)>,
    ) -> Export {
        let ids: std::collections::BTreeSet<Uuid> = self.responses.iter().map(|r| r.id).collect();
        self.paradata = paradata.into_iter().filter(|(id, _)| ids.contains(id)).collect();
        self.follow_ups = follow_ups.into_iter().filter(|(id, _)| ids.contains(id)).collect();
        self
    }

    /// Pretty JSON, UTF-8, as downloaded.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an export always serialises")
    }

    /// Reads an export file, checking its format, version and that every
    /// response belongs to the file's survey.
    // Named errors carry the ids and versions they report; they happen once
    // per file read, so their size costs nothing worth boxing for.
    #[allow(clippy::result_large_err)]
    pub fn from_json(text: &str) -> Result<Export, ExportError> {
        Export::from_slice(text.as_bytes())
    }

    /// [`from_json`](Self::from_json) over UTF-8 bytes: the office reads
    /// files as bytes, skipping a UTF-16 round trip through a JS string.
    #[allow(clippy::result_large_err)]
    pub fn from_slice(bytes: &[u8]) -> Result<Export, ExportError> {
        let export: Export = serde_json::from_slice(bytes)?;
        if export.format != FORMAT_NAME {
            return Err(ExportError::WrongFormat { found: export.format });
        }
        if export.format_version > FORMAT_VERSION {
            return Err(ExportError::TooNew { found: export.format_version });
        }
        for (index, r) in export.responses.iter().enumerate() {
            let s = &export.survey.identity;
            if r.survey.id != s.id || r.survey.version != s.version {
                return Err(ExportError::ForeignResponse {
                    index,
                    id: r.id.to_string(),
                    found_id: r.survey.id.clone(),
                    found_version: r.survey.version.clone(),
                    expected_id: s.id.clone(),
                    expected_version: s.version.clone(),
                });
            }
        }
        let ids: std::collections::BTreeSet<Uuid> = export.responses.iter().map(|r| r.id).collect();
        let orphan = |place: &'static str, mut keys: Box<dyn Iterator<Item = &Uuid> + '_>| {
            keys.find(|id| !ids.contains(id))
                .map(|id| ExportError::Orphan { place, id: id.to_string() })
        };
        if let Some(e) = orphan("paradata", Box::new(export.paradata.keys()))
            .or_else(|| orphan("followUps", Box::new(export.follow_ups.keys())))
        {
            return Err(e);
        }
        Ok(export)
    }
}
