//! Dates for the office's downloads and expressions. Saving a file is the
//! app crate's `canvass::download` (a real Blob and `<a download>`).

/// Now as RFC 3339 with the device's UTC offset (`2026-11-23T16:20:05+08:00`).
pub use canvass::clock::now_rfc3339;

/// Today's date (UTC), for expressions using `today()`.
pub fn today() -> canvass_core::expr::Date {
    let days = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
    canvass_core::expr::Date::from_days(days).unwrap_or_else(|| canvass_core::expr::Date::from_days(0).expect("1970 exists"))
}
