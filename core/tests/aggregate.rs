//! Tests of `aggregate` and the analysis spec: one module per concern, every
//! expected value computed by hand in the comments.

#[path = "aggregate/analyses.rs"]
mod analyses;
#[path = "aggregate/groups.rs"]
mod groups;
#[path = "aggregate/importance.rs"]
mod importance;
#[path = "aggregate/items.rs"]
mod items;
#[path = "aggregate/properties.rs"]
mod properties;
#[path = "aggregate/response_rate.rs"]
mod response_rate;
#[path = "aggregate/spec.rs"]
mod spec;

use std::cell::Cell;
use std::collections::BTreeMap;

use canvass_core::aggregate::{aggregate, AggregateOptions, AggregateReport};
use canvass_core::analysis::AnalysisSpec;
use canvass_core::response::{Response, SurveyRef};
use canvass_core::scoring::ScoringModel;
use canvass_core::survey::{parse, Survey};
use canvass_core::visit::{Outcome, Visit};
use serde_json::Value;
use uuid::Uuid;

/// A loaded survey with its scoring and analysis.
pub struct Fx {
    pub survey: Survey,
    pub model: ScoringModel,
    pub analysis: AnalysisSpec,
}

/// Loads `json`; the analysis keys of its `scoring` object are read with
/// `AnalysisSpec::from_json` (the loader only warns about them for now).
#[track_caller]
pub fn fixture(json: Value) -> Fx {
    let (survey, _) =
        parse(&json.to_string()).unwrap_or_else(|e| panic!("survey does not load: {e:?}"));
    let (model, _) = ScoringModel::compile(&survey)
        .unwrap_or_else(|e| panic!("scoring does not compile: {e:?}"));
    let scoring = json
        .get("scoring")
        .cloned()
        .unwrap_or(Value::Object(Default::default()));
    let analysis = AnalysisSpec::from_json(&scoring, "scoring", &survey).unwrap_or_else(|e| {
        panic!(
            "analysis does not load: {:?}",
            e.iter().map(ToString::to_string).collect::<Vec<_>>()
        )
    });
    Fx {
        survey,
        model,
        analysis,
    }
}

thread_local! {
    static NEXT_ID: Cell<u128> = const { Cell::new(1) };
}

fn next_id() -> Uuid {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        Uuid::from_u128(id)
    })
}

/// A completed response to `fx`'s survey, completed on 2026-11-23.
pub fn done(fx: &Fx, answers: Value) -> Response {
    completed_at(fx, answers, Some("2026-11-23T16:20:05+08:00"))
}

/// A response completed at `at` (`None`: a draft).
pub fn completed_at(fx: &Fx, answers: Value, at: Option<&str>) -> Response {
    let answers = match answers {
        Value::Object(map) => map.into_iter().collect(),
        Value::Null => BTreeMap::new(),
        other => panic!("answers must be an object, not {other}"),
    };
    Response {
        id: next_id(),
        survey: SurveyRef {
            id: fx.survey.id.clone(),
            version: fx.survey.version.clone(),
            hash: fx.survey.hash.clone(),
        },
        started_at: "2026-11-23T16:00:00+08:00".into(),
        completed_at: at.map(str::to_owned),
        answers,
        meta: BTreeMap::new(),
        score: None,
        visit: None,
    }
}

/// A visit record with no questionnaire.
pub fn contact(
    fx: &Fx,
    household: Option<&str>,
    interviewer: Option<&str>,
    outcome: Outcome,
    at: Option<&str>,
) -> Response {
    let mut r = completed_at(fx, Value::Null, None);
    r.visit = Some(visit(household, interviewer, outcome, at));
    r
}

pub fn visit(
    household: Option<&str>,
    interviewer: Option<&str>,
    outcome: Outcome,
    at: Option<&str>,
) -> Visit {
    Visit {
        household: household.map(str::to_owned),
        interviewer: interviewer.map(str::to_owned),
        outcome,
        at: at.map(str::to_owned),
        channel: None,
        note: None,
        ..Visit::default()
    }
}

/// Aggregates without grouping.
#[track_caller]
pub fn run(fx: &Fx, records: &[Response]) -> AggregateReport {
    run_with(fx, records, &AggregateOptions::default())
}

#[track_caller]
pub fn run_with(fx: &Fx, records: &[Response], options: &AggregateOptions) -> AggregateReport {
    aggregate(&fx.model, &fx.survey, &fx.analysis, records, options)
        .unwrap_or_else(|e| panic!("aggregate failed: {e}"))
}

/// `a ≈ b` to 1e-9 relative.
#[track_caller]
pub fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap_or_else(|| panic!("expected {b}, got null"));
    assert!(
        (a - b).abs() <= 1e-9 * (1.0 + b.abs()),
        "expected {b}, got {a}"
    );
}
