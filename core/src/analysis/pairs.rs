//! `gaps` and `kano`: analyses over pairs of questions.

use serde_json::Value;

use super::read::Ctx;
use super::{AnalysisError, GapPair, KanoPair};
use crate::aggregate::kano::KanoOption;
use crate::survey::{value_key, Choice, Question, QuestionKind};

/// `gaps`: `[{"name", "title"?, "expected": q, "perceived": q}]` — both
/// questions give numbers over the same range and neither is reverse-keyed
/// (DOMAIN resolved item 17).
pub(super) fn gaps(ctx: &mut Ctx<'_>, value: &Value, place: &str) -> Vec<GapPair> {
    ctx.named_list(
        value,
        place,
        &["name", "title", "expected", "perceived"],
        |ctx, place, map, name| {
            const NEEDED: &str = "a gap compares two single questions";
            let side = |ctx: &mut Ctx<'_>, key: &'static str| {
                let question = ctx.question(map, key, &place)?;
                let item = ctx.item(question, &format!("{place}.{key}"), NEEDED)?;
                if item.reverse {
                    ctx.errors.push(AnalysisError::Reverse {
                        place: format!("{place}.{key}"),
                        name: question.name.clone(),
                        why: "an expectation gap does not allow",
                    });
                    return None;
                }
                Some((question.name.clone(), item.lo, item.hi))
            };
            let expected = side(ctx, "expected");
            let perceived = side(ctx, "perceived");
            let (Some(name), Some(e), Some(p)) = (name, expected, perceived) else {
                return None;
            };
            if (e.1, e.2) != (p.1, p.2) {
                ctx.errors.push(AnalysisError::RangeMismatch {
                    place: place.clone(),
                    expected: e.0,
                    perceived: p.0,
                    expected_lo: e.1,
                    expected_hi: e.2,
                    perceived_lo: p.1,
                    perceived_hi: p.2,
                });
                return None;
            }
            let title = ctx.title(map, &place, &name);
            Some(GapPair {
                name,
                title,
                expected: e.0,
                perceived: p.0,
            })
        },
    )
}

/// `kano`: `[{"name", "title"?, "functional": q, "dysfunctional": q,
/// "map": {"<choice value>": "like" | …}}]` over single-choice questions;
/// every applicable choice of both questions is mapped.
pub(super) fn kano(ctx: &mut Ctx<'_>, value: &Value, place: &str) -> Vec<KanoPair> {
    ctx.named_list(
        value,
        place,
        &["name", "title", "functional", "dysfunctional", "map"],
        |ctx, place, map, name| {
            let functional = single_choice(ctx, map, "functional", &place);
            let dysfunctional = single_choice(ctx, map, "dysfunctional", &place);
            let options = mapping(ctx, map.get("map"), &format!("{place}.map"));
            let (Some(name), Some(f), Some(d), Some(options)) =
                (name, functional, dysfunctional, options)
            else {
                return None;
            };
            let map_place = format!("{place}.map");
            let functional_map = apply(ctx, f, &options, &map_place);
            let dysfunctional_map = apply(ctx, d, &options, &map_place);
            for (key, _) in &options {
                let known = [f, d]
                    .iter()
                    .any(|q| choices(q).iter().any(|c| &value_key(&c.value) == key));
                if !known {
                    ctx.errors.push(AnalysisError::UnknownChoice {
                        place: format!("{map_place}.{key}"),
                        value: key.clone(),
                        functional: f.name.clone(),
                        dysfunctional: d.name.clone(),
                    });
                }
            }
            let title = ctx.title(map, &place, &name);
            Some(KanoPair {
                name,
                title,
                functional: f.name.clone(),
                dysfunctional: d.name.clone(),
                functional_map,
                dysfunctional_map,
            })
        },
    )
}

/// The radiogroup or dropdown question named by `map[key]`.
fn single_choice<'a>(
    ctx: &mut Ctx<'a>,
    map: &serde_json::Map<String, Value>,
    key: &'static str,
    place: &str,
) -> Option<&'a Question> {
    let question = ctx.question(map, key, place)?;
    match question.kind {
        QuestionKind::RadioGroup { .. } | QuestionKind::Dropdown { .. } => Some(question),
        _ => {
            ctx.kind(
                question,
                &format!("{place}.{key}"),
                "Kano questions are single-choice (radiogroup or dropdown)",
            );
            None
        }
    }
}

/// `map`: choice value → Kano option, in the JSON's key order.
fn mapping(
    ctx: &mut Ctx<'_>,
    value: Option<&Value>,
    place: &str,
) -> Option<Vec<(String, KanoOption)>> {
    let Some(value) = value else {
        let parent = place.strip_suffix(".map").unwrap_or(place);
        ctx.errors.push(AnalysisError::Missing {
            place: parent.to_owned(),
            property: "map",
        });
        return None;
    };
    let Some(entries) = value.as_object() else {
        ctx.wrong(place, "an object of choice value → Kano option");
        return None;
    };
    let mut out = Vec::new();
    let mut ok = true;
    for (key, option) in entries {
        match option
            .as_str()
            .and_then(|s| serde_json::from_value::<KanoOption>(Value::String(s.to_owned())).ok())
        {
            Some(option) => out.push((key.clone(), option)),
            None => {
                ok = false;
                let found = option
                    .as_str()
                    .map_or_else(|| option.to_string(), str::to_owned);
                ctx.errors.push(AnalysisError::UnknownKanoOption {
                    place: format!("{place}.{key}"),
                    found,
                });
            }
        }
    }
    ok.then_some(out)
}

/// Each choice's Kano option by index; unmapped applicable choices and
/// mapped N/A choices are errors.
fn apply(
    ctx: &mut Ctx<'_>,
    question: &Question,
    options: &[(String, KanoOption)],
    place: &str,
) -> Vec<Option<KanoOption>> {
    choices(question)
        .iter()
        .map(|choice| {
            let key = value_key(&choice.value);
            let option = options.iter().find(|(k, _)| *k == key).map(|(_, o)| *o);
            let value = choice.value.to_string();
            match (choice.not_applicable, option) {
                (true, Some(_)) => {
                    ctx.errors.push(AnalysisError::MappedNotApplicable {
                        place: format!("{place}.{key}"),
                        question: question.name.clone(),
                        value,
                    });
                    None
                }
                (false, None) => {
                    ctx.errors.push(AnalysisError::UnmappedChoice {
                        place: place.to_owned(),
                        question: question.name.clone(),
                        value,
                    });
                    None
                }
                (_, option) => option,
            }
        })
        .collect()
}

fn choices(question: &Question) -> &[Choice] {
    match &question.kind {
        QuestionKind::RadioGroup { choices } | QuestionKind::Dropdown { choices } => choices,
        _ => &[],
    }
}
