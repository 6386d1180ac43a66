//! Visits and the response rate: overall and per interviewer against the
//! device's target (core's `field_rate`, DOMAIN item 21), the "next
//! household" button and the latest visits.

use canvass_core::aggregate::response_rate::RateCell;
use canvass_core::field_rate::{against_target, percent, response_rate, TargetStatus};
use canvass_core::listing::ResponseRow;
use leptos::prelude::*;

use super::visit_page::outcome_label;
use crate::context::{localized, use_catalog, use_store};
use crate::field::{fk, records, settings};
use crate::i18n_field::FieldKey;
use crate::route::Route;

/// How many latest visits the page lists.
const RECENT: usize = 20;

#[component]
pub fn VisitsPage() -> impl IntoView {
    let store = use_store();
    let catalog = use_catalog();
    let target = settings::target();
    let loaded = RwSignal::new_local(None::<Result<records::ListRows, String>>);
    // Read again once the PIN opened sealed records (`Store::opened`).
    Effect::new(move |_| {
        store.opened.track();
        leptos::task::spawn_local(async move {
            let rows = records::rows(store).await.map_err(|e| crate::field::store_error_text(&e));
            let _ = loaded.try_set(Some(rows));
        });
    });
    let profile = settings::profile();
    let next = settings::last_visit().map(|(s, _)| s);

    let rate_line = move |name: String, cell: RateCell, testid: String| {
        let status = match against_target(cell.rate, target) {
            TargetStatus::Met => fk(FieldKey::TargetMet),
            TargetStatus::Below => fk(FieldKey::TargetBelow),
            TargetStatus::NoData => fk(FieldKey::NoData),
        };
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td data-testid=testid>{percent(cell.rate)}</td>
                <td>{cell.completed}" / "{cell.households}</td>
                <td>{status}</td>
            </tr>
        }
    };
    let body = move || {
        loaded.get().map(|result| match result {
            Err(e) => view! { <p role="alert">{e}</p> }.into_any(),
            Ok(list) => {
                // Drafts have no outcome yet: only stored records count.
                let rows: &[ResponseRow] = &list.stored.rows;
                let rate = response_rate(rows);
                let per = rate
                    .per_interviewer
                    .iter()
                    .map(|i| rate_line(i.interviewer.clone(), i.rate, format!("rate-{}", i.interviewer)))
                    .collect_view();
                let recent = rows
                    .iter()
                    .rev()
                    .filter(|r| r.outcome.is_some())
                    .take(RECENT)
                    .map(|r| {
                        view! {
                            <li class="cv-visits__item" data-testid="recent-visit">
                                <span>{r.household.clone().unwrap_or_else(|| "—".into())}</span>
                                " · "<span>{r.outcome.map(outcome_label)}</span>
                                " · "<span>{r.at.get(..16).unwrap_or(&r.at).replace('T', " ")}</span>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="cv-visits__rate" aria-labelledby="cv-rate-h">
                        <h2 id="cv-rate-h">{fk(FieldKey::ResponseRate)}" ("{fk(FieldKey::Target)}" "{percent(Some(target))}")"</h2>
                        <table class="cv-table">
                            <tbody>
                                {rate_line(fk(FieldKey::Overall).to_owned(), rate.overall, "rate-overall".into())}
                                {per}
                            </tbody>
                        </table>
                    </section>
                    <h2>{fk(FieldKey::RecentVisits)}</h2>
                    <ul class="cv-visits__list">{recent}</ul>
                }
                .into_any()
            }
        })
    };
    let start = match next {
        Some(survey) if catalog.find(&survey).is_some() => view! {
            <a class="cv-button cv-button--primary" href=Route::Visit(survey).href() data-testid="btn-next-household">
                {fk(FieldKey::NextHousehold)}
            </a>
        }
        .into_any(),
        _ => {
            let choices = catalog
                .0
                .get_untracked()
                .into_iter()
                .map(|e| {
                    let id = e.loaded.survey.id.clone();
                    view! {
                        <li><a class="cv-button" href=Route::Visit(id.clone()).href() data-testid=format!("visit-{id}")>
                            {localized(&e.loaded.survey.title)}
                        </a></li>
                    }
                })
                .collect_view();
            view! { <p>{fk(FieldKey::ChooseSurvey)}</p><ul class="cv-visits__surveys">{choices}</ul> }.into_any()
        }
    };
    view! {
        <div class="cv-visits" data-testid="visits-page">
            <h1>{fk(FieldKey::VisitsHeading)}</h1>
            <p>
                {fk(FieldKey::Interviewer)}": "
                <span data-testid="profile-shown">{profile.map(|p| p.interviewer()).unwrap_or_else(|| fk(FieldKey::ProfileFirst).to_owned())}</span>
                " · "<a href=Route::Staff.href() data-testid="link-staff">{fk(FieldKey::StaffMenu)}</a>
            </p>
            {start}
            {body}
        </div>
    }
}
