//! `scoring.grades`: what the final result is banded on, and the bands.

use serde_json::Value;

use super::props::Props;
use super::{labelled, Ctx};
use crate::survey::{Band, GradeBasis, GradeSpec, LocalizedText, ParseError};

/// `grades`: `basis` and `bands`; the default bands 优/良/中/可/差 when a
/// score basis lists none (a total basis without bands is left for the
/// scoring compiler to reject).
pub(super) fn grades(value: &Value, ctx: &mut Ctx) -> Option<GradeSpec> {
    let errors_before = ctx.error_count();
    let mut p = Props::new(value, "scoring.grades".to_owned(), ctx)?;
    let basis = match p.string("basis", ctx) {
        None | Some("score") => GradeBasis::Score,
        Some("total") => GradeBasis::Total,
        Some(other) => {
            ctx.error(ParseError::NotOneOf {
                path: p.place.clone(),
                property: "basis".into(),
                allowed: "\"score\", \"total\"",
                found: format!("{other:?}"),
            });
            GradeBasis::Score
        }
    };
    let mut bands: Vec<(String, Band)> = Vec::new();
    for (i, item) in p.array("bands", ctx).unwrap_or_default().iter().enumerate() {
        let Some((place, band)) = band(item, i, ctx) else {
            continue;
        };
        match bands.iter().find(|(_, b)| b.name == band.name) {
            Some((first, _)) => ctx.error(ParseError::DuplicateBand {
                path: place,
                name: band.name,
                first: first.clone(),
            }),
            None => bands.push((place, band)),
        }
    }
    p.finish(ctx);
    let mut bands: Vec<Band> = bands.into_iter().map(|(_, b)| b).collect();
    if bands.is_empty() && basis == GradeBasis::Score {
        bands = default_bands();
    }
    (ctx.error_count() == errors_before).then_some(GradeSpec { basis, bands })
}

fn band(value: &Value, index: usize, ctx: &mut Ctx) -> Option<(String, Band)> {
    let mut p = Props::new(
        value,
        labelled(&format!("scoring.grades.bands[{index}]"), value),
        ctx,
    )?;
    let name = p.required_string("name", ctx);
    let title = p.text("title", ctx).filter(|t| !t.is_empty());
    let min = p.number("min", ctx);
    let place = p.place.clone();
    p.finish(ctx);
    let name = name?;
    Some((
        place,
        Band {
            title: title.unwrap_or_else(|| LocalizedText::plain(name.clone())),
            name,
            min,
        },
    ))
}

/// 优 ≥ 90, 良 ≥ 80, 中 ≥ 70, 可 ≥ 60, 差 below (DOMAIN, "Grades"), with
/// English titles so that an English UI can show them.
fn default_bands() -> Vec<Band> {
    [
        ("优", "Excellent", Some(90.0)),
        ("良", "Good", Some(80.0)),
        ("中", "Fair", Some(70.0)),
        ("可", "Pass", Some(60.0)),
        ("差", "Poor", None),
    ]
    .into_iter()
    .map(|(name, english, min)| {
        let mut title = LocalizedText::plain(name);
        title.0.insert("en".to_owned(), english.to_owned());
        title.0.insert("zh-cn".to_owned(), name.to_owned());
        Band {
            name: name.to_owned(),
            title,
            min,
        }
    })
    .collect()
}
