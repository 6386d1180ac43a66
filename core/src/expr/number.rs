//! Numbers as JavaScript prints them and as SurveyJS reads them from text.

/// JavaScript's number-to-string for the numbers Canvass meets: integers
/// without a decimal point, other numbers in their shortest exact decimal
/// form. (JavaScript switches to exponent notation below 1e-6 and from
/// 1e21 up; this never does.)
pub fn js_number_string(n: f64) -> String {
    if n == 0.0 {
        "0".to_string()
    } else {
        format!("{n}")
    }
}

/// SurveyJS's `Helpers.getNumber` on a string: surrounding spaces are
/// ignored; `0x` starts a hexadecimal number; one comma is read as a decimal
/// point (`"1,5"` is 1.5); a run of more than 15 digits is not a number (it
/// is an identifier such as a phone number, and would lose precision);
/// otherwise the text must be a finite decimal number, optionally signed,
/// optionally with an exponent.
pub fn survey_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(hex) = s.strip_prefix("0x") {
        if s.len() > 32 {
            return None;
        }
        return parse_hex_prefix(hex);
    }
    if s.len() > 15 && s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut commas = s.match_indices(',');
    let replaced;
    let s = match (commas.next(), commas.next()) {
        (Some(_), None) => {
            replaced = s.replacen(',', ".", 1);
            replaced.as_str()
        }
        _ => s,
    };
    js_decimal(s)
}

/// JavaScript's `Number(text)` for decimal text (trimmed): `""` is 0.
pub fn js_string_to_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return Some(0.0);
    }
    js_decimal(s)
}

/// A finite decimal literal as JavaScript's `Number` reads one: optional
/// sign, digits with an optional point (either side may be empty, not
/// both), optional exponent. No `inf`, `nan` or `_` (which Rust accepts).
fn js_decimal(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    crate::text::decimal_parts(body)?;
    crate::text::parse_f64(s).filter(|n| n.is_finite())
}

/// `parseInt(text, 16)`: the longest run of hex digits at the start.
fn parse_hex_prefix(hex: &str) -> Option<f64> {
    let run: String = hex.chars().take_while(char::is_ascii_hexdigit).collect();
    if run.is_empty() {
        return None;
    }
    u128::from_str_radix(&run, 16).ok().map(|n| n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::Value;

    #[test]
    fn survey_numbers() {
        let cases: &[(&str, Option<f64>)] = &[
            ("5", Some(5.0)),
            (" 5 ", Some(5.0)),
            ("-5.5", Some(-5.5)),
            ("+5", Some(5.0)),
            ("1,5", Some(1.5)),
            ("1,000,000", None),
            ("0x1F", Some(31.0)),
            ("0x", None),
            ("1e3", Some(1000.0)),
            (".5", Some(0.5)),
            ("5.", Some(5.0)),
            ("1234567890123456", None),
            ("123456789012345", Some(123_456_789_012_345.0)),
            ("", None),
            ("abc", None),
            ("inf", None),
            ("Infinity", None),
            ("NaN", None),
            ("1_000", None),
            ("2*3", None),
            ("1e400", None),
            ("-", None),
            (".", None),
            ("1e", None),
        ];
        for &(s, want) in cases {
            assert_eq!(survey_number(s), want, "{s:?}");
        }
    }

    #[test]
    fn js_strings() {
        assert_eq!(Value::Number(3.0).to_js_string(), "3");
        assert_eq!(Value::Number(-0.0).to_js_string(), "0");
        assert_eq!(Value::Number(0.1).to_js_string(), "0.1");
        let arr = Value::Array(vec![
            Value::Number(1.0),
            Value::Null,
            Value::String("a".into()),
        ]);
        assert_eq!(arr.to_js_string(), "1,,a");
    }
}
