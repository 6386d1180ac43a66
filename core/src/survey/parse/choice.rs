//! Lists of options: choices, matrix rows and columns, rating points.

use std::collections::BTreeMap;

use serde_json::Value;

use super::props::{describe, Props};
use super::Ctx;
use crate::survey::{
    value_key, Choice, LocalizedText, MatrixRow, ParseError, ParseWarning, QuestionKind,
};

/// Ratings with more points than this cannot be shown or answered sensibly,
/// and a tiny `rateStep` would otherwise allocate without bound.
const MAX_POINTS: f64 = 100.0;

/// The required, non-empty option list under `key` (`choices`, `columns`).
pub(super) fn choices(p: &mut Props, key: &'static str, ctx: &mut Ctx) -> Option<Vec<Choice>> {
    let items = required_array(p, key, ctx)?;
    option_list(items, &p.place, key, true, None, ctx)
}

/// `choices` of an `imagepicker`, with each choice's `imageLink` (`""`
/// when it has none), in the same order.
pub(super) fn image_choices(p: &mut Props, ctx: &mut Ctx) -> Option<(Vec<Choice>, Vec<String>)> {
    let items = required_array(p, "choices", ctx)?;
    let mut images = Vec::new();
    let choices = option_list(items, &p.place, "choices", true, Some(&mut images), ctx)?;
    Some((choices, images))
}

/// `rows` of a matrix: scalars or `{value, text}`, unique by key.
pub(super) fn matrix_rows(p: &mut Props, ctx: &mut Ctx) -> Option<Vec<MatrixRow>> {
    let items = required_array(p, "rows", ctx)?;
    let rows = option_list(items, &p.place, "rows", false, None, ctx)?;
    Some(
        rows.into_iter()
            .map(|c| MatrixRow {
                value: c.value,
                text: c.text,
            })
            .collect(),
    )
}

fn required_array<'a>(p: &mut Props<'a>, key: &'static str, ctx: &mut Ctx) -> Option<&'a [Value]> {
    let present = p.has(key);
    let items = p.array(key, ctx);
    if !present {
        ctx.error(ParseError::Missing {
            path: p.place.clone(),
            property: key.to_owned(),
        });
    }
    items
}

