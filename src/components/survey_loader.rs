//! "Load a survey from a local JSON file": reads the file, loads it with
//! `canvass_core::load`, and either adds it to the catalogue (and storage,
//! so it survives a reload) or lists every load error, each naming its
//! place.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::context::{tr, ui_locale, use_catalog, use_store, CatalogEntry};
use crate::i18n::Key;
use crate::storage::SURVEYS;

/// What the last load attempt gave.
#[derive(Clone, PartialEq)]
enum Outcome {
    Loaded(canvass_core::survey::LocalizedText),
    Failed(Vec<String>),
}

#[component]
pub fn SurveyLoader() -> impl IntoView {
    let l = ui_locale();
    let store = use_store();
    let catalog = use_catalog();
    let outcome = RwSignal::new(None::<Outcome>);

    let accept = move |text: String| match canvass_core::load(&text) {
        Ok(loaded) => {
            store.put_soon(SURVEYS, &loaded.survey.id, &text);
            outcome.set(Some(Outcome::Loaded(loaded.survey.title.clone())));
            catalog.insert(CatalogEntry {
                loaded: Arc::new(loaded),
                bundled: false,
            });
        }
        Err(failure) => {
            outcome.set(Some(Outcome::Failed(
                failure.errors.into_iter().map(|d| d.message).collect(),
            )));
        }
    };
    let change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement =
            ev.target().expect("change has a target").unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Let the same file be chosen again after fixing it.
        input.set_value("");
        leptos::task::spawn_local(async move {
            match JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
            {
                Some(text) => accept(text),
                None => outcome.set(Some(Outcome::Failed(vec![format!(
                    "{}: {}",
                    l.t(Key::FileUnreadable),
                    file.name()
                )]))),
            }
        });
    };
    let report = move || {
        outcome.get().map(|o| match o {
            Outcome::Loaded(title) => view! {
                <p class="cv-loader__ok" role="status">
                    {tr(Key::Loaded)}" "{move || title.get(l.code()).to_owned()}
                </p>
            }
            .into_any(),
            Outcome::Failed(errors) => view! {
                <div class="cv-loader__errors" role="alert">
                    <p>{tr(Key::LoadErrors)}</p>
                    <ul data-testid="load-errors">
                        {errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <section class="cv-loader" aria-labelledby="cv-loader-title">
            <h2 class="cv-loader__title" id="cv-loader-title">{tr(Key::LoadHeading)}</h2>
            <label class="cv-loader__label" for="cv-load-file">{tr(Key::LoadHint)}</label>
            <input
                class="cv-loader__input"
                id="cv-load-file"
                type="file"
                accept=".json,application/json"
                data-testid="load-file"
                on:change=change
            />
            {report}
        </section>
    }
}
