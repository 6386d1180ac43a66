//! Errors and warnings of `survey::parse`. Every message names the place in
//! the JSON (`pages[1].elements[3] "q7": …`).

/// A reason the survey cannot be loaded. (Placeholder: the loader fills it in.)
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// Something Canvass ignores or doubts but that does not stop loading.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseWarning {
    #[error("{path}: property {property:?} is ignored by Canvass")]
    Ignored { path: String, property: String },
}
