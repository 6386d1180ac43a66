//! A small HTML tokenizer: text, start tags with attributes, end tags.
//! Comments, CDATA, doctypes and processing instructions are skipped; a
//! tag cut off by the end of input is dropped (as browsers drop it).

use super::entities::decode;

/// One piece of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Text, entities decoded.
    Text(String),
    /// A start tag: name in ASCII lower case, attributes (names lower
    /// case, values decoded), `/>`.
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    /// An end tag's name, lower case.
    End(String),
}

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

pub struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokenizer { src, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    pub fn next_token(&mut self) -> Option<Token> {
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            let Some(lt) = rest.find('<') else {
                self.pos = self.src.len();
                return Some(Token::Text(decode(rest)));
            };
            if lt > 0 {
                self.pos += lt;
                return Some(Token::Text(decode(&rest[..lt])));
            }
            let after = &rest[1..];
            let next = after.chars().next();
            match next {
                Some(c) if c.is_ascii_alphabetic() => match self.tag(false) {
                    Some(t) => return Some(t),
                    None => return None,
                },
                Some('/') => {
                    let c2 = after[1..].chars().next();
                    match c2 {
                        Some(c) if c.is_ascii_alphabetic() => match self.tag(true) {
                            Some(t) => return Some(t),
                            None => return None,
                        },
                        Some('>') => self.pos += 3,
                        None => {
                            self.pos = self.src.len();
                            return Some(Token::Text("</".into()));
                        }
                        _ => self.skip_past(">"),
                    }
                }
                Some('!') => {
                    if after.starts_with("!--") {
                        self.pos += 4;
                        self.skip_comment();
                    } else {
                        self.skip_past(">");
                    }
                }
                Some('?') => self.skip_past(">"),
                _ => {
                    self.pos += 1;
                    return Some(Token::Text("<".into()));
                }
            }
        }
    }

    /// Moves past the next `end` (or to the end of input).
    fn skip_past(&mut self, end: &str) {
        match self.rest().find(end) {
            Some(i) => self.pos += i + end.len(),
            None => self.pos = self.src.len(),
        }
    }

    /// After `<!--`: up to `-->` or `--!>`; `<!-->` and `<!--->` end at once.
    fn skip_comment(&mut self) {
        let rest = self.rest();
        for quick in [">", "->"] {
            if rest.starts_with(quick) {
                self.pos += quick.len();
                return;
            }
        }
        let a = rest.find("-->").map(|i| (i, 3));
        let b = rest.find("--!>").map(|i| (i, 4));
        match [a, b].into_iter().flatten().min() {
            Some((i, n)) => self.pos += i + n,
            None => self.pos = self.src.len(),
        }
    }

    /// A tag starting at `<` (or `</`). `None` at the end of input.
    fn tag(&mut self, end: bool) -> Option<Token> {
        let start = self.pos + if end { 2 } else { 1 };
        let bytes = self.src.as_bytes();
        let mut i = start;
        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        let name = self.src[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            if i >= bytes.len() {
                self.pos = self.src.len();
                return None;
            }
            if bytes[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let n0 = i;
            i += 1; // an attribute name may start with `=`
            while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=')
            {
                i += 1;
            }
            let attr = self.src[n0..i].to_ascii_lowercase();
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            let mut value = String::new();
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && is_space(bytes[i]) {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let q = bytes[i];
                    let v0 = i + 1;
                    match self.src[v0..].find(q as char) {
                        Some(len) => {
                            value = decode(&self.src[v0..v0 + len]);
                            i = v0 + len + 1;
                        }
                        None => {
                            self.pos = self.src.len();
                            return None;
                        }
                    }
                } else {
                    let v0 = i;
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = decode(&self.src[v0..i]);
                }
            }
            if !attrs.iter().any(|(n, _): &(String, String)| *n == attr) {
                attrs.push((attr, value));
            }
        }
        self.pos = i;
        Some(if end {
            Token::End(name)
        } else {
            Token::Start {
                name,
                attrs,
                self_closing,
            }
        })
    }

    /// After the start tag of a dropped element: skips its content and
    /// end tag. Raw-text elements end at their first end tag; `plaintext`
    /// runs to the end; others end at the end tag that balances them.
    pub fn skip_element(&mut self, name: &str) {
        if name == "plaintext" {
            self.pos = self.src.len();
            return;
        }
        if RAW_TEXT.contains(&name) {
            let needle = format!("</{name}");
            let lower = self.rest().to_ascii_lowercase();
            let mut from = 0;
            while let Some(i) = lower[from..].find(&needle) {
                let at = from + i + needle.len();
                if lower[at..]
                    .starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())
                {
                    self.pos += at;
                    self.skip_past(">");
                    return;
                }
                from = at;
            }
            self.pos = self.src.len();
            return;
        }
        let mut depth = 1;
        while let Some(token) = self.next_token() {
            match token {
                Token::Start {
                    name: n,
                    self_closing: false,
                    ..
                } if n == name => depth += 1,
                Token::End(n) if n == name => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}
