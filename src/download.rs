//! Saving a file to the device: a real Blob, an object URL and a click on
//! an `<a download>`, which works offline and on phones without any server.
//! Shared by the app, the staff bundle and the office (`canvass-office`
//! depends on this crate for it).

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Why a download could not be started.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DownloadError {
    #[error("the download of {file} could not start: {reason}")]
    Browser { file: String, reason: String },
}

/// Offers `text` as a UTF-8 JSON file named `file_name`.
pub fn download_json(file_name: &str, text: &str) -> Result<(), DownloadError> {
    download_text(file_name, "application/json;charset=utf-8", text)
}

/// Offers `text` (written as UTF-8) as a file of MIME type `mime`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    started(file_name, start(file_name, mime, &JsValue::from_str(text)))
}

/// Offers `bytes` as a file of MIME type `mime` (XLSX, ZIP, …).
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    let array = js_sys::Uint8Array::from(bytes);
    started(file_name, start(file_name, mime, &array.into()))
}

fn started(file_name: &str, result: Result<(), JsValue>) -> Result<(), DownloadError> {
    result.map_err(|e| DownloadError::Browser {
        file: file_name.to_owned(),
        reason: e.as_string().unwrap_or_else(|| format!("{e:?}")),
    })
}

/// `part`: a string or a `Uint8Array`, the file's one Blob part.
fn start(file_name: &str, mime: &str, part: &JsValue) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.style().set_property("display", "none")?;
    let body = document.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoking at once can cancel the download in some browsers; a minute
    // later the file is long written.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}
