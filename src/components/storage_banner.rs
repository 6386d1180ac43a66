//! The storage problem banner: persistent while any answer exists only in
//! memory, with a one-tap backup of everything.

use leptos::prelude::*;

use crate::clock::{now_rfc3339, LocalTime};
use crate::context::{use_locale, use_store};
use crate::download::download_json;
use crate::i18n::Key;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let failure = RwSignal::new(None::<String>);
    let backup = move |_| {
        let records = store.records();
        leptos::task::spawn_local(async move {
            let json = records.backup_json(&now_rfc3339()).await;
            let name = format!("canvass-backup-{}.json", LocalTime::now().file_stamp());
            failure.set(download_json(&name, &json).err().map(|e| e.to_string()));
        });
    };
    let shown = move || store.unsaved.get() || !store.notices.with(Vec::is_empty);
    view! {
        <Show when=shown>
            <div class="cv-banner" role="alert" data-testid="storage-error">
                <Show when=move || store.unsaved.get()>
                    <p class="cv-banner__text">{move || locale.get().t(Key::NotSaved)}</p>
                </Show>
                <ul class="cv-banner__notices">
                    {move || {
                        let l = locale.get();
                        store.notices.get().into_iter().map(|n| view! {
                            <li>{l.t(Key::StorageNotice)}" "{n.text(l)}</li>
                        }).collect_view()
                    }}
                </ul>
                {move || failure.get().map(|f| view! { <p class="cv-banner__text">{f}</p> })}
                <div class="cv-banner__actions">
                    <button type="button" class="cv-button cv-button--primary" data-testid="btn-backup" on:click=backup>
                        {move || locale.get().t(Key::Backup)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
