//! The labelled text box of the staff forms (profile, visit), bound to a
//! signal: one definition for the staff menu and the visit form.

use leptos::prelude::*;

use super::fk;
use crate::i18n_field::FieldKey;

/// A `<label>` with `label`'s text around a text input that reads and
/// writes `value`; `testid` is the input's `data-testid`.
pub fn text_field(label: FieldKey, value: RwSignal<String>, testid: &'static str) -> impl IntoView {
    view! {
        <label class="cv-field">
            <span>{fk(label)}</span>
            <input type="text" data-testid=testid prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </label>
    }
}
