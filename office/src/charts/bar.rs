//! Horizontal bars with their values: indicator scores, dissatisfaction per
//! item, theme shares. Long labels sit above their bar, so the chart reads
//! at 360 px.

use leptos::prelude::*;

use super::{clip, WIDTH};

/// One bar: a label and a value (missing: no bar, "—").
#[derive(Clone, Debug)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    /// Highlighted (e.g. "improve first").
    pub strong: bool,
}

/// Bars on 0..`max`; `show` renders a value.
pub fn bar_chart(bars: Vec<Bar>, max: f64, show: fn(Option<f64>) -> String, test_id: &'static str) -> impl IntoView {
    const ROW: f64 = 34.0;
    let height = ROW * bars.len() as f64 + 4.0;
    let max = if max > 0.0 { max } else { 1.0 };
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i as f64 * ROW;
            let len = b.value.map_or(0.0, |v| (v.max(0.0) / max).min(1.0) * (WIDTH - 48.0));
            let class = if b.strong { "cv-chart__bar cv-chart__bar--strong" } else { "cv-chart__bar" };
            view! {
                <g>
                    <text x="0" y=format!("{:.1}", y + 12.0) class="cv-chart__label">{clip(&b.label, 40)}</text>
                    <rect x="0" y=format!("{:.1}", y + 16.0) width=format!("{len:.1}") height="12" class=class></rect>
                    <text x=format!("{:.1}", len + 4.0) y=format!("{:.1}", y + 26.5) class="cv-chart__value">{show(b.value)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="cv-chart" viewBox=format!("0 0 {WIDTH} {height:.0}") aria-hidden="true" data-testid=test_id
            preserveAspectRatio="xMinYMin meet">
            {rows}
        </svg>
    }
}
