//! Importing export files: a multiple file picker and a drop zone, the
//! counts (files, responses, duplicates, conflicts, rejected, other
//! survey), each file's outcome with its reason, the conflicts with a
//! per-conflict choice, and the survey definition used (or a loader when
//! none is known).

use canvass_core::merge::FileOutcome;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Key;
use crate::session::{now_ms, use_locale, use_session};

/// Reads every file of a FileList as text; an unreadable file becomes a
/// text that the merge rejects, naming it.
async fn read_all(files: Vec<web_sys::File>) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for file in files {
        // Bytes, not text: core parses UTF-8 directly, without a round trip
        // through a UTF-16 JS string.
        let bytes = JsFuture::from(file.array_buffer())
            .await
            .map(|b| js_sys::Uint8Array::new(&b).to_vec())
            .unwrap_or_default();
        out.push((file.name(), bytes));
    }
    out
}

/// Reads the files and imports them, timing the whole of it.
fn import(list: web_sys::FileList) {
    let session = use_session();
    // Take the File handles now: clearing the input empties a live FileList.
    let list: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    let start = now_ms();
    session.busy.set(true);
    leptos::task::spawn_local(async move {
        let files = read_all(list).await;
        let read = now_ms() - start;
        session.phases.update(|p| p.0 = read);
        session.import(files);
        session.millis.set(Some(now_ms() - start));
        session.busy.set(false);
    });
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let t = move |k: Key| locale.get().t(k);
    let dragging = RwSignal::new(false);
    let change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("change has a target").unchecked_into();
        if let Some(list) = input.files() {
            import(list);
        }
        input.set_value("");
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            import(list);
        }
    };
    view! {
        <section class="cv-import" aria-labelledby="cv-import-title" data-testid="import">
            <h2 class="cv-dash__heading" id="cv-import-title">{move || t(Key::ImportHeading)}</h2>
            <div
                class="cv-drop"
                class:cv-drop--over=move || dragging.get()
                data-testid="drop-zone"
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=drop
            >
                <label class="cv-drop__label" for="cv-import-files">{move || t(Key::ImportHint)}</label>
                <input id="cv-import-files" class="cv-drop__input" type="file" multiple accept=".json,application/json,.zip,application/zip"
                    data-testid="import-files" on:change=change/>
            </div>
            <p class="cv-status" role="status" aria-live="polite" data-testid="import-status"
                data-ms=move || session.millis.get().map(|m| format!("{m:.0}"))
                data-phases=move || { let (r, m, s) = session.phases.get(); format!("read {r:.0} ms, merge {m:.0} ms, score+aggregate {s:.0} ms") }>
                {move || if session.busy.get() {
                    t(Key::Working).to_owned()
                } else {
                    session.millis.get().map(|m| format!("{} {:.2} s", t(Key::MergedIn), m / 1000.0)).unwrap_or_default()
                }}
            </p>
            {move || session.outcome.with(|o| o.as_ref().map(|o| counts(o, locale.get())))}
            <Conflicts/>
            <DefinitionStatus/>
        </section>
    }
}

fn counts(o: &canvass_core::merge::MergeOutcome, l: crate::i18n::Locale) -> impl IntoView {
    let session = use_session();
    let m = o.merged.as_ref();
    let tile = |label: &'static str, value: usize, id: &'static str| {
        view! {
            <div class="cv-tile cv-tile--count">
                <dt class="cv-tile__label">{label}</dt>
                <dd class="cv-tile__value" data-testid=id>{value}</dd>
            </div>
        }
    };
    let files = o
        .files
        .iter()
        .map(|f| {
            let (class, status, detail, other) = match f {
                FileOutcome::Merged { responses, .. } => ("cv-file", l.t(Key::FileMerged), format!("{responses} {}", l.t(Key::Responses)), None),
                FileOutcome::Combined { survey, responses, .. } => (
                    "cv-file",
                    l.t(Key::Combined),
                    format!("v{} · {responses} {}", survey.version, l.t(Key::Responses)),
                    None,
                ),
                FileOutcome::OtherSurvey { survey, title, reason, .. } => (
                    "cv-file cv-file--other",
                    l.t(Key::OtherSurvey),
                    format!("{} — {reason}", title.get(l.code())),
                    Some(survey.clone()),
                ),
                FileOutcome::Rejected { reason, .. } => ("cv-file cv-file--rejected", l.t(Key::Rejected), reason.clone(), None),
            };
            let button = other.map(|s| {
                view! {
                    <button type="button" class="cv-button cv-button--small" on:click=move |_| session.analyse(s.clone())>
                        {l.t(Key::AnalyseThis)}
                    </button>
                }
            });
            view! {
                <li class=class data-testid="file-outcome">
                    <strong>{f.file().to_owned()}</strong>": "{status}" — "{detail}" "{button}
                </li>
            }
        })
        .collect_view();
    view! {
        <dl class="cv-tiles" data-testid="merge-counts">
            {tile(l.t(Key::Files), o.files.len(), "count-files")}
            {tile(l.t(Key::Responses), m.map_or(0, |m| m.records.len()), "count-responses")}
            {tile(l.t(Key::Duplicates), m.map_or(0, |m| m.duplicates), "count-duplicates")}
            {tile(l.t(Key::Conflicts), m.map_or(0, |m| m.conflicts.len()), "count-conflicts")}
            {tile(l.t(Key::Rejected), o.rejected(), "count-rejected")}
            {tile(l.t(Key::OtherSurvey), o.other_survey(), "count-other")}
        </dl>
        <ul class="cv-files">{files}</ul>
        <ul class="cv-files">{media(o, l)}</ul>
    }
}