/// Options at `place`.`key`: every entry parsed (all errors reported),
/// values unique as text (`1` and `"1"` collide: they are one key in an
/// export). `scored` says whether `score`, `notApplicable` and `visibleIf`
/// are read (choices, columns and rate values have them, rows do not).
fn option_list(
    items: &[Value],
    place: &str,
    key: &str,
    scored: bool,
    mut images: Option<&mut Vec<String>>,
    ctx: &mut Ctx,
) -> Option<Vec<Choice>> {
    if items.is_empty() {
        ctx.error(ParseError::Empty {
            path: place.to_owned(),
            property: key.to_owned(),
        });
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut complete = true;
    for (i, item) in items.iter().enumerate() {
        let mut image = String::new();
        let slot = images.is_some().then_some(&mut image);
        let choice = option_with_image(item, place, &format!("{key}[{i}]"), scored, slot, ctx);
        if let Some(list) = images.as_deref_mut() {
            list.push(image);
        }
        let Some(choice) = choice else {
            complete = false;
            continue;
        };
        let text_key = value_key(&choice.value);
        if let Some(first) = seen.get(&text_key) {
            ctx.error(ParseError::DuplicateValue {
                path: format!("{place}.{key}[{i}]"),
                value: choice.value.to_string(),
                first: format!("{key}[{first}]"),
            });
            complete = false;
        } else {
            seen.insert(text_key, i);
        }
        out.push(choice);
    }
    complete.then_some(out)
}

/// One option: a string or number (value = text), `"value|text"`, or an
/// object; also reading an object's `imageLink` into `image` (for
/// `imagepicker`; a scalar choice has no picture: `""`).
pub(super) fn option_with_image(
    item: &Value,
    place: &str,
    property: &str,
    scored: bool,
    image: Option<&mut String>,
    ctx: &mut Ctx,
) -> Option<Choice> {
    match item {
        // `"value|text"`: SurveyJS's short form of `{value, text}`.
        Value::String(s) if s.contains('|') => {
            let (value, text) = s.split_once('|').unwrap_or((s, s));
            let mut choice = scalar_choice(Value::String(value.to_owned()));
            if !text.is_empty() {
                choice.text = LocalizedText::plain(text);
            }
            Some(choice)
        }
        Value::String(_) | Value::Number(_) => Some(scalar_choice(item.clone())),
        Value::Object(_) => {
            let errors_before = ctx.error_count();
            let mut p = Props::new(item, format!("{place}.{property}"), ctx)?;
            let value = match p.get("value") {
                None => {
                    ctx.error(ParseError::ChoiceWithoutValue {
                        path: p.place.clone(),
                    });
                    None
                }
                Some(v @ (Value::String(_) | Value::Number(_))) => Some(v.clone()),
                Some(other) => {
                    p.wrong(ctx, "value", "a string or a number", other);
                    None
                }
            };
            let text = p.text("text", ctx).filter(|t| !t.is_empty());
            if let Some(image) = image {
                if let Some(link) = p.string("imageLink", ctx) {
                    match super::composite::safe_image_url(link) {
                        true => *image = link.to_owned(),
                        false => ctx.error(ParseError::UnsafeUrl {
                            path: p.place.clone(),
                            property: "imageLink".into(),
                            found: describe(&Value::String(link.to_owned())),
                        }),
                    }
                }
            }
            let (score, not_applicable, visible_if) = if scored {
                (
                    p.number("score", ctx),
                    p.bool("notApplicable", ctx).unwrap_or(false),
                    p.expression("visibleIf", ctx),
                )
            } else {
                (None, false, None)
            };
            p.finish(ctx);
            let value = value.filter(|_| ctx.error_count() == errors_before)?;
            Some(Choice {
                text: text.unwrap_or_else(|| LocalizedText::plain(value_key(&value))),
                value,
                score,
                not_applicable,
                visible_if,
            })
        }
        other => {
            ctx.error(ParseError::WrongType {
                path: place.to_owned(),
                property: property.to_owned(),
                expected: "a string, a number or an object",
                found: describe(other),
            });
            None
        }
    }
}

fn scalar_choice(value: Value) -> Choice {
    Choice {
        text: LocalizedText::plain(value_key(&value)),
        value,
        score: None,
        not_applicable: false,
        visible_if: None,
    }
}

/// `rating`: `rateValues` as written, else the scale `rateMin` (1) to
/// `rateMax` (5) by `rateStep` (1).
pub(super) fn rating(p: &mut Props, ctx: &mut Ctx) -> Option<QuestionKind> {
    let min_label = legacy_text(p, "minRateDescription", "mininumRateDescription", ctx);
    let max_label = legacy_text(p, "maxRateDescription", "maximumRateDescription", ctx);
    let points = if p.has("rateValues") {
        for key in ["rateMin", "rateMax", "rateStep"] {
            p.overridden(key, "rateValues", ctx);
        }
        let items = p.array("rateValues", ctx)?;
        option_list(items, &p.place, "rateValues", true, None, ctx)?
    } else {
        scale(p, ctx)?
    };
    Some(QuestionKind::Rating {
        points,
        min_label,
        max_label,
    })
}

/// The points `min + i·step` up to `max`. Each point is rounded to the
/// decimals of `min` and `step`, so that 0.1 steps give `0.3`, not
/// `0.30000000000000004`, and whole points are JSON integers (`3`, not
/// `3.0`) so that they equal the answers SurveyJS stores.
fn scale(p: &mut Props, ctx: &mut Ctx) -> Option<Vec<Choice>> {
    let min = number_or(p, "rateMin", 1.0, ctx);
    let max = number_or(p, "rateMax", 5.0, ctx);
    let step = number_or(p, "rateStep", 1.0, ctx);
    let (min, max, step) = (min?, max?, step?);
    let mut valid = true;
    if step <= 0.0 {
        ctx.error(ParseError::RateStep {
            path: p.place.clone(),
            step,
        });
        valid = false;
    }
    if max < min {
        ctx.error(ParseError::RateRange {
            path: p.place.clone(),
            min,
            max,
        });
        valid = false;
    }
    if !valid {
        return None;
    }
    let count = ((max - min) / step + 1e-9).floor() + 1.0;
    if count > MAX_POINTS {
        ctx.error(ParseError::TooManyPoints {
            path: p.place.clone(),
            count: count.min(u64::MAX as f64) as u64,
        });
        return None;
    }
    let decimals = decimals(min).max(decimals(step));
    let points = (0..count as usize)
        .map(|i| scalar_choice(number_value(round(min + i as f64 * step, decimals))))
        .collect();
    Some(points)
}

/// The localisable text `modern`, else its old spelling `old` (with a
/// warning naming it); both given: the modern one wins, the old one is
/// reported overridden.
fn legacy_text(
    p: &mut Props,
    modern: &'static str,
    old: &'static str,
    ctx: &mut Ctx,
) -> Option<LocalizedText> {
    let text = p.text(modern, ctx);
    if text.is_some() {
        p.overridden(old, modern, ctx);
        return text;
    }
    let text = p.text(old, ctx);
    if text.is_some() {
        ctx.warn(ParseWarning::Legacy {
            path: p.place.clone(),
            property: old.into(),
            modern,
        });
    }
    text
}

/// A number property with a default; `None` only when it has the wrong type.
fn number_or(p: &mut Props, key: &'static str, default: f64, ctx: &mut Ctx) -> Option<f64> {
    if p.has(key) {
        p.number(key, ctx)
    } else {
        p.get(key);
        Some(default)
    }
}

/// Digits after the decimal point in the shortest form of `x` (at most 15).
fn decimals(x: f64) -> i32 {
    let text = x.to_string();
    text.split_once('.')
        .map_or(0, |(_, frac)| frac.len().min(15) as i32)
}

fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    let rounded = (x * scale).round() / scale;
    if rounded.is_finite() {
        rounded
    } else {
        x
    }
}

/// A JSON number, an integer when `x` is whole.
fn number_value(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}
