//! Survey text for items, indicators, choices and analysis entries, in the
//! interface locale. Survey text is always rendered as text, never HTML.

use canvass_core::survey::{value_key, QuestionKind, Value};
use canvass_core::LoadedSurvey;

/// An item's title: the question's, with the row's text for a matrix row.
pub fn item(def: &LoadedSurvey, id: &str, locale: &str) -> String {
    let Some(item) = def.scoring.item(id) else { return id.to_owned() };
    let Some(q) = def.survey.question(&item.question) else { return id.to_owned() };
    let title = q.title.get(locale).to_owned();
    match (&q.kind, &item.row) {
        (QuestionKind::Matrix { rows, .. }, Some(row)) => {
            let row_text = rows.iter().find(|r| &r.key() == row).map_or(row.as_str(), |r| r.text.get(locale));
            format!("{title} · {row_text}")
        }
        _ => title,
    }
}

/// An indicator's title.
pub fn indicator(def: &LoadedSurvey, name: &str, locale: &str) -> String {
    def.scoring.indicator(name).map_or_else(|| name.to_owned(), |i| i.title.get(locale).to_owned())
}

/// A question's title (for segment questions).
pub fn question(def: &LoadedSurvey, name: &str, locale: &str) -> String {
    def.survey.question(name).map_or_else(|| name.to_owned(), |q| q.title.get(locale).to_owned())
}

/// The text of the choice `value` of item `id` (scale point, column, boolean).
pub fn choice(def: &LoadedSurvey, id: &str, value: &Value, locale: &str) -> String {
    let key = value_key(value);
    let question = def.scoring.item(id).and_then(|i| def.survey.question(&i.question));
    let choices = match question.map(|q| &q.kind) {
        Some(QuestionKind::RadioGroup { choices })
        | Some(QuestionKind::Dropdown { choices })
        | Some(QuestionKind::Checkbox { choices }) => choices,
        Some(QuestionKind::Rating { points, .. }) => points,
        Some(QuestionKind::Matrix { columns, .. }) => columns,
        Some(QuestionKind::Boolean { label_true, label_false, .. }) => {
            let label = if value == &Value::Bool(true) { label_true } else { label_false };
            return label.as_ref().map_or(key, |l| l.get(locale).to_owned());
        }
        _ => return key,
    };
    choices.iter().find(|c| value_key(&c.value) == key).map_or(key, |c| c.text.get(locale).to_owned())
}

/// Titles of analysis entries (targets, gaps, Kano pairs, themes) by name.
pub fn analysis(def: &LoadedSurvey, name: &str, locale: &str) -> String {
    let a = &def.analysis;
    a.targets
        .iter()
        .find(|t| t.name == name)
        .map(|t| &t.title)
        .or_else(|| a.gaps.iter().find(|g| g.name == name).map(|g| &g.title))
        .or_else(|| a.kano.iter().find(|k| k.name == name).map(|k| &k.title))
        .or_else(|| a.themes.iter().find(|t| t.name == name).map(|t| &t.title))
        .map_or_else(|| name.to_owned(), |t| t.get(locale).to_owned())
}
