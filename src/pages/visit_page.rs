//! The visit form of one household: prefilled from the last visit (same
//! survey, channel and segment, the interviewer from the profile), one
//! tap to start the survey — read aloud or handed to the resident — or one
//! tap to record a visit that produced no questionnaire, after which the
//! form is ready for the next household. With "next household" on the end
//! page, that is two taps from one visit to the next.

use std::sync::Arc;

use canvass_core::response::Response;
use canvass_core::visit::{Channel, Outcome, Position, Visit};
use canvass_core::LoadedSurvey;
use leptos::prelude::*;

use crate::clock::now_rfc3339;
use crate::context::{localized, use_catalog, use_store};
use crate::field::form::text_field;
use crate::field::{fk, geo, lock, records, settings};
use crate::i18n_field::FieldKey;
use crate::ids::new_response_id;
use crate::respond::{new_draft, survey_ref};
use crate::route::{navigate, Route};
use crate::storage::{Draft, DRAFTS};

/// The label of an outcome.
pub fn outcome_label(o: Outcome) -> &'static str {
    fk(match o {
        Outcome::Completed => FieldKey::OutcomeCompleted,
        Outcome::Refused => FieldKey::OutcomeRefused,
        Outcome::NobodyHome => FieldKey::OutcomeNobodyHome,
        Outcome::InvalidAddress => FieldKey::OutcomeInvalid,
        Outcome::CallBackLater => FieldKey::OutcomeCallBack,
        _ => FieldKey::OutcomeOther,
    })
}

fn channel_label(c: Channel) -> &'static str {
    fk(match c {
        Channel::Phone => FieldKey::ChannelPhone,
        Channel::SelfService => FieldKey::ChannelSelf,
        _ => FieldKey::ChannelDoor,
    })
}

/// The form's starting visit: the last one's round for this survey, else
/// a door-to-door visit, stamped with the profile.
fn prefilled(survey: &str) -> Visit {
    let mut v = match settings::last_visit() {
        Some((s, last)) if s == survey => last.next(),
        _ => Visit {
            channel: Some(Channel::DoorToDoor),
            ..Visit::default()
        },
    };
    if let Some(p) = settings::profile() {
        v.interviewer = Some(p.interviewer());
        v.team = (!p.team.is_empty()).then_some(p.team);
    }
    v
}

#[component]
pub fn VisitPage(survey_id: String) -> impl IntoView {
    match use_catalog().find(&survey_id) {
        Some(loaded) if settings::profile().is_some() => view! { <VisitForm loaded/> }.into_any(),
        Some(_) => view! {
            <p role="alert">{fk(FieldKey::ProfileFirst)}</p>
            <a class="cv-button cv-button--primary" href=Route::Staff.href() data-testid="link-staff">{fk(FieldKey::StaffMenu)}</a>
        }
        .into_any(),
        None => view! { <p class="cv-missing">{crate::context::tr(crate::i18n::Key::SurveyNotFound)}</p> }.into_any(),
    }
}

