//! The strict loader: SurveyJS JSON text → `Survey`.
//!
//! The JSON is walked by hand as a `serde_json::Value` rather than derived
//! with serde, because a derived deserializer stops at the first problem and
//! cannot say where in the survey it is. Here every error and warning names
//! its place, every error found is reported in one go, and every property
//! Canvass does not read becomes a warning instead of vanishing.
//!
//! Steps: the survey and its pages (this file), each element
//! (`question.rs`, with choice lists in `choice.rs`), the `scoring` object
//! (`scoring.rs`), then the cross-references between them (`refs.rs`).
//! Semantic checks of the scoring (ranges, AHP values, cycles, bands) are the
//! scoring compiler's, which runs after this.

mod ahp;
mod choice;
mod composite;
mod grades;
mod hash;
mod logic;
mod props;
mod question;
mod refs;
mod scoring;
mod validators;

use std::collections::BTreeMap;

use serde_json::Value;

use self::logic::{Conditions, SurveyLogic};
use self::props::Props;
use super::{Element, LocalizedText, Page, Panel, ParseError, ParseWarning, Survey};

/// Parses a survey definition (see docs/FORMAT.md).
///
/// On success, returns the survey with the warnings about properties Canvass
/// ignores; on failure, every error found, each naming its place. Malformed
/// JSON gives a single error with serde's line and column.
///
/// ```
/// use canvass_core::survey::parse;
///
/// let json = r#"{"elements": [{"type": "boolean", "name": "ok"}], "showProgressBar": "top"}"#;
/// let (survey, warnings) = parse(json).unwrap();
/// assert_eq!(survey.questions()[0].name, "ok");
/// assert_eq!(warnings[0].to_string(), r#"survey: property "showProgressBar" is ignored by Canvass"#);
///
/// let json = r#"{"elements": [{"type": "rating", "name": "q7", "rateMin": 5, "rateMax": 3}]}"#;
/// let errors = parse(json).unwrap_err();
/// assert_eq!(errors[0].to_string(), r#"elements[0] "q7": rateMax (3) must not be less than rateMin (5)"#);
/// ```
pub fn parse(json: &str) -> Result<(Survey, Vec<ParseWarning>), Vec<ParseError>> {
    let value: Value = serde_json::from_str(json).map_err(|e| vec![syntax_error(&e)])?;
    let mut loader = Loader::default();
    let survey = loader.survey(&value);
    match survey {
        Some(survey) if loader.ctx.errors.is_empty() => Ok((survey, loader.ctx.warnings)),
        _ => Err(loader.ctx.errors),
    }
}

fn syntax_error(e: &serde_json::Error) -> ParseError {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    ParseError::Syntax {
        line: e.line(),
        column: e.column(),
        message,
    }
}

/// Errors and warnings collected so far.
#[derive(Default)]
pub(super) struct Ctx {
    errors: Vec<ParseError>,
    warnings: Vec<ParseWarning>,
}

impl Ctx {
    pub fn error(&mut self, error: ParseError) {
        self.errors.push(error);
    }

    /// How many errors so far: a part is valid when parsing it added none.
    pub fn error_count(&self) -> usize {
        self.errors.len()
    }

    pub fn warn(&mut self, warning: ParseWarning) {
        self.warnings.push(warning);
    }

    pub fn warning_count(&self) -> usize {
        self.warnings.len()
    }

    /// Inserts `warnings` at position `at` (clamped to the end).
    pub fn warn_at(&mut self, at: usize, warnings: Vec<ParseWarning>) {
        let at = at.min(self.warnings.len());
        self.warnings.splice(at..at, warnings);
    }
}

/// What the cross-reference checks need to know about a question.
pub(super) struct QuestionInfo {
    /// Its place, e.g. `pages[0].elements[2] "q3"`.
    place: String,
    /// Row keys when it is a matrix.
    rows: Option<Vec<String>>,
    /// Its type-specific part had errors, so its rows are unknown.
    broken: bool,
}

