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
pub mod storage;
pub mod photo;
pub mod media_export;

/// Opens the store (IndexedDB, migrating the skeleton's localStorage),
/// then mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    // Leptos's executor starts with the mount, so this first task goes to
    // wasm-bindgen-futures directly.
    wasm_bindgen_futures::spawn_local(async {
        let records = storage::open_browser_store().await;
        // Drafts whose IndexedDB copy vanished in a crash come back from
        // their localStorage journal (src/storage/journal.rs).
        storage::journal::restore(&records).await;
        let surveys = match records.all::<String>(storage::SURVEYS).await {
            Ok(list) => list,
            Err(e) => {
                records.report(storage::StoreNotice::Unavailable(e.to_string()));
                Vec::new()
            }
        };
        leptos::mount::mount_to_body(move || app::App(app::AppProps { records, surveys }));
    });
}
