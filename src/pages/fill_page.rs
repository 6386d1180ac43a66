//! Filling a survey, one page at a time, as its logic shows it. Every
//! answer is written to the draft in storage the moment it is given and
//! updates the response's `LogicState` incrementally; Next and Complete
//! validate the page (core's `validate_page`) and move focus to the first
//! problem; navigation skips the pages the logic hides.

use std::collections::BTreeMap;
use std::sync::Arc;

use canvass_core::survey::Value;
use canvass_core::LoadedSurvey;
use leptos::prelude::*;

use canvass_core::logic::{
    next_page, previous_page, progress, validate_page, visible_pages, LogicState, Target,
};

use super::fill_logic::{env_now, survey_text, FillLogic};
use super::fill_parts::{focus_first_control, render_elements, uid_of};
use crate::components::progress::ProgressBar;
use crate::components::save_indicator::SaveIndicator;
use crate::context::{localized, tr, ui_locale, use_catalog, use_store};
use crate::i18n::Key;
use crate::respond::{complete, new_draft};
use crate::route::{navigate, Route};
use crate::storage::{Draft, DRAFTS};

/// How long after a page's first frame the pages next to it are built:
/// out of the turn's own frame, well before a respondent has answered
/// anything.
const PREFETCH_DELAY_MS: u64 = 20;

#[component]
pub fn FillPage(survey_id: String) -> impl IntoView {
    match use_catalog().find(&survey_id) {
        Some(loaded) => {
            // The stored draft is read first; a read error stops here
            // rather than starting a new draft over the stored one.
            let store = use_store();
            let stored = RwSignal::new(None::<Result<Option<Draft>, String>>);
            let records = store.records();
            leptos::task::spawn_local(async move {
                let read = records.get::<Draft>(DRAFTS, &survey_id).await;
                store.refresh();
                let _ = stored.try_set(Some(read.map_err(|e| e.to_string())));
            });
            (move || match stored.get() {
                None => None,
                Some(Ok(draft)) => {
                    Some(view! { <Filler loaded=loaded.clone() stored=draft/> }.into_any())
                }
                Some(Err(why)) => Some(
                    view! {
                        <p class="cv-missing" role="alert" data-testid="draft-unreadable">{why}</p>
                    }
                    .into_any(),
                ),
            })
            .into_any()
        }
        None => view! {
            <p class="cv-missing">{tr(Key::SurveyNotFound)}</p>
            <a class="cv-button" href="#/" data-testid="btn-home">{tr(Key::Home)}</a>
        }
        .into_any(),
    }
}

