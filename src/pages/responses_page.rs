//! Every stored response for staff, filterable by survey, status,
//! interviewer, date range and free text. Only the small list rows are
//! read (never the full responses) and the filter is core's
//! `listing::filter_rows`; the page renders the first matches and more on
//! request, so 20,000 stored responses open and filter in well under
//! 300 ms (tests/perf/list.mjs).

use canvass_core::followup::FollowUpStatus;
use canvass_core::listing::{
    filter_rows, interviewers, ResponseRow, RowFilter, RowStatus, StatusFilter,
};
use leptos::prelude::*;

use crate::context::{use_catalog, use_store};
use crate::field::{fk, records};
use crate::i18n_field::FieldKey;

/// Rows rendered at first and added by "show more".
const PAGE: usize = 50;

fn status_label(r: &ResponseRow) -> &'static str {
    fk(match r.status {
        RowStatus::Completed => FieldKey::StatusCompleted,
        RowStatus::Draft => FieldKey::StatusDraft,
        RowStatus::VisitOnly => FieldKey::StatusVisitOnly,
    })
}

fn status_filter(code: &str) -> Option<StatusFilter> {
    match code {
        "completed" => Some(StatusFilter::Completed),
        "draft" => Some(StatusFilter::Draft),
        "visitOnly" => Some(StatusFilter::VisitOnly),
        "followUp" => Some(StatusFilter::FollowUp),
        _ => None,
    }
}

