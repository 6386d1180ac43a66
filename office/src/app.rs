//! The office page: header (title, language, back to the app), the import
//! panel, and — once a merged set has a definition — the printable report:
//! its header (survey, date range, grouping), the toolbar and the dashboard.

use leptos::prelude::*;

use crate::i18n::{Key, Locale};
use crate::session::{Session, use_locale, use_session};

const LOCALE_KEY: &str = "canvass.office.locale";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

#[component]
pub fn OfficeApp() -> impl IntoView {
    let saved = storage().and_then(|s| s.get_item(LOCALE_KEY).ok().flatten());
    let locale = RwSignal::new(saved.map_or(Locale::ZhCn, |c| Locale::from_code(&c)));
    provide_context(locale);
    provide_context(Session::new());
    Effect::new(move |_| {
        let l = locale.get();
        if let Some(s) = storage() {
            let _ = s.set_item(LOCALE_KEY, l.code());
        }
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", l.html_lang());
        }
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&format!("Canvass · {}", l.t(Key::Title)));
        }
    });
    view! {
        <header class="cv-header cv-office-header">
            <a class="cv-office-header__back" href="../" data-testid="back-to-app">{move || locale.get().t(Key::BackToApp)}</a>
            <h1 class="cv-header__title">{move || locale.get().t(Key::Title)}</h1>
            <button type="button" class="cv-button cv-button--ghost cv-lang" data-testid="lang-toggle"
                lang=move || locale.get().other().html_lang()
                aria-label=move || locale.get().t(Key::LangToggleLabel)
                on:click=move |_| locale.update(|l| *l = l.other())>
                {move || locale.get().t(Key::LangToggle)}
            </button>
        </header>
        <main class="cv-office">
            <crate::import::ImportPanel/>
            <Report/>
        </main>
    }
}

/// The report: what prints.
#[component]
fn Report() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    move || {
        let l = locale.get();
        let results = session.results.get()?.ok()?;
        let options = session.options.get();
        let s = &results.definition.loaded.survey;
        let range = results.date_range.clone().map_or_else(|| "—".to_owned(), |(a, b)| format!("{a} – {b}"));
        Some(view! {
            <article class="cv-report" data-testid="report">
                <header class="cv-report__header">
                    <h2 class="cv-report__title" data-testid="report-title">{s.title.get(l.code()).to_owned()}</h2>
                    <p class="cv-report__meta">
                        <span data-testid="report-range">{format!("{}: {range}", l.t(Key::DateRange))}</span>
                        " · "
                        <span data-testid="report-filters">{crate::toolbar::filters_text(&options, &results, l)}</span>
                    </p>
                </header>
                <crate::toolbar::Toolbar results=results.clone()/>
                {crate::dashboard::dashboard(results, l)}
            </article>
        })
    }
}
