//! The zh-CN / English switch in the header.

use leptos::prelude::*;

use crate::context::use_locale;
use crate::i18n::Key;

/// A button naming the other language; the choice is remembered by `App`.
#[component]
pub fn LangToggle() -> impl IntoView {
    let locale = use_locale();
    view! {
        <button
            type="button"
            class="cv-button cv-button--ghost cv-lang"
            data-testid="lang-toggle"
            lang=move || locale.get().other().html_lang()
            aria-label=move || locale.get().t(Key::LangToggleLabel)
            on:click=move |_| locale.update(|l| *l = l.other())
        >
            {move || locale.get().t(Key::LangToggle)}
        </button>
    }
}
