//! Canvass in the browser: a thin Leptos (CSR) shell over `canvass_core`.
//! Everything that decides a number lives in core; this crate renders
//! surveys, keeps answers in IndexedDB and downloads exports.

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
pub mod staff_app;
pub mod storage;
pub mod photo;
pub mod media_export;
pub mod text_js;

use leptos::prelude::IntoAny;

/// Opens the store (IndexedDB, migrating the skeleton's localStorage),
/// then mounts the app on `<body>`.
pub fn mount() {
    start(route::Bundle::App, |records, surveys| {
        app::App(app::AppProps { records, surveys }).into_any()
    });
}

/// The staff bundle's entry (`staff/`): as `mount`, with the staff pages.
pub fn mount_staff() {
    start(route::Bundle::Staff, |records, surveys| {
        staff_app::StaffApp(staff_app::StaffAppProps { records, surveys }).into_any()
    });
}

/// Opens the store, then mounts `root` (the running `bundle`'s app).
fn start(
    bundle: route::Bundle,
    root: fn(std::rc::Rc<context::Db>, Vec<(String, String)>) -> leptos::prelude::AnyView,
) {
    route::set_bundle(bundle);
    text_js::install();
    console_error_panic_hook::set_once();
    // Leptos's executor starts with the mount, so this first task goes to
    // wasm-bindgen-futures directly.
    wasm_bindgen_futures::spawn_local(async move {
        let records = storage::open_browser_store().await;
        let surveys = match records.all::<String>(storage::SURVEYS).await {
            Ok(list) => list,
            Err(e) => {
                records.report(storage::StoreNotice::Unavailable(e.to_string()));
                Vec::new()
            }
        };
        leptos::mount::mount_to_body(move || root(records, surveys));
    });
}
