//! Case mapping and regular expressions, behind one hook so that the
//! browser app can use the browser's own (`String.prototype.toLowerCase`,
//! `RegExp`) instead of shipping Rust's Unicode case tables (≈ 25 KB) and
//! regex-lite (≈ 26 KB) in its first load (docs/SIZE.md).
//!
//! Core stays pure: it only defines [`TextEngine`]. Built as usual (the
//! CLI, the office, native tests) it uses `str::to_lowercase` and
//! regex-lite. Built with the `hooked-text` feature (the app on wasm32,
//! see the app's Cargo.toml) it calls the engine installed with
//! [`install`] instead, and neither the tables nor regex-lite are linked.
//!
//! Semantics: SurveyJS runs validators with JavaScript's
//! `new RegExp(regex, caseInsensitive ? "i" : "").test(value)`, so the JS
//! engine is SurveyJS's behaviour exactly; regex-lite agrees on the
//! patterns surveys use (the shared cases in [`cases`]) and differs where
//! JS has more (lookaround, back-references: regex-lite rejects them at
//! load) or is Unicode-aware where regex-lite is ASCII-only (`\s` against
//! U+3000, case-insensitive non-ASCII letters). Case mapping is Unicode's
//! full default mapping in both.

use std::sync::OnceLock;

/// What the app supplies when core is built with `hooked-text`.
pub trait TextEngine: Send + Sync {
    /// Unicode lower case of `s` (called only for non-ASCII text).
    fn to_lower(&self, s: &str) -> String;
    /// Unicode upper case of `s` (called only for non-ASCII text).
    fn to_upper(&self, s: &str) -> String;
    /// `Err(message)` when `pattern` is not a valid regular expression.
    fn check_pattern(&self, pattern: &str, case_insensitive: bool) -> Result<(), String>;
    /// Whether `pattern` matches anywhere in `text` (JS `RegExp.test`).
    /// Called only with patterns `check_pattern` accepted.
    fn is_match(&self, pattern: &str, case_insensitive: bool, text: &str) -> bool;
}

static ENGINE: OnceLock<&'static dyn TextEngine> = OnceLock::new();

/// Installs the engine used by a `hooked-text` build; the first one stays.
/// Returns whether this call installed it. Harmless in a normal build,
/// where the engine is used too (a test can check the hook that way).
pub fn install(engine: &'static dyn TextEngine) -> bool {
    ENGINE.set(engine).is_ok()
}

fn engine() -> Option<&'static dyn TextEngine> {
    ENGINE.get().copied()
}

/// Unicode lower case (`str::to_lowercase`). ASCII text never leaves Rust;
/// other text goes to the installed engine, or, in a `hooked-text` build
/// with none installed, is lower-cased in its ASCII letters only.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    if let Some(e) = engine() {
        return e.to_lower(s);
    }
    #[cfg(not(feature = "hooked-text"))]
    return s.to_lowercase();
    #[cfg(feature = "hooked-text")]
    return s.to_ascii_lowercase();
}

/// Unicode upper case (`str::to_uppercase`), as [`lower`].
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    if let Some(e) = engine() {
        return e.to_upper(s);
    }
    #[cfg(not(feature = "hooked-text"))]
    return s.to_uppercase();
    #[cfg(feature = "hooked-text")]
    return s.to_ascii_uppercase();
}

/// A survey's regular expression, checked when the survey loads.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    case_insensitive: bool,
    /// Compiled here when no engine is installed (normal builds).
    #[cfg(not(feature = "hooked-text"))]
    compiled: Option<regex_lite::Regex>,
}

impl Pattern {
    /// Checks `source`; `Err` carries the engine's message.
    pub fn new(source: &str, case_insensitive: bool) -> Result<Pattern, String> {
        let mut out = Pattern {
            source: source.to_owned(),
            case_insensitive,
            #[cfg(not(feature = "hooked-text"))]
            compiled: None,
        };
        if let Some(e) = engine() {
            e.check_pattern(source, case_insensitive)?;
            return Ok(out);
        }
        #[cfg(not(feature = "hooked-text"))]
        {
            let re = regex_lite::RegexBuilder::new(source)
                .case_insensitive(case_insensitive)
                .build()
                .map_err(|e| e.to_string())?;
            out.compiled = Some(re);
            Ok(out)
        }
        #[cfg(feature = "hooked-text")]
        {
            let _ = &mut out;
            Err("no regular-expression engine is installed".to_owned())
        }
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        #[cfg(not(feature = "hooked-text"))]
        if let Some(re) = &self.compiled {
            return re.is_match(text);
        }
        match engine() {
            Some(e) => e.is_match(&self.source, self.case_insensitive, text),
            None => false,
        }
    }
}

