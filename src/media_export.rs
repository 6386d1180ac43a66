//! The export with photos: the export JSON plus every media file its
//! responses reference, read from the `media` store, in one store-only ZIP
//! (`canvass_core::bundle`), signatures written as files beside them
//! (`canvass_core::signature`). A referenced photo that is not stored is an
//! error naming it — an export never silently drops a photo.

use std::rc::Rc;

use canvass_core::export::Export;
use canvass_core::survey::Survey;

use crate::context::Db;
use crate::storage::media::{blob_bytes, media_blob};

/// The ZIP's bytes, or why it could not be made (naming the media file).
pub async fn export_zip(records: &Rc<Db>, survey: &Survey, export: &Export) -> Result<Vec<u8>, String> {
    let mut media = Vec::new();
    for response in &export.responses {
        for entry in canvass_core::media::references(survey, &response.answers) {
            let blob = media_blob(records, &entry.content)
                .await
                .map_err(|e| format!("{}: {e}", entry.content))?
                .ok_or_else(|| format!("{}: not stored on this device", entry.content))?;
            let bytes = blob_bytes(&blob).await.map_err(|e| format!("{}: {e}", entry.content))?;
            media.push((entry.content, bytes));
        }
    }
    canvass_core::bundle::write_export(survey, export, &media).map_err(|e| e.to_string())
}
