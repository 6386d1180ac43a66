//! A yes/no question: two radios labelled `labelTrue` / `labelFalse`
//! (default 是/否, Yes/No), answering `true` / `false`.

use std::collections::BTreeMap;

use canvass_core::survey::{Choice, LocalizedText, Value};
use leptos::prelude::*;

use super::choice_list::ChoiceList;

#[component]
pub fn BooleanChoice(
    uid: String,
    label_true: Option<LocalizedText>,
    label_false: Option<LocalizedText>,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let default = |zh: &str, en: &str| {
        LocalizedText(BTreeMap::from([
            ("zh-cn".to_owned(), zh.to_owned()),
            ("en".to_owned(), en.to_owned()),
        ]))
    };
    let choice = |value: bool, text: LocalizedText| Choice {
        value: Value::Bool(value),
        text,
        score: None,
        not_applicable: false,
        visible_if: None,
    };
    let choices = vec![
        choice(true, label_true.unwrap_or_else(|| default("是", "Yes"))),
        choice(false, label_false.unwrap_or_else(|| default("否", "No"))),
    ];
    view! { <ChoiceList uid choices multiple=false answer on_change/> }
}
