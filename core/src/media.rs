//! Photos and files attached to a response (`file` questions).
//!
//! The answer keeps SurveyJS's shape, `[{name, type, content}]`, with one
//! change: `content` is never the file itself (SurveyJS's base64 `data:`
//! URL) but the name of a media file stored beside the response —
//! `media/<response id>/<question>-<n>.<ext>` — in the device's IndexedDB
//! and, in an export with photos, at that path inside the ZIP
//! (`crate::bundle`). A response's JSON therefore stays small whatever it
//! holds, and one photo is stored once, as bytes. `size` (bytes) is added
//! so that the per-response cap can be checked without reading the files.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::response::Answers;
use crate::survey::{QuestionKind, Survey};

/// The folder of media names inside an export ZIP and in storage keys.
pub const MEDIA_PREFIX: &str = "media/";

/// One attached file in a `file` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// The file's name as chosen on the device (for people; not a key).
    pub name: String,
    /// MIME type of the stored file (`image/jpeg` after resizing).
    #[serde(rename = "type")]
    pub mime: String,
    /// The stored file's media name (`media/<response>/<question>-<n>.jpg`).
    pub content: String,
    /// Bytes of the stored file.
    #[serde(default)]
    pub size: u64,
}

/// Why a file cannot be attached, or an answer is not a file answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MediaError {
    /// One file is larger than the question's `maxSize`.
    #[error("question {question:?}: {file:?} is {size} bytes after resizing; the limit is {max} bytes")]
    TooLarge { question: String, file: String, size: u64, max: u64 },
    /// The response would hold more media than the survey's `mediaLimit`.
    #[error("the photos of this response would take {total} bytes; the limit is {limit} bytes")]
    OverLimit { total: u64, limit: u64 },
    /// A `file` answer that is not `[{name, type, content}]`.
    #[error("question {question:?}: a file answer must be a list of {{name, type, content}}: {reason}")]
    BadAnswer { question: String, reason: String },
    /// `content` that is not a media name (e.g. base64, which Canvass never stores).
    #[error("question {question:?}: file content must name a media file (media/…), found {found}")]
    NotAReference { question: String, found: String },
}

/// The entries of one `file` answer (`None` and `null` are none).
pub fn entries(question: &str, answer: Option<&Value>) -> Result<Vec<FileEntry>, MediaError> {
    let Some(value) = answer.filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let list: Vec<FileEntry> = serde_json::from_value(value.clone()).map_err(|e| MediaError::BadAnswer {
        question: question.to_owned(),
        reason: e.to_string(),
    })?;
    for entry in &list {
        if !is_media_name(&entry.content) {
            let shown: String = entry.content.chars().take(40).collect();
            return Err(MediaError::NotAReference { question: question.to_owned(), found: format!("{shown:?}") });
        }
    }
    Ok(list)
}

/// True for a safe media name: under `media/`, relative, no `..`.
pub fn is_media_name(content: &str) -> bool {
    content.starts_with(MEDIA_PREFIX)
        && content.len() > MEDIA_PREFIX.len()
        && !content.contains('\\')
        && !content.split('/').any(|p| p.is_empty() || p == "..")
}

/// A question name made safe as one path segment: `/`, `\`, control and
/// other characters file systems refuse become `_` (letters of any script
/// stay).
pub(crate) fn segment(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    match s.trim_start_matches('.') {
        "" => "_".to_owned(),
        t => t.to_owned(),
    }
}

/// The media name of the `n`th file of `question` in `response`.
pub fn media_name(response: &str, question: &str, n: u32, extension: &str) -> String {
    format!("{MEDIA_PREFIX}{}/{}-{n}.{extension}", segment(response), segment(question))
}

/// The number for the next file of a question: one more than the highest
/// in use, so a removed file's name is never reused while its deletion
/// may still be in flight.
pub fn next_number(existing: &[FileEntry]) -> u32 {
    existing
        .iter()
        .filter_map(|e| {
            let stem = e.content.rsplit('/').next()?.rsplit_once('.')?.0;
            stem.rsplit_once('-')?.1.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0)
        + 1
}

/// Every media file the answers of `survey` reference, question by
/// question. Answers that are not file answers are skipped (they are the
/// validator's business), so an export never fails for one.
pub fn references(survey: &Survey, answers: &Answers) -> Vec<FileEntry> {
    survey
        .questions()
        .into_iter()
        .filter(|q| matches!(q.kind, QuestionKind::File { .. }))
        .flat_map(|q| entries(&q.name, answers.get(&q.name)).unwrap_or_default())
        .collect()
}

/// Bytes of media the answers hold.
pub fn total_bytes(survey: &Survey, answers: &Answers) -> u64 {
    references(survey, answers).iter().map(|e| e.size).sum()
}

/// Whether a file of `size` bytes may be added to `question` (whose
/// `maxSize` is `max_size`, 0 for none) when the response already holds
/// `used` bytes and may hold `limit`.
pub fn check_add(question: &str, file: &str, size: u64, max_size: u64, used: u64, limit: u64) -> Result<(), MediaError> {
    if max_size > 0 && size > max_size {
        return Err(MediaError::TooLarge { question: question.to_owned(), file: file.to_owned(), size, max: max_size });
    }
    let total = used.saturating_add(size);
    if total > limit {
        return Err(MediaError::OverLimit { total, limit });
    }
    Ok(())
}

/// The longest-side target of a photo of `width` × `height` resized so its
/// longest side is at most `max_side`, keeping the aspect ratio (never
/// enlarged; each side at least 1 px).
pub fn fit(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= max_side || long == 0 {
        return (width, height);
    }
    let scale = f64::from(max_side) / f64::from(long);
    let w = ((f64::from(width) * scale).round() as u32).clamp(1, max_side);
    let h = ((f64::from(height) * scale).round() as u32).clamp(1, max_side);
    (w, h)
}

#[cfg(test)]
#[path = "media_tests.rs"]
mod tests;
