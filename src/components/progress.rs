//! Where the respondent is in the survey.

use leptos::prelude::*;

use crate::context::ui_locale;

/// A progress bar over the pages shown plus the "x / n" indicator.
#[component]
pub fn ProgressBar(
    #[prop(into)] current: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
) -> impl IntoView {
    let l = ui_locale();
    let width = move || format!("width: {}%", current.get() * 100 / total.get().max(1));
    view! {
        <div class="cv-progress">
            <div
                class="cv-progress__track"
                role="progressbar"
                data-testid="progress"
                aria-valuemin="0"
                aria-valuemax=move || total.get()
                aria-valuenow=move || current.get()
                aria-valuetext=move || l.page_of(current.get(), total.get())
            >
                <div class="cv-progress__bar" style=width></div>
            </div>
            <span class="cv-progress__label" data-testid="page-indicator">
                {move || format!("{} / {}", current.get(), total.get())}
            </span>
        </div>
    }
}
