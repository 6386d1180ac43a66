//! `file`: photos taken or chosen on the device. Each photo is resized in
//! a worker (`crate::photo`), checked against the question's `maxSize`
//! and the survey's per-response `mediaLimit` (core decides), stored as a
//! Blob in the `media` store, and only then added to the answer as a
//! reference (`[{name, type, content: "media/…", size}]`). Thumbnails are
//! drawn from the stored Blob through an object URL revoked when the
//! thumbnail goes away; a refused photo leaves everything else as it was.

use canvass_core::media::{self, FileEntry, MediaError};
use canvass_core::survey::{ImageSettings, Value};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::context::{tr, ui_locale, use_catalog, use_store};
use crate::i18n::{Key, Locale};
use crate::pages::fill_logic::FillLogic;
use crate::storage::media::{delete_media, media_blob, put_media, MediaMeta};

/// What the question shows under the picker.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Busy,
    Done(f64),
    Failed(String),
}

/// "2.4 MB" / "350 KB".
fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// A refusal in the interface language.
fn refusal(e: &MediaError, l: Locale) -> String {
    match e {
        MediaError::TooLarge { size, max, .. } => l.t(Key::PhotoTooLarge).replacen("{}", &size_text(*size), 1).replacen("{}", &size_text(*max), 1),
        MediaError::OverLimit { total, limit } => l.t(Key::PhotoOverLimit).replacen("{}", &size_text(*total), 1).replacen("{}", &size_text(*limit), 1),
        other => other.to_string(),
    }
}

/// The entries of the answer now (a malformed answer reads as none).
fn current(answer: Signal<Option<Value>>, question: &str) -> Vec<FileEntry> {
    media::entries(question, answer.get_untracked().as_ref()).unwrap_or_default()
}

fn as_answer(list: &[FileEntry]) -> Option<Value> {
    (!list.is_empty()).then(|| serde_json::to_value(list).unwrap_or(Value::Null))
}

