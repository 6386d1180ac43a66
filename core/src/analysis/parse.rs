//! `AnalysisSpec::from_json`: the satisfaction rule, the NPS question and
//! targets; pairs and themes are in `pairs.rs` and `themes.rs`.

use serde_json::Value;

use super::read::{is_discrete, Ctx};
use super::{pairs, themes, AnalysisError, AnalysisSpec, Metric, SatisfactionRule, Target};
use crate::survey::{QuestionKind, Survey};

pub(super) fn analysis(
    scoring: &Value,
    path: &str,
    survey: &Survey,
) -> Result<AnalysisSpec, Vec<AnalysisError>> {
    let mut ctx = Ctx {
        survey,
        errors: Vec::new(),
    };
    let Some(map) = scoring.as_object() else {
        ctx.wrong(path, "an object");
        return Err(ctx.errors);
    };
    let place = |key: &str| format!("{path}.{key}");
    let satisfaction = satisfaction(&mut ctx, map.get("satisfaction"), &place("satisfaction"));
    let nps_question = map
        .get("npsQuestion")
        .and_then(|v| nps(&mut ctx, v, &place("npsQuestion")));
    let mut spec = AnalysisSpec {
        satisfaction,
        nps_question,
        targets: Vec::new(),
        gaps: map
            .get("gaps")
            .map(|v| pairs::gaps(&mut ctx, v, &place("gaps")))
            .unwrap_or_default(),
        kano: map
            .get("kano")
            .map(|v| pairs::kano(&mut ctx, v, &place("kano")))
            .unwrap_or_default(),
        themes: map
            .get("themes")
            .map(|v| themes::themes(&mut ctx, v, &place("themes")))
            .unwrap_or_default(),
    };
    let nps_declared = map.contains_key("npsQuestion");
    if let Some(value) = map.get("targets") {
        spec.targets = targets(&mut ctx, value, &place("targets"), &spec, nps_declared);
    }
    if ctx.errors.is_empty() {
        Ok(spec)
    } else {
        Err(ctx.errors)
    }
}

/// `satisfaction`: `{"question": q}`, `{"threshold": t}` or absent (the
/// overall-satisfaction question's top box, when the survey names one).
fn satisfaction(ctx: &mut Ctx<'_>, value: Option<&Value>, place: &str) -> Option<SatisfactionRule> {
    let default = ctx.survey.scoring.overall_question.clone();
    let Some(value) = value else {
        return default.and_then(|q| top_box(ctx, &q, place));
    };
    let map = ctx.object(value, place, &["question", "threshold"])?;
    match (map.contains_key("question"), map.get("threshold")) {
        (true, Some(_)) => {
            ctx.errors.push(AnalysisError::QuestionAndThreshold {
                place: place.to_owned(),
            });
            None
        }
        (false, Some(_)) => {
            let threshold = ctx.number(map, "threshold", place)?;
            if !(0.0..=100.0).contains(&threshold) {
                ctx.errors.push(AnalysisError::BadThreshold {
                    place: format!("{place}.threshold"),
                    value: threshold,
                });
                return None;
            }
            Some(SatisfactionRule::Threshold { threshold })
        }
        (true, None) => {
            let name = ctx.string(map, "question", place)?;
            top_box(ctx, &name, &format!("{place}.question"))
        }
        (false, None) => match default {
            Some(q) => top_box(ctx, &q, place),
            None => {
                ctx.errors.push(AnalysisError::NoSatisfactionBasis {
                    place: place.to_owned(),
                });
                None
            }
        },
    }
}

/// The top-box rule on `name`, which needs a discrete scale.
fn top_box(ctx: &mut Ctx<'_>, name: &str, place: &str) -> Option<SatisfactionRule> {
    let Some(question) = ctx.survey.question(name) else {
        ctx.errors.push(AnalysisError::UnknownQuestion {
            place: place.to_owned(),
            name: name.to_owned(),
        });
        return None;
    };
    const NEEDED: &str = "the satisfaction rate needs a discrete scale (choice, rating or boolean)";
    let discrete_kind = matches!(
        question.kind,
        QuestionKind::RadioGroup { .. }
            | QuestionKind::Dropdown { .. }
            | QuestionKind::Rating { .. }
            | QuestionKind::Boolean { .. }
    );
    if !discrete_kind {
        ctx.kind(question, place, NEEDED);
        return None;
    }
    let item = ctx.item(question, place, NEEDED)?;
    if !is_discrete(&item) {
        ctx.kind(question, place, NEEDED);
        return None;
    }
    Some(SatisfactionRule::TopBox {
        question: name.to_owned(),
    })
}

