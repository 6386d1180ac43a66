//! `themes`: keyword themes for open answers (DOMAIN resolved item 20).

use serde_json::Value;

use super::read::{is_open, Ctx};
use super::{AnalysisError, Theme};
use crate::survey::QuestionKind;

/// `[{"name", "title"?, "keywords": [..], "questions"?: [..]}]`. Without
/// `questions` a theme codes every comment question of the survey.
pub(super) fn themes(ctx: &mut Ctx<'_>, value: &Value, place: &str) -> Vec<Theme> {
    ctx.named_list(
        value,
        place,
        &["name", "title", "keywords", "questions"],
        |ctx, place, map, name| {
            let keywords = keywords(ctx, map.get("keywords"), &place);
            let questions = match map.get("questions") {
                Some(v) => questions(ctx, v, &format!("{place}.questions")),
                None => {
                    let all: Vec<String> = ctx
                        .survey
                        .questions()
                        .into_iter()
                        .filter(|q| matches!(q.kind, QuestionKind::Comment { .. }))
                        .map(|q| q.name.clone())
                        .collect();
                    if all.is_empty() {
                        ctx.errors.push(AnalysisError::NoThemeQuestions {
                            place: place.clone(),
                        });
                        None
                    } else {
                        Some(all)
                    }
                }
            };
            let (Some(name), Some(keywords), Some(questions)) = (name, keywords, questions) else {
                return None;
            };
            let title = ctx.title(map, &place, &name);
            Some(Theme {
                name,
                title,
                keywords,
                questions,
            })
        },
    )
}

fn keywords(ctx: &mut Ctx<'_>, value: Option<&Value>, place: &str) -> Option<Vec<String>> {
    let Some(value) = value else {
        ctx.errors.push(AnalysisError::Missing {
            place: place.to_owned(),
            property: "keywords",
        });
        return None;
    };
    let list = ctx.array(value, &format!("{place}.keywords"))?;
    if list.is_empty() {
        ctx.errors.push(AnalysisError::NoKeywords {
            place: format!("{place}.keywords"),
        });
        return None;
    }
    let mut out = Vec::new();
    for (j, keyword) in list.iter().enumerate() {
        let place = format!("{place}.keywords[{j}]");
        match keyword.as_str() {
            // An empty keyword would match every comment. NFKC never turns a
            // non-whitespace character into whitespace or nothing, so the
            // check needs no normalisation here — which keeps the NFKC tables
            // (~60 KB gzip) out of the app, which loads surveys but never
            // codes themes.
            Some(k) if k.trim().is_empty() => {
                ctx.errors.push(AnalysisError::EmptyKeyword { place })
            }
            Some(k) => out.push(k.to_owned()),
            None => ctx.wrong(&place, "a string"),
        }
    }
    (out.len() == list.len()).then_some(out)
}

fn questions(ctx: &mut Ctx<'_>, value: &Value, place: &str) -> Option<Vec<String>> {
    let list = ctx.array(value, place)?;
    if list.is_empty() {
        ctx.errors.push(AnalysisError::NoThemeQuestions {
            place: place.to_owned(),
        });
        return None;
    }
    let mut out = Vec::new();
    for (j, name) in list.iter().enumerate() {
        let place = format!("{place}[{j}]");
        let Some(name) = name.as_str() else {
            ctx.wrong(&place, "a question name");
            continue;
        };
        match ctx.survey.question(name) {
            None => ctx.errors.push(AnalysisError::UnknownQuestion {
                place,
                name: name.to_owned(),
            }),
            Some(q) if !is_open(q) => ctx.kind(
                q,
                &place,
                "themes code open answers (comment or text questions)",
            ),
            Some(_) => out.push(name.to_owned()),
        }
    }
    (out.len() == list.len()).then_some(out)
}
