//! Tests of `survey::parse`, the strict loader: one module per concern.

#[path = "parse/docs.rs"]
mod docs;
#[path = "parse/errors.rs"]
mod errors;
#[path = "parse/hash.rs"]
mod hash;
#[path = "parse/model.rs"]
mod model;
#[path = "parse/properties.rs"]
mod properties;
#[path = "parse/rating.rs"]
mod rating;
#[path = "parse/warnings.rs"]
mod warnings;

use canvass_core::survey::{parse, ParseWarning, Survey};

/// Parses `json`, failing the test with every error when it does not load.
#[track_caller]
fn ok(json: &str) -> (Survey, Vec<ParseWarning>) {
    match parse(json) {
        Ok(parsed) => parsed,
        Err(errors) => {
            let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("expected the survey to load, got:\n{}", messages.join("\n"));
        }
    }
}

/// The error messages of a survey that must not load. Every message must
/// start with the place it names.
#[track_caller]
fn err(json: &str) -> Vec<String> {
    match parse(json) {
        Ok(_) => panic!("expected errors, but the survey loaded:\n{json}"),
        Err(errors) => {
            assert!(!errors.is_empty(), "an Err must hold at least one error");
            for e in &errors {
                let message = e.to_string();
                assert!(
                    message.starts_with(&format!("{}: ", e.path())),
                    "{message:?} does not start with {:?}",
                    e.path()
                );
            }
            errors.iter().map(ToString::to_string).collect()
        }
    }
}

/// A survey of one page holding `elements` (JSON text of the array items).
fn page(elements: &str) -> String {
    format!(r#"{{"pages": [{{"elements": [{elements}]}}]}}"#)
}

/// A survey of one page holding `elements`, with `scoring`.
fn scored(elements: &str, scoring: &str) -> String {
    format!(r#"{{"pages": [{{"elements": [{elements}]}}], "scoring": {scoring}}}"#)
}

#[path = "parse/file.rs"]
mod file;
