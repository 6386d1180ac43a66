//! Charts drawn by Canvass as inline SVG: a horizontal bar chart, a grouped
//! bar chart and an importance–performance quadrant. Why not a crate:
//! plotters (the maintained Rust option) draws through a canvas or SVG
//! backend with font handling and adds well over 100 KB of wasm for three
//! simple shapes; charming/charts-rs wrap ECharts JavaScript. Three small
//! components in a `viewBox` scale to 360 px and print sharply, and each
//! comes with a data table (the text alternative for screen readers: the
//! SVG itself is `aria-hidden`).

pub mod bar;
pub mod grouped;
pub mod quadrant;

/// Series colours, distinguishable in grey print too (light to dark).
pub const PALETTE: [&str; 6] = ["#1f5f8b", "#e08a1e", "#5a9e4b", "#8e44ad", "#c0392b", "#7f8c8d"];

/// Width of every chart's coordinate system; the SVG scales to its box.
pub const WIDTH: f64 = 320.0;

/// Shortens a label to `max` characters (with an ellipsis) for the chart;
/// the full text is in the data table.
pub fn clip(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}
