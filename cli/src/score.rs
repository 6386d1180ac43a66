//! `canvass score --survey SURVEY.json EXPORT.json [EXPORT2.json …]
//! [--by FIELD] [--period month|quarter|year] [--format json|csv]`:
//! merges the exports, re-scores every response from its answers with the
//! given definition and prints one report.

use std::process::ExitCode;

use canvass_core::aggregate::{self, AggregateOptions, Period, Segment};
use canvass_core::merge::{merge, Merged};
use canvass_core::expr::Date;
use canvass_core::logic::{Env, FollowUps, LogicState, ResponseLogic};
use canvass_core::LoadedSurvey;
use serde::Serialize;

use crate::{csv_out, read_file, EXIT_INVALID, EXIT_USAGE};

const USAGE: &str = "usage: canvass score --survey SURVEY.json EXPORT.json [EXPORT2.json …] [--by FIELD] [--period month|quarter|year] [--format json|csv]";

struct Args {
    survey: String,
    exports: Vec<String>,
    by: Option<String>,
    period: Option<Period>,
    csv: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args { survey: String::new(), exports: Vec::new(), by: None, period: None, csv: false };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--survey" => out.survey = value("--survey")?,
            "--by" => out.by = Some(value("--by")?),
            "--period" => {
                out.period = Some(match value("--period")?.as_str() {
                    "month" => Period::Month,
                    "quarter" => Period::Quarter,
                    "year" => Period::Year,
                    other => return Err(format!("--period must be month, quarter or year, not {other:?}")),
                })
            }
            "--format" => {
                out.csv = match value("--format")?.as_str() {
                    "json" => false,
                    "csv" => true,
                    other => return Err(format!("--format must be json or csv, not {other:?}")),
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => out.exports.push(file.to_owned()),
        }
    }
    if out.survey.is_empty() {
        return Err("--survey is required".into());
    }
    if out.exports.is_empty() {
        return Err("at least one export file is required".into());
    }
    Ok(out)
}

/// The printed JSON report (docs/REPORT.md).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report<'a> {
    format: &'static str,
    merge: MergeSummary<'a>,
    responses: Vec<ResponseLine>,
    aggregate: aggregate::AggregateReport,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MergeSummary<'a> {
    files: &'a [String],
    records_read: usize,
    records: usize,
    duplicates: usize,
    conflicts: Vec<ConflictLine>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConflictLine {
    id: String,
    kept_from: String,
    dropped_from: String,
}

/// One response re-scored with the given definition.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ResponseLine {
    pub id: String,
    pub completed_at: Option<String>,
    pub meta: std::collections::BTreeMap<String, String>,
    pub score: Option<canvass_core::scoring::ScoreReport>,
    pub error: Option<String>,
}

pub fn run(args: &[String]) -> ExitCode {
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("canvass score: {e}\n{USAGE}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let text = match read_file(&args.survey) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let loaded = match canvass_core::load(&text) {
        Ok(l) => l,
        Err(failure) => {
            for e in &failure.errors {
                eprintln!("{}: error: {e}", args.survey);
            }
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let mut exports = Vec::new();
    for file in &args.exports {
        let bytes = match crate::read_bytes(file) {
            Ok(b) => b,
            Err(code) => return code,
        };
        // A plain export JSON or an export ZIP with photos (docs/EXPORT.md).
        match canvass_core::bundle::read_export_file(&bytes) {
            Ok(f) => exports.push((file.clone(), f.export)),
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::from(EXIT_INVALID);
            }
        }
    }
    let merged = match merge(&exports) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("canvass score: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    if let Err(message) = check_survey(&loaded, &merged, &args) {
        eprintln!("{message}");
        return ExitCode::from(EXIT_INVALID);
    }
    let lines = rescore(&loaded, &merged);
    if args.csv {
        print!("{}", csv_out::responses_csv(&loaded, &merged.records, &lines));
        return ExitCode::SUCCESS;
    }
    let by = args.by.as_ref().map(|f| {
        if loaded.survey.question(f).is_some() { Segment::Question(f.clone()) } else { Segment::Meta(f.clone()) }
    });
    let options = AggregateOptions { by, period: args.period };
    let s = &loaded;
    let logic = ResponseLogic::new(&s.logic, Env::new(crate::eval::utc_today(), "default"));
    match aggregate::aggregate_with(&s.scoring, &s.survey, &s.analysis, &merged.records, &options, &logic) {
        Ok(aggregate) => {
            let report = Report {
                format: "canvass-score-report/1",
                merge: MergeSummary {
                    files: &args.exports,
                    records_read: merged.records_read,
                    records: merged.records.len(),
                    duplicates: merged.duplicates,
                    conflicts: merged
                        .conflicts
                        .iter()
                        .map(|c| ConflictLine { id: c.id.to_string(), kept_from: c.kept_from.clone(), dropped_from: c.dropped_from.clone() })
                        .collect(),
                },
                responses: lines,
                aggregate,
            };
            println!("{}", serde_json::to_string_pretty(&report).expect("reports serialise"));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("canvass score: {e}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}

/// The exports must answer the definition given with `--survey`.
fn check_survey(loaded: &LoadedSurvey, merged: &Merged, args: &Args) -> Result<(), String> {
    let s = &loaded.survey;
    if merged.survey.id != s.id || merged.survey.version != s.version {
        return Err(format!(
            "{}: the exports answer survey {:?} version {:?}, but {} defines {:?} version {:?}",
            args.exports[0], merged.survey.id, merged.survey.version, args.survey, s.id, s.version
        ));
    }
    if merged.survey.hash != s.hash {
        eprintln!(
            "canvass score: warning: {} differs from the definition the exports were made with (hash {} vs {}); scoring with {}",
            args.survey, s.hash, merged.survey.hash, args.survey
        );
    }
    Ok(())
}

/// Scores every completed record from its answers with the survey's logic
/// (the stored score is informative only), as the phone did: hidden
/// questions ignored, `today()` = the completion date. Invalid answers are
/// reported per response.
fn rescore(loaded: &LoadedSurvey, merged: &Merged) -> Vec<ResponseLine> {
    merged
        .records
        .iter()
        .filter(|r| r.is_completed())
        .map(|r| {
            let day = r.completed_at.as_deref().and_then(Date::parse).unwrap_or_else(crate::eval::utc_today);
            let env = Env::new(day, r.meta.get("locale").map_or("default", String::as_str));
            let logic = &loaded.logic;
            let state = LogicState::new(logic, &r.answers, env.clone());
            let result = loaded.scoring.score_with(
                &state.scoring_answers(logic, &r.answers),
                &state.hidden_questions(),
                &FollowUps::new(logic, env),
            );
            let (score, error) = match result {
                Ok(s) => (Some(s), None),
                Err(e) => (None, Some(format!("response {}: {e}", r.id))),
            };
            ResponseLine { id: r.id.to_string(), completed_at: r.completed_at.clone(), meta: r.meta.clone(), score, error }
        })
        .collect()
}
