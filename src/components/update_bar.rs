//! A new release is waiting (the service worker installed it; see
//! `pwa/sw.js` and the registration in index.html). It takes over only
//! when no survey is being filled, or when the person taps "update" — and
//! never while an answer exists only in memory, because the reload that
//! follows would lose it. Drafts are in IndexedDB, so the reloaded app
//! resumes them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::context::{use_locale, use_store};
use crate::i18n::Key;

/// What index.html's script sets and calls (`window.canvassUpdate`).
fn update_api(name: &str) -> Option<wasm_bindgen::JsValue> {
    let api = js_sys::Reflect::get(&window(), &"canvassUpdate".into()).ok()?;
    js_sys::Reflect::get(&api, &name.into())
        .ok()
        .filter(|v| !v.is_undefined())
}

/// Whether a new worker is waiting.
fn waiting() -> bool {
    update_api("waiting").and_then(|v| v.as_bool()) == Some(true)
}

/// Asks the waiting worker to take over; the page reloads when it has.
fn apply() {
    if let Some(f) = update_api("apply").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = f.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// `filling`: a survey is open on the fill page.
#[component]
pub fn UpdateBar(filling: Signal<bool>) -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let ready = RwSignal::new(waiting());
    let listener = window_event_listener_untyped("canvass-update", move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let asked = RwSignal::new(false);
    let applied = StoredValue::new(false);
    Effect::new(move |_| {
        let go = ready.get()
            && !store.unsaved.get()
            && store.save.with(|s| s.is_saved())
            && (asked.get() || !filling.get());
        if go && !applied.get_value() {
            applied.set_value(true);
            apply();
        }
    });
    view! {
        <Show when=move || ready.get()>
            <div class="cv-update" role="status" data-testid="update-bar">
                <span>{move || locale.get().t(Key::UpdateReady)}</span>
                <button type="button" class="cv-button cv-button--primary" data-testid="btn-update"
                    on:click=move |_| asked.set(true)>
                    {move || locale.get().t(Key::Update)}
                </button>
                <Show when=move || asked.get() && store.unsaved.get()>
                    <p class="cv-update__blocked" role="alert">{move || locale.get().t(Key::UpdateWaitsForSave)}</p>
                </Show>
            </div>
        </Show>
    }
}
