//! Text piping: `{name}` in titles, descriptions, choice texts and the
//! completed text is replaced, when the text is shown, by the value as the
//! respondent saw it — a choice question's chosen choice *text* in the UI
//! language (SurveyJS's display value), not its stored value.

use std::borrow::Cow;
use std::ops::Range;

use crate::expr::{Expr, Value, Variable};
use crate::response::Answers;
use crate::survey::{value_key, LocalizedText, QuestionKind, Value as Json};

use super::layout::{ElementKind, Target};
use super::names;
use super::scope::{same, Reader};
use super::LogicState;

/// Every `{…}` in `text`: the byte range of the whole reference and the
/// name inside, trimmed. An empty `{}` is not a reference; in `{a{b}` the
/// reference is `{b}`.
pub(crate) fn references(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| from + i) {
        let Some(close) = text[open + 1..].find(['{', '}']).map(|i| open + 1 + i) else {
            break;
        };
        if text.as_bytes()[close] == b'{' {
            from = close;
            continue;
        }
        let name = text[open + 1..close].trim();
        if !name.is_empty() {
            out.push((open..close + 1, name));
        }
        from = close + 1;
    }
    out
}

/// `text` in `locale` with every `{name}` replaced by its display value
/// (empty when the value is empty or the question hidden). A reference that
/// names nothing is left as written; the loader has rejected those in the
/// texts it checks (titles, descriptions, choice, column, row and completed
/// texts).
pub fn piped<'t>(
    state: &LogicState,
    answers: &Answers,
    text: &'t LocalizedText,
    locale: &str,
) -> Cow<'t, str> {
    pipe_str(state, answers, text.get(locale), locale)
}

/// [`piped`] on one string.
pub fn pipe_str<'t>(
    state: &LogicState,
    answers: &Answers,
    text: &'t str,
    locale: &str,
) -> Cow<'t, str> {
    let refs = references(text);
    if refs.is_empty() {
        return Cow::Borrowed(text);
    }
    let reader = state.reader(answers);
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, name) in refs {
        out.push_str(&text[last..range.start]);
        match display(&reader, name, locale) {
            Some(shown) => out.push_str(&shown),
            None => out.push_str(&text[range.clone()]),
        }
        last = range.end;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// The display text of a path, `None` when it names nothing.
fn display(reader: &Reader, path: &str, locale: &str) -> Option<String> {
    let (target, rest) = names::resolve(reader.layout, path).ok()?;
    if let Target::Question(e) = target {
        let ElementKind::Question(kind) = &reader.layout.elements[e].kind else {
            return None;
        };
        let answer = reader.answer(e);
        match (kind, rest, answer.as_deref()) {
            (_, _, None) => return Some(String::new()),
            (_, "", Some(value)) => return Some(question_text(kind, value, locale)),
            (QuestionKind::Matrix { rows, columns }, rest, Some(Json::Object(cells))) => {
                let key = &rest[1..];
                if let Some(row) = rows.iter().find(|r| r.key().eq_ignore_ascii_case(key)) {
                    let cell = cells.get(&row.key()).unwrap_or(&Json::Null);
                    return Some(choice_text(columns, cell, locale));
                }
            }
            _ => {}
        }
    }
    let variable = Expr::Variable(Variable {
        name: path.to_owned(),
        raw: true,
    });
    Some(value_text(&variable.evaluate(reader)))
}

/// How SurveyJS shows a question's value: choice texts, boolean labels,
/// matrix rows as `row: column` lines; anything else as text.
fn question_text(kind: &QuestionKind, value: &Json, locale: &str) -> String {
    match (kind, value) {
        (
            QuestionKind::RadioGroup { choices }
            | QuestionKind::Dropdown { choices }
            | QuestionKind::ImagePicker { choices, .. }
            | QuestionKind::Rating {
                points: choices, ..
            },
            v,
        ) if !v.is_array() => choice_text(choices, v, locale),
        (
            QuestionKind::Checkbox { choices }
            | QuestionKind::Ranking { choices }
            | QuestionKind::Tagbox { choices }
            | QuestionKind::ImagePicker { choices, .. },
            Json::Array(items),
        ) => items
            .iter()
            .map(|v| choice_text(choices, v, locale))
            .collect::<Vec<_>>()
            .join(", "),
        (
            QuestionKind::Boolean {
                label_true,
                label_false,
                ..
            },
            Json::Bool(b),
        ) => {
            let label = if *b { label_true } else { label_false };
            match label {
                Some(text) if !text.is_empty() => text.get(locale).to_owned(),
                _ => yes_no(*b, locale).to_owned(),
            }
        }
        (QuestionKind::Matrix { rows, columns }, Json::Object(cells)) => rows
            .iter()
            .filter_map(|row| {
                let cell = cells.get(&row.key()).filter(|c| !c.is_null())?;
                Some(format!(
                    "{}: {}",
                    row.text.get(locale),
                    choice_text(columns, cell, locale)
                ))
            })
            .collect::<Vec<_>>()
            .join(", "),
        (_, v) => value_text(&Value::from_json(v)),
    }
}

/// The text of the choice whose value is `value`, else the value itself.
fn choice_text(choices: &[crate::survey::Choice], value: &Json, locale: &str) -> String {
    match choices.iter().find(|c| same(&c.value, value)) {
        Some(choice) => choice.text.get(locale).to_owned(),
        None if value.is_null() => String::new(),
        None => value_key(value),
    }
}

fn yes_no(b: bool, locale: &str) -> &'static str {
    match (b, locale.to_ascii_lowercase().starts_with("zh")) {
        (true, false) => "Yes",
        (false, false) => "No",
        (true, true) => "是",
        (false, true) => "否",
    }
}

/// A computed value as text: empty for null, numbers in shortest form,
/// dates `YYYY-MM-DD`, arrays joined with `, `.
fn value_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        other => other.to_js_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::references;

    #[test]
    fn references_are_found_between_braces() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello {name}!", &["name"]),
            ("{ a } and {b.c}", &["a", "b.c"]),
            ("{} {  } none", &[]),
            ("{a{b}", &["b"]),
            ("open { only", &[]),
            ("}{x}{", &["x"]),
            ("价格 {q1}，服务 {q2}", &["q1", "q2"]),
        ];
        for (text, names) in cases {
            let found: Vec<&str> = references(text).into_iter().map(|(_, n)| n).collect();
            assert_eq!(&found, names, "{text}");
        }
    }
}
