//! Canvass core: survey model, strict loading, scoring and export formats,
//! with no browser dependency so that everything deciding a number is plain
//! Rust, tested natively.

pub mod aggregate;
pub mod analysis;
pub mod export;
pub mod load;
pub mod response;
pub mod scoring;
pub mod survey;
pub mod visit;

pub use load::{load, Diagnostic, LoadFailure, LoadedSurvey};
