//! A one-line answer: `<input>` of the question's `inputType`. The input
//! owns its text while the respondent types (the stored answer only seeds
//! it), so a number being typed ("1.") is never rewritten under the finger.

use canvass_core::survey::{InputType, LocalizedText, Value};
use leptos::prelude::*;

use crate::answers::number_answer;
use crate::context::localized;

#[component]
pub fn TextAnswer(
    input_id: String,
    input_type: InputType,
    min: Option<f64>,
    max: Option<f64>,
    placeholder: Option<LocalizedText>,
    /// The stored answer when the input appears.
    initial: Option<Value>,
    /// Ids of the description and error, for `aria-describedby`.
    described_by: String,
    #[prop(into)] invalid: Signal<bool>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let (kind, mode, autocomplete) = match input_type {
        InputType::Text => ("text", "text", "on"),
        InputType::Number => ("number", "decimal", "off"),
        InputType::Date => ("date", "none", "off"),
        InputType::Email => ("email", "email", "email"),
        InputType::Tel => ("tel", "tel", "tel"),
    };
    let initial = match initial {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let number = input_type == InputType::Number;
    let input = move |ev| {
        let text = event_target_value(&ev);
        let answer = if number {
            number_answer(&text).unwrap_or(None)
        } else {
            Some(Value::String(text)).filter(|v| v.as_str().is_some_and(|s| !s.is_empty()))
        };
        on_change.run(answer);
    };
    view! {
        <input
            class="cv-input"
            id=input_id
            type=kind
            inputmode=mode
            autocomplete=autocomplete
            min=min.map(|m| m.to_string())
            max=max.map(|m| m.to_string())
            step=number.then_some("any")
            placeholder=placeholder.map(|p| localized(&p))
            prop:value=initial
            aria-describedby=described_by
            aria-invalid=move || invalid.get().to_string()
            on:input=input
        />
    }
}
