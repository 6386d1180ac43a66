//! `canvass`: the native command line over canvass-core — survey authors and
//! office staff check definitions and score exports without a browser.
//!
//! Exit codes: 0 success; 1 invalid input (a survey with load errors, an
//! export that does not parse or does not match); 2 usage error; 3 a file
//! that cannot be read.

use std::process::ExitCode;

mod csv_out;
mod eval;
mod media;
mod score;
mod validate;

pub(crate) const EXIT_INVALID: u8 = 1;
pub(crate) const EXIT_USAGE: u8 = 2;
pub(crate) const EXIT_UNREADABLE: u8 = 3;

const USAGE: &str = "canvass — validate surveys and score exports offline

usage:
  canvass validate SURVEY.json   load errors and warnings; exit 1 on errors
  canvass score --survey SURVEY.json EXPORT.json [EXPORT2.json …]
                [--by FIELD] [--period month|quarter|year] [--format json|csv]
                                 merge exports, re-score, print the report
                                 (docs/REPORT.md) or a per-response CSV table
  canvass media EXPORT.zip [--extract DIR]
                                 list the photos of an export ZIP and the
                                 references without a file; write them under
                                 DIR with --extract
  canvass eval EXPR [--values JSON] [--today YYYY-MM-DD]
                                 evaluate a SurveyJS expression, print JSON
  canvass help                   this text

exit codes: 0 ok, 1 invalid input, 2 usage error, 3 unreadable file
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("validate") => validate::run(&args[1..]),
        Some("eval") => eval::run(&args[1..]),
        Some("score") => score::run(&args[1..]),
        Some("media") => media::run(&args[1..]),
        Some(other) => {
            eprintln!("canvass: unknown command {other:?}\n\n{USAGE}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Reads a file's bytes, or prints why not (naming the file) and gives the exit code.
pub(crate) fn read_bytes(path: &str) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        eprintln!("{path}: cannot read: {e}");
        ExitCode::from(EXIT_UNREADABLE)
    })
}

/// Reads a UTF-8 file, or prints why not (naming the file) and gives the exit code.
pub(crate) fn read_file(path: &str) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("{path}: cannot read: {e}");
        ExitCode::from(EXIT_UNREADABLE)
    })
}
