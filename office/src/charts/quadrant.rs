//! The importance–performance grid: performance (mean score) across,
//! importance (correlation with overall satisfaction) up, split at the
//! means core used for the quadrants; "improve first" (important, scoring
//! low) is the tinted top-left corner and its points are drawn strong.

use leptos::prelude::*;

use super::{clip, WIDTH};

/// One indicator's point.
#[derive(Clone, Debug)]
pub struct Point {
    pub label: String,
    pub performance: f64,
    pub importance: f64,
    pub improve_first: bool,
}

/// Quadrant labels, clockwise from top-left: improve first, keep up,
/// possible overkill, low priority.
pub fn quadrant_chart(points: Vec<Point>, split: (f64, f64), labels: [&'static str; 4]) -> impl IntoView {
    const H: f64 = 260.0;
    const PAD: f64 = 8.0;
    let (px, py) = split;
    // Each axis spans the data with a margin, always including the split.
    let span = |vals: Vec<f64>, mid: f64| {
        let lo = vals.iter().copied().fold(mid, f64::min);
        let hi = vals.iter().copied().fold(mid, f64::max);
        let m = ((hi - lo) * 0.15).max(1e-3);
        (lo - m, hi + m)
    };
    let (x0, x1) = span(points.iter().map(|p| p.performance).collect(), px);
    let (y0, y1) = span(points.iter().map(|p| p.importance).collect(), py);
    let sx = move |v: f64| PAD + (v - x0) / (x1 - x0) * (WIDTH - 2.0 * PAD);
    let sy = move |v: f64| H - PAD - (v - y0) / (y1 - y0) * (H - 2.0 * PAD);
    let (cx, cy) = (sx(px), sy(py));
    let dots = points
        .into_iter()
        .map(|p| {
            let (x, y) = (sx(p.performance), sy(p.importance));
            let class = if p.improve_first { "cv-chart__dot cv-chart__dot--strong" } else { "cv-chart__dot" };
            let anchor = if x > WIDTH * 0.7 { "end" } else { "start" };
            let tx = if x > WIDTH * 0.7 { x - 6.0 } else { x + 6.0 };
            view! {
                <g>
                    <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="5" class=class></circle>
                    <text x=format!("{tx:.1}") y=format!("{:.1}", y + 4.0) text-anchor=anchor class="cv-chart__label">{clip(&p.label, 16)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="cv-chart" viewBox=format!("0 0 {WIDTH} {H}") aria-hidden="true" data-testid="chart-ipa">
            <rect x=format!("{PAD}") y=format!("{PAD}") width=format!("{:.1}", (cx - PAD).max(0.0)) height=format!("{:.1}", (cy - PAD).max(0.0)) class="cv-chart__hot"></rect>
            <rect x=format!("{PAD}") y=format!("{PAD}") width=format!("{:.1}", WIDTH - 2.0 * PAD) height=format!("{:.1}", H - 2.0 * PAD) class="cv-chart__frame"></rect>
            <line x1=format!("{cx:.1}") y1=format!("{PAD}") x2=format!("{cx:.1}") y2=format!("{:.1}", H - PAD) class="cv-chart__axis"></line>
            <line x1=format!("{PAD}") y1=format!("{cy:.1}") x2=format!("{:.1}", WIDTH - PAD) y2=format!("{cy:.1}") class="cv-chart__axis"></line>
            <text x=format!("{:.1}", PAD + 4.0) y=format!("{:.1}", PAD + 14.0) class="cv-chart__corner cv-chart__corner--hot">{labels[0]}</text>
            <text x=format!("{:.1}", WIDTH - PAD - 4.0) y=format!("{:.1}", PAD + 14.0) text-anchor="end" class="cv-chart__corner">{labels[1]}</text>
            <text x=format!("{:.1}", WIDTH - PAD - 4.0) y=format!("{:.1}", H - PAD - 6.0) text-anchor="end" class="cv-chart__corner">{labels[2]}</text>
            <text x=format!("{:.1}", PAD + 4.0) y=format!("{:.1}", H - PAD - 6.0) class="cv-chart__corner">{labels[3]}</text>
            {dots}
        </svg>
    }
}
