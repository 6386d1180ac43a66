//! Filling a survey, one page at a time. Every answer is written to the
//! draft in storage the moment it is given; Next and Complete check the
//! page's required answers first and move focus to the first problem.

use std::collections::BTreeMap;
use std::sync::Arc;

use canvass_core::survey::Value;
use canvass_core::LoadedSurvey;
use leptos::prelude::*;

use super::fill_parts::{focus_first_control, page_questions, render_elements, uid_of};
use crate::answers::{problem, Problem};
use crate::components::progress::ProgressBar;
use crate::context::{localized, tr, ui_locale, use_catalog, use_store};
use crate::i18n::Key;
use crate::respond::{complete, new_draft};
use crate::route::{navigate, Route};

#[component]
pub fn FillPage(survey_id: String) -> impl IntoView {
    match use_catalog().find(&survey_id) {
        Some(loaded) => view! { <Filler loaded/> }.into_any(),
        None => view! {
            <p class="cv-missing">{tr(Key::SurveyNotFound)}</p>
            <a class="cv-button" href="#/" data-testid="btn-home">{tr(Key::Home)}</a>
        }
        .into_any(),
    }
}

#[component]
fn Filler(loaded: Arc<LoadedSurvey>) -> impl IntoView {
    let store = use_store();
    let locale_code = ui_locale().code();
    let survey_id = loaded.survey.id.clone();
    let total = loaded.survey.pages.len().max(1);

    let mut initial = store
        .with(|s| s.draft(&survey_id))
        .unwrap_or_else(|| new_draft(&loaded.survey));
    initial.page = initial.page.min(total - 1);
    let draft = RwSignal::new(initial);
    let problems = RwSignal::new(BTreeMap::<String, Problem>::new());
    let save = {
        let id = survey_id.clone();
        move || {
            let _ = store.with(|s| draft.with_untracked(|d| s.save_draft(&id, d)));
        }
    };
    save();
    let page = Memo::new(move |_| draft.with(|d| d.page));
    let heading = NodeRef::<leptos::html::H1>::new();

    let set_answer = {
        let loaded = loaded.clone();
        let save = save.clone();
        move |name: String, value: Option<Value>| {
            draft.update(|d| match value {
                Some(v) => {
                    d.response.answers.insert(name.clone(), v);
                }
                None => {
                    d.response.answers.remove(&name);
                }
            });
            save();
            // An error shown at this question goes away once it is fixed.
            if problems.with_untracked(|p| p.contains_key(&name)) {
                let now = loaded.survey.question(&name).and_then(|q| {
                    draft.with_untracked(|d| problem(q, d.response.answers.get(&name)))
                });
                problems.update(|p| match now {
                    Some(x) => {
                        p.insert(name, x);
                    }
                    None => {
                        p.remove(&name);
                    }
                });
            }
        }
    };

    // Checks the current page; on failure shows every problem and focuses the first.
    let check_page = {
        let loaded = loaded.clone();
        move || -> bool {
            let found: Vec<(String, Problem)> = draft.with_untracked(|d| {
                page_questions(&loaded, d.page)
                    .into_iter()
                    .filter_map(|q| {
                        problem(q, d.response.answers.get(&q.name)).map(|p| (q.name.clone(), p))
                    })
                    .collect()
            });
            let first = found.first().and_then(|(name, _)| uid_of(&loaded, name));
            problems.set(found.into_iter().collect());
            if let Some(uid) = first {
                focus_first_control(&uid);
                return false;
            }
            true
        }
    };
    let turn = {
        let (save, check_page) = (save.clone(), check_page.clone());
        move |forward: bool| {
            if forward && !check_page() {
                return;
            }
            problems.set(BTreeMap::new());
            draft.update(|d| {
                d.page = if forward {
                    (d.page + 1).min(total - 1)
                } else {
                    d.page.saturating_sub(1)
                }
            });
            save();
            window().scroll_to_with_x_and_y(0.0, 0.0);
            request_animation_frame(move || {
                if let Some(h) = heading.get_untracked() {
                    let _ = h.focus();
                }
            });
        }
    };
    let finish = {
        let loaded = loaded.clone();
        move |_| {
            if !check_page() {
                return;
            }
            let (response, _failure) = draft.with_untracked(|d| complete(d, &loaded, locale_code));
            let id = loaded.survey.id.clone();
            let _ = store.with(|s| s.append_response(&id, &response));
            store.with(|s| s.clear_draft(&id));
            navigate(&Route::End(id));
        }
    };

    let questions = {
        let loaded = loaded.clone();
        move || {
            let p = page.get();
            let elements = loaded
                .survey
                .pages
                .get(p)
                .map(|pg| pg.elements.clone())
                .unwrap_or_default();
            render_elements(elements, draft, problems, set_answer.clone())
        }
    };
    let page_title = {
        let loaded = loaded.clone();
        move || {
            loaded
                .survey
                .pages
                .get(page.get())
                .and_then(|p| p.title.clone())
                .map(|t| view! { <h2 class="cv-fill__page-title">{localized(&t)}</h2> })
        }
    };
    let turn_back = turn.clone();
    view! {
        <div class="cv-fill" data-testid="fill-page">
            <h1 class="cv-fill__title" tabindex="-1" node_ref=heading>{localized(&loaded.survey.title)}</h1>
            <ProgressBar current=Signal::derive(move || page.get() + 1) total/>
            {page_title}
            <form class="cv-fill__form" novalidate=true on:submit=|ev| ev.prevent_default()>
                {questions}
            </form>
            <nav class="cv-fill__nav">
                <Show when=move || { page.get() > 0 }>
                    <button type="button" class="cv-button" data-testid="btn-back" on:click={let t = turn_back.clone(); move |_| t(false)}>
                        {tr(Key::Back)}
                    </button>
                </Show>
                <Show when=move || { page.get() + 1 < total }
                    fallback=move || view! {
                        <button type="button" class="cv-button cv-button--primary" data-testid="btn-complete" on:click=finish.clone()>
                            {tr(Key::Complete)}
                        </button>
                    }>
                    <button type="button" class="cv-button cv-button--primary" data-testid="btn-next" on:click={let t = turn.clone(); move |_| t(true)}>
                        {tr(Key::Next)}
                    </button>
                </Show>
            </nav>
        </div>
    }
}
