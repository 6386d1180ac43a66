//! One question: the properties every question has, then its type's own.

use super::choice::{choices, image_choices, matrix_rows, rating};
use super::composite::{choice_list, file, image, whole};
use super::props::Props;
use super::validators::{bounds, required_string, validators};
use super::{Ctx, Loader, QuestionInfo};
use crate::survey::{InputType, LocalizedText, ParseError, Question, QuestionKind};

impl Loader {
    /// Parses the question read by `p` at `path` (its place in messages is
    /// `p.place`, the path with the name). Registers its name for the
    /// duplicate and cross-reference checks.
    pub(super) fn question(
        &mut self,
        mut p: Props,
        path: String,
        type_name: &str,
    ) -> Option<Question> {
        let ctx = &mut self.ctx;
        let name = question_name(&mut p, ctx);
        let title = p.text("title", ctx).filter(|t| !t.is_empty());
        let description = p.text("description", ctx);
        let is_required = p.bool("isRequired", ctx).unwrap_or(false);
        let visible_if = p.expression("visibleIf", ctx);
        let enable_if = p.expression("enableIf", ctx);
        let required_if = p.expression("requiredIf", ctx);
        let scored = p.bool("scored", ctx).unwrap_or(false);
        let reverse = p.bool("reverse", ctx).unwrap_or(false);
        let weight = p.weight("weight", ctx);
        let box_size = p.box_size(ctx);
        let validators = validators(&mut p, ctx);
        let mut extras = Extras::default();
        let kind = if COMPOSITE.contains(&type_name) {
            self.composite(&mut p, &path, type_name)
        } else {
            kind(&mut p, type_name, &mut extras, &mut self.ctx)
        };
        let ctx = &mut self.ctx;
        let comment = match &kind {
            Some(k) if !k.is_display() => comment_box(&mut p, ctx),
            _ => None,
        };
        // The conditions and expressions of template parts are compiled
        // and checked with the survey's logic (`logic::Parts`).
        let place = p.place.clone();
        p.finish(ctx);
        let name = name?;
        self.register(&name, &place, type_name, &kind);
        Some(Question {
            title: title.unwrap_or_else(|| LocalizedText::plain(name.clone())),
            name,
            description,
            kind: kind?,
            is_required,
            visible_if,
            enable_if,
            required_if,
            scored,
            reverse,
            weight,
            box_size,
            validators,
            path,
            has_other: extras.has_other,
            comment,
            random_order: extras.random_order,
        })
    }

    fn register(&mut self, name: &str, place: &str, type_name: &str, kind: &Option<QuestionKind>) {
        if let Some((_, names)) = &mut self.template {
            // Inside a template names are unique within it, and are not
            // survey questions (no cross-references to them).
            match names.get(name) {
                Some(first) => self.ctx.error(ParseError::DuplicateQuestion {
                    path: place.to_owned(),
                    name: name.to_owned(),
                    first: first.clone(),
                }),
                None => {
                    names.insert(name.to_owned(), place.to_owned());
                }
            }
            return;
        }
        if let Some(first) = self.questions.get(name) {
            self.ctx.error(ParseError::DuplicateQuestion {
                path: place.to_owned(),
                name: name.to_owned(),
                first: first.place.clone(),
            });
            return;
        }
        let rows = match kind {
            Some(QuestionKind::Matrix { rows, .. }) => Some(rows.iter().map(|r| r.key()).collect()),
            _ => None,
        };
        let broken = kind.is_none() && type_name == "matrix";
        self.questions.insert(
            name.to_owned(),
            QuestionInfo {
                place: place.to_owned(),
                rows,
                broken,
            },
        );
    }
}

/// `name`: required, a non-empty string.
fn question_name(p: &mut Props, ctx: &mut Ctx) -> Option<String> {
    let present = p.has("name");
    match p.string("name", ctx) {
        Some("") => ctx.error(ParseError::Empty {
            path: p.place.clone(),
            property: "name".into(),
        }),
        Some(name) => return Some(name.to_owned()),
        None if !present => ctx.error(ParseError::Missing {
            path: p.place.clone(),
            property: "name".into(),
        }),
        None => {}
    }
    None
}

/// Types whose parts are questions themselves (`composite.rs`).
const COMPOSITE: &[&str] = &["multipletext", "matrixdropdown", "matrixdynamic", "paneldynamic"];

/// What a choice list adds to the question (not to its kind).
#[derive(Default)]
pub(super) struct Extras {
    pub has_other: bool,
    pub random_order: bool,
}

/// `hasComment` / `showCommentArea` with `commentText` (default: SurveyJS's
/// "Other (describe)" wording).
fn comment_box(p: &mut Props, ctx: &mut Ctx) -> Option<LocalizedText> {
    let on = p.bool("showCommentArea", ctx).or(p.bool("hasComment", ctx));
    let text = p.text("commentText", ctx);
    on.filter(|on| *on)?;
    Some(text.unwrap_or_else(|| {
        let mut t = LocalizedText::plain("Other (describe)");
        t.0.insert("zh-cn".into(), "其他（请描述）".into());
        t
    }))
}