#[component]
pub fn FileAnswer(
    input_id: String,
    question: String,
    source: String,
    multiple: bool,
    max_size: u64,
    accepted_types: String,
    image: ImageSettings,
    #[prop(into)] answer: Signal<Option<Value>>,
    on_change: Callback<Option<Value>>,
) -> impl IntoView {
    let store = use_store();
    let status = RwSignal::new(Status::Idle);
    let logic = use_context::<FillLogic>();
    let catalog = use_catalog();
    let name = StoredValue::new(question);
    // Photos are added one at a time, in order, in one task: each reads
    // the answer the previous one left, so numbers and the cap stay right.
    let add = move |files: Vec<web_sys::File>| {
        let Some(logic) = logic else { return };
        let (response, survey_id) = logic.draft.with_untracked(|d| (d.response.id.to_string(), d.response.survey.id.clone()));
        let Some(loaded) = catalog.find(&survey_id) else { return };
        let question = name.get_value();
        status.set(Status::Busy);
        // Read now: contexts are not reachable from inside the task.
        let l = ui_locale();
        leptos::task::spawn_local(async move {
            for file in files {
                let is_image = file.type_().starts_with("image/");
                let (blob, mime, ext, millis): (web_sys::Blob, String, String, f64) = if is_image {
                    match crate::photo::resize(&file, &image).await {
                        Ok(r) => (r.blob, image.format.mime().to_owned(), image.format.extension().to_owned(), r.millis),
                        Err(e) => {
                            status.set(Status::Failed(format!("{} {e}", l.t(Key::PhotoUnreadable))));
                            return;
                        }
                    }
                } else {
                    let ext = file
                        .name()
                        .rsplit_once('.')
                        .map(|(_, e)| e.to_ascii_lowercase())
                        .filter(|e| e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()))
                        .unwrap_or_else(|| "bin".into());
                    (file.clone().into(), file.type_(), ext, 0.0)
                };
                let size = blob.size() as u64;
                let mut list = current(answer, &question);
                // Without allowMultiple a new photo replaces the old one.
                let replaced: Vec<FileEntry> = if multiple { Vec::new() } else { std::mem::take(&mut list) };
                let used = logic.draft.with_untracked(|d| media::total_bytes(&loaded.survey, &d.response.answers))
                    .saturating_sub(replaced.iter().map(|e| e.size).sum::<u64>());
                if let Err(e) = media::check_add(&question, &file.name(), size, max_size, used, loaded.survey.media_limit) {
                    status.set(Status::Failed(refusal(&e, l)));
                    return;
                }
                let content = media::media_name(&response, &question, media::next_number(&list), &ext);
                let meta = MediaMeta { response: response.clone(), question: question.clone(), mime: mime.clone(), size, name: file.name() };
                let records = store.records();
                let written = store.track(put_media(&records, &content, &survey_id, &meta, &blob)).await;
                if let Err(e) = written {
                    status.set(Status::Failed(format!("{} {e}", l.t(Key::PhotoNotSaved))));
                    return;
                }
                list.push(FileEntry { name: file.name(), mime, content, size });
                on_change.run(as_answer(&list));
                for old in replaced {
                    let _ = store.track(delete_media(&records, &old.content)).await;
                }
                status.set(Status::Done(millis));
            }
        });
    };
    let change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("change has a target").unchecked_into();
        if let Some(list) = input.files() {
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            let take = if multiple { files.len() } else { 1 };
            add(files.into_iter().take(take).collect());
        }
        input.set_value("");
    };
    let remove = move |content: String| {
        let question = name.get_value();
        let list: Vec<FileEntry> = current(answer, &question).into_iter().filter(|e| e.content != content).collect();
        on_change.run(as_answer(&list));
        let records = store.records();
        let write = store.track(delete_media(&records, &content));
        leptos::task::spawn_local(async move {
            let _ = write.await;
        });
        status.set(Status::Idle);
    };
    let capture = (source == "camera").then_some("environment");
    let thumbs = move || {
        let question = name.get_value();
        media::entries(&question, answer.get().as_ref())
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, e)| view! { <Thumb entry=e index=i + 1 on_remove=Callback::new(remove)/> })
            .collect_view()
    };
    view! {
        <div class="cv-file">
            <input id=input_id class="cv-file__input" type="file" accept=accepted_types capture=capture
                multiple=multiple data-testid="file-input" on:change=change/>
            <ul class="cv-file__list" data-testid="file-list">{thumbs}</ul>
            <p class="cv-file__status" role="status" aria-live="polite" data-testid="file-status"
                data-state=move || match status.get() { Status::Idle => "idle", Status::Busy => "busy", Status::Done(_) => "done", Status::Failed(_) => "failed" }
                data-ms=move || match status.get() { Status::Done(ms) => format!("{ms:.0}"), _ => String::new() }>
                {move || match status.get() {
                    Status::Idle => String::new(),
                    Status::Busy => tr(Key::PhotoResizing).to_owned(),
                    Status::Done(_) => tr(Key::PhotoSaved).to_owned(),
                    Status::Failed(_) => String::new(),
                }}
            </p>
            {move || match status.get() {
                Status::Failed(why) => Some(view! { <p class="cv-file__error" role="alert" data-testid="file-error">{why}</p> }),
                _ => None,
            }}
        </div>
    }
}

/// One stored photo: its thumbnail from the stored Blob and a remove button.
#[component]
fn Thumb(entry: FileEntry, index: usize, on_remove: Callback<String>) -> impl IntoView {
    let store = use_store();
    let url = RwSignal::new(None::<String>);
    {
        let (records, content) = (store.records(), entry.content.clone());
        leptos::task::spawn_local(async move {
            if let Ok(Some(blob)) = media_blob(&records, &content).await {
                if let Ok(u) = web_sys::Url::create_object_url_with_blob(&blob) {
                    if url.try_set(Some(u.clone())).is_some() {
                        // The thumbnail is gone already.
                        let _ = web_sys::Url::revoke_object_url(&u);
                    }
                }
            }
        });
    }
    on_cleanup(move || {
        if let Some(u) = url.try_get_untracked().flatten() {
            let _ = web_sys::Url::revoke_object_url(&u);
        }
    });
    let alt = tr(Key::PhotoAlt).replacen("{}", &index.to_string(), 1);
    let content = entry.content.clone();
    let is_image = entry.mime.starts_with("image/");
    view! {
        <li class="cv-file__item" data-testid="file-item" data-content=entry.content.clone() data-size=entry.size>
            {move || match (url.get(), is_image) {
                (Some(u), true) => view! { <img class="cv-file__thumb" src=u alt=alt.clone() data-testid="file-thumb"/> }.into_any(),
                _ => view! { <span class="cv-file__name">{entry.name.clone()}</span> }.into_any(),
            }}
            <button type="button" class="cv-button cv-button--ghost cv-file__remove" data-testid="file-remove"
                aria-label=format!("{} {index}", tr(Key::PhotoRemove))
                on:click=move |_| on_remove.run(content.clone())>
                {tr(Key::PhotoRemove)}
            </button>
        </li>
    }
}
