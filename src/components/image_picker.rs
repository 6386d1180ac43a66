//! `imagepicker`: choices shown as pictures, each a radio (or a checkbox
//! with `multiSelect`) so it is keyboard and screen-reader usable; the
//! picture's text is its label and `alt`.

use std::sync::Arc;

use canvass_core::survey::{value_key, Choice, Value};
use leptos::prelude::*;

use crate::answers::toggle_choice;
use crate::context::localized;
use crate::pages::fill_logic::survey_text;

#[component]
pub fn ImagePicker(
    uid: String,
    choices: Vec<Choice>,
    images: Vec<String>,
    multiple: bool,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let all = Arc::new(choices);
    let items = all
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let key = value_key(&c.value);
            let id = format!("{uid}-{i}");
            let label_for = id.clone();
            let checked = {
                let key = key.clone();
                move || {
                    answer.with(|a| match a {
                        Some(Value::Array(l)) if multiple => l.iter().any(|v| value_key(v) == key),
                        Some(v) if !multiple => value_key(v) == key,
                        _ => false,
                    })
                }
            };
            let (all, value) = (all.clone(), c.value.clone());
            let change = move |ev| {
                if multiple {
                    on_change.run(toggle_choice(&all, answer.get_untracked().as_ref(), i, event_target_checked(&ev)));
                } else {
                    on_change.run(Some(value.clone()));
                }
            };
            let src = images.get(i).cloned().filter(|s| !s.is_empty());
            let alt = localized(&c.text);
            view! {
                <label class="cv-choice cv-imagepicker__item" for=label_for>
                    <input class="cv-choice__input" type=if multiple { "checkbox" } else { "radio" }
                        id=id name=uid.clone() value=key prop:checked=checked on:change=change/>
                    {src.map(|src| view! { <img class="cv-imagepicker__img" src=src alt=alt loading="lazy"/> })}
                    <span class="cv-choice__text">{survey_text(&c.text)}</span>
                </label>
            }
        })
        .collect_view();
    view! { <div class="cv-choices cv-imagepicker">{items}</div> }
}
