//! A multi-line open answer. Like `TextAnswer`, the textarea owns its text.

use canvass_core::survey::{LocalizedText, Value};
use leptos::prelude::*;

use crate::context::localized;

#[component]
pub fn CommentAnswer(
    input_id: String,
    placeholder: Option<LocalizedText>,
    initial: Option<Value>,
    described_by: String,
    #[prop(into)] invalid: Signal<bool>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let initial = initial
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let input = move |ev| {
        let text = event_target_value(&ev);
        on_change.run((!text.is_empty()).then_some(Value::String(text)));
    };
    view! {
        <textarea
            class="cv-input cv-input--comment"
            id=input_id
            rows="4"
            placeholder=placeholder.map(|p| localized(&p))
            prop:value=initial
            aria-describedby=described_by
            aria-invalid=move || invalid.get().to_string()
            on:input=input
        ></textarea>
    }
}
