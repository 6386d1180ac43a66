//! The surveys a device starts with: the bundled samples and any survey
//! definition loaded earlier from a file (kept in storage).

use std::sync::Arc;

use crate::context::CatalogEntry;
use crate::storage::{survey_key, ResponseStore};

/// The sample surveys shipped inside the app.
const SAMPLES: [&str; 3] = [
    include_str!("../samples/property-repair-callback.json"),
    include_str!("../samples/power-utility-annual.json"),
    include_str!("../samples/real-estate-owner.json"),
];

/// Loads the bundled samples, then the stored surveys (a stored survey
/// with a sample's id replaces it). A stored survey that no longer loads is
/// moved aside with the reasons; a sample that fails is reported.
pub fn initial(store: &ResponseStore) -> (Vec<CatalogEntry>, Vec<String>) {
    let mut entries: Vec<CatalogEntry> = Vec::new();
    let mut problems = Vec::new();
    for (i, json) in SAMPLES.iter().enumerate() {
        match canvass_core::load(json) {
            Ok(loaded) => entries.push(CatalogEntry {
                loaded: Arc::new(loaded),
                bundled: true,
            }),
            Err(f) => problems.push(format!("sample {i}: {}", join(&f.errors))),
        }
    }
    for (id, json) in store.surveys() {
        match canvass_core::load(&json) {
            Ok(loaded) => {
                let entry = CatalogEntry {
                    loaded: Arc::new(loaded),
                    bundled: false,
                };
                match entries
                    .iter_mut()
                    .find(|e| e.loaded.survey.id == entry.loaded.survey.id)
                {
                    Some(slot) => *slot = entry,
                    None => entries.push(entry),
                }
            }
            Err(f) => store.quarantine(&survey_key(&id), &join(&f.errors)),
        }
    }
    (entries, problems)
}

fn join(items: &[canvass_core::Diagnostic]) -> String {
    items
        .iter()
        .map(|d| d.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}
