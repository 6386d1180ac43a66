//! Small pure rules about answers that the UI applies while the respondent
//! types and taps: what counts as answered, N/A exclusivity in a checkbox,
//! number input, ranking moves. Kept free of the DOM so they are tested
//! natively.

use canvass_core::survey::{value_key, Choice, Value};

/// True when `answer` holds something: not missing, not an empty string,
/// array or object.
pub fn is_answered(answer: Option<&Value>) -> bool {
    match answer {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// A checkbox answer after ticking (`checked`) or unticking choice
/// `index`. A not-applicable choice is exclusive: ticking it clears the
/// others, ticking another clears it. Values keep the survey's choice
/// order; an empty selection is no answer.
pub fn toggle_choice(
    choices: &[Choice],
    current: Option<&Value>,
    index: usize,
    checked: bool,
) -> Option<Value> {
    let picked = &choices[index];
    let selected = |c: &Choice| {
        let key = value_key(&c.value);
        current
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(|v| value_key(v) == key))
    };
    let values: Vec<Value> = choices
        .iter()
        .filter(|c| {
            if std::ptr::eq(*c, picked) {
                checked
            } else if checked && (picked.not_applicable || c.not_applicable) {
                false
            } else {
                selected(c)
            }
        })
        .map(|c| c.value.clone())
        .collect();
    (!values.is_empty()).then_some(Value::Array(values))
}

/// A number input's text as an answer: empty is no answer, an integer is
/// stored as an integer (as SurveyJS does), other numbers as floats.
/// `None` when the text is not a number.
pub fn number_answer(text: &str) -> Option<Option<Value>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    if let Ok(i) = text.parse::<i64>() {
        return Some(Some(Value::from(i)));
    }
    let x = canvass_core::text::parse_f64(text).filter(|x| x.is_finite())?;
    serde_json::Number::from_f64(x).map(|n| Some(Value::Number(n)))
}

/// The choices in the answer's ranked order; choices the answer lacks
/// follow in survey order, so an unanswered ranking shows the survey order.
pub fn ranked(choices: &[Choice], answer: Option<&Value>) -> Vec<Choice> {
    let order: Vec<String> = answer
        .and_then(Value::as_array)
        .map(|a| a.iter().map(value_key).collect())
        .unwrap_or_default();
    let mut out: Vec<Choice> = order
        .iter()
        .filter_map(|k| choices.iter().find(|c| value_key(&c.value) == *k).cloned())
        .collect();
    for c in choices {
        if !out.iter().any(|o| o.value == c.value) {
            out.push(c.clone());
        }
    }
    out
}

/// The ranking answer after moving item `from` one place up or down.
pub fn move_ranked(items: &[Choice], from: usize, up: bool) -> Value {
    let mut values: Vec<Value> = items.iter().map(|c| c.value.clone()).collect();
    let to = if up {
        from.checked_sub(1)
    } else {
        Some(from + 1).filter(|&t| t < values.len())
    };
    if let Some(to) = to {
        values.swap(from, to);
    }
    Value::Array(values)
}

#[cfg(test)]
#[path = "answers_tests.rs"]
mod tests;
