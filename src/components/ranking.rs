//! A ranking question: an ordered list with up/down buttons (keyboard
//! operable, no drag needed). The answer is the values in ranked order;
//! until the respondent moves an item or keeps the shown order, it is
//! unanswered, as in SurveyJS.

use std::sync::Arc;

use canvass_core::survey::{value_key, Choice, Value};
use leptos::prelude::*;

use crate::answers::{move_ranked, ranked};
use crate::context::{localized, tr, ui_locale};
use crate::i18n::Key;

#[component]
pub fn RankingList(
    uid: String,
    choices: Vec<Choice>,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let l = ui_locale();
    let choices = Arc::new(choices);
    let items = Memo::new(move |_| answer.with(|a| ranked(&choices, a.as_ref())));
    let count = move || items.with(Vec::len);
    let position = move |key: &str| {
        items.with(|v| {
            v.iter()
                .position(|c| value_key(&c.value) == key)
                .unwrap_or(0)
        })
    };

    let row = move |choice: Choice| {
        let key = value_key(&choice.value);
        let uid = uid.clone();
        let text = localized(&choice.text);
        let button = {
            let (key, text, uid) = (key.clone(), text.clone(), uid.clone());
            move |up: bool| {
                let (key, text) = (key.clone(), text.clone());
                let id = format!("{uid}-{}-{}", key, if up { "up" } else { "down" });
                let other = format!("{uid}-{}-{}", key, if up { "down" } else { "up" });
                let at_end = {
                    let key = key.clone();
                    move || {
                        if up {
                            position(&key) == 0
                        } else {
                            position(&key) + 1 >= count()
                        }
                    }
                };
                let click = {
                    let (key, id) = (key.clone(), id.clone());
                    move |_| {
                        on_change.run(Some(move_ranked(
                            &items.get_untracked(),
                            position(&key),
                            up,
                        )));
                        let (id, other) = (id.clone(), other.clone());
                        // The row moved in the DOM, which drops focus: put it back,
                        // on the other button when this one is now disabled.
                        request_animation_frame(move || refocus(&id, &other));
                    }
                };
                let label = move || {
                    let verb = l.t(if up { Key::MoveUp } else { Key::MoveDown });
                    format!("{verb}: {text}")
                };
                view! {
                    <button type="button" class="cv-button cv-ranking__move" id=id
                        aria-label=label disabled=at_end on:click=click>
                        {if up { "↑" } else { "↓" }}
                    </button>
                }
            }
        };
        let place = {
            let key = key.clone();
            move || position(&key) + 1
        };
        view! {
            <li class="cv-ranking__item">
                <span class="cv-ranking__place" aria-hidden="true">{place}</span>
                <span class="cv-ranking__text">{text.clone()}</span>
                {button(true)}
                {button(false)}
            </li>
        }
    };
    let keep = move |_| {
        on_change.run(Some(Value::Array(
            items.get_untracked().into_iter().map(|c| c.value).collect(),
        )))
    };
    view! {
        <p class="cv-ranking__hint">{tr(Key::RankingHint)}</p>
        <ol class="cv-ranking">
            <For each=move || items.get() key=|c| value_key(&c.value) children=row/>
        </ol>
        <Show when=move || answer.with(Option::is_none)>
            <button type="button" class="cv-button" on:click=keep>{tr(Key::KeepOrder)}</button>
        </Show>
    }
}

fn refocus(id: &str, fallback: &str) {
    use wasm_bindgen::JsCast;
    let doc = document();
    let target = [id, fallback].into_iter().find_map(|i| {
        let el = doc
            .get_element_by_id(i)?
            .dyn_into::<web_sys::HtmlButtonElement>()
            .ok()?;
        (!el.disabled()).then_some(el)
    });
    if let Some(el) = target {
        let _ = el.focus();
    }
}
