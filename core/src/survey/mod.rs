//! Survey definitions: the model and the strict loader from SurveyJS JSON.

mod error;
mod model;
mod parse;

pub use error::{ParseError, ParseWarning};
pub use model::*;
pub use parse::parse;
