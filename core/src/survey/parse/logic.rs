//! Logic properties: the conditions of pages and panels, and the
//! survey-level `calculatedValues`, `completedHtmlOnCondition` and
//! `scoring.followUp`. Only their shape and names are checked here; the
//! expressions are compiled by the logic module when the survey is loaded.

use std::collections::BTreeMap;

use serde_json::Value;

use super::props::Props;
use super::validators::required_string;
use super::{labelled, Ctx, QuestionInfo};
use crate::survey::{CalculatedValue, CompletedText, FollowUpSpec, LocalizedText, ParseError};

/// The survey-level logic properties.
pub(super) struct SurveyLogic {
    pub calculated_values: Vec<CalculatedValue>,
    pub completed_html: Option<LocalizedText>,
    pub completed_html_on_condition: Vec<CompletedText>,
}

impl SurveyLogic {
    /// Reads them from the survey object, once every question is known.
    pub fn read(
        p: &mut Props,
        questions: &BTreeMap<String, QuestionInfo>,
        ctx: &mut Ctx,
    ) -> SurveyLogic {
        SurveyLogic {
            calculated_values: p
                .array("calculatedValues", ctx)
                .map(|items| calculated_values(items, questions, ctx))
                .unwrap_or_default(),
            completed_html: p.text("completedHtml", ctx),
            completed_html_on_condition: p
                .array("completedHtmlOnCondition", ctx)
                .map(|items| completed_texts(items, ctx))
                .unwrap_or_default(),
        }
    }
}

/// `calculatedValues`, with each name checked against the others and the
/// questions (a `{name}` must mean one thing).
fn calculated_values(
    items: &[Value],
    questions: &BTreeMap<String, QuestionInfo>,
    ctx: &mut Ctx,
) -> Vec<CalculatedValue> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("calculatedValues[{i}]");
        let errors_before = ctx.error_count();
        let Some(mut p) = Props::new(item, labelled(&path, item), ctx) else {
            continue;
        };
        let name = required_string(&mut p, "name", ctx);
        let expression = required_string(&mut p, "expression", ctx);
        let include_into_result = p.bool("includeIntoResult", ctx).unwrap_or(false);
        let place = p.place.clone();
        p.finish(ctx);
        let Some(name) = name else { continue };
        let first = questions
            .get(&name)
            .map(|q| q.place.clone())
            .or_else(|| seen.get(&name).cloned());
        if let Some(first) = first {
            ctx.error(ParseError::DuplicateName {
                path: place,
                what: "calculated value",
                name,
                first,
            });
            continue;
        }
        seen.insert(name.clone(), place);
        if let (Some(expression), true) = (expression, ctx.error_count() == errors_before) {
            out.push(CalculatedValue {
                name,
                expression,
                include_into_result,
            });
        }
    }
    out
}

/// `completedHtmlOnCondition`: `[{expression, html}]`.
fn completed_texts(items: &[Value], ctx: &mut Ctx) -> Vec<CompletedText> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let errors_before = ctx.error_count();
        let Some(mut p) = Props::new(item, format!("completedHtmlOnCondition[{i}]"), ctx) else {
            continue;
        };
        let expression = required_string(&mut p, "expression", ctx);
        let present = p.has("html");
        let html = p.text("html", ctx);
        if !present {
            ctx.error(ParseError::Missing {
                path: p.place.clone(),
                property: "html".into(),
            });
        }
        p.finish(ctx);
        if let (Some(expression), Some(html), true) =
            (expression, html, ctx.error_count() == errors_before)
        {
            out.push(CompletedText { expression, html });
        }
    }
    out
}

/// `scoring.followUp`: `[{name, title, expression}]`, names unique.
pub(super) fn follow_ups(items: &[Value], ctx: &mut Ctx) -> Vec<FollowUpSpec> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("scoring.followUp[{i}]");
        let errors_before = ctx.error_count();
        let Some(mut p) = Props::new(item, labelled(&path, item), ctx) else {
            continue;
        };
        let name = required_string(&mut p, "name", ctx);
        let title = p.text("title", ctx).filter(|t| !t.is_empty());
        let expression = required_string(&mut p, "expression", ctx);
        let place = p.place.clone();
        p.finish(ctx);
        let Some(name) = name else { continue };
        if let Some(first) = seen.get(&name) {
            ctx.error(ParseError::DuplicateName {
                path: place,
                what: "follow-up condition",
                name,
                first: first.clone(),
            });
            continue;
        }
        seen.insert(name.clone(), place);
        if let (Some(expression), true) = (expression, ctx.error_count() == errors_before) {
            out.push(FollowUpSpec {
                title: title.unwrap_or_else(|| LocalizedText::plain(name.clone())),
                name,
                expression,
            });
        }
    }
    out
}

/// The conditions a page or a panel has.
pub(super) struct Conditions {
    pub visible_if: Option<String>,
    pub enable_if: Option<String>,
    pub is_required: bool,
    pub required_if: Option<String>,
}

impl Conditions {
    pub fn read(p: &mut Props, ctx: &mut Ctx) -> Conditions {
        Conditions {
            visible_if: p.expression("visibleIf", ctx),
            enable_if: p.expression("enableIf", ctx),
            is_required: p.bool("isRequired", ctx).unwrap_or(false),
            required_if: p.expression("requiredIf", ctx),
        }
    }
}
