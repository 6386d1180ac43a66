//! A single choice from a native `<select>`: the phone's own picker.

use std::sync::Arc;

use canvass_core::survey::{value_key, Choice, Value};
use leptos::prelude::*;

use crate::context::tr;
use crate::i18n::Key;
use crate::pages::fill_logic::survey_text;

#[component]
pub fn Dropdown(
    /// The `<select>`'s id, named by the question's `<label for>`.
    input_id: String,
    choices: Vec<Choice>,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let current = move || answer.with(|a| a.as_ref().map(value_key));
    let options = choices
        .iter()
        .map(|c| {
            let key = value_key(&c.value);
            let selected = {
                let key = key.clone();
                move || current().as_deref() == Some(key.as_str())
            };
            view! { <option value=key prop:selected=selected>{survey_text(&c.text)}</option> }
        })
        .collect_view();
    let choices = Arc::new(choices);
    let change = move |ev| {
        let key = event_target_value(&ev);
        on_change.run(
            choices
                .iter()
                .find(|c| value_key(&c.value) == key)
                .map(|c| c.value.clone()),
        );
    };
    view! {
        <select class="cv-select" id=input_id on:change=change>
            <option value="" prop:selected=move || current().is_none()>
                {tr(Key::Select)}
            </option>
            {options}
        </select>
    }
}