/// Cases both engines must agree on, so that the app (JS) and the CLI
/// (regex-lite, Rust case mapping) decide the same: checked natively
/// against the Rust implementations and in the browser against the app's
/// JS hook.
pub mod cases {
    /// `(pattern, case_insensitive, text, matches)`.
    pub const REGEX: &[(&str, bool, &str, bool)] = &[
        (r"^\d{6}$", false, "100086", true),
        (r"^\d{6}$", false, "10008", false),
        (r"^\d{6}$", false, "1000861", false),
        (r"^1[3-9]\d{9}$", false, "13812345678", true),
        (r"^1[3-9]\d{9}$", false, "12812345678", false),
        (r"\d", false, "abc7", true),
        (r"^[A-Z]{2}-\d+$", false, "ab-12", false),
        (r"^[A-Z]{2}-\d+$", true, "ab-12", true),
        (r"^(yes|no)$", false, "yes", true),
        (r"^(yes|no)$", false, "maybe", false),
        (r"^[\u4e00-\u9fa5]{2,4}$", false, "张三", true),
        (r"^[\u4e00-\u9fa5]{2,4}$", false, "张", false),
        (r"^[\u4e00-\u9fa5]{2,4}$", false, "Zhang", false),
        (r"^.{2,3}$", false, "北京市", true),
        (r"^\w+$", false, "user_01", true),
        (r"^\w+$", false, "user 01", false),
        (r"^\S+$", false, "a b", false),
        (r"colou?r", false, "my color", true),
        (r"^$", false, "", true),
        (r"^a.c$", false, "a\nc", false),
        (r"^\s*$", false, " \t", true),
        (r"[.]", false, "x", false),
        (r"^\(\d{3}\)$", false, "(010)", true),
    ];
    /// Patterns both engines reject.
    pub const INVALID: &[&str] = &["(", "[a-", "a{2,1}", "*a"];
    /// `(text, valid e-mail)` for SurveyJS's e-mail pattern.
    pub const EMAIL: &[(&str, bool)] = &[
        ("li.lei@example.com", true),
        ("li.lei@mail.example.cn", true),
        ("\"odd name\"@example.com", true),
        ("user@[192.168.0.1]", true),
        ("li.lei@example", false),
        ("li lei@example.com", false),
        ("@example.com", false),
        ("li.lei@@example.com", false),
        ("", false),
        ("李雷@example.com", true),
    ];
    /// `(text, lower, upper)`: Unicode full case mapping.
    pub const CASE: &[(&str, &str, &str)] = &[
        ("Yes", "yes", "YES"),
        ("ÄÖÜ straße", "äöü straße", "ÄÖÜ STRASSE"),
        ("ΣΊΣΥΦΟΣ", "σίσυφος", "ΣΊΣΥΦΟΣ"),
        ("中文 ABC", "中文 abc", "中文 ABC"),
        ("Ǆ", "ǆ", "Ǆ"),
        ("İ", "i\u{307}", "İ"),
        ("Ｆｕｌｌ", "ｆｕｌｌ", "ＦＵＬＬ"),
    ];
}

#[cfg(test)]
mod tests {
    use super::cases::{CASE, EMAIL, INVALID, REGEX};
    use super::*;

    #[test]
    fn rust_regex_agrees_with_the_shared_cases() {
        for &(p, ci, text, want) in REGEX {
            let re = Pattern::new(p, ci).unwrap_or_else(|e| panic!("{p}: {e}"));
            assert_eq!(re.is_match(text), want, "{p} on {text:?}");
        }
        for p in INVALID {
            assert!(Pattern::new(p, false).is_err(), "{p} must be rejected");
        }
    }

    #[test]
    fn rust_email_agrees_with_the_shared_cases() {
        let re = Pattern::new(crate::logic::EMAIL_PATTERN, false).unwrap();
        for &(text, want) in EMAIL {
            assert_eq!(re.is_match(text), want, "{text:?}");
        }
    }

    #[test]
    fn rust_case_mapping_agrees_with_the_shared_cases() {
        for &(s, lo, up) in CASE {
            assert_eq!(lower(s), lo, "lower {s}");
            assert_eq!(upper(s), up, "upper {s}");
            assert_eq!(s.to_lowercase(), lo, "std lower {s}");
            assert_eq!(s.to_uppercase(), up, "std upper {s}");
        }
    }
}
