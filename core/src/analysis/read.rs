//! Small readers for the analysis JSON that collect every error with its
//! place instead of stopping at the first.

use serde_json::{Map, Value};

use super::AnalysisError;
use crate::scoring::{kind_name, Item, ItemKind};
use crate::survey::{InputType, LocalizedText, Question, QuestionKind, Survey};

/// The survey being checked and the errors found so far.
pub(super) struct Ctx<'a> {
    pub survey: &'a Survey,
    pub errors: Vec<AnalysisError>,
}

impl<'a> Ctx<'a> {
    /// `value` as an object whose keys are all in `allowed`.
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        place: &str,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.wrong(place, "an object");
            return None;
        };
        for key in map.keys().filter(|k| !allowed.contains(&k.as_str())) {
            self.errors.push(AnalysisError::UnknownProperty {
                place: place.to_owned(),
                property: key.clone(),
            });
        }
        Some(map)
    }

    /// `value` as an array.
    pub fn array<'v>(&mut self, value: &'v Value, place: &str) -> Option<&'v Vec<Value>> {
        let array = value.as_array();
        if array.is_none() {
            self.wrong(place, "an array");
        }
        array
    }

    /// Reads a list of named objects (`gaps`, `kano`, `themes`, `targets`):
    /// each entry must be an object with keys in `allowed` and a unique
    /// non-empty `name`; `each` gets the entry's place, its object and its
    /// name (`None` when that was reported missing or wrong) and gives the
    /// parsed entry, or `None` when it was reported bad.
    pub fn named_list<'v, T>(
        &mut self,
        value: &'v Value,
        place: &str,
        allowed: &[&str],
        mut each: impl FnMut(&mut Self, String, &'v Map<String, Value>, Option<String>) -> Option<T>,
    ) -> Vec<T> {
        let Some(list) = self.array(value, place) else {
            return Vec::new();
        };
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for (i, entry) in list.iter().enumerate() {
            let place = format!("{place}[{i}]");
            let Some(map) = self.object(entry, &place, allowed) else {
                continue;
            };
            let name = self.string(map, "name", &place);
            if let Some(name) = &name {
                check_unique(self, &mut seen, name, &place);
            }
            out.extend(each(self, place, map, name));
        }
        out
    }

    pub fn wrong(&mut self, place: &str, expected: &'static str) {
        self.errors.push(AnalysisError::WrongType {
            place: place.to_owned(),
            expected,
        });
    }

    /// A required property, or reports it missing.
    fn required<'m>(
        &mut self,
        map: &'m Map<String, Value>,
        key: &'static str,
        place: &str,
    ) -> Option<&'m Value> {
        let value = map.get(key);
        if value.is_none() {
            self.errors.push(AnalysisError::Missing {
                place: place.to_owned(),
                property: key,
            });
        }
        value
    }

    /// A required non-empty string property.
    pub fn string(
        &mut self,
        map: &Map<String, Value>,
        key: &'static str,
        place: &str,
    ) -> Option<String> {
        match self.required(map, key, place)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            _ => {
                self.wrong(&format!("{place}.{key}"), "a non-empty string");
                None
            }
        }
    }

    /// A required finite number property.
    pub fn number(
        &mut self,
        map: &Map<String, Value>,
        key: &'static str,
        place: &str,
    ) -> Option<f64> {
        let n = self
            .required(map, key, place)?
            .as_f64()
            .filter(|n| n.is_finite());
        if n.is_none() {
            self.wrong(&format!("{place}.{key}"), "a number");
        }
        n
    }

    /// The optional localisable `title`, defaulting to `name`.
    pub fn title(&mut self, map: &Map<String, Value>, place: &str, name: &str) -> LocalizedText {
        match map.get("title") {
            None => LocalizedText::plain(name),
            Some(Value::String(s)) => LocalizedText::plain(s.clone()),
            Some(Value::Object(texts)) if texts.values().all(Value::is_string) => {
                LocalizedText(crate::small_sort::map_of(texts.iter().map(|(k, v)| {
                    (
                        k.to_ascii_lowercase(),
                        v.as_str().unwrap_or_default().to_owned(),
                    )
                })))
            }
            Some(_) => {
                self.wrong(
                    &format!("{place}.title"),
                    "a string or an object of locale → string",
                );
                LocalizedText::plain(name)
            }
        }
    }

    /// The question a required property names.
    pub fn question(
        &mut self,
        map: &Map<String, Value>,
        key: &'static str,
        place: &str,
    ) -> Option<&'a Question> {
        let name = self.string(map, key, place)?;
        let found = self.survey.question(&name);
        if found.is_none() {
            self.errors.push(AnalysisError::UnknownQuestion {
                place: format!("{place}.{key}"),
                name,
            });
        }
        found
    }

    /// The question compiled as one item, with the scored-item load errors
    /// (DOMAIN resolved item 15); `needed` says why when it is a matrix.
    pub fn item(&mut self, question: &Question, place: &str, needed: &'static str) -> Option<Item> {
        if matches!(question.kind, QuestionKind::Matrix { .. }) {
            self.kind(question, place, needed);
            return None;
        }
        match Item::compile(question, self.survey.scoring.box_size) {
            Ok(mut items) if items.len() == 1 => items.pop(),
            Ok(_) => {
                self.kind(question, place, needed);
                None
            }
            Err(errors) => {
                let name = &question.name;
                self.errors
                    .extend(errors.into_iter().map(|source| AnalysisError::NoNumbers {
                        place: place.to_owned(),
                        name: name.clone(),
                        source,
                    }));
                None
            }
        }
    }

    /// Reports that `question` is of the wrong kind.
    pub fn kind(&mut self, question: &Question, place: &str, needed: &'static str) {
        self.errors.push(AnalysisError::WrongQuestionKind {
            place: place.to_owned(),
            name: question.name.clone(),
            kind: kind_name(&question.kind),
            needed,
        });
    }
}

/// Whether an item reads one discrete scale point (and so has boxes).
pub(super) fn is_discrete(item: &Item) -> bool {
    matches!(
        item.kind,
        ItemKind::Choice | ItemKind::Rating | ItemKind::Boolean
    ) && item.has_boxes()
}

/// Whether open answers of `question` can be coded by theme.
pub(super) fn is_open(question: &Question) -> bool {
    matches!(
        question.kind,
        QuestionKind::Comment { .. }
            | QuestionKind::Text {
                input_type: InputType::Text,
                ..
            }
    )
}

/// Remembers names within one list and reports repeats.
fn check_unique(ctx: &mut Ctx<'_>, seen: &mut Vec<(String, String)>, name: &str, place: &str) {
    if let Some((_, other)) = seen.iter().find(|(n, _)| n == name) {
        ctx.errors.push(AnalysisError::DuplicateName {
            place: place.to_owned(),
            name: name.to_owned(),
            other: other.clone(),
        });
    } else {
        seen.push((name.to_owned(), place.to_owned()));
    }
}
