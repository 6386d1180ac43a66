//! Rounding for display only (DOMAIN: one decimal for scores, whole percent
//! for rates); every number arrives unrounded from core.

/// A score with one decimal, or "—".
pub fn score(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |x| format!("{x:.1}"))
}

/// A fraction as a whole percent, or "—".
pub fn percent(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |x| format!("{:.0}%", x * 100.0))
}

/// A signed change in points (one decimal), or "—".
pub fn signed(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |x| format!("{x:+.1}"))
}

/// A signed change of a fraction, in percentage points.
pub fn signed_points(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |x| format!("{:+.0} pp", x * 100.0))
}

/// A correlation or ratio with two decimals, or "—".
pub fn ratio(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |x| format!("{x:.2}"))
}
