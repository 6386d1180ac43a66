//! Reading the properties of one JSON object with a place attached: every
//! typed getter reports a wrong type as an error naming the place and the
//! property, and `finish` warns about every property nobody asked for — so
//! no property is ever dropped silently, and the list of supported
//! properties is exactly the code that reads them.

use serde_json::{Map, Value};

use super::Ctx;
use crate::survey::{LocalizedText, ParseError, ParseWarning};

/// One JSON object being read, with the place it sits at.
pub(super) struct Props<'a> {
    map: &'a Map<String, Value>,
    /// The place for messages, e.g. `pages[0].elements[2] "q3"`.
    pub place: String,
    asked: Vec<&'static str>,
    /// Where this object's warnings go in the list: before those of the
    /// objects inside it, so that warnings read in document order.
    warnings_at: usize,
}

impl<'a> Props<'a> {
    /// Starts reading `value`, or reports that it is not an object.
    pub fn new(value: &'a Value, place: String, ctx: &mut Ctx) -> Option<Props<'a>> {
        match value {
            Value::Object(map) => Some(Props {
                map,
                place,
                asked: Vec::new(),
                warnings_at: ctx.warning_count(),
            }),
            other => {
                ctx.error(ParseError::NotAnObject {
                    path: place,
                    found: describe(other),
                });
                None
            }
        }
    }

    /// The value of `key`, marked as read; `null` counts as absent, as
    /// SurveyJS itself treats it.
    pub fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.asked.push(key);
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// True when `key` is present and not null (does not mark it read).
    pub fn has(&self, key: &str) -> bool {
        self.map.get(key).is_some_and(|v| !v.is_null())
    }

    /// Reports a wrong type for `property` (a key or `key[3]`).
    pub fn wrong(
        &self,
        ctx: &mut Ctx,
        property: impl Into<String>,
        expected: &'static str,
        found: &Value,
    ) {
        ctx.error(ParseError::WrongType {
            path: self.place.clone(),
            property: property.into(),
            expected,
            found: describe(found),
        });
    }

    /// A string property.
    pub fn string(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<&'a str> {
        match self.get(key)? {
            Value::String(s) => Some(s),
            other => {
                self.wrong(ctx, key, "a string", other);
                None
            }
        }
    }

    /// A string property that must be present and non-empty (`name` of
    /// bands and indicators): reports it missing or empty (a wrong type is
    /// reported by `string`). Only `""` is empty here; a validator's
    /// `regex`/`expression` (`validators::required_string`) also rejects
    /// all-blank text.
    pub fn required_string(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<String> {
        match self.string(key, ctx) {
            Some("") => {
                ctx.error(ParseError::Empty {
                    path: self.place.clone(),
                    property: key.into(),
                });
                None
            }
            Some(value) => Some(value.to_owned()),
            None => {
                if !self.has(key) {
                    ctx.error(ParseError::Missing {
                        path: self.place.clone(),
                        property: key.into(),
                    });
                }
                None
            }
        }
    }

    /// A boolean property.
    pub fn bool(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong(ctx, key, "true or false", other);
                None
            }
        }
    }

