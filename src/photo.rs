//! Resizing a photo without freezing the page: the File goes to a worker
//! (`pwa/photo-worker.js`, copied into dist and precached, so it works
//! offline) that decodes, scales and encodes it, and a Blob comes back.
//! A worker rather than `createImageBitmap` + `OffscreenCanvas` on the
//! page: every step, including the draw, runs off the main thread in every
//! browser, and the worker's 1 KiB is loaded only when a photo is taken.

use canvass_core::media::fit;
use canvass_core::survey::ImageSettings;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, MessageEvent, Worker};


/// The worker script, beside index.html.
const WORKER_URL: &str = "photo-worker.js";

/// A resized photo.
pub struct Resized {
    pub blob: Blob,
    pub width: u32,
    pub height: u32,
    /// Time in the worker, for the status line and the benchmark.
    pub millis: f64,
}

/// Why a photo could not be resized.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhotoError {
    #[error("{file}: the image could not be read ({reason})")]
    Unreadable { file: String, reason: String },
    #[error("{file}: resized to {got:?}, expected {expected:?}")]
    WrongSize { file: String, got: (u32, u32), expected: (u32, u32) },
}

fn field(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Resizes `file` as `settings` say, in a worker made for this photo.
pub async fn resize(file: &File, settings: &ImageSettings) -> Result<Resized, PhotoError> {
    let name = file.name();
    let unreadable = |reason: String| PhotoError::Unreadable { file: name.clone(), reason };
    let worker = Worker::new(WORKER_URL).map_err(|e| unreadable(crate::storage::js_reason(&e)))?;
    let message = Object::new();
    let _ = Reflect::set(&message, &"file".into(), file);
    let _ = Reflect::set(&message, &"maxSide".into(), &settings.max_side.into());
    let _ = Reflect::set(&message, &"type".into(), &settings.format.mime().into());
    let _ = Reflect::set(&message, &"quality".into(), &settings.quality.into());
    let reply = Promise::new(&mut |ok: Function, fail: Function| {
        let _ = Reflect::set(&worker, &"onmessage".into(), &ok);
        let _ = Reflect::set(&worker, &"onerror".into(), &fail);
    });
    let posted = worker.post_message(&message);
    let reply = match posted {
        Ok(()) => JsFuture::from(reply).await,
        Err(e) => Err(e),
    };
    worker.terminate();
    let event: MessageEvent = reply
        .map_err(|e| unreadable(local_reason(&e)))?
        .unchecked_into();
    let data = event.data();
    if field(&data, "ok").as_bool() != Some(true) {
        return Err(unreadable(field(&data, "error").as_string().unwrap_or_default()));
    }
    let num = |k: &str| field(&data, k).as_f64().unwrap_or(0.0);
    let (width, height) = (num("width") as u32, num("height") as u32);
    let expected = fit(num("sourceWidth") as u32, num("sourceHeight") as u32, settings.max_side);
    if (width, height) != expected {
        return Err(PhotoError::WrongSize { file: name, got: (width, height), expected });
    }
    let blob: Blob = field(&data, "blob").dyn_into().map_err(|_| unreadable("no image came back".into()))?;
    Ok(Resized { blob, width, height, millis: num("ms") })
}

/// A worker's error event or a thrown value as text.
fn local_reason(e: &JsValue) -> String {
    let message = field(e, "message");
    match message.as_string() {
        Some(m) if !m.is_empty() => m,
        _ => crate::storage::js_reason(e),
    }
}
