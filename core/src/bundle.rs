//! An export with its photos: a store-only ZIP holding `export.json` (the
//! export document, docs/EXPORT.md) and every media file its responses
//! reference, each at its media name (`media/<response>/<question>-<n>.jpg`),
//! and every signature as a file (`media/<response>/<question>.png`,
//! `crate::signature`), put back as its data URL when the ZIP is read.
//! Readers (the office page, `canvass score`) take either a plain export
//! JSON or such a ZIP; `read_export_file` decides by the first bytes.

use std::collections::BTreeSet;

use crate::export::{Export, ExportError};
use crate::media::{is_media_name, FileEntry, MEDIA_PREFIX};
use crate::signature::{self, SignatureError};
use crate::survey::Survey;
use crate::zip::{self, ZipError, ZipWriter};

/// The name of the export document inside the ZIP.
pub const EXPORT_ENTRY: &str = "export.json";

/// Why an export file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    #[error(transparent)]
    Zip(#[from] ZipError),
    #[error("ZIP has no {EXPORT_ENTRY} entry (entries: {entries})")]
    NoExport { entries: String },
    #[error("ZIP entry {entry:?}: not a media file (an export ZIP holds {EXPORT_ENTRY} and media/… only)")]
    Stray { entry: String },
    /// A plain export JSON that does not read.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The export document inside a ZIP does not read.
    #[error("{EXPORT_ENTRY} in the ZIP: {0}")]
    InZip(ExportError),
    /// A signature that cannot be written as a file.
    #[error(transparent)]
    Signature(#[from] SignatureError),
}

/// A media file found in an export ZIP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile<'a> {
    pub name: String,
    pub data: &'a [u8],
}

/// An export file read back: the export and, for a ZIP, its media files
/// and the references no file answers.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile<'a> {
    pub export: Export,
    pub media: Vec<MediaFile<'a>>,
    /// Media names the responses reference that the file does not hold
    /// (always all of them for a plain JSON export).
    pub missing: Vec<String>,
    pub zipped: bool,
}

/// Every media name the responses of `export` reference (any answer shaped
/// as a file answer whose content is a media name, and signature
/// references, `crate::signature::reference`), sorted.
pub fn referenced(export: &Export) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = signature::references(export).into_iter().collect();
    for r in &export.responses {
        for value in r.answers.values() {
            if let Ok(list) = serde_json::from_value::<Vec<FileEntry>>(value.clone()) {
                out.extend(list.into_iter().map(|e| e.content).filter(|c| is_media_name(c)));
            }
        }
    }
    out
}

/// The export ZIP of `export`, a survey of `survey`, with its photos
/// `media` (name, bytes): signatures become files
/// (`crate::signature::detach`), then [`write`]. A signature that is not
/// valid base64 is an error naming its response and question.
pub fn write_export(survey: &Survey, export: &Export, media: &[(String, Vec<u8>)]) -> Result<Vec<u8>, BundleError> {
    let (export, signatures) = signature::detach(survey, export)?;
    let mut all = media.to_vec();
    all.extend(signatures);
    Ok(write(&export, &export.to_json(), &all)?)
}

/// The ZIP of `export` (its JSON text `json`) with `media` (name, bytes);
/// entries are dated `export.exported_at`. Answers are written as given
/// ([`write_export`] moves signatures out first).
pub fn write(export: &Export, json: &str, media: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ZipError> {
    let mut w = ZipWriter::new(zip::dos_time(&export.exported_at));
    w.add(EXPORT_ENTRY, json.as_bytes())?;
    for (name, bytes) in media {
        w.add(name, bytes)?;
    }
    w.finish()
}

/// Reads a plain export JSON or an export ZIP.
pub fn read_export_file(bytes: &[u8]) -> Result<ExportFile<'_>, BundleError> {
    if !zip::is_zip(bytes) {
        let export = Export::from_slice(bytes)?;
        let missing = referenced(&export).into_iter().collect();
        return Ok(ExportFile { export, media: Vec::new(), missing, zipped: false });
    }
    let entries = zip::read(bytes)?;
    let mut json = None;
    let mut media = Vec::new();
    for e in &entries {
        if e.name == EXPORT_ENTRY {
            json = Some(e.data);
        } else if e.name.starts_with(MEDIA_PREFIX) && is_media_name(&e.name) {
            media.push(MediaFile { name: e.name.clone(), data: e.data });
        } else {
            return Err(BundleError::Stray { entry: e.name.clone() });
        }
    }
    let Some(json) = json else {
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).take(5).collect();
        return Err(BundleError::NoExport { entries: names.join(", ") });
    };
    let mut export = Export::from_slice(json).map_err(BundleError::InZip)?;
    let held: BTreeSet<&str> = media.iter().map(|m| m.name.as_str()).collect();
    let missing = referenced(&export).into_iter().filter(|n| !held.contains(n.as_str())).collect();
    // Signatures back to SurveyJS's data URLs, for merging and scoring.
    signature::attach(&mut export, |name| media.iter().find(|m| m.name == name).map(|m| m.data));
    Ok(ExportFile { export, media, missing, zipped: true })
}

#[cfg(test)]
#[path = "bundle_tests.rs"]
mod tests;
