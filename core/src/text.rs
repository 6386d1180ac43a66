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
    /// The nearest `f64` to a decimal number (JS `Number(s)`), called only
    /// with text [`parse_f64`] has checked: `[+-]digits[.digits][e[+-]digits]`.
    fn parse_number(&self, s: &str) -> f64;
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

/// `s.parse::<f64>().ok()`, with Rust's grammar exactly (no whitespace,
/// `inf`/`infinity`/`nan` in any case, `1.`, `.5`, exponents), but in a
/// `hooked-text` build without Rust's float parser and its 10 KB table of
/// powers of five: integers of up to 15 digits are exact in Rust, other
/// numbers go to the engine (JS `Number`, also correctly rounded).
pub fn parse_f64(s: &str) -> Option<f64> {
    #[cfg(not(feature = "hooked-text"))]
    return s.parse().ok();
    #[cfg(feature = "hooked-text")]
    return parse_f64_with(s, |t| match engine() {
        Some(e) => e.parse_number(t),
        None => naive(t),
    });
}

/// [`parse_f64`]'s grammar and integer fast path, with `decimal` for the
/// rest; in every build so that it is tested natively against
/// `str::parse` (see `cases::NUMBERS` and the proptest).
pub fn parse_f64_with(s: &str, decimal: impl FnOnce(&str) -> f64) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = |x: f64| if negative { -x } else { x };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Some(sign(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case("nan") {
        return Some(sign(f64::NAN));
    }
    let (int, frac, exponent) = decimal_parts(body)?;
    if exponent.is_none() && frac.is_none() && int.len() <= 15 {
        let n = int.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Some(sign(n as f64));
    }
    Some(decimal(s))
}

/// The parts of an unsigned decimal literal: the digits before the point,
/// those after it (`None`: no point), the exponent (with its sign); `None`
/// when `body` is not one. Digits with an optional point, either side of
/// it may be empty but not both, and an optional exponent — the grammar
/// Rust's `str::parse::<f64>` and JavaScript's `Number` share for finite
/// decimals.
pub(crate) fn decimal_parts(body: &str) -> Option<(&str, Option<&str>, Option<&str>)> {
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (mantissa, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let after = frac.unwrap_or("");
    if (int.is_empty() && after.is_empty()) || !digits(int) || !digits(after) {
        return None;
    }
    if let Some(e) = exponent {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        if e.is_empty() || !digits(e) {
            return None;
        }
    }
    Some((int, frac, exponent))
}

/// Close to the nearest `f64`, not always it: only for a `hooked-text`
/// build whose app forgot to install an engine.
#[cfg(feature = "hooked-text")]
fn naive(s: &str) -> f64 {
    let (m, e) = s.split_once(['e', 'E']).unwrap_or((s, "0"));
    let e: i32 = e.parse().unwrap_or(if e.starts_with('-') { -999 } else { 999 });
    let negative = m.starts_with('-');
    let m = m.trim_start_matches(['+', '-']);
    let (int, frac) = m.split_once('.').unwrap_or((m, ""));
    let x = int.bytes().chain(frac.bytes()).fold(0.0, |x, b| x * 10.0 + f64::from(b - b'0'));
    let x = x * 10f64.powi(e.saturating_sub(frac.len() as i32));
    if negative {
        -x
    } else {
        x
    }
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
        match engine() {
            Some(e) => e.check_pattern(source, case_insensitive)?,
            #[cfg(feature = "hooked-text")]
            None => return Err("no regular-expression engine is installed".to_owned()),
            #[cfg(not(feature = "hooked-text"))]
            None => {}
        }
        #[cfg(not(feature = "hooked-text"))]
        let compiled = match engine() {
            Some(_) => None,
            None => Some(
                regex_lite::RegexBuilder::new(source)
                    .case_insensitive(case_insensitive)
                    .build()
                    .map_err(|e| e.to_string())?,
            ),
        };
        Ok(Pattern {
            source: source.to_owned(),
            case_insensitive,
            #[cfg(not(feature = "hooked-text"))]
            compiled,
        })
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
    /// Texts [`super::parse_f64`] must read as `str::parse::<f64>` does.
    pub const NUMBERS: &[&str] = &[
        "0", "-0", "+7", "42", "007", "123456789012345", "1234567890123456", "12345678901234567890",
        "3.14", "-2.5", "1.", ".5", "+.5", "1e3", "1E-3", "2.5e+10", "1e400", "1e-400",
        "0.1", "0.3", "9007199254740993", "4.9e-324", "1.7976931348623157e308", "inf", "-Infinity",
        "NaN", "", ".", "-", "+", "e5", "1e", "1e+", " 1", "1 ", "1_000", "0x10", "1,5", "１",
        "١", "1.2.3", "--1", "+-1", "infinit", "nan1",
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

    fn same(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (Some(x), Some(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
            (None, None) => true,
            _ => false,
        }
    }

    #[test]
    fn the_number_grammar_is_rusts() {
        for s in super::cases::NUMBERS {
            let got = parse_f64_with(s, |t| t.parse().unwrap());
            assert!(same(got, s.parse().ok()), "{s:?}: {got:?}");
            assert!(same(parse_f64(s), s.parse().ok()), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_number_grammar_is_rusts_on_any_text(s in "[-+]?[0-9.eE+-]{0,8}|[-+]?[0-9]{1,20}(\\.[0-9]{0,5})?([eE][-+]?[0-9]{1,3})?|.{0,6}") {
            let got = parse_f64_with(&s, |t| t.parse().unwrap());
            proptest::prop_assert!(same(got, s.parse().ok()), "{:?}: {:?}", s, got);
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