/// The type-specific part of a question.
fn kind(p: &mut Props, type_name: &str, extras: &mut Extras, ctx: &mut Ctx) -> Option<QuestionKind> {
    Some(match type_name {
        "radiogroup" => QuestionKind::RadioGroup {
            choices: choice_list(p, extras, ctx)?,
        },
        "dropdown" => QuestionKind::Dropdown {
            choices: choice_list(p, extras, ctx)?,
        },
        "checkbox" => QuestionKind::Checkbox {
            choices: choice_list(p, extras, ctx)?,
        },
        "tagbox" => QuestionKind::Tagbox {
            choices: choice_list(p, extras, ctx)?,
        },
        "imagepicker" => {
            let multi_select = p.bool("multiSelect", ctx).unwrap_or(false);
            let (choices, images) = image_choices(p, ctx)?;
            QuestionKind::ImagePicker {
                choices,
                images,
                multi_select,
            }
        }
        "html" => QuestionKind::Html {
            html: p.text("html", ctx).unwrap_or_default(),
        },
        "image" => image(p, ctx)?,
        "signaturepad" => QuestionKind::SignaturePad {
            width: whole(p, "signatureWidth", 300, ctx)?,
            height: whole(p, "signatureHeight", 200, ctx)?,
        },
        "file" => file(p, ctx)?,
        "ranking" => QuestionKind::Ranking {
            choices: choices(p, "choices", ctx)?,
        },
        "rating" => rating(p, ctx)?,
        "boolean" => boolean(p, ctx)?,
        "text" => text(p, ctx)?,
        "comment" => QuestionKind::Comment {
            placeholder: p.text("placeholder", ctx),
        },
        "matrix" => {
            let rows = matrix_rows(p, ctx);
            let columns = choices(p, "columns", ctx);
            QuestionKind::Matrix {
                rows: rows?,
                columns: columns?,
            }
        }
        "expression" => {
            let expression = required_string(p, "expression", ctx);
            let min = p.number("min", ctx);
            let max = p.number("max", ctx);
            let before = ctx.error_count();
            bounds(p, ("min", min), ("max", max), ctx);
            if ctx.error_count() > before {
                return None;
            }
            QuestionKind::Expression {
                expression: expression?,
                min,
                max,
            }
        }
        other => {
            ctx.error(ParseError::UnknownQuestionType {
                path: p.place.clone(),
                type_name: other.to_owned(),
            });
            return None;
        }
    })
}

/// `boolean`: labels, and `scoreTrue`/`scoreFalse` both or neither.
fn boolean(p: &mut Props, ctx: &mut Ctx) -> Option<QuestionKind> {
    let label_true = p.text("labelTrue", ctx);
    let label_false = p.text("labelFalse", ctx);
    let (has_true, has_false) = (p.has("scoreTrue"), p.has("scoreFalse"));
    let score_true = p.number("scoreTrue", ctx);
    let score_false = p.number("scoreFalse", ctx);
    let one_sided = match (has_true, has_false) {
        (true, false) => Some(("scoreTrue", "scoreFalse")),
        (false, true) => Some(("scoreFalse", "scoreTrue")),
        _ => None,
    };
    if let Some((given, missing)) = one_sided {
        ctx.error(ParseError::BooleanScore {
            path: p.place.clone(),
            given,
            missing,
        });
        return None;
    }
    Some(QuestionKind::Boolean {
        label_true,
        label_false,
        score_true: score_true.unwrap_or(1.0),
        score_false: score_false.unwrap_or(0.0),
    })
}

/// `text`: `inputType`, and `min`/`max` for number input (other input
/// types leave `min`/`max` unread, so they are reported as ignored).
fn text(p: &mut Props, ctx: &mut Ctx) -> Option<QuestionKind> {
    let placeholder = p.text("placeholder", ctx);
    let input_type = match p.string("inputType", ctx) {
        None | Some("text") => InputType::Text,
        Some("number") => InputType::Number,
        Some("date") => InputType::Date,
        Some("email") => InputType::Email,
        Some("tel") => InputType::Tel,
        Some(other) => {
            ctx.error(ParseError::NotOneOf {
                path: p.place.clone(),
                property: "inputType".into(),
                allowed: "text, number, date, email, tel",
                found: format!("{other:?}"),
            });
            return None;
        }
    };
    let (mut min, mut max) = (None, None);
    if input_type == InputType::Number {
        min = p.number("min", ctx);
        max = p.number("max", ctx);
        if let (Some(lo), Some(hi)) = (min, max) {
            if lo > hi {
                ctx.error(ParseError::TextBounds {
                    path: p.place.clone(),
                    min: lo,
                    max: hi,
                });
                return None;
            }
        }
    }
    Some(QuestionKind::Text {
        input_type,
        min,
        max,
        placeholder,
    })
}
