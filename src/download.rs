//! Saving a file to the device: a real Blob, an object URL and a click on
//! an `<a download>`, which works offline and on phones without any server.

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
    start(file_name, text).map_err(|e| DownloadError::Browser {
        file: file_name.to_owned(),
        reason: e.as_string().unwrap_or_else(|| format!("{e:?}")),
    })
}

/// Offers `bytes` as a file named `file_name` of type `mime` (the export
/// ZIP with photos).
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    let made = (|| {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        offer(file_name, &web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?)
    })();
    made.map_err(|e| DownloadError::Browser {
        file: file_name.to_owned(),
        reason: e.as_string().unwrap_or_else(|| format!("{e:?}")),
    })
}

fn start(file_name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    offer(file_name, &blob)
}

fn offer(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
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