#[component]
fn VisitForm(loaded: Arc<LoadedSurvey>) -> impl IntoView {
    let store = use_store();
    let survey = loaded.survey.id.clone();
    let start = prefilled(&survey);
    let household = RwSignal::new(String::new());
    let segment = RwSignal::new(start.segment.clone().unwrap_or_default());
    let note = RwSignal::new(String::new());
    let channel = RwSignal::new(start.channel.unwrap_or(Channel::DoorToDoor));
    let want_position = RwSignal::new(false);
    let position = RwSignal::new(None::<Result<Position, String>>);
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let base = StoredValue::new(start);
    let lock_signal = lock::use_lock();

    let on_position = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        want_position.set(on);
        position.set(None);
        if on {
            geo::locate(move |fix| {
                let _ = position.try_set(Some(fix));
            });
        }
    };
    // The visit as the form shows it now.
    let visit = move |outcome: Outcome| -> Visit {
        let text = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|t| !t.is_empty())
        };
        Visit {
            household: text(household),
            outcome,
            at: Some(now_rfc3339()),
            channel: Some(channel.get_untracked()),
            note: text(note),
            segment: text(segment),
            position: want_position
                .get_untracked()
                .then(|| position.get_untracked().and_then(Result::ok))
                .flatten(),
            ..base.get_value()
        }
    };

    let begin = {
        let (loaded, survey) = (loaded.clone(), survey.clone());
        move |hand_over: bool| {
            if busy.get_untracked() {
                return;
            }
            if hand_over && settings::pin().is_none() {
                status.set(Some(fk(FieldKey::NoPinForHandover).to_owned()));
                return;
            }
            busy.set(true);
            let v = visit(Outcome::Completed);
            let (loaded, survey) = (loaded.clone(), survey.clone());
            leptos::task::spawn_local(async move {
                let result = start_household(store, &loaded, v.clone()).await;
                let _ = busy.try_set(false);
                match result {
                    Ok(()) => {
                        settings::set_last_visit(&survey, &v);
                        if hand_over {
                            if let Err(e) = lock::hand_over(lock_signal, &survey, store) {
                                let _ = status.try_set(Some(e));
                            }
                        } else {
                            navigate(&Route::Fill(survey));
                        }
                    }
                    Err(e) => {
                        let _ = status.try_set(Some(e));
                    }
                }
            });
        }
    };
    let record = {
        let loaded = loaded.clone();
        let survey = survey.clone();
        move |outcome: Outcome| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            let v = visit(outcome);
            let entry = Response {
                id: new_response_id(),
                survey: survey_ref(&loaded.survey),
                started_at: v.at.clone().unwrap_or_default(),
                completed_at: None,
                answers: Default::default(),
                meta: Default::default(),
                score: None,
                visit: Some(v.clone()),
            };
            let survey = survey.clone();
            leptos::task::spawn_local(async move {
                let result = records::visit_only(store, &entry).await;
                let _ = busy.try_set(false);
                match result {
                    Ok(()) => {
                        settings::set_last_visit(&survey, &v);
                        let said = format!(
                            "{} {} — {}",
                            fk(FieldKey::VisitSaved),
                            v.household.clone().unwrap_or_default(),
                            outcome_label(outcome)
                        );
                        let _ = status.try_set(Some(said));
                        // Ready for the next household.
                        let _ = household.try_set(String::new());
                        let _ = note.try_set(String::new());
                        let _ = position.try_set(None);
                        let _ = want_position.try_set(false);
                    }
                    Err(e) => {
                        let _ = status.try_set(Some(e.to_string()));
                    }
                }
            });
        }
    };

    let channels = Channel::ALL
        .into_iter()
        .filter(|c| *c != Channel::Other)
        .map(|c| {
            view! {
                <label class="cv-choice">
                    <input type="radio" name="cv-channel" data-testid=format!("channel-{}", c.code())
                        prop:checked=move || channel.get() == c on:change=move |_| channel.set(c)/>
                    <span>{channel_label(c)}</span>
                </label>
            }
        })
        .collect_view();
    let outcomes = Outcome::ALL
        .into_iter()
        .filter(|o| *o != Outcome::Completed)
        .map(|o| {
            let record = record.clone();
            view! {
                <button type="button" class="cv-button" data-testid=format!("outcome-{}", o.code())
                    disabled=move || busy.get() on:click=move |_| record(o)>
                    {outcome_label(o)}
                </button>
            }
        })
        .collect_view();
    let position_text = move || {
        position.get().map(|p| match p {
            Ok(p) => format!("{} {:.0} m", fk(FieldKey::PositionGot), p.accuracy_m),
            Err(e) => format!("{} {e}", fk(FieldKey::PositionFailed)),
        })
    };
    let (read_aloud, hand) = (begin.clone(), begin);
    view! {
        <div class="cv-visit" data-testid="visit-page">
            <h1>{fk(FieldKey::VisitHeading)}</h1>
            <p class="cv-visit__survey">{localized(&loaded.survey.title)}</p>
            <form class="cv-visit__form" on:submit=|ev| ev.prevent_default()>
                {text_field(FieldKey::Household, household, "visit-household")}
                {text_field(FieldKey::Segment, segment, "visit-segment")}
                <fieldset class="cv-visit__channel">
                    <legend>{fk(FieldKey::Channel)}</legend>
                    {channels}
                </fieldset>
                {text_field(FieldKey::Note, note, "visit-note")}
                <label class="cv-choice">
                    <input type="checkbox" data-testid="visit-gps" prop:checked=move || want_position.get() on:change=on_position/>
                    <span>{fk(FieldKey::RecordPosition)}</span>
                </label>
                <p aria-live="polite">{position_text}</p>
            </form>
            <div class="cv-visit__start">
                <button type="button" class="cv-button cv-button--primary" data-testid="btn-start-survey"
                    disabled=move || busy.get() on:click=move |_| read_aloud(false)>
                    {fk(FieldKey::StartSurvey)}
                </button>
                <button type="button" class="cv-button cv-button--primary" data-testid="btn-hand-over"
                    disabled=move || busy.get() on:click=move |_| hand(true)>
                    {fk(FieldKey::HandToResident)}
                </button>
            </div>
            <h2 class="cv-visit__outcomes-title">{fk(FieldKey::NotCompleted)}</h2>
            <div class="cv-visit__outcomes">{outcomes}</div>
            <p role="status" aria-live="polite" data-testid="visit-status">{move || status.get()}</p>
            <a class="cv-button" href=Route::Visits.href() data-testid="link-visits">{fk(FieldKey::LinkVisits)}</a>
        </div>
    }
}

/// Starts the household's questionnaire: a fresh draft carrying the visit.
/// An unfinished draft of another household is not thrown away: it is
/// kept as a visit record (outcome "other", its answers kept) first.
async fn start_household(
    store: crate::context::Store,
    loaded: &LoadedSurvey,
    visit: Visit,
) -> Result<(), String> {
    let survey = &loaded.survey.id;
    let old = store
        .records()
        .get::<Draft>(DRAFTS, survey)
        .await
        .map_err(|e| e.to_string())?;
    if let Some(old) = old.filter(|d| !d.response.answers.is_empty() || d.response.visit.is_some())
    {
        let mut kept = old.response;
        let mut v = kept.visit.take().unwrap_or_default();
        v.outcome = Outcome::Other;
        v.note = Some(match v.note {
            Some(n) => format!("{n} (unfinished)"),
            None => "unfinished".to_owned(),
        });
        v.at.get_or_insert_with(now_rfc3339);
        kept.visit = Some(v);
        records::visit_only(store, &kept)
            .await
            .map_err(|e| e.to_string())?;
        let _ = store
            .delete(crate::storage::PARADATA, &records::draft_key(survey))
            .await;
    }
    let mut draft = new_draft(&loaded.survey);
    draft.response.visit = Some(visit);
    store
        .put(DRAFTS, survey, &draft)
        .await
        .map_err(|e| e.to_string())
}
