//! The home page's storage status: whether the browser granted persistent
//! storage (asked once per device, the answer remembered), space used and
//! available from `navigator.storage.estimate()`, and how many responses
//! are not yet exported.

use leptos::prelude::*;

use crate::context::{tr, use_store};
use crate::i18n::Key;
use crate::storage::persist::{estimate, persistence, Estimate};

/// `n` bytes for people: KB, MB or GB with one decimal.
pub fn human_bytes(n: f64) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"];
    let mut x = n.max(0.0);
    let mut unit = 0;
    while x >= 1024.0 && unit + 1 < units.len() {
        x /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{x:.0} {}", units[0])
    } else {
        format!("{x:.1} {}", units[unit])
    }
}

#[component]
pub fn StorageStatus() -> impl IntoView {
    let store = use_store();
    store.count_unexported();
    let granted = RwSignal::new(None::<bool>);
    let space = RwSignal::new(None::<Estimate>);
    leptos::task::spawn_local(async move {
        let _ = granted.try_set(persistence().await);
        let _ = space.try_set(estimate().await);
    });
    view! {
        <section class="cv-status" data-testid="storage-status" aria-labelledby="cv-status-title">
            <h2 class="cv-status__title" id="cv-status-title">{tr(Key::StorageStatus)}</h2>
            {move || granted.get().map(|g| view! {
                <p data-testid="storage-persisted" data-granted=g.to_string()>
                    {if g { tr(Key::Persisted) } else { tr(Key::NotPersisted) }}
                </p>
            })}
            {move || space.get().map(|e| view! {
                <p data-testid="storage-space">
                    {tr(Key::StorageUsed)}" "{human_bytes(e.usage)}" · "
                    {tr(Key::StorageAvailable)}" "{human_bytes((e.quota - e.usage).max(0.0))}
                </p>
            })}
            <p>
                {tr(Key::Unexported)}
                {move || store.unexported.get().map(|n| view! {
                    <span data-testid="storage-unexported">{n}</span>
                })}
            </p>
        </section>
    }
}
