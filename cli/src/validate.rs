//! `canvass validate SURVEY.json`: load errors and warnings, exit 1 on errors.
//! Loading compiles every expression (visibleIf, validators, calculated
//! values, piped texts, follow-up conditions), so expression errors, unknown
//! `{names}` and cycles are reported here with their places.

use std::process::ExitCode;

use crate::{read_file, EXIT_INVALID, EXIT_USAGE};

pub fn run(args: &[String]) -> ExitCode {
    let [path] = args else {
        eprintln!("usage: canvass validate SURVEY.json");
        return ExitCode::from(EXIT_USAGE);
    };
    let text = match read_file(path) {
        Ok(text) => text,
        Err(code) => return code,
    };
    match canvass_core::load(&text) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                eprintln!("{path}: warning: {w}");
            }
            let s = &loaded.survey;
            println!(
                "{path}: ok — survey {:?} version {:?}, {} questions, {} indicators, {} expressions, {} warnings",
                s.id,
                s.version,
                s.questions().len(),
                s.scoring.indicators.len(),
                loaded.logic.expression_count(),
                loaded.warnings.len()
            );
            ExitCode::SUCCESS
        }
        Err(failure) => {
            for w in &failure.warnings {
                eprintln!("{path}: warning: {w}");
            }
            for e in &failure.errors {
                eprintln!("{path}: error: {e}");
            }
            eprintln!("{path}: {} errors", failure.errors.len());
            ExitCode::from(EXIT_INVALID)
        }
    }
}
