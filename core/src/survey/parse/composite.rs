//! The question types added for SurveyJS coverage: choice lists with their
//! legacy and tolerance properties (`choicesByUrl`, `choicesOrder`,
//! `hasOther`, `hasNone`), pictures, signatures, files, and the types whose
//! parts are questions themselves (`multipletext`, `matrixdropdown`,
//! `matrixdynamic`, `paneldynamic`), parsed with the same question loader
//! in template mode.

use serde_json::Value;

use super::choice::choices;
use super::props::{describe, Props};
use super::question::Extras;
use super::{labelled, Ctx, Loader};
use crate::survey::{
    Choice, Element, ImageFormat, ImageSettings, LocalizedText, ParseError, ParseWarning,
    Question, QuestionKind,
};

/// Cell types a matrix column may have (`cellType`).
const CELL_TYPES: &[&str] = &[
    "dropdown",
    "checkbox",
    "radiogroup",
    "tagbox",
    "text",
    "comment",
    "boolean",
    "rating",
    "expression",
];

/// True for a URL Canvass shows as a picture: http(s), or a `data:` URL
/// of an image type. Anything else (`javascript:`, `data:text/html`,
/// relative paths that would resolve against the app) is refused.
pub(crate) fn safe_image_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("data:image/")
}

/// `choices` of a radiogroup, dropdown, checkbox or tagbox with what
/// SurveyJS adds around them: `choicesByUrl` (refused unless a cached
/// `choices` list is given), `choicesOrder`, the none item
/// (`hasNone`/`showNoneItem`, `noneText`) and the other item
/// (`hasOther`/`showOtherItem`, `otherText`).
pub(super) fn choice_list(
    p: &mut Props,
    extras: &mut Extras,
    ctx: &mut Ctx,
) -> Option<Vec<Choice>> {
    if p.get("choicesByUrl").is_some() {
        if p.has("choices") {
            ctx.warn(ParseWarning::CachedChoices {
                path: p.place.clone(),
            });
        } else {
            ctx.error(ParseError::Unsupported {
                path: p.place.clone(),
                feature: "choicesByUrl".into(),
                why: "Canvass works offline and never fetches choices; give the list in choices",
            });
            return None;
        }
    }
    let order = p.string("choicesOrder", ctx);
    let has_none = flag(p, "showNoneItem", "hasNone", ctx);
    let none_text = p.text("noneText", ctx);
    let has_other = flag(p, "showOtherItem", "hasOther", ctx);
    let other_text = p.text("otherText", ctx);
    let mut list = choices(p, "choices", ctx)?;
    match order {
        None | Some("none") => {}
        // One stable insertion sort for both orders instead of two
        // driftsorts (docs/SIZE.md); lists are short.
        Some(dir @ ("asc" | "desc")) => crate::small_sort::sort_small_by(&mut list, |a, b| {
            let order = a.text.get("default").cmp(b.text.get("default"));
            if dir == "desc" {
                order.reverse()
            } else {
                order
            }
        }),
        Some("random") => extras.random_order = true,
        Some(other) => {
            ctx.error(ParseError::NotOneOf {
                path: p.place.clone(),
                property: "choicesOrder".into(),
                allowed: "none, asc, desc, random",
                found: format!("{other:?}"),
            });
            return None;
        }
    }
    let mut add = |value: &str, text: Option<LocalizedText>, en: &str, zh: &str, na: bool| {
        if list.iter().any(|c| c.value.as_str() == Some(value)) {
            return;
        }
        list.push(Choice {
            value: Value::String(value.to_owned()),
            text: text.unwrap_or_else(|| two(en, zh)),
            score: None,
            not_applicable: na,
            visible_if: None,
        });
    };
    if has_none {
        // Exclusive in a checkbox and never scored, like an N/A choice.
        add("none", none_text, "None", "无", true);
    }
    if has_other {
        add(
            "other",
            other_text,
            "Other (describe)",
            "其他（请描述）",
            false,
        );
        extras.has_other = true;
    }
    Some(list)
}

/// A boolean flag under its modern name or its old one (both SurveyJS).
fn flag(p: &mut Props, modern: &'static str, old: &'static str, ctx: &mut Ctx) -> bool {
    let a = p.bool(modern, ctx);
    let b = p.bool(old, ctx);
    a.or(b).unwrap_or(false)
}

/// A text in English (default) and Chinese.
fn two(en: &str, zh: &str) -> LocalizedText {
    let mut t = LocalizedText::plain(en);
    t.0.insert("zh-cn".into(), zh.into());
    t
}

/// A whole number ≥ 0 under `key`, `default` when absent.
pub(super) fn whole(p: &mut Props, key: &'static str, default: u32, ctx: &mut Ctx) -> Option<u32> {
    let Some(value) = p.get(key) else {
        return Some(default);
    };
    match value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX))
    {
        Some(n) => Some(n as u32),
        None => {
            p.wrong(ctx, key, "a whole number ≥ 0", value);
            None
        }
    }
}

