//! Safe HTML for `html` questions: survey markup parsed into a small tree
//! of allow-listed elements, which the app turns into DOM nodes one by one
//! (never `inner_html`).
//!
//! Allowed: `p`, `br`, `b`, `strong`, `i`, `em`, `ul`, `ol`, `li`,
//! `h1`–`h4`; `a` with an http(s) `href`; `img` with an http(s) or
//! `data:image/(png|jpeg|gif|webp)` `src` and its `alt`. Every other
//! attribute is dropped. Other tags are dropped but their text is kept,
//! except for elements whose content is code or a foreign markup language
//! (`script`, `style`, `svg`, `math`, `template`, `iframe`, …), which are
//! dropped whole. Comments, CDATA sections, doctypes and processing
//! instructions are dropped. Entities are decoded into the text (which the
//! DOM then shows as text), and before a URL is checked.
//!
//! Why not `ammonia`: it pulls in `html5ever` (a full HTML5 parser with
//! large tables) — hundreds of KB of wasm for a feature that needs a dozen
//! tags. This parser is deliberately simpler than HTML5 and errs on the side
//! of dropping: whatever it cannot place becomes text, and text can never
//! become markup because the renderer creates text nodes.

mod entities;
mod tokens;

#[cfg(test)]
mod tests;

use tokens::{Token, Tokenizer};

/// One node of sanitised HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Text, entities decoded; shown as a DOM text node.
    Text(String),
    /// An allow-listed element with its allowed attributes.
    Element(Element),
}

/// An allow-listed element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The tag name, lower case, one of [`ALLOWED`].
    pub tag: &'static str,
    /// Allowed attributes (`href`; `src`, `alt`), values decoded and checked.
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

/// The tags kept.
pub const ALLOWED: &[&str] = &[
    "p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "h1", "h2", "h3", "h4", "a", "img",
];

/// Elements without content.
const VOID: &[&str] = &["br", "img"];

/// Elements dropped with everything inside them: code, styles, foreign
/// markup (SVG and MathML parse differently from HTML, the classic
/// mutation-XSS route), embedded documents, forms.
const DROP_WHOLE: &[&str] = &[
    "script",
    "style",
    "svg",
    "math",
    "template",
    "iframe",
    "object",
    "embed",
    "noscript",
    "noembed",
    "noframes",
    "textarea",
    "title",
    "xmp",
    "plaintext",
    "select",
    "frameset",
    "applet",
    "audio",
    "video",
    "canvas",
    "head",
];

/// How deep elements nest before further tags are dropped (their text is
/// kept): a renderer recursing over the tree stays shallow.
const MAX_DEPTH: usize = 32;

/// Sanitises `html` into a list of nodes.
///
/// ```
/// use canvass_core::html::{sanitize, to_html};
/// let nodes = sanitize(r#"<p onclick="x()">Hi <script>alert(1)</script><b>there</b></p>"#);
/// assert_eq!(to_html(&nodes), "<p>Hi <b>there</b></p>");
/// ```
pub fn sanitize(html: &str) -> Vec<Node> {
    let mut builder = Builder::default();
    let mut tokens = Tokenizer::new(html);
    while let Some(token) = tokens.next_token() {
        match token {
            Token::Text(text) => builder.text(&text),
            Token::Start { name, attrs, .. } if DROP_WHOLE.contains(&name.as_str()) => {
                tokens.skip_element(&name);
                let _ = attrs;
            }
            Token::Start {
                name,
                attrs,
                self_closing,
            } => builder.open(&name, attrs, self_closing),
            Token::End(name) => builder.close(&name),
        }
    }
    builder.finish()
}

/// Sanitised nodes as HTML text: allowed tags, escaped text and attribute
/// values. For tests and for places that need a string; the app renders
/// the nodes themselves.
pub fn to_html(nodes: &[Node]) -> String {
    let mut out = String::new();
    write_nodes(nodes, &mut out);
    out
}

