//! Grouped horizontal bars: one group per category (an indicator, the
//! overall score), one bar per series (a segment), with a legend — the
//! side-by-side segment comparison.

use leptos::prelude::*;

use super::{clip, PALETTE, WIDTH};

/// Categories × series values on 0..`max`.
pub fn grouped_chart(
    categories: Vec<String>,
    series: Vec<String>,
    values: Vec<Vec<Option<f64>>>,
    max: f64,
    test_id: &'static str,
) -> impl IntoView {
    const BAR: f64 = 9.0;
    let per = BAR * series.len() as f64 + 20.0;
    let legend_rows = series.len().div_ceil(2) as f64;
    let top = legend_rows * 16.0 + 6.0;
    let height = top + per * categories.len() as f64;
    let legend = series
        .iter()
        .enumerate()
        .map(|(s, name)| {
            let x = if s % 2 == 0 { 0.0 } else { WIDTH / 2.0 };
            let y = (s / 2) as f64 * 16.0;
            view! {
                <g>
                    <rect x=format!("{x:.1}") y=format!("{:.1}", y + 2.0) width="10" height="10" fill=PALETTE[s % PALETTE.len()]></rect>
                    <text x=format!("{:.1}", x + 14.0) y=format!("{:.1}", y + 11.0) class="cv-chart__label">{clip(name, 20)}</text>
                </g>
            }
        })
        .collect_view();
    let groups = categories
        .iter()
        .enumerate()
        .map(|(c, name)| {
            let y0 = top + c as f64 * per;
            let bars = values
                .get(c)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(s, v)| {
                    let y = y0 + 16.0 + s as f64 * BAR;
                    let len = v.map_or(0.0, |v| (v.max(0.0) / max).min(1.0) * (WIDTH - 44.0));
                    let text = v.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"));
                    view! {
                        <rect x="0" y=format!("{y:.1}") width=format!("{len:.1}") height=format!("{:.1}", BAR - 1.0) fill=PALETTE[s % PALETTE.len()]></rect>
                        <text x=format!("{:.1}", len + 3.0) y=format!("{:.1}", y + 7.5) class="cv-chart__value cv-chart__value--small">{text}</text>
                    }
                })
                .collect_view();
            view! {
                <g>
                    <text x="0" y=format!("{:.1}", y0 + 12.0) class="cv-chart__label">{clip(name, 40)}</text>
                    {bars}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="cv-chart" viewBox=format!("0 0 {WIDTH} {height:.0}") aria-hidden="true" data-testid=test_id>
            {legend}
            {groups}
        </svg>
    }
}