/// The state of one parse: diagnostics and the questions seen so far.
#[derive(Default)]
struct Loader {
    ctx: Ctx,
    questions: BTreeMap<String, QuestionInfo>,
    panels: usize,
    /// Inside a template (matrix columns, dynamic panel, multiple-text
    /// items): its type name and the names used in it so far.
    template: Option<(&'static str, BTreeMap<String, String>)>,
}

/// The place of a named thing: its path, then its name in quotes.
pub(super) fn labelled(path: &str, value: &Value) -> String {
    match value.get("name").and_then(Value::as_str) {
        Some(name) => format!("{path} {name:?}"),
        None => path.to_owned(),
    }
}

impl Loader {
    fn survey(&mut self, value: &Value) -> Option<Survey> {
        let mut p = Props::new(value, "survey".to_owned(), &mut self.ctx)?;
        let title = p.text("title", &mut self.ctx).unwrap_or_default();
        let id = match p.string("id", &mut self.ctx) {
            Some("") => {
                self.ctx.error(ParseError::Empty {
                    path: p.place.clone(),
                    property: "id".into(),
                });
                String::new()
            }
            Some(id) => id.to_owned(),
            None => slug(title.get("default")),
        };
        let version = match p.get("version") {
            None => "1".to_owned(),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                p.wrong(&mut self.ctx, "version", "a string or a number", other);
                String::new()
            }
        };
        let description = p.text("description", &mut self.ctx);
        let pages = self.pages(&mut p);
        let survey_logic = SurveyLogic::read(&mut p, &self.questions, &mut self.ctx);
        let scoring_value = p.get("scoring");
        let media_limit = self::composite::media_limit(&mut p, &mut self.ctx);
        p.finish(&mut self.ctx);
        let (scoring, refs) = match scoring_value {
            Some(v) => scoring::scoring(v, &mut self.ctx),
            None => (scoring::defaults(), refs::Refs::default()),
        };
        refs::check(&scoring, &refs, &self.questions, &mut self.ctx);
        Some(Survey {
            id,
            version,
            hash: hash::canonical_hash(value),
            title,
            description,
            pages,
            scoring,
            calculated_values: survey_logic.calculated_values,
            completed_html: survey_logic.completed_html,
            completed_html_on_condition: survey_logic.completed_html_on_condition,
            media_limit,
        })
    }

    /// `pages`, or top-level `elements` (or the old `questions`) as a
    /// single page.
    fn pages(&mut self, p: &mut Props) -> Vec<Page> {
        let pages = p.array("pages", &mut self.ctx);
        let elements = self.elements_or_questions(p);
        match (pages, elements) {
            (Some(_), Some(_)) => self.ctx.error(ParseError::Conflict {
                path: p.place.clone(),
                first: "pages".into(),
                second: "elements".into(),
            }),
            (None, None) if !p.has("pages") && !p.has("elements") && !p.has("questions") => {
                self.ctx.error(ParseError::Missing {
                    path: p.place.clone(),
                    property: "pages (or elements)".into(),
                })
            }
            _ => {}
        }
        if let Some(pages) = pages {
            if pages.is_empty() {
                self.ctx.error(ParseError::Empty {
                    path: p.place.clone(),
                    property: "pages".into(),
                });
            }
            return pages
                .iter()
                .enumerate()
                .filter_map(|(i, v)| self.page(i, v))
                .collect();
        }
        match elements {
            Some(items) => vec![Page {
                name: "page1".to_owned(),
                title: None,
                description: None,
                elements: self.elements(items, ""),
                visible_if: None,
                enable_if: None,
                is_required: false,
                required_if: None,
            }],
            None => Vec::new(),
        }
    }

    fn page(&mut self, index: usize, value: &Value) -> Option<Page> {
        let path = format!("pages[{index}]");
        let mut p = Props::new(value, path.clone(), &mut self.ctx)?;
        let Group {
            name,
            title,
            description,
            conditions,
            elements,
        } = self.group(&mut p, &path, || format!("page{}", index + 1));
        p.finish(&mut self.ctx);
        Some(Page {
            name,
            title,
            description,
            elements,
            visible_if: conditions.visible_if,
            enable_if: conditions.enable_if,
            is_required: conditions.is_required,
            required_if: conditions.required_if,
        })
    }