/// The photos each export ZIP holds (names and sizes) and the references
/// an export lacks; the office lists them, it does not show the pictures.
fn media(o: &canvass_core::merge::MergeOutcome, l: crate::i18n::Locale) -> impl IntoView {
    o.media
        .iter()
        .map(|m| {
            let names = m.files.iter().map(|(n, size)| format!("{n} ({size} B)")).collect::<Vec<_>>().join(", ");
            let missing = (!m.missing.is_empty()).then(|| format!(" — {} {}", l.t(Key::PhotosMissing), m.missing.join(", ")));
            view! {
                <li class="cv-file" data-testid="file-media" data-photos=m.files.len() data-missing=m.missing.len()>
                    <strong>{m.file.clone()}</strong>": "{m.files.len()}" "{l.t(Key::Photos)}" "{names}{missing}
                </li>
            }
        })
        .collect_view()
}

/// The conflicts, each with its two versions and a choice.
#[component]
fn Conflicts() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    move || {
        let l = locale.get();
        session.outcome.with(|o| {
            let m = o.as_ref()?.merged.as_ref()?;
            if m.conflicts.is_empty() {
                return None;
            }
            let items = m
                .conflicts
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let name = format!("cv-conflict-{i}");
                    // Stable order (older completion first) whatever is kept,
                    // so a choice does not move the radios.
                    let when = |r: &canvass_core::response::Response| r.completed_at.clone().unwrap_or_default();
                    let kept_is_newer = when(&c.kept) >= when(&c.dropped);
                    let version = |kept: bool, from: &str, r: &canvass_core::response::Response| {
                        let label = format!(
                            "{} {from} · {} {}",
                            l.t(Key::From),
                            l.t(Key::CompletedAt),
                            r.completed_at.clone().unwrap_or_default()
                        );
                        let which = if kept == kept_is_newer { "newer" } else { "older" };
                        let name = name.clone();
                        view! {
                            <label class="cv-choice">
                                <input type="radio" name=name prop:checked=kept
                                    data-testid=format!("conflict-{i}-{which}")
                                    on:change=move |_| if !kept { session.choose_other(i) }/>
                                " "{label}
                            </label>
                        }
                    };
                    let kept_view = version(true, &c.kept_from, &c.kept);
                    let other_view = version(false, &c.dropped_from, &c.dropped);
                    let (first, second) = if kept_is_newer { (other_view, kept_view) } else { (kept_view, other_view) };
                    view! {
                        <li class="cv-conflict" data-testid="conflict">
                            <fieldset>
                                <legend>{format!("{} {}", l.t(Key::Response), c.id)}</legend>
                                {first}
                                {second}
                            </fieldset>
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="cv-conflicts">
                    <h3>{l.t(Key::ConflictsHeading)}</h3>
                    <p>{l.t(Key::ConflictHint)}</p>
                    <ul>{items}</ul>
                </div>
            })
        })
    }
}

/// Which definition scores the merged set, or a loader when none is known.
#[component]
fn DefinitionStatus() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let errors = RwSignal::new(Vec::<String>::new());
    let change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("change has a target").unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            match session.load_definition(&text) {
                Ok(()) => errors.set(Vec::new()),
                Err(e) => errors.set(e.into_iter().map(|e| format!("{}: {e}", file.name())).collect()),
            }
        });
    };
    let status = move || {
        let l = locale.get();
        session.results.with(|r| match r {
            Some(Ok(r)) => {
                let d = &r.definition;
                let from = if d.bundled { l.t(Key::Bundled) } else { l.t(Key::LoadedFile) };
                let warn = (!r.exact).then(|| view! { <p class="cv-warn" role="alert">{l.t(Key::DefinitionHashDiffers)}</p> });
                Some(view! {
                    <p data-testid="definition">
                        {format!("{}: {} (v{}, {from})", l.t(Key::DefinitionFrom), d.loaded.survey.title.get(l.code()), d.loaded.survey.version)}
                    </p>
                    {warn}
                }.into_any())
            }
            Some(Err(_)) => Some(view! { <p class="cv-warn" role="alert" data-testid="definition-missing">{l.t(Key::DefinitionMissing)}</p> }.into_any()),
            None => None,
        })
    };
    view! {
        <div class="cv-definition">
            {status}
            <label class="cv-button cv-button--ghost" for="cv-definition-file">{move || locale.get().t(Key::DefinitionLoad)}</label>
            <input id="cv-definition-file" class="cv-visually-hidden" type="file" accept=".json,application/json"
                data-testid="definition-file" on:change=change/>
            <ul class="cv-errors" role="alert">
                {move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
            </ul>
        </div>
    }
}
