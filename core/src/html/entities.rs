//! Character references (`&amp;`, `&#106;`, `&#x6A;`) decoded as browsers
//! decode them, for the entities that matter: the five XML ones, spaces
//! and the ones used to hide URL schemes (`&colon;`, `&Tab;`,
//! `&NewLine;`). An unknown name stays as written, which is safe: text is
//! shown as text, and a URL must start with a literal `http`.

/// Named references decoded (with or without the final `;` for the
/// legacy ones browsers accept bare).
const NAMED: &[(&str, char, bool)] = &[
    ("amp", '&', true),
    ("lt", '<', true),
    ("gt", '>', true),
    ("quot", '"', true),
    ("apos", '\'', false),
    ("nbsp", '\u{a0}', true),
    ("colon", ':', false),
    ("Tab", '\t', false),
    ("NewLine", '\n', false),
    ("sol", '/', false),
    ("lpar", '(', false),
    ("rpar", ')', false),
    ("middot", '·', true),
    ("copy", '©', true),
    ("reg", '®', true),
    ("hellip", '…', false),
    ("mdash", '—', false),
    ("ndash", '–', false),
];

/// `text` with its character references decoded.
pub fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character at the start of `s` (which starts with `&`) and the
/// length of its reference.
fn reference(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let len = digits
            .char_indices()
            .find(|(_, c)| !c.is_digit(radix))
            .map_or(digits.len(), |(i, _)| i);
        if len == 0 {
            return None;
        }
        let code = u32::from_str_radix(&digits[..len.min(8)], radix).unwrap_or(0xFFFD);
        let c = match code {
            0 => '\u{FFFD}',
            n => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        let semi = usize::from(digits[len..].starts_with(';'));
        return Some((c, skip + len + semi));
    }
    for (name, c, bare_ok) in NAMED {
        if let Some(after) = body.strip_prefix(name) {
            if after.starts_with(';') {
                return Some((*c, 1 + name.len() + 1));
            }
            if *bare_ok && !after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return Some((*c, 1 + name.len()));
            }
        }
    }
    None
}