/// The text of the nodes, markup removed (`<br>` and block ends as line
/// breaks), for places that show plain text.
pub fn to_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    fn walk(nodes: &[Node], out: &mut String) {
        for node in nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    if e.tag == "br" {
                        out.push('\n');
                    }
                    if let Some((_, alt)) = e.attrs.iter().find(|(k, _)| *k == "alt") {
                        out.push_str(alt);
                    }
                    walk(&e.children, out);
                    if matches!(e.tag, "p" | "li" | "h1" | "h2" | "h3" | "h4") {
                        out.push('\n');
                    }
                }
            }
        }
    }
    walk(nodes, &mut out);
    out.trim_end().to_owned()
}

fn write_nodes(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => escape_into(t, out),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.tag);
                for (k, v) in &e.attrs {
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    escape_into(v, out);
                    out.push('"');
                }
                out.push('>');
                if !VOID.contains(&e.tag) {
                    write_nodes(&e.children, out);
                    out.push_str("</");
                    out.push_str(e.tag);
                    out.push('>');
                }
            }
        }
    }
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// True when `url` (entities already decoded) is an http(s) URL, or, for
/// an image, a `data:` URL of a raster image type. Browsers ignore tabs,
/// newlines and leading control characters and spaces in URLs, so they
/// are removed before the scheme is read (`java\tscript:` is refused).
pub fn safe_url(url: &str, image: bool) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if cleaned.starts_with("http://") || cleaned.starts_with("https://") {
        return true;
    }
    image
        && [
            "data:image/png",
            "data:image/jpeg",
            "data:image/gif",
            "data:image/webp",
        ]
        .iter()
        .any(|p| cleaned.starts_with(p))
}

/// Builds the tree from tokens: a stack of open allowed elements.
#[derive(Default)]
struct Builder {
    root: Vec<Node>,
    /// Open elements, outermost first.
    open: Vec<Element>,
}

impl Builder {
    fn children(&mut self) -> &mut Vec<Node> {
        match self.open.last_mut() {
            Some(e) => &mut e.children,
            None => &mut self.root,
        }
    }

    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let children = self.children();
        if let Some(Node::Text(last)) = children.last_mut() {
            last.push_str(text);
        } else {
            children.push(Node::Text(text.to_owned()));
        }
    }

    fn open(&mut self, name: &str, attrs: Vec<(String, String)>, self_closing: bool) {
        let Some(tag) = ALLOWED.iter().copied().find(|t| *t == name) else {
            return;
        };
        if self.open.len() >= MAX_DEPTH {
            return;
        }
        let element = Element {
            tag,
            attrs: allowed_attrs(tag, attrs),
            children: Vec::new(),
        };
        if VOID.contains(&tag) || self_closing {
            self.children().push(Node::Element(element));
        } else {
            self.open.push(element);
        }
    }

    fn close(&mut self, name: &str) {
        let Some(at) = self.open.iter().rposition(|e| e.tag == name) else {
            return;
        };
        while self.open.len() > at {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some(element) = self.open.pop() {
            self.children().push(Node::Element(element));
        }
    }

    fn finish(mut self) -> Vec<Node> {
        while !self.open.is_empty() {
            self.pop();
        }
        self.root
    }
}

/// The attributes kept for `tag`: `a href` and `img src` when their URL
/// is safe (an `a` without one keeps no href; an `img` without one is
/// kept with only its `alt`, which shows as text), `img alt`.
fn allowed_attrs(tag: &str, attrs: Vec<(String, String)>) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (name, value) in attrs {
        let keep: Option<&'static str> = match (tag, name.as_str()) {
            ("a", "href") if safe_url(&value, false) => Some("href"),
            ("img", "src") if safe_url(&value, true) => Some("src"),
            ("img", "alt") => Some("alt"),
            _ => None,
        };
        if let Some(k) = keep {
            if !out.iter().any(|(n, _)| *n == k) {
                out.push((k, value.trim().to_owned()));
            }
        }
    }
    out
}
