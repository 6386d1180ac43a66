//! A question's `validators`: SurveyJS's validator objects
//! (`{"type": "numeric", "minValue": 1, "text": "…"}`). Only the shape is
//! read here; regular expressions and expressions are compiled, and their
//! errors reported, by the logic module when the survey is loaded.

use serde_json::Value;

use super::props::{describe, Props};
use super::Ctx;
use crate::survey::{ParseError, Validator, ValidatorKind};

/// The validator types Canvass checks, as SurveyJS spells them.
const TYPES: &str = "numeric, text, regex, email, expression, answercount";

/// `validators` of the question at `place`; entries with errors are left out.
pub(super) fn validators(p: &mut Props, ctx: &mut Ctx) -> Vec<Validator> {
    let Some(items) = p.array("validators", ctx) else {
        return Vec::new();
    };
    let place = p.place.clone();
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| validator(item, format!("{place}.validators[{i}]"), ctx))
        .collect()
}

fn validator(value: &Value, place: String, ctx: &mut Ctx) -> Option<Validator> {
    let errors_before = ctx.error_count();
    let mut p = Props::new(value, place, ctx)?;
    let type_name = p.string("type", ctx);
    if type_name.is_none() && !p.has("type") {
        ctx.error(ParseError::Missing {
            path: p.place.clone(),
            property: "type".into(),
        });
    }
    let text = p.text("text", ctx).filter(|t| !t.is_empty());
    let kind = match type_name? {
        "numeric" => {
            let min = p.number("minValue", ctx);
            let max = p.number("maxValue", ctx);
            bounds(&p, ("minValue", min), ("maxValue", max), ctx);
            Some(ValidatorKind::Numeric { min, max })
        }
        "text" => {
            let min_length = count(&mut p, "minLength", ctx);
            let max_length = count(&mut p, "maxLength", ctx);
            bounds(
                &p,
                ("minLength", min_length.map(f64::from)),
                ("maxLength", max_length.map(f64::from)),
                ctx,
            );
            Some(ValidatorKind::Text {
                min_length,
                max_length,
            })
        }
        "regex" => {
            let regex = required_string(&mut p, "regex", ctx);
            let case_insensitive = p.bool("caseInsensitive", ctx).unwrap_or(false);
            regex.map(|regex| ValidatorKind::Regex {
                regex,
                case_insensitive,
            })
        }
        "email" => Some(ValidatorKind::Email),
        "expression" => required_string(&mut p, "expression", ctx)
            .map(|expression| ValidatorKind::Expression { expression }),
        "answercount" => {
            let min_count = count(&mut p, "minCount", ctx);
            let max_count = count(&mut p, "maxCount", ctx);
            bounds(
                &p,
                ("minCount", min_count.map(f64::from)),
                ("maxCount", max_count.map(f64::from)),
                ctx,
            );
            Some(ValidatorKind::AnswerCount {
                min_count,
                max_count,
            })
        }
        other => {
            ctx.error(ParseError::NotOneOf {
                path: p.place.clone(),
                property: "type".into(),
                allowed: TYPES,
                found: format!("{other:?}"),
            });
            None
        }
    };
    p.finish(ctx);
    let kind = kind.filter(|_| ctx.error_count() == errors_before)?;
    Some(Validator { kind, text })
}

/// A required, non-empty string property (`regex`, `expression`).
pub(super) fn required_string(p: &mut Props, key: &'static str, ctx: &mut Ctx) -> Option<String> {
    let present = p.has(key);
    match p.string(key, ctx) {
        Some(s) if s.trim().is_empty() => ctx.error(ParseError::Empty {
            path: p.place.clone(),
            property: key.into(),
        }),
        Some(s) => return Some(s.to_owned()),
        None if !present => ctx.error(ParseError::Missing {
            path: p.place.clone(),
            property: key.into(),
        }),
        None => {}
    }
    None
}

/// A whole number ≥ 0 (`2.0` counts as 2); 0 means no bound, as in
/// SurveyJS, and gives `None`.
fn count(p: &mut Props, key: &'static str, ctx: &mut Ctx) -> Option<u32> {
    let value = p.get(key)?;
    match value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX))
    {
        Some(n) => Some(n as u32).filter(|n| *n > 0),
        None => {
            ctx.error(ParseError::WrongType {
                path: p.place.clone(),
                property: key.into(),
                expected: "a whole number ≥ 0",
                found: describe(value),
            });
            None
        }
    }
}

/// Reports a lower bound above its upper bound.
pub(super) fn bounds(
    p: &Props,
    (min_key, min): (&'static str, Option<f64>),
    (max_key, max): (&'static str, Option<f64>),
    ctx: &mut Ctx,
) {
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            ctx.error(ParseError::Bounds {
                path: p.place.clone(),
                min_key,
                max_key,
                min,
                max,
            });
        }
    }
}
