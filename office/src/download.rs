//! Saving a file: a real Blob, an object URL and a click on `<a download>`
//! — works offline, without a server.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Offers `bytes` as a file named `name` of MIME type `mime`.
pub fn bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    start(name, mime, &array.into()).map_err(|e| format!("{name}: {}", e.as_string().unwrap_or_else(|| format!("{e:?}"))))
}

/// Offers `text` as a UTF-8 file.
pub fn text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    start(name, mime, &JsValue::from_str(text)).map_err(|e| format!("{name}: {}", e.as_string().unwrap_or_else(|| format!("{e:?}"))))
}

fn start(name: &str, mime: &str, part: &JsValue) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&js_sys::Array::of1(part), &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.style().set_property("display", "none")?;
    document.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Revoking at once can cancel the download; a minute later it is written.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

/// Now as RFC 3339 with the device's UTC offset (`2026-11-23T16:20:05+08:00`).
pub fn now_rfc3339() -> String {
    let d = js_sys::Date::new_0();
    let offset = -(d.get_timezone_offset() as i64); // minutes east of UTC
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        offset.abs() / 60,
        offset.abs() % 60
    )
}

/// Today's date (UTC), for expressions using `today()`.
pub fn today() -> canvass_core::expr::Date {
    let days = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
    canvass_core::expr::Date::from_days(days).unwrap_or_else(|| canvass_core::expr::Date::from_days(0).expect("1970 exists"))
}
