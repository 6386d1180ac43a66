//! One survey on the home page: title, completed count, open and export.

use canvass_core::export::{Export, ExportedSurvey};
use canvass_core::response::SurveyRef;
use leptos::prelude::*;

use crate::clock::{now_rfc3339, LocalTime};
use crate::context::{localized, tr, use_store, CatalogEntry};
use crate::download::download_json;
use crate::i18n::Key;
use crate::route::Route;

#[component]
pub fn SurveyCard(entry: CatalogEntry) -> impl IntoView {
    let store = use_store();
    let survey = &entry.loaded.survey;
    let id = survey.id.clone();
    let count = RwSignal::new(None::<usize>);
    {
        // Counted by the `done` index (docs/STORAGE.md): no response is
        // read, so 20,000 stored responses cost one `count()`.
        let (records, id) = (store.records(), id.clone());
        leptos::task::spawn_local(async move {
            let n = records.completed_count(&id).await.unwrap_or_default();
            store.refresh();
            let _ = count.try_set(Some(n as usize));
        });
    }
    let failure = RwSignal::new(None::<String>);
    // The ZIP export is offered for surveys with a `file` or a
    // `signaturepad` question (signatures go into it as files).
    let has_media = survey.questions().iter().any(|q| {
        matches!(
            q.kind,
            canvass_core::survey::QuestionKind::File { .. } | canvass_core::survey::QuestionKind::SignaturePad { .. }
        )
    });
    // `zip`: the export JSON and every photo its responses reference, in
    // one ZIP (docs/EXPORT.md); otherwise the JSON alone.
    let export = {
        let loaded = entry.loaded.clone();
        move |zip: bool| {
            let loaded = loaded.clone();
            let records = store.records();
            leptos::task::spawn_local(async move {
                let survey = &loaded.survey;
                let identity = SurveyRef {
                    id: survey.id.clone(),
                    version: survey.version.clone(),
                    hash: survey.hash.clone(),
                };
                let responses = match records.responses_of(&survey.id).await {
                    Ok(list) => list,
                    Err(e) => {
                        // Sealed without the PIN: the refresh shows the prompt.
                        store.refresh();
                        failure.set(Some(crate::field::store_error_text(&e)));
                        return;
                    }
                };
                let ids: Vec<String> = responses.iter().map(|r| r.id.to_string()).collect();
                let export = Export::new(
                    ExportedSurvey {
                        identity,
                        title: survey.title.clone(),
                    },
                    responses,
                    now_rfc3339(),
                );
                // Paradata and follow-up cases travel with their responses.
                let export = crate::field::records::with_field_data(store, export).await;
                let name = format!(
                    "canvass-{}-{}.json",
                    survey.id,
                    LocalTime::now().file_stamp()
                );
                let started = if zip {
                    match crate::media_export::export_zip(&records, survey, &export).await {
                        Ok(bytes) => crate::download::download_bytes(&name.replace(".json", ".zip"), "application/zip", &bytes),
                        Err(e) => {
                            failure.set(Some(e));
                            return;
                        }
                    }
                } else {
                    download_json(&name, &export.to_json())
                };
                failure.set(started.as_ref().err().map(|e| e.to_string()));
                // Exported responses leave the "not yet exported" count.
                if started.is_ok() {
                    let _ = store
                        .track(async move { records.mark_exported(&ids).await })
                        .await;
                    store.count_unexported();
                }
            });
        }
    };
    view! {
        <li class="cv-card" data-testid=format!("survey-card-{id}")>
            <h3 class="cv-card__title">{localized(&survey.title)}</h3>
            {survey.description.clone().map(|d| view! { <p class="cv-card__desc">{localized(&d)}</p> })}
            <p class="cv-card__count">
                {tr(Key::Completed)}
                // Rendered once counted, so a reader never sees an empty count.
                {let testid = format!("count-{id}"); move || count.get().map(|n| view! { <span data-testid=testid.clone()>{n}</span> })}
            </p>
            <div class="cv-card__actions">
                <a class="cv-button cv-button--primary" href=Route::Fill(id.clone()).href() data-testid=format!("open-{id}")>
                    {tr(Key::Open)}
                </a>
                <button type="button" class="cv-button" data-testid=format!("export-{id}") on:click={let export = export.clone(); move |_| export(false)}>
                    {tr(Key::Export)}
                </button>
                {has_media.then(|| view! {
                    <button type="button" class="cv-button" data-testid=format!("export-zip-{id}") on:click=move |_| export(true)>
                        {tr(Key::ExportZip)}
                    </button>
                })}
            </div>
            {move || failure.get().map(|f| view! { <p class="cv-card__error" role="alert">{f}</p> })}
        </li>
    }
}
