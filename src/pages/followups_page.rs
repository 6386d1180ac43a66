//! The follow-up queue (闭环): every flagged response's case with its
//! reasons, the customer's contact only where they consented, the
//! responsible person, the due date, the status and notes. Status changes
//! follow core's rules (`followup::FollowUpStatus::allows`): resolving
//! and reopening need a note.

use canvass_core::followup::{FollowUpCase, FollowUpStatus};
use canvass_core::scoring::FollowUpReason;
use leptos::prelude::*;

use crate::clock::{now_rfc3339, LocalTime};
use crate::context::{localized, use_catalog, use_store};
use crate::field::{fk, records, settings};
use crate::i18n_field::FieldKey;

fn status_label(s: FollowUpStatus) -> &'static str {
    fk(match s {
        FollowUpStatus::Open => FieldKey::StatusOpen,
        FollowUpStatus::Contacted => FieldKey::StatusContacted,
        FollowUpStatus::Resolved => FieldKey::StatusResolved,
    })
}

#[component]
pub fn FollowUpsPage() -> impl IntoView {
    let store = use_store();
    let cases = RwSignal::new(None::<Result<Vec<FollowUpCase>, String>>);
    // Read again once the PIN opened sealed records (`Store::opened`).
    Effect::new(move |_| {
        store.opened.track();
        leptos::task::spawn_local(async move {
            let list = records::follow_ups(store).await.map_err(|e| crate::field::store_error_text(&e));
            let _ = cases.try_set(Some(list));
        });
    });
    let show_resolved = RwSignal::new(false);
    view! {
        <div class="cv-followups" data-testid="followups-page">
            <h1>{fk(FieldKey::FollowUpsHeading)}</h1>
            <label class="cv-choice">
                <input type="checkbox" data-testid="show-resolved" on:change=move |ev| show_resolved.set(event_target_checked(&ev))/>
                <span>{fk(FieldKey::ShowResolved)}</span>
            </label>
            {move || match cases.get() {
                None => view! { <p aria-live="polite">{fk(FieldKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{e}</p> }.into_any(),
                Some(Ok(list)) => {
                    let all = show_resolved.get();
                    let shown: Vec<FollowUpCase> = list.into_iter().filter(|c| all || c.status != FollowUpStatus::Resolved).collect();
                    if shown.is_empty() {
                        view! { <p data-testid="no-followups">{fk(FieldKey::NoFollowUps)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="cv-followups__list">
                                {shown.into_iter().map(|case| view! { <CaseCard case/> }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }
            }}
        </div>
    }
}

/// One edit of a case, refused with a message when core's rules say no.
type CaseChange = Box<dyn FnOnce(&mut FollowUpCase) -> Result<(), String>>;

#[component]
fn CaseCard(case: FollowUpCase) -> impl IntoView {
    let store = use_store();
    let catalog = use_catalog();
    let loaded = catalog.find(&case.survey);
    let title = |name: &str| {
        let question = name.split('.').next().unwrap_or(name);
        loaded
            .as_ref()
            .and_then(|l| l.survey.question(question).map(|q| localized(&q.title)))
            .map(|t| format!("{t} ({name})"))
            .unwrap_or_else(|| name.to_owned())
    };
    let reasons = case
        .reasons
        .iter()
        .map(|r| match r {
            FollowUpReason::BottomBox { item } => {
                format!("{} {}", fk(FieldKey::ReasonBottomBox), title(item))
            }
            FollowUpReason::LowestGrade { grade } => {
                format!("{} {grade}", fk(FieldKey::ReasonLowestGrade))
            }
            FollowUpReason::Condition { name } => {
                format!("{} {name}", fk(FieldKey::ReasonCondition))
            }
        })
        .map(|t| view! { <li data-testid="case-reason">{t}</li> })
        .collect_view();
    let contact = if case.contact.is_empty() {
        view! { <p class="cv-case__no-contact" data-testid="case-no-contact">{fk(FieldKey::NoContact)}</p> }.into_any()
    } else {
        let items = case
            .contact
            .iter()
            .map(|(q, v)| view! { <li>{title(q)}": "<span data-testid="case-contact">{v.clone()}</span></li> })
            .collect_view();
        view! { <ul class="cv-case__contact">{items}</ul> }.into_any()
    };
    let state = RwSignal::new(case);
    let message = RwSignal::new(None::<String>);
    let note = RwSignal::new(String::new());
    let by = settings::profile().map(|p| p.interviewer());
    // Applies `change` to the case and stores it; a refused change (core's
    // rules) is shown and nothing is stored.
    let apply = move |change: CaseChange| {
        let mut next = state.get_untracked();
        match change(&mut next) {
            Err(e) => message.set(Some(e)),
            Ok(()) => {
                state.set(next.clone());
                message.set(None);
                leptos::task::spawn_local(async move {
                    let saved = records::save_case(store, &next).await;
                    let _ = message.try_set(Some(match saved {
                        Ok(()) => fk(FieldKey::Saved).to_owned(),
                        Err(e) => e.to_string(),
                    }));
                });
            }
        }
    };
    let by2 = by.clone();
    let transitions = move || {
        let from = state.with(|c| c.status);
        FollowUpStatus::ALL
            .into_iter()
            .filter(|to| from.allows(*to).is_some())
            .map(|to| {
                let by = by2.clone();
                view! {
                    <button type="button" class="cv-button" data-testid=format!("case-to-{}", to.code())
                        on:click=move |_| {
                            let by = by.clone();
                            let text = note.get_untracked();
                            apply(Box::new(move |c| {
                                c.transition(to, &now_rfc3339(), by.as_deref(), Some(&text)).map_err(|e| e.to_string())
                            }));
                            if state.with_untracked(|c| c.status == to) {
                                note.set(String::new());
                            }
                        }>
                        {status_label(to)}
                    </button>
                }
            })
            .collect_view()
    };
    let today = {
        let t = LocalTime::now();
        format!("{:04}-{:02}-{:02}", t.year, t.month, t.day)
    };
    let id = state.with_untracked(|c| c.response.to_string());
    view! {
        <li class="cv-case" data-testid="case" data-id=id>
            <p class="cv-case__head">
                <span data-testid="case-status">{move || status_label(state.with(|c| c.status))}</span>
                {move || state.with(|c| c.is_overdue(&today)).then(|| view! { <span class="cv-badge cv-badge--warn">{fk(FieldKey::Overdue)}</span> })}
                " · "{loaded.as_ref().map(|l| localized(&l.survey.title))}
                {move || state.with(|c| c.household.clone().map(|h| format!(" · {h}")))}
            </p>
            <h3>{fk(FieldKey::Reasons)}</h3>
            <ul>{reasons}</ul>
            <h3>{fk(FieldKey::Contact)}</h3>
            {contact}
            <label class="cv-field">
                <span>{fk(FieldKey::Assignee)}</span>
                <input type="text" data-testid="case-assignee" prop:value=move || state.with(|c| c.assignee.clone().unwrap_or_default())
                    on:change=move |ev| { let who = event_target_value(&ev); apply(Box::new(move |c| { c.assign(&who); Ok(()) })) }/>
            </label>
            <label class="cv-field">
                <span>{fk(FieldKey::Due)}</span>
                <input type="date" data-testid="case-due" prop:value=move || state.with(|c| c.due.clone().unwrap_or_default())
                    on:change=move |ev| { let d = event_target_value(&ev); apply(Box::new(move |c| c.set_due(&d).map_err(|e| e.to_string()))) }/>
            </label>
            <label class="cv-field">
                <span>{fk(FieldKey::Note)}</span>
                <textarea data-testid="case-note" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </label>
            <div class="cv-case__actions">
                <button type="button" class="cv-button" data-testid="case-add-note" on:click={
                    let by = by.clone();
                    move |_| {
                        let by = by.clone();
                        let text = note.get_untracked();
                        let before = state.with_untracked(|c| c.notes.len());
                        apply(Box::new(move |c| c.add_note(&now_rfc3339(), by.as_deref(), &text).map_err(|e| e.to_string())));
                        if state.with_untracked(|c| c.notes.len()) > before {
                            note.set(String::new());
                        }
                    }
                }>{fk(FieldKey::AddNote)}</button>
                {transitions}
            </div>
            <ul class="cv-case__notes" aria-label=fk(FieldKey::Notes)>
                {move || state.with(|c| c.notes.iter().map(|n| view! {
                    <li data-testid="case-note-item">{n.at.get(..16).unwrap_or(&n.at).replace('T', " ")}" "{n.by.clone().unwrap_or_default()}": "{n.text.clone()}</li>
                }).collect_view())}
            </ul>
            <p role="status" aria-live="polite" data-testid="case-message">{move || message.get()}</p>
        </li>
    }
}
