//! Radio buttons or checkboxes over a choice list (radiogroup, checkbox,
//! boolean). Each input carries the choice value's string form as `value`.

use std::sync::Arc;

use canvass_core::survey::{value_key, Choice, Value};
use leptos::prelude::*;

use crate::answers::toggle_choice;
use crate::pages::fill_logic::survey_text;

/// One choice per line, the whole line a ≥ 44 px tap target.
#[component]
pub fn ChoiceList(
    uid: String,
    choices: Vec<Choice>,
    /// Checkboxes (answer is an array; N/A exclusive) instead of radios.
    multiple: bool,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let choices = Arc::new(choices);
    let items = choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let key = value_key(&choice.value);
            let id = format!("{uid}-{i}");
            let checked = {
                let key = key.clone();
                move || {
                    answer.with(|a| match a {
                        Some(Value::Array(list)) if multiple => {
                            list.iter().any(|v| value_key(v) == key)
                        }
                        Some(v) if !multiple => value_key(v) == key,
                        _ => false,
                    })
                }
            };
            let all = choices.clone();
            let value = choice.value.clone();
            let change = move |ev| {
                if multiple {
                    let on = event_target_checked(&ev);
                    on_change.run(toggle_choice(&all, answer.get_untracked().as_ref(), i, on));
                } else {
                    on_change.run(Some(value.clone()));
                }
            };
            let label_for = id.clone();
            let class = if choice.not_applicable {
                "cv-choice cv-choice--na"
            } else {
                "cv-choice"
            };
            view! {
                <label class=class for=label_for>
                    <input
                        class="cv-choice__input"
                        type=if multiple { "checkbox" } else { "radio" }
                        id=id
                        name=uid.clone()
                        value=key
                        prop:checked=checked
                        on:change=change
                    />
                    <span class="cv-choice__text">{survey_text(&choice.text)}</span>
                </label>
            }
        })
        .collect_view();
    view! { <div class="cv-choices">{items}</div> }
}
