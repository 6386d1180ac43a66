//! The results dashboard: overview, indicators, items, segments, periods,
//! importance–performance, Kano, gaps, themes and the follow-up list — all
//! read from core's `AggregateReport`, rounded only for display. Every
//! chart has a data table beside it.

mod analysis;
mod groups;
mod items;
mod overview;

use leptos::prelude::*;

use crate::i18n::{Key, Locale};
use crate::session::Results;

/// Renders every section for `results` in `locale`.
pub fn dashboard(results: Results, l: Locale) -> impl IntoView {
    view! {
        <div class="cv-dash" data-testid="dashboard">
            {overview::overview(&results, l)}
            {items::indicators(&results, l)}
            {items::items(&results, l)}
            {groups::segments(&results, l)}
            {groups::periods(&results, l)}
            {analysis::ipa(&results, l)}
            {analysis::kano(&results, l)}
            {analysis::gaps(&results, l)}
            {analysis::themes(&results, l)}
            {analysis::follow_ups(&results, l)}
        </div>
    }
}

/// A section with a heading; `id` names it for tests and links.
pub fn section(id: &'static str, title: String, body: AnyView) -> impl IntoView {
    let heading = format!("cv-h-{id}");
    let labelled = heading.clone();
    view! {
        <section class="cv-dash__section" aria-labelledby=labelled data-testid=format!("section-{id}")>
            <h2 class="cv-dash__heading" id=heading>{title}</h2>
            {body}
        </section>
    }
}

/// A data table: header cells and rows of text.
pub fn table(caption: String, header: Vec<String>, rows: Vec<Vec<String>>, test_id: &'static str) -> impl IntoView {
    view! {
        <div class="cv-table-wrap">
            <table class="cv-table" data-testid=test_id>
                <caption>{caption}</caption>
                <thead>
                    <tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let mut cells = r.into_iter();
                            let first = cells.next().unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{first}</th>
                                    {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// "Data table" caption for the table under a chart.
pub fn data_table_caption(l: Locale, what: Key) -> String {
    format!("{}: {}", l.t(Key::DataTable), l.t(what))
}
