//! Canvass in the browser: a thin Leptos (CSR) shell over `canvass_core`.
//! Everything that decides a number lives in core; this crate renders
//! surveys, keeps answers in localStorage and downloads exports.

pub mod answers;
pub mod app;
pub mod catalog;
pub mod clock;
pub mod components;
pub mod context;
pub mod download;
pub mod field;
pub mod i18n;
pub mod i18n_field;
pub mod ids;
pub mod pages;
pub mod respond;
pub mod route;
pub mod storage;

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
