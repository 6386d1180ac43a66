//! Segments side by side (grouped bars of the overall score and each
//! indicator) and periods with the change against the previous period.

use canvass_core::aggregate::{GroupReport, NO_VALUE};
use leptos::prelude::*;

use super::{data_table_caption, section, table};
use crate::charts::bar::{bar_chart, Bar};
use crate::charts::grouped::grouped_chart;
use crate::fmt;
use crate::i18n::{Key, Locale};
use crate::session::Results;
use crate::titles;

fn segment_label(g: &GroupReport, l: Locale) -> String {
    match (&g.key.segment_title, &g.key.segment) {
        (Some(t), _) => t.get(l.code()).to_owned(),
        (None, Some(s)) if s == NO_VALUE => format!("({})", l.t(Key::NoValue)),
        (None, Some(s)) => s.clone(),
        _ => String::new(),
    }
}

pub fn segments(r: &Results, l: Locale) -> impl IntoView {
    let def = &r.definition.loaded;
    let groups: Vec<&GroupReport> =
        r.report.groups.iter().filter(|g| g.key.segment.is_some() && g.key.period.is_none()).collect();
    if groups.is_empty() {
        return None;
    }
    let mut categories = vec![l.t(Key::OverallScore).to_owned()];
    categories.extend(r.report.total.indicators.iter().map(|i| titles::indicator(def, &i.name, l.code())));
    let values = (0..categories.len())
        .map(|c| {
            groups
                .iter()
                .map(|g| if c == 0 { g.overall.summary.mean } else { g.indicators.get(c - 1).and_then(|i| i.score.summary.mean) })
                .collect()
        })
        .collect();
    let series: Vec<String> = groups.iter().map(|g| segment_label(g, l)).collect();
    let rows = groups
        .iter()
        .map(|g| {
            vec![
                segment_label(g, l),
                g.n.to_string(),
                fmt::score(g.overall.summary.mean),
                canvass_core::dashboard::group_grade(&def.scoring, g).unwrap_or_else(|| "—".into()),
                fmt::percent(g.satisfaction.and_then(|s| s.rate)),
                fmt::score(g.nps.and_then(|n| n.nps)),
                fmt::percent(g.response_rate.overall.rate),
                g.follow_ups.to_string(),
            ]
        })
        .collect();
    let header = vec![
        l.t(Key::Segment).into(),
        "n".into(),
        l.t(Key::OverallScore).into(),
        l.t(Key::Grade).into(),
        l.t(Key::SatisfactionRate).into(),
        "NPS".into(),
        l.t(Key::ResponseRate).into(),
        l.t(Key::FollowUps).into(),
    ];
    let body = view! {
        <figure class="cv-figure">
            {grouped_chart(categories, series, values, 100.0, "chart-segments")}
            <figcaption>{table(data_table_caption(l, Key::Segments), header, rows, "table-segments")}</figcaption>
        </figure>
    }
    .into_any();
    Some(section("segments", l.t(Key::Segments).into(), body))
}

pub fn periods(r: &Results, l: Locale) -> impl IntoView {
    let groups: Vec<&GroupReport> =
        r.report.groups.iter().filter(|g| g.key.segment.is_none() && g.key.period.is_some()).collect();
    if groups.is_empty() {
        return None;
    }
    let bars = groups
        .iter()
        .map(|g| Bar { label: g.key.period.clone().unwrap_or_default(), value: g.overall.summary.mean, strong: false })
        .collect();
    let rows = groups
        .iter()
        .map(|g| {
            let c = g.change.as_ref();
            vec![
                g.key.period.clone().unwrap_or_default(),
                g.n.to_string(),
                fmt::score(g.overall.summary.mean),
                fmt::signed(c.and_then(|c| c.overall_mean)),
                fmt::percent(g.satisfaction.and_then(|s| s.rate)),
                fmt::signed_points(c.and_then(|c| c.satisfaction_rate)),
                fmt::score(g.nps.and_then(|n| n.nps)),
                fmt::signed(c.and_then(|c| c.nps)),
            ]
        })
        .collect();
    let ch = l.t(Key::Change);
    let header = vec![
        l.t(Key::Period).into(),
        "n".into(),
        l.t(Key::OverallScore).into(),
        ch.into(),
        l.t(Key::SatisfactionRate).into(),
        ch.into(),
        "NPS".into(),
        ch.into(),
    ];
    let body = view! {
        <figure class="cv-figure">
            {bar_chart(bars, 100.0, fmt::score, "chart-periods")}
            <figcaption>{table(data_table_caption(l, Key::Periods), header, rows, "table-periods")}</figcaption>
        </figure>
    }
    .into_any();
    Some(section("periods", l.t(Key::Periods).into(), body))
}
