//! The fill page's save indicator: "saved" only once every write issued
//! so far completed in IndexedDB, "saving…" while one is in flight, "not
//! saved: reason" when one failed. Spoken politely (role=status) and
//! carrying the counts as data attributes, so a test can tell which write
//! was confirmed.

use leptos::prelude::*;

use crate::context::{ui_locale, use_store};
use crate::i18n::Key;

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let l = ui_locale();
    let save = use_store().save;
    let state = move || {
        save.with(|s| match (&s.failed, s.issued == s.settled) {
            (Some(_), _) => "failed",
            (None, true) => "saved",
            (None, false) => "saving",
        })
    };
    let text = move || match state() {
        "saved" => l.t(Key::Saved).to_owned(),
        "saving" => l.t(Key::Saving).to_owned(),
        _ => format!(
            "{} {}",
            l.t(Key::SaveFailed),
            save.with(|s| s.failed.clone().unwrap_or_default())
        ),
    };
    view! {
        <p
            class="cv-save"
            role="status"
            data-testid="save-indicator"
            data-state=state
            data-issued=move || save.with(|s| s.issued)
            data-settled=move || save.with(|s| s.settled)
        >
            {text}
        </p>
    }
}
