//! `tagbox`: a searchable multi-select. Chosen values show as removable
//! tags; typing filters the options, which are checkboxes (keyboard and
//! screen-reader usable as they are). The answer is an array, as for
//! `checkbox`, in the survey's choice order.

use std::sync::Arc;

use canvass_core::survey::{value_key, Choice, Value};
use leptos::prelude::*;

use crate::answers::toggle_choice;
use crate::context::{localized, tr};
use crate::i18n::Key;
use crate::pages::fill_logic::survey_text;

#[component]
pub fn TagBox(
    uid: String,
    input_id: String,
    choices: Vec<Choice>,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let choices = Arc::new(choices);
    let query = RwSignal::new(String::new());
    let chosen = move |key: &str| {
        answer.with(|a| {
            a.as_ref()
                .and_then(Value::as_array)
                .is_some_and(|l| l.iter().any(|v| value_key(v) == key))
        })
    };
    let tags = {
        let choices = choices.clone();
        move || {
            choices
                .iter()
                .enumerate()
                .filter(|(_, c)| chosen(&value_key(&c.value)))
                .map(|(i, c)| {
                    let all = choices.clone();
                    let text = localized(&c.text);
                    let label = format!("{} {}", tr(Key::RemoveTag), text);
                    view! {
                        <button type="button" class="cv-tag" aria-label=label data-testid="tag"
                            on:click=move |_| on_change.run(toggle_choice(&all, answer.get_untracked().as_ref(), i, false))>
                            {text}" ×"
                        </button>
                    }
                })
                .collect_view()
        }
    };
    let list_id = format!("{uid}-list");
    let options = {
        let choices = choices.clone();
        let uid = uid.clone();
        move || {
            let q = canvass_core::text::lower(&query.get());
            let shown: Vec<_> = choices
                .iter()
                .enumerate()
                .filter(|(_, c)| q.is_empty() || canvass_core::text::lower(&localized(&c.text)).contains(&q))
                .map(|(i, c)| {
                    let key = value_key(&c.value);
                    let id = format!("{uid}-o{i}");
                    let label_for = id.clone();
                    let all = choices.clone();
                    let checked = {
                        let key = key.clone();
                        move || chosen(&key)
                    };
                    view! {
                        <label class="cv-choice" for=label_for>
                            <input class="cv-choice__input" type="checkbox" id=id value=key prop:checked=checked
                                on:change=move |ev| on_change.run(toggle_choice(&all, answer.get_untracked().as_ref(), i, event_target_checked(&ev)))/>
                            <span class="cv-choice__text">{survey_text(&c.text)}</span>
                        </label>
                    }
                })
                .collect();
            if shown.is_empty() {
                view! { <p class="cv-tagbox__none">{tr(Key::NoMatches)}</p> }.into_any()
            } else {
                shown.into_any()
            }
        }
    };
    view! {
        <div class="cv-tagbox">
            <div class="cv-tagbox__tags" aria-live="polite">{tags}</div>
            <input class="cv-input" type="search" id=input_id placeholder=tr(Key::Search) aria-controls=list_id.clone()
                data-testid="tagbox-search" autocomplete="off"
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
            <div class="cv-choices" id=list_id>{options}</div>
        </div>
    }
}
