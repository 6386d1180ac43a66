//! Splits expression source into tokens.

use super::error::ExprError;

/// A token and the character position where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Tok,
    pub position: usize,
}

/// The kinds of token. Words (identifiers and keywords alike) are told apart
/// by the parser, which knows where an operator may stand.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Number(f64),
    Str(String),
    /// `{name}`; `raw` when written `{#name}` (the value is used as stored).
    Var {
        name: String,
        raw: bool,
    },
    Word(String),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Caret,
    /// `=` or `==`
    Eq,
    /// `!=` or `<>`
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
    Bang,
    AndAnd,
    OrOr,
    /// `*=`, SurveyJS's symbol for `contains`
    StarEq,
    End,
}

impl Tok {
    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        let sym = |s: &str| format!("'{s}'");
        match self {
            Tok::Number(n) => format!("number {n}"),
            Tok::Str(_) => "a string".to_string(),
            Tok::Var { name, .. } => format!("variable {{{name}}}"),
            Tok::Word(w) => format!("'{w}'"),
            Tok::LParen => sym("("),
            Tok::RParen => sym(")"),
            Tok::LBracket => sym("["),
            Tok::RBracket => sym("]"),
            Tok::Comma => sym(","),
            Tok::Plus => sym("+"),
            Tok::Minus => sym("-"),
            Tok::Star => sym("*"),
            Tok::Slash => sym("/"),
            Tok::Percent => sym("%"),
            Tok::Caret => sym("^"),
            Tok::Eq => sym("="),
            Tok::NotEq => sym("!="),
            Tok::Lt => sym("<"),
            Tok::Le => sym("<="),
            Tok::Gt => sym(">"),
            Tok::Ge => sym(">="),
            Tok::Bang => sym("!"),
            Tok::AndAnd => sym("&&"),
            Tok::OrOr => sym("||"),
            Tok::StarEq => sym("*="),
            Tok::End => "end of input".to_string(),
        }
    }
}

/// Tokenizes the whole source; the last token is always [`Tok::End`].
pub fn tokenize(src: &str) -> Result<Vec<Token>, ExprError> {
    let chars: Vec<char> = src.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let next = chars.get(i + 1).copied();
        let (kind, len) = match c {
            '0'..='9' => lex_number(&chars, i)?,
            '\'' | '"' => lex_string(&chars, i)?,
            '{' => lex_variable(&chars, i)?,
            'a'..='z' | 'A'..='Z' | '_' => {
                let len = chars[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                    .count();
                (Tok::Word(chars[i..i + len].iter().collect()), len)
            }
            '(' => (Tok::LParen, 1),
            ')' => (Tok::RParen, 1),
            '[' => (Tok::LBracket, 1),
            ']' => (Tok::RBracket, 1),
            ',' => (Tok::Comma, 1),
            '+' => (Tok::Plus, 1),
            '-' => (Tok::Minus, 1),
            '*' if next == Some('=') => (Tok::StarEq, 2),
            '*' => (Tok::Star, 1),
            '/' => (Tok::Slash, 1),
            '%' => (Tok::Percent, 1),
            '^' => (Tok::Caret, 1),
            '=' if next == Some('=') => (Tok::Eq, 2),
            '=' => (Tok::Eq, 1),
            '!' if next == Some('=') => (Tok::NotEq, 2),
            '!' => (Tok::Bang, 1),
            '<' if next == Some('=') => (Tok::Le, 2),
            '<' if next == Some('>') => (Tok::NotEq, 2),
            '<' => (Tok::Lt, 1),
            '>' if next == Some('=') => (Tok::Ge, 2),
            '>' => (Tok::Gt, 1),
            '&' if next == Some('&') => (Tok::AndAnd, 2),
            '|' if next == Some('|') => (Tok::OrOr, 2),
            '}' => return Err(syntax(i, "'}' without a matching '{'")),
            _ => return Err(syntax(i, &format!("unexpected character {c:?}"))),
        };
        tokens.push(Token {
            kind,
            position: start,
        });
        i += len;
    }
    tokens.push(Token {
        kind: Tok::End,
        position: chars.len(),
    });
    Ok(tokens)
}

fn syntax(position: usize, message: &str) -> ExprError {
    ExprError::Syntax {
        position,
        message: message.to_string(),
    }
}

/// `123`, `1.5`, `0x1F`. A number is digits with an optional fraction;
/// SurveyJS has no exponent form.
fn lex_number(chars: &[char], start: usize) -> Result<(Tok, usize), ExprError> {
    let rest = &chars[start..];
    if rest.len() > 1 && rest[0] == '0' && rest[1] == 'x' {
        let len = rest[2..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        if len == 0 {
            return Err(syntax(start, "expected hexadecimal digits after '0x'"));
        }
        let digits: String = rest[2..2 + len].iter().collect();
        let value =
            u128::from_str_radix(&digits, 16).map_err(|_| syntax(start, "number too large"))?;
        return Ok((Tok::Number(value as f64), 2 + len));
    }
    let mut len = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if rest.get(len) == Some(&'.') {
        let frac = rest[len + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if frac == 0 {
            return Err(syntax(
                start + len,
                "expected digits after the decimal point",
            ));
        }
        len += 1 + frac;
    }
    let text: String = rest[..len].iter().collect();
    match crate::text::parse_f64(&text) {
        Some(n) if n.is_finite() => Ok((Tok::Number(n), len)),
        _ => Err(syntax(start, "number too large")),
    }
}

/// `'text'` or `"text"`. `\'`, `\"` and `\\` are escapes; any other
/// backslash is kept as written.
fn lex_string(chars: &[char], start: usize) -> Result<(Tok, usize), ExprError> {
    let quote = chars[start];
    let mut text = String::new();
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' if matches!(chars.get(i + 1), Some('\'' | '"' | '\\')) => {
                text.push(chars[i + 1]);
                i += 2;
            }
            c if c == quote => return Ok((Tok::Str(text), i + 1 - start)),
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    Err(syntax(start, "unterminated string"))
}

/// `{name}`, `{matrix.row}`, `{list[0]}`; spaces around the name are
/// ignored; a leading `#` asks for the value as stored.
fn lex_variable(chars: &[char], start: usize) -> Result<(Tok, usize), ExprError> {
    let mut i = start + 1;
    while i < chars.len() && chars[i] != '}' {
        if chars[i] == '{' {
            return Err(syntax(i, "'{' inside a variable name"));
        }
        i += 1;
    }
    if i == chars.len() {
        return Err(syntax(start, "unterminated variable: expected '}'"));
    }
    let inner: String = chars[start + 1..i].iter().collect();
    let inner = inner.trim();
    let (name, raw) = match inner.strip_prefix('#') {
        Some(rest) if !rest.trim().is_empty() => (rest.trim(), true),
        _ => (inner, false),
    };
    if name.is_empty() {
        return Err(syntax(start, "empty variable name"));
    }
    Ok((
        Tok::Var {
            name: name.to_string(),
            raw,
        },
        i + 1 - start,
    ))
}
