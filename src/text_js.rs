//! The browser's own case mapping and regular expressions for core's
//! `text` hook (`canvass_core::text::TextEngine`): on wasm32 core is built
//! with `hooked-text`, so Rust's Unicode case tables and regex-lite stay
//! out of the bundle (docs/SIZE.md). `RegExp` is also exactly what SurveyJS
//! runs for `regex` and e-mail validators.

use canvass_core::text::TextEngine;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = RegExp)]
    type Re;
    /// `new RegExp(pattern, flags)`; a SyntaxError comes back as `Err`.
    #[wasm_bindgen(constructor, js_class = "RegExp", catch)]
    fn new(pattern: &str, flags: &str) -> Result<Re, JsValue>;
    #[wasm_bindgen(method, js_class = "RegExp")]
    fn test(this: &Re, text: &str) -> bool;
}

/// `String.prototype.toLowerCase`/`toUpperCase` and `RegExp`.
pub struct JsText;

fn flags(case_insensitive: bool) -> &'static str {
    if case_insensitive {
        "i"
    } else {
        ""
    }
}

impl TextEngine for JsText {
    fn to_lower(&self, s: &str) -> String {
        js_sys::JsString::from(s).to_lower_case().into()
    }

    fn to_upper(&self, s: &str) -> String {
        js_sys::JsString::from(s).to_upper_case().into()
    }

    fn check_pattern(&self, pattern: &str, case_insensitive: bool) -> Result<(), String> {
        Re::new(pattern, flags(case_insensitive)).map(|_| ()).map_err(|e| match e.dyn_into::<js_sys::Error>() {
            Ok(err) => String::from(err.message()),
            Err(other) => format!("{other:?}"),
        })
    }

    fn is_match(&self, pattern: &str, case_insensitive: bool, text: &str) -> bool {
        Re::new(pattern, flags(case_insensitive)).is_ok_and(|re| re.test(text))
    }

    fn parse_number(&self, s: &str) -> f64 {
        js_sys::Number::parse_float(s)
    }
}

static ENGINE: JsText = JsText;

/// Installs [`JsText`] as core's text engine (idempotent; before any
/// survey loads).
pub fn install() {
    canvass_core::text::install(&ENGINE);
}