#[component]
pub fn ResponsesPage() -> impl IntoView {
    let store = use_store();
    let catalog = use_catalog();
    let rows = StoredValue::new_local(records::ListRows::default());
    let ready = RwSignal::new(None::<Result<(), String>>);
    // Read again once the PIN opened sealed records (`Store::opened`).
    Effect::new(move |_| {
        store.opened.track();
        leptos::task::spawn_local(async move {
            let result = records::rows(store)
                .await
                .map(|list| {
                    let _ = rows.try_set_value(list);
                })
                .map_err(|e| crate::field::store_error_text(&e));
            let _ = ready.try_set(Some(result));
        });
    });
    let survey = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let interviewer = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let limit = RwSignal::new(PAGE);
    let some = |s: String| (!s.is_empty()).then_some(s);
    let matches = Memo::new(move |_| {
        if !matches!(ready.get(), Some(Ok(()))) {
            return Vec::new();
        }
        let filter = RowFilter {
            survey: some(survey.get()),
            status: status_filter(&status.get()),
            interviewer: some(interviewer.get()),
            from: some(from.get()),
            to: some(to.get()),
            text: text.get(),
        };
        // Drafts (being filled now) first, then the stored rows newest first.
        rows.with_value(|r| {
            let drafts = filter_rows(&r.drafts, &filter)
                .into_iter()
                .map(|i| (true, i));
            let stored = filter_rows(&r.stored.rows, &filter)
                .into_iter()
                .map(|i| (false, i));
            drafts.chain(stored).collect::<Vec<_>>()
        })
    });
    // A new filter starts from the first page of matches.
    Effect::new(move |_| {
        matches.track();
        limit.set(PAGE);
    });
    let shown = move || {
        let ids = matches.with(|m| m.iter().take(limit.get()).copied().collect::<Vec<_>>());
        rows.with_value(|r| {
            ids.into_iter()
                .map(|(draft, i)| {
                    if draft {
                        r.drafts[i].clone()
                    } else {
                        r.stored.rows[i].clone()
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let title_of = move |id: &str| {
        catalog
            .find(id)
            .map(|l| crate::context::localized(&l.survey.title))
            .unwrap_or_else(|| id.to_owned())
    };
    let row_view = move |r: ResponseRow| {
        let badge = match r.follow_up {
            Some(FollowUpStatus::Resolved) | None => None,
            Some(_) => Some(
                view! { <span class="cv-badge cv-badge--warn">{fk(FieldKey::StatusFollowUp)}</span> },
            ),
        };
        let fast = r.fast.then(|| view! { <span class="cv-badge cv-badge--warn" data-testid="badge-fast">{fk(FieldKey::Fast)}</span> });
        view! {
            <li class="cv-row" data-testid="response-row" data-id=r.id.to_string()>
                <div class="cv-row__main">
                    <span class="cv-row__when">{r.at.get(..16).unwrap_or(&r.at).replace('T', " ")}</span>
                    <span class="cv-row__status">{status_label(&r)}</span>
                    {badge}{fast}
                </div>
                <div class="cv-row__detail">
                    {title_of(&r.survey)}
                    {r.household.clone().map(|h| format!(" · {h}"))}
                    {r.interviewer.clone().map(|h| format!(" · {h}"))}
                    {r.grade.clone().map(|g| format!(" · {g}"))}
                </div>
            </li>
        }
    };
    let select = |label: FieldKey,
                  value: RwSignal<String>,
                  testid: &'static str,
                  options: Vec<(String, String)>| {
        let options = options
            .into_iter()
            .map(|(v, t)| view! { <option value=v>{t}</option> })
            .collect_view();
        view! {
            <label class="cv-field">
                <span>{fk(label)}</span>
                <select data-testid=testid on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="">{fk(FieldKey::Any)}</option>
                    {options}
                </select>
            </label>
        }
    };
    let input =
        |label: FieldKey, value: RwSignal<String>, testid: &'static str, kind: &'static str| {
            view! {
                <label class="cv-field">
                    <span>{fk(label)}</span>
                    <input type=kind data-testid=testid prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))/>
                </label>
            }
        };
    let surveys: Vec<(String, String)> = catalog
        .0
        .get_untracked()
        .iter()
        .map(|e| {
            (
                e.loaded.survey.id.clone(),
                crate::context::localized(&e.loaded.survey.title),
            )
        })
        .collect();
    let statuses = [
        ("completed", FieldKey::StatusCompleted),
        ("draft", FieldKey::StatusDraft),
        ("visitOnly", FieldKey::StatusVisitOnly),
        ("followUp", FieldKey::StatusFollowUp),
    ]
    .map(|(c, k)| (c.to_owned(), fk(k).to_owned()))
    .to_vec();
    let interviewer_select = move || {
        ready.get().map(|_| {
            let names = rows.with_value(|r| interviewers(&r.stored.rows));
            select(
                FieldKey::Interviewer,
                interviewer,
                "filter-interviewer",
                names.into_iter().map(|n| (n.clone(), n)).collect(),
            )
        })
    };
    view! {
        <div class="cv-responses" data-testid="responses-page">
            <h1>{fk(FieldKey::ResponsesHeading)}</h1>
            <form class="cv-responses__filters" on:submit=|ev| ev.prevent_default()>
                {select(FieldKey::FilterSurvey, survey, "filter-survey", surveys)}
                {select(FieldKey::FilterStatus, status, "filter-status", statuses)}
                {interviewer_select}
                {input(FieldKey::FilterFrom, from, "filter-from", "date")}
                {input(FieldKey::FilterTo, to, "filter-to", "date")}
                {input(FieldKey::FilterText, text, "filter-text", "search")}
            </form>
            {move || match ready.get() {
                None => view! { <p aria-live="polite">{fk(FieldKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{e}</p> }.into_any(),
                Some(Ok(())) => view! {
                    <p role="status" aria-live="polite">
                        <span data-testid="list-shown">{move || matches.with(|m| m.len().min(limit.get()))}</span>
                        " "{fk(FieldKey::Shown)}" "
                        <span data-testid="list-count">{move || matches.with(Vec::len)}</span>
                    </p>
                }.into_any(),
            }}
            <ul class="cv-responses__list" data-testid="response-list">
                <For each=shown key=|r| r.id children=row_view/>
            </ul>
            <Show when=move || matches.with(|m| m.len() > limit.get())>
                <button type="button" class="cv-button" data-testid="btn-show-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {fk(FieldKey::ShowMore)}
                </button>
            </Show>
        </div>
    }
}