    /// A number property (JSON numbers are always finite; a string such as
    /// `"NaN"` or `"3"` is a wrong type, never converted).
    pub fn number(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<f64> {
        let value = self.get(key)?;
        match value.as_f64().filter(|n| n.is_finite()) {
            Some(n) => Some(n),
            None => {
                self.wrong(ctx, key, "a number", value);
                None
            }
        }
    }

    /// An array property.
    pub fn array(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<&'a [Value]> {
        match self.get(key)? {
            Value::Array(items) => Some(items),
            other => {
                self.wrong(ctx, key, "an array", other);
                None
            }
        }
    }

    /// A localisable string property.
    pub fn text(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<LocalizedText> {
        let value = self.get(key)?;
        localized(value, &self.place, key, ctx)
    }

    /// An expression property (`visibleIf` …), kept as source text for the
    /// logic module.
    pub fn expression(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<String> {
        self.string(key, ctx).map(str::to_owned)
    }

    /// A weight (`weight`, ≥ 0).
    pub fn weight(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<f64> {
        let weight = self.number(key, ctx)?;
        if weight < 0.0 {
            ctx.error(ParseError::NegativeWeight {
                path: self.place.clone(),
                property: key.to_owned(),
                weight,
            });
            return None;
        }
        Some(weight)
    }

    /// `minAnswered`: a share in [0, 1].
    pub fn min_answered(&mut self, ctx: &mut Ctx) -> Option<f64> {
        let value = self.number("minAnswered", ctx)?;
        if !(0.0..=1.0).contains(&value) {
            ctx.error(ParseError::MinAnswered {
                path: self.place.clone(),
                value,
            });
            return None;
        }
        Some(value)
    }

    /// `boxSize`: a whole number of scale points from 1 (`2.0` counts as 2).
    pub fn box_size(&mut self, ctx: &mut Ctx) -> Option<u32> {
        let value = self.get("boxSize")?;
        let size = value
            .as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX));
        match size {
            Some(n) => Some(n as u32),
            None => {
                ctx.error(ParseError::BoxSize {
                    path: self.place.clone(),
                    found: describe(value),
                });
                None
            }
        }
    }

    /// Marks `key` read and, when it is present, warns that `by` overrides it.
    pub fn overridden(&mut self, key: &'static str, by: &'static str, ctx: &mut Ctx) {
        if self.get(key).is_some() {
            ctx.warn(ParseWarning::Overridden {
                path: self.place.clone(),
                property: key.to_owned(),
                by,
            });
        }
    }

    /// Warns about every property that was not read.
    pub fn finish(self, ctx: &mut Ctx) {
        let mut warnings = Vec::new();
        for key in self.map.keys() {
            if self.asked.contains(&key.as_str()) {
                continue;
            }
            let path = self.place.clone();
            let property = key.clone();
            warnings.push(
                match self.asked.iter().find(|known| looks_like(key, known)) {
                    Some(suggestion) => ParseWarning::Misspelt {
                        path,
                        property,
                        suggestion,
                    },
                    None => ParseWarning::Ignored { path, property },
                },
            );
        }
        ctx.warn_at(self.warnings_at, warnings);
    }
}

/// A localisable string: a plain string (stored as `default`) or an object
/// of locale → string.
pub(super) fn localized(
    value: &Value,
    place: &str,
    key: &str,
    ctx: &mut Ctx,
) -> Option<LocalizedText> {
    match value {
        Value::String(s) => Some(LocalizedText::plain(s.clone())),
        Value::Object(map) => {
            let mut text = LocalizedText::default();
            for (locale, v) in map {
                match v {
                    Value::String(s) => {
                        text.0.insert(locale.clone(), s.clone());
                    }
                    other => ctx.error(ParseError::WrongType {
                        path: place.to_owned(),
                        property: format!("{key}[{locale:?}]"),
                        expected: "a string",
                        found: describe(other),
                    }),
                }
            }
            Some(text)
        }
        other => {
            ctx.error(ParseError::WrongType {
                path: place.to_owned(),
                property: key.to_owned(),
                expected: "a string or an object of locale → string",
                found: describe(other),
            });
            None
        }
    }
}

/// A short description of a JSON value for messages: scalars as written
/// (long strings cut), containers by kind.
pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        Value::String(s) if s.chars().count() > 40 => {
            let cut: String = s.chars().take(40).collect();
            format!("{:?}", cut + "…")
        }
        other => other.to_string(),
    }
}

/// True when `key` is probably a typo of `known`: equal ignoring case, or
/// one edit (insert, delete, substitute, swap neighbours) apart. Kept tight
/// so that real SurveyJS properties (`visible` vs `visibleIf`) are not
/// mistaken for typos.
fn looks_like(key: &str, known: &str) -> bool {
    if key.eq_ignore_ascii_case(known) {
        return true;
    }
    let a: Vec<char> = key.chars().collect();
    let b: Vec<char> = known.chars().collect();
    if a.len().min(b.len()) < 4 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    osa_distance(&a, &b) <= 1
}

/// Optimal string alignment distance (Levenshtein plus adjacent swaps).
fn osa_distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::looks_like;

    #[test]
    fn typos_are_recognised_but_real_surveyjs_properties_are_not() {
        let cases = [
            ("isRequried", "isRequired", true),
            ("IsRequired", "isRequired", true),
            ("choice", "choices", true),
            ("rateMx", "rateMax", true),
            ("visible", "visibleIf", false),
            ("min", "max", false),
            ("titleLocation", "title", false),
            ("hasOther", "choices", false),
        ];
        for (key, known, expected) in cases {
            assert_eq!(looks_like(key, known), expected, "{key} vs {known}");
        }
    }
}
