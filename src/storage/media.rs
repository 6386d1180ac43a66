//! Photos and files in the `media` object store, as Blobs (IndexedDB
//! stores them natively, so no base64 anywhere): one record per media
//! file, keyed by its media name (`media/<response>/<question>-<n>.jpg`,
//! `canvass_core::media`), `{id, v, data, survey, blob}` where `data` is
//! the JSON metadata ({response, question, type, size, name}) — so the
//! generic readers and the backup see an ordinary record and only the
//! bytes stay out of JSON. Writes are counted by the save indicator like
//! every other write (`Records::track_write`).

use std::future::Future;
use std::rc::Rc;

use js_sys::Reflect;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use super::idb::{err, to_js, Idb};
use super::kind::MEDIA;
use super::record::encode;
use super::{Records, StoreError};

/// What is known about a stored media file besides its bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaMeta {
    pub response: String,
    pub question: String,
    #[serde(rename = "type")]
    pub mime: String,
    pub size: u64,
    /// The file's name on the device.
    pub name: String,
}

/// Stores `blob` as media `id` (`survey` fills the survey index); the
/// future resolves once the transaction completed.
pub fn put_media(
    records: &Rc<Records<Idb>>,
    id: &str,
    survey: &str,
    meta: &MediaMeta,
    blob: &Blob,
) -> impl Future<Output = Result<(), StoreError>> + 'static {
    let mut env = encode(MEDIA, id, meta);
    env.survey = Some(survey.to_owned());
    env.unexported = false;
    let issued = records.backend().map(|idb| {
        let (env, blob) = (env.clone(), blob.clone());
        idb.write(&[MEDIA.name], &move |tx| {
            let value = to_js(&env)?;
            Reflect::set(&value, &"blob".into(), &blob)?;
            tx.object_store(MEDIA.name)?.put(&value)?;
            Ok(())
        })
    });
    records.track_write(MEDIA, env, issued)
}

/// The bytes of media `id`, if stored.
pub async fn media_blob(records: &Rc<Records<Idb>>, id: &str) -> Result<Option<Blob>, String> {
    let Some(idb) = records.backend() else {
        return Ok(None);
    };
    let id = id.to_owned();
    let value = idb.read(MEDIA, &move |s| s.get(&JsValue::from_str(&id))).await?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let blob = Reflect::get(&value, &"blob".into()).map_err(err)?;
    Ok(blob.dyn_into::<Blob>().ok())
}

/// Deletes media `id` (a removed photo).
pub fn delete_media(records: &Rc<Records<Idb>>, id: &str) -> impl Future<Output = Result<(), StoreError>> + 'static {
    records.delete(MEDIA, id)
}

/// Deletes every media file of `response` (`media/<response>/…`), for when
/// a draft or response is deleted.
pub fn delete_media_of(records: &Rc<Records<Idb>>, response: &str) -> impl Future<Output = Result<(), String>> + 'static {
    let prefix = format!("{}{response}/", canvass_core::media::MEDIA_PREFIX);
    let issued = records.backend().map(|idb| {
        idb.write(&[MEDIA.name], &move |tx| {
            // Every key starting with the prefix: [prefix, prefix + U+FFFF].
            let range = web_sys::IdbKeyRange::bound(&prefix.as_str().into(), &format!("{prefix}\u{FFFF}").into())?;
            tx.object_store(MEDIA.name)?.delete(&range)?;
            Ok(())
        })
    });
    async move {
        match issued {
            Some(f) => f.await,
            None => Ok(()),
        }
    }
}

/// Reads a Blob's bytes.
pub async fn blob_bytes(blob: &Blob) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.map_err(err)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
