//! Canvass office: a separate page and wasm bundle (served at `/office/`)
//! for the people who merge device exports and read the results, so that
//! its dashboard, charts and spreadsheet writer never weigh on the
//! respondent app's first load. Every number comes from `canvass_core`.

mod app;
mod charts;
mod dashboard;
mod download;
mod fmt;
mod i18n;
mod import;
mod session;
mod titles;
mod toolbar;
mod xlsx;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::OfficeApp);
}
