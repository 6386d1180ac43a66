//! A rating scale: a row of large button-like radios with the two end
//! labels under it. The radio sits over its whole box (transparent), so a
//! tap anywhere selects it and the arrow keys move along the scale.

use canvass_core::survey::{value_key, Choice, LocalizedText, Value};
use leptos::prelude::*;

use crate::pages::fill_logic::survey_text;

#[component]
pub fn RatingScale(
    uid: String,
    points: Vec<Choice>,
    min_label: Option<LocalizedText>,
    max_label: Option<LocalizedText>,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let last = points.len().saturating_sub(1);
    let items = points
        .into_iter()
        .enumerate()
        .map(|(i, point)| {
            let key = value_key(&point.value);
            let id = format!("{uid}-{i}");
            let checked = {
                let key = key.clone();
                move || answer.with(|a| a.as_ref().is_some_and(|v| value_key(v) == key))
            };
            let value = point.value.clone();
            // The end labels also name the end points for screen readers.
            let end_label = match i {
                0 => min_label.clone(),
                _ if i == last => max_label.clone(),
                _ => None,
            };
            let spoken = end_label
                .map(|l| view! { <span class="cv-visually-hidden">" "{survey_text(&l)}</span> });
            let label_for = id.clone();
            let is_checked = checked.clone();
            let class = move || {
                if is_checked() {
                    "cv-rating__point cv-rating__point--checked"
                } else {
                    "cv-rating__point"
                }
            };
            view! {
                <label class=class for=label_for>
                    <input
                        class="cv-rating__input"
                        type="radio"
                        id=id
                        name=uid.clone()
                        value=key
                        prop:checked=checked
                        on:change=move |_| on_change.run(Some(value.clone()))
                    />
                    <span class="cv-rating__text">{survey_text(&point.text)}</span>
                    {spoken}
                </label>
            }
        })
        .collect_view();
    let end = |label: Option<LocalizedText>, class: &'static str| {
        label.map(|l| view! { <span class=class aria-hidden="true">{survey_text(&l)}</span> })
    };
    view! {
        <div class="cv-rating">
            <div class="cv-rating__scale">{items}</div>
            <div class="cv-rating__ends">
                {end(min_label, "cv-rating__end cv-rating__end--min")}
                {end(max_label, "cv-rating__end cv-rating__end--max")}
            </div>
        </div>
    }
}