/// `npsQuestion`: scale points exactly the integers 0–10, not reverse-keyed.
fn nps(ctx: &mut Ctx<'_>, value: &Value, place: &str) -> Option<String> {
    let Some(name) = value.as_str() else {
        ctx.wrong(place, "a question name");
        return None;
    };
    let Some(question) = ctx.survey.question(name) else {
        ctx.errors.push(AnalysisError::UnknownQuestion {
            place: place.to_owned(),
            name: name.to_owned(),
        });
        return None;
    };
    const NEEDED: &str = "NPS needs a single-choice question or rating scored 0–10";
    if !matches!(
        question.kind,
        QuestionKind::RadioGroup { .. }
            | QuestionKind::Dropdown { .. }
            | QuestionKind::Rating { .. }
    ) {
        ctx.kind(question, place, NEEDED);
        return None;
    }
    let item = ctx.item(question, place, NEEDED)?;
    if question.reverse {
        ctx.errors.push(AnalysisError::Reverse {
            place: place.to_owned(),
            name: name.to_owned(),
            why: "NPS does not allow",
        });
        return None;
    }
    if !is_discrete(&item) {
        ctx.kind(question, place, NEEDED);
        return None;
    }
    let exact = item.scale_points.len() == 11
        && item
            .scale_points
            .iter()
            .enumerate()
            .all(|(i, &x)| x == i as f64);
    if !exact {
        let points: Vec<String> = item.scale_points.iter().map(f64::to_string).collect();
        ctx.errors.push(AnalysisError::NotZeroToTen {
            place: place.to_owned(),
            name: name.to_owned(),
            points: points.join(", "),
        });
        return None;
    }
    Some(name.to_owned())
}

/// `targets`: `[{"name", "title"?, "metric", "min"}]`.
fn targets(
    ctx: &mut Ctx<'_>,
    value: &Value,
    place: &str,
    spec: &AnalysisSpec,
    nps_declared: bool,
) -> Vec<Target> {
    ctx.named_list(
        value,
        place,
        &["name", "title", "metric", "min"],
        |ctx, place, map, name| {
            let metric = ctx
                .string(map, "metric", &place)
                .and_then(|m| match m.as_str() {
                    "satisfactionRate" => Some(Metric::SatisfactionRate),
                    "overallMean" => Some(Metric::OverallMean),
                    "nps" => Some(Metric::Nps),
                    "responseRate" => Some(Metric::ResponseRate),
                    _ => {
                        ctx.errors.push(AnalysisError::UnknownMetric {
                            place: format!("{place}.metric"),
                            found: m,
                        });
                        None
                    }
                });
            let min = ctx.number(map, "min", &place);
            let (Some(name), Some(metric), Some(min)) = (name, metric, min) else {
                return None;
            };
            let needs = match metric {
                Metric::SatisfactionRate if spec.satisfaction.is_none() => {
                    Some("a satisfaction rule or an overallQuestion")
                }
                // An npsQuestion that failed its own checks is already reported.
                Metric::Nps if !nps_declared => Some("an npsQuestion"),
                _ => None,
            };
            if let Some(needs) = needs {
                ctx.errors.push(AnalysisError::MetricUnavailable {
                    place: format!("{place}.metric"),
                    metric: metric.as_str(),
                    needs,
                });
                return None;
            }
            let (lo, hi) = metric.range();
            if !(lo..=hi).contains(&min) {
                let hint = match metric {
                    Metric::SatisfactionRate | Metric::ResponseRate => {
                        " (rates are fractions: write 0.8 for 80%)"
                    }
                    _ => "",
                };
                ctx.errors.push(AnalysisError::TargetOutOfRange {
                    place: format!("{place}.min"),
                    min,
                    metric: metric.as_str(),
                    lo,
                    hi,
                    hint,
                });
                return None;
            }
            let title = ctx.title(map, &place, &name);
            Some(Target {
                name,
                title,
                metric,
                min,
            })
        },
    )
}