    /// What a page and a panel both have, read in the same order for both
    /// (so that errors come out in document order); `default_name` names an
    /// unnamed one as SurveyJS does.
    fn group(&mut self, p: &mut Props, path: &str, default_name: impl FnOnce() -> String) -> Group {
        let name = p
            .string("name", &mut self.ctx)
            .map_or_else(default_name, str::to_owned);
        let title = p.text("title", &mut self.ctx);
        let description = p.text("description", &mut self.ctx);
        let conditions = Conditions::read(p, &mut self.ctx);
        let elements = self
            .elements_or_questions(p)
            .map(|items| self.elements(items, path))
            .unwrap_or_default();
        Group {
            name,
            title,
            description,
            conditions,
            elements,
        }
    }

    /// `elements`, or `questions` as SurveyJS wrote it before panels
    /// existed (a warning names the old spelling); both is an error.
    fn elements_or_questions<'a>(&mut self, p: &mut Props<'a>) -> Option<(&'a [Value], &'static str)> {
        let elements = p.array("elements", &mut self.ctx).map(|e| (e, "elements"));
        if !p.has("questions") {
            p.get("questions");
            return elements;
        }
        let questions = p.array("questions", &mut self.ctx);
        if elements.is_some() || p.has("elements") {
            self.ctx.error(ParseError::Conflict {
                path: p.place.clone(),
                first: "elements".into(),
                second: "questions".into(),
            });
            return elements;
        }
        self.ctx.warn(ParseWarning::Legacy {
            path: p.place.clone(),
            property: "questions".into(),
            modern: "elements",
        });
        questions.map(|q| (q, "questions"))
    }

    /// The elements of a page or panel at `base` (empty for the top level).
    fn elements(&mut self, (items, key): (&[Value], &str), base: &str) -> Vec<Element> {
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = if base.is_empty() {
                format!("{key}[{i}]")
            } else {
                format!("{base}.{key}[{i}]")
            };
            if let Some(element) = self.element(item, path) {
                out.push(element);
            }
        }
        out
    }

    fn element(&mut self, value: &Value, path: String) -> Option<Element> {
        let place = labelled(&path, value);
        let mut p = Props::new(value, place, &mut self.ctx)?;
        let type_name = match p.string("type", &mut self.ctx) {
            Some(t) => t,
            None => {
                if !p.has("type") {
                    self.ctx.error(ParseError::Missing {
                        path: p.place.clone(),
                        property: "type".into(),
                    });
                }
                return None;
            }
        };
        if type_name == "panel" {
            return self.panel(p, path).map(Element::Panel);
        }
        self.question(p, path, type_name).map(Element::Question)
    }

    fn panel(&mut self, mut p: Props, path: String) -> Option<Panel> {
        self.panels += 1;
        let number = self.panels;
        let Group {
            name,
            title,
            description,
            conditions,
            elements,
        } = self.group(&mut p, &path, || format!("panel{number}"));
        p.finish(&mut self.ctx);
        Some(Panel {
            name,
            title,
            description,
            elements,
            visible_if: conditions.visible_if,
            enable_if: conditions.enable_if,
            is_required: conditions.is_required,
            required_if: conditions.required_if,
            path,
        })
    }
}

/// The properties a page and a panel share, as `Parser::group` reads them.
struct Group {
    name: String,
    title: Option<LocalizedText>,
    description: Option<LocalizedText>,
    conditions: Conditions,
    elements: Vec<Element>,
}

/// The default survey id: the default title in ASCII lower case, every run
/// of other characters turned into one `-`, trimmed; `survey` when nothing
/// is left (e.g. a title only in Chinese).
fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "survey".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slug_keeps_ascii_words_and_falls_back_to_survey() {
        let cases = [
            ("Repair Callback 2024!", "repair-callback-2024"),
            ("  --Hello__World--  ", "hello-world"),
            ("物业满意度调查", "survey"),
            ("", "survey"),
            ("供电 Survey 95598", "survey-95598"),
        ];
        for (title, expected) in cases {
            assert_eq!(slug(title), expected, "{title}");
        }
    }
}
