//! Browser tests of the app's text hook (src/text_js.rs): JavaScript's
//! `RegExp` and `toLowerCase`/`toUpperCase` against the same cases core
//! checks its Rust implementations with (`canvass_core::text::cases`), then
//! a survey's `regex`, e-mail and case-insensitive name checks going
//! through the installed hook (on wasm32 core is built with `hooked-text`).
//! Run with `cargo test --target wasm32-unknown-unknown --test text`.
#![cfg(target_arch = "wasm32")]

use canvass::text_js::{install, JsText};
use canvass_core::expr::Date;
use canvass_core::logic::{validate_page, Env, ErrorKind, LogicState, EMAIL_PATTERN};
use canvass_core::response::Answers;
use canvass_core::text::cases::{CASE, EMAIL, INVALID, NUMBERS, REGEX};
use canvass_core::text::{self, Pattern, TextEngine};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn js_regex_agrees_with_the_shared_cases() {
    for &(p, ci, s, want) in REGEX {
        assert_eq!(JsText.check_pattern(p, ci), Ok(()), "{p}");
        assert_eq!(JsText.is_match(p, ci, s), want, "{p} on {s:?}");
    }
    for p in INVALID {
        let err = JsText.check_pattern(p, false).expect_err(p);
        assert!(err.contains("Invalid regular expression"), "{p}: {err}");
    }
}

#[wasm_bindgen_test]
fn js_email_agrees_with_the_shared_cases() {
    for &(s, want) in EMAIL {
        assert_eq!(JsText.is_match(EMAIL_PATTERN, false, s), want, "{s:?}");
    }
}

#[wasm_bindgen_test]
fn js_case_mapping_agrees_with_the_shared_cases() {
    for &(s, lo, up) in CASE {
        assert_eq!(JsText.to_lower(s), lo, "lower {s}");
        assert_eq!(JsText.to_upper(s), up, "upper {s}");
    }
}

#[wasm_bindgen_test]
fn js_numbers_agree_with_rusts_parser() {
    install();
    for s in NUMBERS {
        let want = s.parse::<f64>().ok();
        let got = text::parse_f64(s);
        let same = match (got, want) {
            (Some(x), Some(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
            (None, None) => true,
            _ => false,
        };
        assert!(same, "{s:?}: {got:?} vs {want:?}");
    }
    // Decimals that only the engine reads (the integer fast path is Rust's).
    for s in ["0.1", "2.5e+10", "9007199254740993", "4.9e-324", "1e400", ".5"] {
        assert_eq!(JsText.parse_number(s).to_bits(), s.parse::<f64>().unwrap().to_bits(), "{s}");
    }
}

#[wasm_bindgen_test]
fn core_goes_through_the_installed_hook() {
    install();
    for &(s, lo, up) in CASE {
        assert_eq!(text::lower(s), lo);
        assert_eq!(text::upper(s), up);
    }
    // What JS has and regex-lite lacks (lookahead) works in the app, as in
    // SurveyJS; an invalid pattern still fails with the browser's message.
    let strong = Pattern::new(r"^(?=.*\d).{6,}$", false).unwrap();
    assert!(strong.is_match("abcde1") && !strong.is_match("abcdef"));
    assert!(Pattern::new("(", false).unwrap_err().contains("Invalid regular expression"));
}

#[wasm_bindgen_test]
fn a_survey_validates_through_the_hook() {
    install();
    let loaded = canvass_core::load(
        r#"{"pages": [{"elements": [
          {"type": "text", "name": "zip", "validators": [{"type": "regex", "regex": "^\\d{6}$"}]},
          {"type": "text", "name": "code", "validators": [{"type": "regex", "regex": "^ab+$", "caseInsensitive": true}]},
          {"type": "text", "name": "mail", "validators": [{"type": "email"}]},
          {"type": "text", "name": "Öl"},
          {"type": "text", "name": "later", "visibleIf": "{öL} notempty", "validators": [{"type": "regex", "regex": "x"}]}
        ]}]}"#,
    )
    .unwrap_or_else(|f| panic!("{:?}", f.errors.iter().map(|e| &e.message).collect::<Vec<_>>()));
    let kinds = |a: serde_json::Value| {
        let answers: Answers = a.as_object().unwrap().clone().into_iter().collect();
        let env = Env::new(Date::parse("2026-11-23").unwrap(), "en");
        let state = LogicState::new(&loaded.logic, &answers, env);
        validate_page(&loaded.logic, &state, 0, &answers)
            .into_iter()
            .map(|e| e.kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(json!({"zip": "100086", "code": "ABB", "mail": "li@example.cn"})), vec![]);
    assert_eq!(
        kinds(json!({"zip": "10008", "code": "ac", "mail": "li@example"})),
        vec![ErrorKind::Pattern, ErrorKind::Pattern, ErrorKind::Email]
    );
    // `{öL}` found `Öl` ignoring case (Unicode, through the hook): `later`
    // shows once `Öl` is answered, and its validator runs.
    assert_eq!(kinds(json!({"later": "y"})), vec![]);
    assert_eq!(kinds(json!({"Öl": "1", "later": "y"})), vec![ErrorKind::Pattern]);
}
