//! `canvass eval EXPR [--values JSON] [--today YYYY-MM-DD]`: compile and run
//! one expression, to try out a `visibleIf` or a follow-up condition.

use std::collections::BTreeMap;
use std::process::ExitCode;

use canvass_core::expr::{Date, Expr, ExprError, MapScope};

const USAGE: &str = "usage: canvass eval [--values JSON] [--today YYYY-MM-DD] [--] EXPR

  EXPR     a SurveyJS expression, e.g. \"{q1} >= 4 and {m.r1} notempty\"
  --values the answers as a JSON object, e.g. '{\"q1\": 3, \"m\": {\"r1\": 2}}'
  --today  the date today() and age() use (default: today's UTC date)

Prints the result as JSON. Exit status: 0 on success, 1 when the expression
does not compile, 2 for a usage error.";

/// Runs `canvass eval` with the arguments after `eval`.
pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let options = match Options::parse(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("canvass eval: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let expr = match Expr::parse(&options.expr) {
        Ok(expr) => expr,
        Err(error) => {
            eprintln!("canvass eval: {error}\n{}", pointer(&options.expr, &error));
            return ExitCode::from(1);
        }
    };
    let scope = MapScope::new(&options.values, options.today);
    println!("{}", expr.evaluate(&scope).to_json());
    ExitCode::SUCCESS
}

struct Options {
    expr: String,
    values: BTreeMap<String, serde_json::Value>,
    today: Date,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut expr = None;
        let mut values = BTreeMap::new();
        let mut today = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--" => {
                    let rest = args.next().ok_or("missing the expression after --")?;
                    if expr.replace(rest.clone()).is_some() {
                        return Err(format!("unexpected argument {rest:?}"));
                    }
                }
                "--values" => {
                    let text = args.next().ok_or("--values needs a JSON object")?;
                    values = serde_json::from_str(text)
                        .map_err(|e| format!("--values is not a JSON object: {e}"))?;
                }
                "--today" => {
                    let text = args.next().ok_or("--today needs a date")?;
                    today = Some(text.parse::<Date>().map_err(|e| format!("--today: {e}"))?);
                }
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                _ if expr.is_some() => return Err(format!("unexpected argument {arg:?}")),
                _ => expr = Some(arg.clone()),
            }
        }
        let expr = expr.ok_or("missing the expression")?;
        Ok(Options {
            expr,
            values,
            today: today.unwrap_or_else(utc_today),
        })
    }
}

/// The source with a caret under the error's position, counting Chinese,
/// Japanese and Korean characters as two columns as terminals draw them.
fn pointer(src: &str, error: &ExprError) -> String {
    match error.position() {
        Some(position) if !src.contains('\n') => {
            let width: usize = src.chars().take(position).map(columns).sum();
            format!("  {src}\n  {}^", " ".repeat(width))
        }
        _ => String::new(),
    }
}

/// Terminal columns of a character: 2 for East Asian wide characters.
fn columns(c: char) -> usize {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

/// Today's date in UTC, from the system clock: the CLI is the one place that
/// reads a clock; core is always given the date.
pub(crate) fn utc_today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((seconds / 86_400) as i64)
        .expect("the system clock is between years 0 and 9999")
}