/// `image`: `imageLink` (required, http(s) or `data:image/`), `altText`.
pub(super) fn image(p: &mut Props, ctx: &mut Ctx) -> Option<QuestionKind> {
    let alt = p.text("altText", ctx);
    let link = match p.string("imageLink", ctx) {
        Some(link) if safe_image_url(link) => link.to_owned(),
        Some(link) => {
            ctx.error(ParseError::UnsafeUrl {
                path: p.place.clone(),
                property: "imageLink".into(),
                found: describe(&Value::String(link.to_owned())),
            });
            return None;
        }
        None => {
            if !p.has("imageLink") {
                ctx.error(ParseError::Missing {
                    path: p.place.clone(),
                    property: "imageLink".into(),
                });
            }
            return None;
        }
    };
    Some(QuestionKind::Image { link, alt })
}

/// `file`: `sourceType` (`file`, `camera`, `file-camera`), `allowMultiple`,
/// `maxSize` (bytes), `acceptedTypes`, and the Canvass resize settings
/// `imageMaxSide`, `imageFormat`, `imageQuality`. `storeDataAsText` and
/// `waitForUpload` are read and ignored: Canvass never stores a file as
/// text in the answer (the content is a media file's name) and never
/// uploads (everything stays on the device until exported).
pub(super) fn file(p: &mut Props, ctx: &mut Ctx) -> Option<QuestionKind> {
    let source = match p.string("sourceType", ctx) {
        None => "file",
        Some(s @ ("file" | "camera" | "file-camera")) => s,
        Some(other) => {
            ctx.error(ParseError::NotOneOf {
                path: p.place.clone(),
                property: "sourceType".into(),
                allowed: "file, camera, file-camera",
                found: format!("{other:?}"),
            });
            return None;
        }
    };
    let multiple = p.bool("allowMultiple", ctx).unwrap_or(false);
    let max_size = whole(p, "maxSize", 0, ctx)?;
    let accepted_types = p.string("acceptedTypes", ctx).unwrap_or("image/*").to_owned();
    let _ = p.bool("storeDataAsText", ctx);
    let _ = p.bool("waitForUpload", ctx);
    let defaults = ImageSettings::default();
    let max_side = whole(p, "imageMaxSide", defaults.max_side, ctx)?;
    if !(64..=8192).contains(&max_side) {
        let value = p.get("imageMaxSide").cloned().unwrap_or_default();
        p.wrong(ctx, "imageMaxSide", "a whole number from 64 to 8192", &value);
        return None;
    }
    let format = match p.string("imageFormat", ctx) {
        None | Some("jpeg") => ImageFormat::Jpeg,
        Some("webp") => ImageFormat::Webp,
        Some(other) => {
            ctx.error(ParseError::NotOneOf {
                path: p.place.clone(),
                property: "imageFormat".into(),
                allowed: "jpeg, webp",
                found: format!("{other:?}"),
            });
            return None;
        }
    };
    let quality = p.number("imageQuality", ctx).unwrap_or(defaults.quality);
    if !(0.1..=1.0).contains(&quality) {
        let value = p.get("imageQuality").cloned().unwrap_or_default();
        p.wrong(ctx, "imageQuality", "a number from 0.1 to 1", &value);
        return None;
    }
    Some(QuestionKind::File {
        source: source.to_owned(),
        multiple,
        max_size: u64::from(max_size),
        accepted_types,
        image: ImageSettings {
            max_side,
            format,
            quality,
        },
    })
}

/// `mediaLimit` (survey, Canvass): bytes of media one response may hold;
/// at least 1 KiB (a smaller cap would refuse every photo).
pub(super) fn media_limit(p: &mut Props, ctx: &mut Ctx) -> u64 {
    let Some(value) = p.get("mediaLimit") else {
        return crate::survey::DEFAULT_MEDIA_LIMIT;
    };
    match value.as_u64().filter(|n| *n >= 1024) {
        Some(n) => n,
        None => {
            p.wrong(ctx, "mediaLimit", "a whole number of bytes ≥ 1024", value);
            crate::survey::DEFAULT_MEDIA_LIMIT
        }
    }
}

