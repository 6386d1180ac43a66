//! Where variables get their values, and how a path such as `m.r1` or
//! `list[0].price` walks into them.

use std::collections::BTreeMap;

use super::date::Date;
use super::value::Value;

/// What an expression can see: named values and today's date.
///
/// The date is passed in rather than read from a clock so that evaluation
/// is deterministic and testable (and the same on every device replaying a
/// response).
pub trait Scope {
    /// The value stored under exactly this top-level name, if any.
    /// Implementations should fall back to a case-insensitive match, as
    /// SurveyJS does. `name` may contain `.` or `[`: a calculated value or
    /// question may be named `a.b`, and such a name wins over a path.
    fn get(&self, name: &str) -> Option<Value>;

    /// Today's date, for `today()`, `age()` and the like.
    fn today(&self) -> Date;
}

/// A scope over JSON maps: a response's answers, then (optionally) more maps
/// such as calculated values, searched in order.
#[derive(Debug, Clone)]
pub struct MapScope<'a> {
    maps: Vec<&'a BTreeMap<String, serde_json::Value>>,
    today: Date,
}

impl<'a> MapScope<'a> {
    /// A scope over `answers` on the given day.
    pub fn new(answers: &'a BTreeMap<String, serde_json::Value>, today: Date) -> MapScope<'a> {
        MapScope {
            maps: vec![answers],
            today,
        }
    }

    /// Adds a map searched after the ones already given (calculated values,
    /// survey variables).
    pub fn with(mut self, more: &'a BTreeMap<String, serde_json::Value>) -> MapScope<'a> {
        self.maps.push(more);
        self
    }
}

impl Scope for MapScope<'_> {
    fn get(&self, name: &str) -> Option<Value> {
        self.maps
            .iter()
            .find_map(|map| lookup_key(map, name))
            .map(Value::from_json)
    }

    fn today(&self) -> Date {
        self.today
    }
}

/// The value under `name`, else under a key equal to it ignoring case.
fn lookup_key<'m, V>(map: &'m BTreeMap<String, V>, name: &str) -> Option<&'m V> {
    map.get(name).or_else(|| {
        let lower = crate::text::lower(name);
        map.iter()
            .find(|(k, _)| crate::text::lower(k) == lower)
            .map(|(_, v)| v)
    })
}

/// The scope of one array item inside an `…InArray` filter: the item's
/// fields first, then the enclosing scope.
pub struct ItemScope<'a> {
    pub item: &'a Value,
    pub outer: &'a dyn Scope,
}

impl Scope for ItemScope<'_> {
    fn get(&self, name: &str) -> Option<Value> {
        if let Value::Object(fields) = self.item {
            if let Some(v) = lookup_key(fields, name) {
                return Some(v.clone());
            }
        }
        self.outer.get(name)
    }

    fn today(&self) -> Date {
        self.outer.today()
    }
}

/// Resolves a variable path as SurveyJS's `ProcessValue` does.
///
/// The longest prefix of the path (cut before a `.` or `[`) that names a
/// value in the scope is taken; the rest walks into it: `.key` picks an
/// object field (exact, then ignoring case, again the longest matching
/// key), `[n]` an array element, `.length` an array's or string's length.
/// There is no backtracking, so resolution is linear in the path.
/// A path that ends in `.length` and finds nothing is 0. Anything else not
/// found is `None`.
pub fn resolve(scope: &dyn Scope, path: &str) -> Option<Value> {
    let found = cut_points(path)
        .into_iter()
        .rev()
        .find_map(|cut| Some((scope.get(&path[..cut])?, cut)))
        .and_then(|(root, cut)| walk(&root, &path[cut..]));
    match found {
        Some(v) if !v.is_empty() => Some(v),
        _ if path.ends_with(".length") => Some(Value::Number(0.0)),
        _ => None,
    }
}

/// Byte offsets where a name may end: before each `.` or `[`, and the end.
/// The logic compiler resolves paths at load time with the same cuts.
pub(crate) fn cut_points(path: &str) -> Vec<usize> {
    let mut cuts: Vec<usize> = path
        .match_indices(['.', '['])
        .map(|(i, _)| i)
        .filter(|&i| i > 0)
        .collect();
    cuts.push(path.len());
    cuts
}

/// Walks `rest` (empty, or starting with `.` or `[`) into `value`.
fn walk(value: &Value, rest: &str) -> Option<Value> {
    if rest.is_empty() {
        return Some(value.clone());
    }
    if let Some(after) = rest.strip_prefix('[') {
        let (index, tail) = after.split_once(']')?;
        let Value::Array(items) = value else {
            return None;
        };
        let index = parse_index(index)?;
        return walk(items.get(index)?, tail);
    }
    let rest = rest.strip_prefix('.')?;
    match value {
        Value::Object(fields) => {
            let (field, cut) = cut_points(rest)
                .into_iter()
                .rev()
                .find_map(|cut| Some((lookup_key(fields, &rest[..cut])?, cut)))?;
            walk(field, &rest[cut..])
        }
        Value::Array(items) if rest == "length" => Some(Value::Number(items.len() as f64)),
        Value::String(s) if rest == "length" => Some(Value::Number(s.chars().count() as f64)),
        _ => None,
    }
}

/// An array index as SurveyJS accepts it: a non-negative integer.
fn parse_index(text: &str) -> Option<usize> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
