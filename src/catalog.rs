//! The surveys a device starts with: the bundled samples and any survey
//! definition loaded earlier from a file (kept in storage).

use std::sync::Arc;

use crate::context::CatalogEntry;

/// The sample surveys shipped inside the app.
const SAMPLES: [&str; 4] = [
    include_str!("../samples/property-repair-callback.json"),
    include_str!("../samples/power-utility-annual.json"),
    include_str!("../samples/real-estate-owner.json"),
    include_str!("../samples/repair-photo-check.json"),
];

/// What the catalogue starts with.
pub struct Initial {
    pub entries: Vec<CatalogEntry>,
    /// Bundled samples that fail to load (a build defect, reported).
    pub problems: Vec<String>,
    /// Stored surveys that no longer load: (id, reasons), to move aside.
    pub unloadable: Vec<(String, String)>,
}

/// Loads the bundled samples, then the stored surveys `(id, JSON text)`
/// (a stored survey with a sample's id replaces it).
pub fn initial(stored: Vec<(String, String)>) -> Initial {
    let mut entries: Vec<CatalogEntry> = Vec::new();
    let mut problems = Vec::new();
    let mut unloadable = Vec::new();
    for (i, json) in SAMPLES.iter().enumerate() {
        match canvass_core::load(json) {
            Ok(loaded) => entries.push(CatalogEntry {
                loaded: Arc::new(loaded),
                bundled: true,
            }),
            Err(f) => problems.push(format!("sample {i}: {}", join(&f.errors))),
        }
    }
    for (id, json) in stored {
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
            Err(f) => unloadable.push((id, join(&f.errors))),
        }
    }
    Initial {
        entries,
        problems,
        unloadable,
    }
}

fn join(items: &[canvass_core::Diagnostic]) -> String {
    items
        .iter()
        .map(|d| d.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}
