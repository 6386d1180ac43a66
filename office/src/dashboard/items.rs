//! Indicator scores (bar chart + table) and per-item results: mean, top-box,
//! bottom-box (不满意率) and the distribution over choices.

use leptos::prelude::*;

use super::{data_table_caption, section, table};
use crate::charts::bar::{bar_chart, Bar};
use crate::fmt;
use crate::i18n::{Key, Locale};
use crate::session::Results;
use crate::titles;

pub fn indicators(r: &Results, l: Locale) -> impl IntoView {
    let t = &r.report.total;
    let def = &r.definition.loaded;
    if t.indicators.is_empty() {
        return None;
    }
    let bars = t
        .indicators
        .iter()
        .map(|i| Bar { label: titles::indicator(def, &i.name, l.code()), value: i.score.summary.mean, strong: false })
        .collect();
    let rows = t
        .indicators
        .iter()
        .map(|i| {
            vec![
                titles::indicator(def, &i.name, l.code()),
                fmt::score(i.score.summary.mean),
                fmt::score(i.score.summary.sd),
                i.score.summary.n.to_string(),
            ]
        })
        .collect();
    let header = vec![l.t(Key::Indicator).into(), l.t(Key::Mean).into(), l.t(Key::Sd).into(), "n".into()];
    let body = view! {
        <figure class="cv-figure">
            {bar_chart(bars, 100.0, fmt::score, "chart-indicators")}
            <figcaption>{table(data_table_caption(l, Key::Indicators), header, rows, "table-indicators")}</figcaption>
        </figure>
    }
    .into_any();
    Some(section("indicators", l.t(Key::Indicators).into(), body))
}

pub fn items(r: &Results, l: Locale) -> impl IntoView {
    let t = &r.report.total;
    let def = &r.definition.loaded;
    let bars = t
        .items
        .iter()
        .filter(|i| i.bottom_box.is_some())
        .map(|i| Bar { label: titles::item(def, &i.id, l.code()), value: i.bottom_box, strong: false })
        .collect::<Vec<_>>();
    let chart = (!bars.is_empty()).then(|| bar_chart(bars, 1.0, fmt::percent, "chart-bottom-box"));
    let rows = t
        .items
        .iter()
        .map(|i| {
            let dist = i
                .distribution
                .iter()
                .map(|c| format!("{} {}", titles::choice(def, &i.id, &c.value, l.code()), c.count))
                .collect::<Vec<_>>()
                .join(" · ");
            vec![
                titles::item(def, &i.id, l.code()),
                fmt::score(i.x.mean),
                fmt::score(i.score.mean),
                fmt::percent(i.top_box),
                fmt::percent(i.bottom_box),
                format!("{} / {} / {}", i.valid, i.not_applicable, i.skipped + i.hidden),
                dist,
            ]
        })
        .collect();
    let header = vec![
        l.t(Key::Item).into(),
        format!("{} x", l.t(Key::Mean)),
        format!("{} (0–100)", l.t(Key::Mean)),
        l.t(Key::TopBox).into(),
        l.t(Key::BottomBox).into(),
        format!("n / {} / {}", l.t(Key::NotApplicable), l.t(Key::Skipped)),
        l.t(Key::Distribution).into(),
    ];
    let body = view! {
        <figure class="cv-figure">
            {chart}
            <figcaption>{table(data_table_caption(l, Key::Items), header, rows, "table-items")}</figcaption>
        </figure>
    }
    .into_any();
    section("items", l.t(Key::Items).into(), body)
}
