//! Signatures (`signaturepad` answers) as files in an export ZIP.
//!
//! On the device a signature answer keeps SurveyJS's shape: the drawing as
//! a `data:image/png;base64,…` URL (`image/jpeg` and `image/svg+xml` are
//! accepted too). In an export ZIP (`crate::bundle`) it is a file like a
//! photo — `media/<response id>/<question>.<png|jpg|svg>`, the decoded
//! bytes — and the answer in `export.json` is that name, a plain string.
//! Reading the ZIP puts the data URL back, so merging and scoring see
//! SurveyJS's shape whichever file they were given.
//!
//! A reference is recognised without the survey definition: it is exactly
//! the name its own response and question would have, so an ordinary text
//! answer is never mistaken for one unless it spells that very path.

use serde_json::Value;

use crate::base64::{self, Base64Error};
use crate::export::Export;
use crate::media::{segment, MEDIA_PREFIX};
use crate::survey::{QuestionKind, Survey};

/// The image types a signature may have: MIME type and file extension.
const KINDS: [(&str, &str); 3] = [("image/png", "png"), ("image/jpeg", "jpg"), ("image/svg+xml", "svg")];

/// A file to write into the ZIP: media name and bytes.
pub type NamedFile = (String, Vec<u8>);

/// Why a signature cannot be written as a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// A `data:image/…;base64,` answer whose payload does not decode.
    #[error("response {response}, question {question:?}: the signature's data URL is not valid base64: {source}")]
    Base64 { response: String, question: String, source: Base64Error },
}

/// The MIME type, extension and base64 payload of a signature data URL
/// (`data:image/png;base64,…` and the JPEG and SVG ones); `None` for
/// anything else.
pub fn data_url(text: &str) -> Option<(&'static str, &'static str, &str)> {
    let rest = text.strip_prefix("data:")?;
    KINDS.iter().find_map(|&(mime, ext)| {
        let payload = rest.strip_prefix(mime)?.strip_prefix(";base64,")?;
        Some((mime, ext, payload))
    })
}

/// The file name of the signature of `question` in `response`.
pub fn file_name(response: &str, question: &str, extension: &str) -> String {
    format!("{MEDIA_PREFIX}{}/{}.{extension}", segment(response), segment(question))
}

/// The file name and MIME type when `value` is the signature reference of
/// `question` in `response` (exactly [`file_name`] with a signature
/// extension).
pub fn reference<'v>(response: &str, question: &str, value: &'v Value) -> Option<(&'v str, &'static str)> {
    let name = value.as_str()?;
    let (mime, ext) = KINDS.iter().find(|(_, ext)| name.strip_suffix(ext).is_some_and(|s| s.ends_with('.')))?;
    (name == file_name(response, question, ext)).then_some((name, *mime))
}

/// Every signature reference in the answers of `export`.
pub fn references(export: &Export) -> Vec<String> {
    let mut out = Vec::new();
    for r in &export.responses {
        let id = r.id.to_string();
        for (question, value) in &r.answers {
            if let Some((name, _)) = reference(&id, question, value) {
                out.push(name.to_owned());
            }
        }
    }
    out
}

/// The export to write into a ZIP and the signature files to write beside
/// it: every `signaturepad` answer of `survey` that is a signature data
/// URL becomes its [`file_name`], the decoded bytes its file. Other
/// answers (none, already a name, another kind of URL) are left as they are.
pub fn detach(survey: &Survey, export: &Export) -> Result<(Export, Vec<NamedFile>), SignatureError> {
    let pads: Vec<&str> = survey
        .questions()
        .into_iter()
        .filter(|q| matches!(q.kind, QuestionKind::SignaturePad { .. }))
        .map(|q| q.name.as_str())
        .collect();
    let mut out = export.clone();
    let mut files = Vec::new();
    for r in &mut out.responses {
        let id = r.id.to_string();
        for &question in &pads {
            let Some(value) = r.answers.get_mut(question) else { continue };
            let Some((_, ext, payload)) = value.as_str().and_then(data_url) else { continue };
            let bytes = base64::decode(payload).map_err(|source| SignatureError::Base64 {
                response: id.clone(),
                question: question.to_owned(),
                source,
            })?;
            let name = file_name(&id, question, ext);
            *value = Value::String(name.clone());
            files.push((name, bytes));
        }
    }
    Ok((out, files))
}

/// Puts signatures back into `export`: each reference whose file `find`
/// returns becomes the data URL again. References without a file are left
/// as they are (the reader reports them missing, as for photos).
pub fn attach<'f>(export: &mut Export, find: impl Fn(&str) -> Option<&'f [u8]>) {
    for r in &mut export.responses {
        let id = r.id.to_string();
        for (question, value) in r.answers.iter_mut() {
            let Some((name, mime)) = reference(&id, question, value) else { continue };
            if let Some(bytes) = find(name) {
                *value = Value::String(format!("data:{mime};base64,{}", base64::encode(bytes)));
            }
        }
    }
}

#[cfg(test)]
#[path = "signature_tests.rs"]
mod tests;
