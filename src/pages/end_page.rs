//! The end page: thanks (the survey's completed text when it has one),
//! and — when the survey says `showScore` — the
//! score, raw total, grade and per-indicator scores of the response just
//! completed (the latest stored one, so a reload shows it again).

use canvass_core::logic::{completed_text, FollowUps, LogicState};
use canvass_core::response::Response;
use leptos::prelude::*;

use crate::context::{localized, ui_locale, use_catalog, use_store};
use crate::i18n::Key;
use crate::pages::fill_logic::env_now;
use crate::route::Route;

/// A score for display: one decimal; missing shows a dash.
fn one_decimal(x: Option<f64>) -> String {
    x.map(|x| format!("{x:.1}"))
        .unwrap_or_else(|| "—".to_owned())
}

/// A raw total for display: at most two decimals, no trailing zeros.
fn total(x: Option<f64>) -> String {
    x.map(|x| {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    })
    .unwrap_or_else(|| "—".to_owned())
}

#[component]
pub fn EndPage(survey_id: String) -> impl IntoView {
    // Respondent mode: a thank-you and the way back to the interviewer,
    // nothing read from storage (src/field/lock.rs).
    if crate::field::lock::use_lock().get_untracked().is_some() {
        let l = ui_locale();
        return view! {
            <div class="cv-end" data-testid="end-page">
                <h1 class="cv-end__title">{l.t(Key::Thanks)}</h1>
                <p>{l.t(Key::ThanksBody)}</p>
                <crate::field::unlock::UnlockButton/>
            </div>
        }
        .into_any();
    }
    // The latest completed response, read from storage first.
    let store = use_store();
    let latest = RwSignal::new(None::<Option<Response>>);
    let records = store.records();
    let id = survey_id.clone();
    leptos::task::spawn_local(async move {
        // The response just completed in this session is in memory; only
        // after a reload of this page are the survey's responses read to
        // find the newest (sealed without the PIN: none is shown).
        let newest = crate::respond::last_completed(&id);
        let newest = match newest {
            Some(r) => Some(r),
            None => records
                .responses_of(&id)
                .await
                .unwrap_or_default()
                .into_iter()
                .max_by(|a, b| a.completed_at.cmp(&b.completed_at)),
        };
        store.refresh();
        let _ = latest.try_set(Some(newest));
    });
    (move || latest.get().map(|r| end_view(survey_id.clone(), r))).into_any()
}

fn end_view(survey_id: String, latest: Option<Response>) -> impl IntoView {
    let l = ui_locale();
    let loaded = use_catalog().find(&survey_id);
    let t = |k: Key| l.t(k);
    // The survey's own completed text (first matching condition, else
    // `completedHtml`), from the logic state of the stored answers; plain
    // text, never HTML.
    let completed = loaded
        .as_ref()
        .zip(latest.as_ref())
        .and_then(|(loaded, response)| {
            let state = LogicState::new(&loaded.logic, &response.answers, env_now());
            completed_text(&loaded.logic, &state, &response.answers, l.code())
        });
    let body = match completed {
        Some(text) => {
            view! { <p class="cv-end__completed" data-testid="completed-text">{text}</p> }
                .into_any()
        }
        None => view! { <p>{t(Key::ThanksBody)}</p> }.into_any(),
    };

    let results = loaded.zip(latest).filter(|(l, _)| l.survey.scoring.show_score).map(|(loaded, response)| {
        let Some(report) = response.score.clone() else {
            let logic = &loaded.logic;
            let state = LogicState::new(logic, &response.answers, env_now());
            let why = loaded
                .scoring
                .score_with(&state.scoring_answers(logic, &response.answers), &state.hidden_questions(), &FollowUps::new(logic, state.env().clone()))
                .err()
                .map(|e| e.to_string());
            return view! { <p class="cv-result__error" role="alert">{t(Key::ScoreFailed)}" "{why}</p> }.into_any();
        };
        let spec = loaded.survey.scoring.clone();
        let grade = report.grade.clone().map(|name| {
            let title = spec.grades.iter().flat_map(|g| g.bands.iter()).find(|b| b.name == name).map(|b| b.title.clone());
            let shown = title.map(|p| localized(&p));
            let name2 = name.clone();
            view! {
                <span data-testid="result-grade">{name}</span>
                {shown.map(|f| view! {
                    <span class="cv-result__grade-title">{(f != name2).then(|| format!(" ({f})"))}</span>
                })}
            }
        });
        let indicators = report.indicators.iter().map(|ind| {
            let title = spec.indicators.iter().find(|i| i.name == ind.name).map(|i| localized(&i.title));
            let label = ind.name.clone();
            view! {
                <li class="cv-result__indicator">
                    <span class="cv-result__indicator-name">{title.unwrap_or(label)}</span>
                    <span class="cv-result__value" data-testid=format!("indicator-{}", ind.name)>{one_decimal(ind.score)}</span>
                </li>
            }
        }).collect_view();
        view! {
            <dl class="cv-result">
                <div class="cv-result__row"><dt>{t(Key::Score)}</dt><dd data-testid="result-score">{one_decimal(report.overall)}</dd></div>
                <div class="cv-result__row"><dt>{t(Key::Total)}</dt><dd data-testid="result-total">{total(report.raw_total)}</dd></div>
                <div class="cv-result__row"><dt>{t(Key::Grade)}</dt><dd>{grade.map(|g| g.into_any()).unwrap_or_else(|| "—".into_any())}</dd></div>
            </dl>
            <h2 class="cv-result__heading">{t(Key::Indicators)}</h2>
            <ul class="cv-result__indicators">{indicators}</ul>
        }
        .into_any()
    });

    let again = Route::Fill(survey_id.clone()).href();
    // Field work: the next household's visit form, prefilled (docs/FIELD.md).
    let next_household = Route::Visit(survey_id).href();
    view! {
        <div class="cv-end" data-testid="end-page">
            <h1 class="cv-end__title">{t(Key::Thanks)}</h1>
            {body}
            {results}
            <div class="cv-end__actions">
                <a class="cv-button cv-button--primary" href=again data-testid="btn-new">{t(Key::NewResponse)}</a>
                <a class="cv-button" href="#/" data-testid="btn-home">{t(Key::Home)}</a>
                <a class="cv-button cv-button--primary" href=next_household data-testid="btn-next-household">
                    {t(Key::Field(crate::i18n_field::FieldKey::NextHousehold))}
                </a>
            </div>
        </div>
    }
}