#[component]
fn Filler(loaded: Arc<LoadedSurvey>, stored: Option<Draft>) -> impl IntoView {
    let store = use_store();
    let locale_code = ui_locale().code();
    let survey_id = loaded.survey.id.clone();
    let total = loaded.survey.pages.len().max(1);

    let mut initial = stored.unwrap_or_else(|| new_draft(&loaded.survey));
    initial.page = initial.page.min(total - 1);
    // Resuming: the logic state is derived from the stored answers alone.
    let state = RwSignal::new(LogicState::new(
        &loaded.logic,
        &initial.response.answers,
        env_now(),
    ));
    // A fresh draft starts on the first page shown.
    if initial.response.answers.is_empty() {
        if let Some(&first) = state.with_untracked(visible_pages).first() {
            initial.page = first;
        }
    }
    let draft = RwSignal::new(initial);
    let logic = FillLogic { state, draft };
    provide_context(logic);
    // The survey, for the parts of composite questions (`sub_answers`).
    provide_context(loaded.clone());
    let problems = RwSignal::new(BTreeMap::<String, String>::new());
    let page_problems = RwSignal::new(Vec::<String>::new());
    let save = {
        let id = survey_id.clone();
        move || {
            // `try_`: the turn's deferred save may run after the filler is
            // gone (the respondent left the page in between).
            draft.try_with_untracked(|d| store.put_soon(DRAFTS, &id, d));
        }
    };
    save();
    // The page shown, a signal of its own: a turn changes only this (and
    // the draft's copy, untracked, for storage), so the answer memos of
    // every built page, which read `draft`, do not re-run on a turn.
    let page = RwSignal::new(draft.with_untracked(|d| d.page));
    let heading = NodeRef::<leptos::html::H1>::new();

    // The page's validation errors: per question, and the rest (required
    // panels and pages).
    let errors = {
        let loaded = loaded.clone();
        move || -> (Vec<(String, String)>, Vec<String>) {
            let found = state.with_untracked(|s| {
                draft.with_untracked(|d| {
                    validate_page(&loaded.logic, s, d.page, &d.response.answers)
                })
            });
            let mut questions: Vec<(String, String)> = Vec::new();
            let mut rest = Vec::new();
            for e in found {
                let message = e.message(locale_code);
                match &e.target {
                    Target::Question(name) => match questions.iter_mut().find(|(n, _)| n == name) {
                        Some((_, m)) => {
                            m.push(' ');
                            m.push_str(&message);
                        }
                        None => questions.push((name.clone(), message)),
                    },
                    _ => rest.push(message),
                }
            }
            (questions, rest)
        }
    };

    // Paradata (time per question, changes, pauses): src/field/capture.rs.
    let capture = crate::field::capture::Capture::new(store, &survey_id);
    let set_answer = {
        let loaded = loaded.clone();
        let save = save.clone();
        let errors = errors.clone();
        move |name: String, value: Option<Value>| {
            // A composite answer is stored with its expression parts
            // computed (core `Parts::normalized`), as SurveyJS stores them.
            let value = match loaded.logic.parts(&name).filter(|p| p.has_logic()) {
                Some(parts) => state.with_untracked(|s| {
                    draft.with_untracked(|d| {
                        parts.normalized(value.as_ref(), &s.scope(&d.response.answers), false)
                    })
                }),
                None => value,
            };
            draft.with_untracked(|d| {
                capture.changed(&loaded.survey, &name, d.response.answers.get(&name), value.as_ref())
            });
            draft.update(|d| match value {
                Some(v) => {
                    d.response.answers.insert(name.clone(), v);
                }
                None => {
                    d.response.answers.remove(&name);
                }
            });
            save();
            state.update(|s| {
                draft.with_untracked(|d| s.apply(&loaded.logic, &name, &d.response.answers))
            });
            // An error shown at this question goes away once it is fixed.
            if problems.with_untracked(|p| p.contains_key(&name)) {
                let now = errors().0.into_iter().find(|(n, _)| *n == name);
                problems.update(|p| match now {
                    Some((_, x)) => {
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
            let (found, rest) = errors();
            let ok = found.is_empty() && rest.is_empty();
            let first = found.first().and_then(|(name, _)| uid_of(&loaded, name));
            // Every shown question listens to `problems`: write only changes.
            let found: BTreeMap<String, String> = canvass_core::small_sort::map_of(found);
            if problems.with_untracked(|p| *p != found) {
                problems.set(found);
            }
            if page_problems.with_untracked(|p| *p != rest) {
                page_problems.set(rest);
            }
            if let Some(uid) = first {
                focus_first_control(&uid);
            }
            ok
        }
    };
    let mounted = RwSignal::new(vec![page.get_untracked()]);
    let mount = move |p: usize| {
        let _ = mounted.try_update(|m| {
            if let Err(i) = m.binary_search(&p) {
                m.insert(i, p);
            }
        });
    };
    // Builds the pages either side of the current one just after the
    // current one has painted (a no-op once the filler is gone).
    let prefetch = move || {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let near = state.try_with_untracked(|s| {
                        page.try_get_untracked()
                            .map(|at| [next_page(s, at), previous_page(s, at)])
                    });
                    for p in near.flatten().into_iter().flatten().flatten() {
                        if !mounted
                            .try_with_untracked(|m| m.contains(&p))
                            .unwrap_or(true)
                        {
                            mount(p);
                        }
                    }
                },
                std::time::Duration::from_millis(PREFETCH_DELAY_MS),
            )
        });
    };
    prefetch();
    let turn = {
        let (save, check_page) = (save.clone(), check_page.clone());
        move |forward: bool| {
            if forward && !check_page() {
                return;
            }
            let to = state.with_untracked(|s| {
                let at = page.get_untracked();
                if forward {
                    next_page(s, at)
                } else {
                    previous_page(s, at)
                }
            });
            let Some(to) = to else { return };
            if problems.with_untracked(|p| !p.is_empty()) {
                problems.set(BTreeMap::new());
            }
            if page_problems.with_untracked(|p| !p.is_empty()) {
                page_problems.set(Vec::new());
            }
            if !mounted.with_untracked(|m| m.contains(&to)) {
                mount(to);
            }
            draft.update_untracked(|d| d.page = to);
            page.set(to);
            // Only the page number changed (every answer was stored when
            // given): stored once the new page has painted, so the turn
            // does not wait for the draft's serialising and two writes.
            let save = save.clone();
            request_animation_frame(move || set_timeout(save, std::time::Duration::ZERO));
            prefetch();
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
            let (response, _failure) = state
                .with_untracked(|s| draft.with_untracked(|d| complete(d, &loaded, s, locale_code)));
            let id = loaded.survey.id.clone();
            // The draft is cleared only once the completed response is
            // stored: when the write fails (quota, private mode) the
            // respondent stays here with the storage banner and its backup
            // download, and the stored draft still holds every answer.
            let records = store.records();
            let paradata = capture.finish();
            let (done, loaded_done) = (response.clone(), loaded.clone());
            let stored = store.track(async move { records.append_response(&response).await });
            leptos::task::spawn_local(async move {
                if stored.await.is_err() {
                    return;
                }
                // Paradata, list row and follow-up case (src/field/records.rs).
                let _ = crate::field::records::completed(store, &loaded_done, &done, Some(paradata)).await;
                store.count_unexported();
                crate::respond::set_last_completed(&done);
                let _ = store.delete(DRAFTS, &id).await;
                navigate(&Route::End(id));
            });
        }
    };

    // Pages are rendered once and kept (hidden) while the response is
    // filled: turning to a page already built only swaps which one shows,
    // and the pages next to the current one are built ahead, after the
    // turn has painted (see `prefetch`), so a turn rarely builds anything.
    let page_view = {
        let loaded = loaded.clone();
        move |p: usize| {
            let elements = loaded
                .survey
                .pages
                .get(p)
                .map(|pg| pg.elements.clone())
                .unwrap_or_default();
            let display = move || if page.get() == p { "contents" } else { "none" };
            view! {
                <div class="cv-fill__page" style:display=display>
                    {render_elements(elements, logic, problems, set_answer.clone())}
                </div>
            }
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
                .map(|t| view! { <h2 class="cv-fill__page-title">{survey_text(&t)}</h2> })
        }
    };
    let place = Memo::new(move |_| state.with(|s| progress(s, page.get())));
    let has_next = Memo::new(move |_| state.with(|s| next_page(s, page.get()).is_some()));
    let has_back = Memo::new(move |_| state.with(|s| previous_page(s, page.get()).is_some()));
    let turn_back = turn.clone();
    view! {
        <div class="cv-fill" data-testid="fill-page">
            <h1 class="cv-fill__title" tabindex="-1" node_ref=heading>{localized(&loaded.survey.title)}</h1>
            <ProgressBar current=Signal::derive(move || place.get().0) total=Signal::derive(move || place.get().1)/>
            {page_title}
            <form class="cv-fill__form" novalidate=true on:submit=|ev| ev.prevent_default()
                on:focusin=move |ev| capture.focus_event(&ev)>
                <For each=move || mounted.get() key=|p| *p children=page_view/>
                {move || page_problems.with(|p| (!p.is_empty()).then(|| view! {
                    <p class="cv-question__error" data-testid="error-page" role="alert">{p.join(" ")}</p>
                }))}
            </form>
            <nav class="cv-fill__nav">
                <Show when=move || has_back.get()>
                    <button type="button" class="cv-button" data-testid="btn-back" on:click={let t = turn_back.clone(); move |_| t(false)}>
                        {tr(Key::Back)}
                    </button>
                </Show>
                <Show when=move || has_next.get()
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
            <SaveIndicator/>
            // Respondent mode: the interviewer takes the phone back with the PIN.
            {move || crate::field::lock::use_lock().get().map(|_| view! { <crate::field::unlock::UnlockButton/> })}
        </div>
    }
}