impl Loader {
    /// The kind of a type made of questions; `path` is the question's.
    pub(super) fn composite(
        &mut self,
        p: &mut Props,
        path: &str,
        type_name: &str,
    ) -> Option<QuestionKind> {
        match type_name {
            "multipletext" => {
                let items = self.required(p, "items")?;
                let items = self.in_template("multipletext", |this| {
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            let path = format!("{path}.items[{i}]");
                            let props = Props::new(item, labelled(&path, item), &mut this.ctx)?;
                            this.question(props, path, "text")
                        })
                        .collect::<Vec<_>>()
                });
                let items: Option<Vec<Question>> = items.into_iter().collect();
                Some(QuestionKind::MultipleText { items: items? })
            }
            "matrixdropdown" => {
                let rows = super::choice::matrix_rows(p, &mut self.ctx);
                let columns = self.columns(p, path, "matrixdropdown");
                Some(QuestionKind::MatrixDropdown {
                    rows: rows?,
                    columns: columns?,
                })
            }
            "matrixdynamic" => {
                let row_count = whole(p, "rowCount", 2, &mut self.ctx);
                let min_rows = whole(p, "minRowCount", 0, &mut self.ctx);
                let max_rows = whole(p, "maxRowCount", 1000, &mut self.ctx);
                let columns = self.columns(p, path, "matrixdynamic");
                Some(QuestionKind::MatrixDynamic {
                    columns: columns?,
                    row_count: row_count?,
                    min_rows: min_rows?,
                    max_rows: max_rows?,
                })
            }
            _ => {
                let panel_count = whole(p, "panelCount", 0, &mut self.ctx);
                let min_panels = whole(p, "minPanelCount", 0, &mut self.ctx);
                let max_panels = whole(p, "maxPanelCount", 100, &mut self.ctx);
                let items = self.required(p, "templateElements")?;
                let template = self.in_template("paneldynamic", |this| {
                    let mut out = Vec::new();
                    for (i, item) in items.iter().enumerate() {
                        let path = format!("{path}.templateElements[{i}]");
                        if let Some(element) = this.element(item, path) {
                            flatten(element, &mut out);
                        }
                    }
                    out
                });
                Some(QuestionKind::PanelDynamic {
                    template,
                    panel_count: panel_count?,
                    min_panels: min_panels?,
                    max_panels: max_panels?,
                })
            }
        }
    }

    /// A required, non-empty array property.
    fn required<'a>(&mut self, p: &mut Props<'a>, key: &'static str) -> Option<&'a [Value]> {
        let present = p.has(key);
        let items = p.array(key, &mut self.ctx);
        if !present {
            self.ctx.error(ParseError::Missing {
                path: p.place.clone(),
                property: key.to_owned(),
            });
        }
        let items = items?;
        if items.is_empty() {
            self.ctx.error(ParseError::Empty {
                path: p.place.clone(),
                property: key.to_owned(),
            });
            return None;
        }
        Some(items)
    }

    /// Runs `f` with template mode on for `container` (names unique within
    /// it), restoring the outer mode.
    fn in_template<T>(&mut self, container: &'static str, f: impl FnOnce(&mut Self) -> T) -> T {
        let outer = self.template.replace((container, Default::default()));
        let out = f(self);
        self.template = outer;
        out
    }

    /// `columns` of a matrixdropdown/matrixdynamic: each a question of its
    /// `cellType` (default: the matrix's `cellType`, else `dropdown`), with
    /// the matrix's `choices` when it has none of its own.
    fn columns(
        &mut self,
        p: &mut Props,
        path: &str,
        container: &'static str,
    ) -> Option<Vec<Question>> {
        let default_type = p
            .string("cellType", &mut self.ctx)
            .unwrap_or("dropdown")
            .to_owned();
        let shared = p.get("choices").cloned();
        let items = self.required(p, "columns")?;
        let place = p.place.clone();
        let columns = self.in_template(container, |this| {
            items
                .iter()
                .enumerate()
                .map(|(i, column)| {
                    let path = format!("{path}.columns[{i}]");
                    let mut column = column.clone();
                    let mut cell_type = default_type.clone();
                    if let Value::Object(map) = &mut column {
                        match map.remove("cellType") {
                            Some(Value::String(t)) if t != "default" => cell_type = t,
                            Some(Value::String(_)) | None => {}
                            Some(other) => {
                                this.ctx.error(ParseError::WrongType {
                                    path: format!("{place}.columns[{i}]"),
                                    property: "cellType".into(),
                                    expected: "a string",
                                    found: describe(&other),
                                });
                                return None;
                            }
                        }
                        let needs = matches!(cell_type.as_str(), "dropdown" | "checkbox" | "radiogroup" | "tagbox");
                        if needs && !map.contains_key("choices") {
                            if let Some(shared) = &shared {
                                map.insert("choices".into(), shared.clone());
                            }
                        }
                    }
                    let label = labelled(&path, &column);
                    if !CELL_TYPES.contains(&cell_type.as_str()) {
                        this.ctx.error(ParseError::Unsupported {
                            path: label,
                            feature: format!("cellType {cell_type:?}"),
                            why: "matrix cells may be dropdown, checkbox, radiogroup, tagbox, text, comment, boolean, rating or expression",
                        });
                        return None;
                    }
                    let props = Props::new(&column, label, &mut this.ctx)?;
                    this.question(props, path, &cell_type)
                })
                .collect::<Vec<_>>()
        });
        columns.into_iter().collect()
    }
}

/// The questions of a template element, panels flattened (a panel inside a
/// dynamic panel only groups; its questions are what is answered).
fn flatten(element: Element, out: &mut Vec<Question>) {
    match element {
        Element::Question(q) => out.push(q),
        Element::Panel(p) => {
            for e in p.elements {
                flatten(e, out);
            }
        }
    }
}
