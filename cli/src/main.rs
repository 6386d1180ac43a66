//! `canvass`: the native command line over canvass-core.
use std::process::ExitCode;

mod eval;

const USAGE: &str = "canvass — validate surveys and score exports offline

usage:
  canvass validate SURVEY.json
  canvass eval EXPR [--values JSON] [--today YYYY-MM-DD]
  canvass help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("eval") => eval::run(&args[1..]),
        Some(other) => {
            eprintln!("canvass: unknown command {other:?}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
