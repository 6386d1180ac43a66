//! `canvass validate SURVEY.json`: load errors and warnings, exit 1 on errors.

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
                "{path}: ok — survey {:?} version {:?}, {} questions, {} indicators, {} warnings",
                s.id,
                s.version,
                s.questions().len(),
                s.scoring.indicators.len(),
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
