//! The `scoring` object (Canvass extension): indicators and top-level
//! weights here, grades in `grades.rs`, AHP matrices in `ahp.rs`. Only the
//! shape is checked; names are resolved in `refs.rs` once every question is
//! known, and the meaning (ranges, AHP values, cycles, bands) is the
//! scoring compiler's.

use serde_json::Value;

use super::ahp::{ahp, ahp_shape};
use super::grades::grades;
use super::logic::follow_ups;
use super::props::{describe, Props};
use super::refs::Refs;
use super::{labelled, Ctx};
use crate::survey::{
    value_key, ChildRef, ChildSpec, IndicatorSpec, LocalizedText, ParseError, ScoringSpec,
};

/// The scoring of a survey without a `scoring` object: no indicators, box
/// size 2, results not shown.
pub(super) fn defaults() -> ScoringSpec {
    ScoringSpec {
        box_size: 2,
        ..ScoringSpec::default()
    }
}

/// Parses `scoring`; a part with errors is left out (the errors are kept).
pub(super) fn scoring(value: &Value, ctx: &mut Ctx) -> (ScoringSpec, Refs) {
    let mut spec = defaults();
    let mut refs = Refs::default();
    let Some(mut p) = Props::new(value, "scoring".to_owned(), ctx) else {
        return (spec, refs);
    };
    if let Some(items) = p.array("indicators", ctx) {
        for (i, item) in items.iter().enumerate() {
            if let Some(indicator) = indicator(item, i, ctx, &mut refs) {
                spec.indicators.push(indicator);
            }
        }
    }
    if let Some(weights) = p.get("weights") {
        top_weights(weights, &mut spec, ctx);
    }
    spec.top_ahp = p.get("ahp").and_then(|m| ahp(m, "scoring", ctx));
    if p.has("weights") && spec.top_ahp.is_some() {
        ctx.error(ParseError::Conflict {
            path: p.place.clone(),
            first: "weights".into(),
            second: "ahp".into(),
        });
    }
    spec.top_min_answered = p.min_answered(ctx).unwrap_or(0.0);
    spec.grades = p.get("grades").and_then(|g| grades(g, ctx));
    spec.overall_question = p.string("overallQuestion", ctx).map(str::to_owned);
    spec.show_score = p.bool("showScore", ctx).unwrap_or(false);
    spec.box_size = p.box_size(ctx).unwrap_or(2);
    spec.follow_up = p
        .array("followUp", ctx)
        .map(|items| follow_ups(items, ctx))
        .unwrap_or_default();
    // The analysis keys are read and checked by `analysis::AnalysisSpec`.
    for key in crate::analysis::ANALYSIS_KEYS {
        p.get(key);
    }
    // `contact` is read and checked by `followup::ContactSpec`.
    p.get("contact");
    p.finish(ctx);
    (spec, refs)
}

/// `weights`: top-level indicator name → weight ≥ 0.
fn top_weights(value: &Value, spec: &mut ScoringSpec, ctx: &mut Ctx) {
    let Value::Object(map) = value else {
        ctx.error(ParseError::WrongType {
            path: "scoring".into(),
            property: "weights".into(),
            expected: "an object of indicator name → weight",
            found: describe(value),
        });
        return;
    };
    for (name, weight) in map {
        let property = format!("weights[{name:?}]");
        match weight.as_f64() {
            Some(w) if w < 0.0 => ctx.error(ParseError::NegativeWeight {
                path: "scoring".into(),
                property,
                weight: w,
            }),
            Some(w) => {
                spec.top_weights.insert(name.clone(), w);
            }
            None => ctx.error(ParseError::WrongType {
                path: "scoring".into(),
                property,
                expected: "a number",
                found: describe(weight),
            }),
        }
    }
}

fn indicator(value: &Value, index: usize, ctx: &mut Ctx, refs: &mut Refs) -> Option<IndicatorSpec> {
    let path = format!("scoring.indicators[{index}]");
    let errors_before = ctx.error_count();
    let mut p = Props::new(value, labelled(&path, value), ctx)?;
    let name = p.required_string("name", ctx);
    let title = p.text("title", ctx).filter(|t| !t.is_empty());
    let present = p.has("children");
    let items = p.array("children", ctx);
    match items {
        Some([]) => ctx.error(ParseError::Empty {
            path: p.place.clone(),
            property: "children".into(),
        }),
        None if !present => ctx.error(ParseError::Missing {
            path: p.place.clone(),
            property: "children".into(),
        }),
        _ => {}
    }
    let items = items.unwrap_or_default();
    let children: Vec<ChildSpec> = items
        .iter()
        .enumerate()
        .filter_map(|(j, c)| child(c, &p.place, j, ctx, refs))
        .collect();
    let min_answered = p.min_answered(ctx).unwrap_or(0.0);
    let ahp = p.get("ahp").and_then(|m| ahp(m, &p.place, ctx));
    if let Some(matrix) = &ahp {
        ahp_shape(matrix, items.len(), "child", &p.place, ctx);
        if children.iter().any(|c| c.weight.is_some()) {
            ctx.error(ParseError::Conflict {
                path: p.place.clone(),
                first: "ahp".into(),
                second: "child weights".into(),
            });
        }
    }
    let place = p.place.clone();
    p.finish(ctx);
    let name = name?;
    if let Some(first) = refs.indicators.get(&name) {
        ctx.error(ParseError::DuplicateIndicator {
            path: place,
            name,
            first: first.clone(),
        });
        return None;
    }
    refs.indicators.insert(name.clone(), place);
    if ctx.error_count() > errors_before {
        return None;
    }
    Some(IndicatorSpec {
        title: title.unwrap_or_else(|| LocalizedText::plain(name.clone())),
        name,
        children,
        min_answered,
        ahp,
        path,
    })
}

/// One child: `{question}`, `{question, row}` or `{indicator}`, with an
/// optional `weight`. Its target is queued in `refs` to be resolved later.
fn child(
    value: &Value,
    base: &str,
    index: usize,
    ctx: &mut Ctx,
    refs: &mut Refs,
) -> Option<ChildSpec> {
    let mut p = Props::new(value, format!("{base}.children[{index}]"), ctx)?;
    let question = p.string("question", ctx).map(str::to_owned);
    let indicator = p.string("indicator", ctx).map(str::to_owned);
    let row = match p.get("row") {
        None => None,
        Some(v @ (Value::String(_) | Value::Number(_))) => Some(value_key(v)),
        Some(other) => {
            p.wrong(ctx, "row", "a string or a number", other);
            return None;
        }
    };
    let weight = p.weight("weight", ctx);
    let conflict = |first: &str, second: &str| ParseError::Conflict {
        path: p.place.clone(),
        first: first.to_owned(),
        second: second.to_owned(),
    };
    let target = match (question, indicator, row) {
        (Some(name), None, None) => Some(ChildRef::Question { name }),
        (Some(matrix), None, Some(row)) => Some(ChildRef::MatrixRow { matrix, row }),
        (None, Some(name), None) => Some(ChildRef::Indicator { name }),
        (Some(_), Some(_), _) => {
            ctx.error(conflict("question", "indicator"));
            None
        }
        (None, Some(_), Some(_)) => {
            ctx.error(conflict("indicator", "row"));
            None
        }
        (None, None, _) => {
            if !p.has("question") && !p.has("indicator") {
                ctx.error(ParseError::ChildWithoutTarget {
                    path: p.place.clone(),
                });
            }
            None
        }
    };
    let place = p.place.clone();
    p.finish(ctx);
    let target = target?;
    refs.children.push((place, target.clone()));
    Some(ChildSpec { target, weight })
}
