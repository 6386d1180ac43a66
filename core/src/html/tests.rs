//! The sanitiser against XSS payloads: whatever goes in, what comes out is
//! only allow-listed tags with checked URLs, and re-sanitising the output
//! gives the same output.

use super::{sanitize, to_html, to_text, Node};

fn clean(html: &str) -> String {
    to_html(&sanitize(html))
}

/// The output of a payload: only allow-listed elements, only their
/// allowed attributes, URLs only http(s) or data:image; no markup of other
/// tags in the HTML text; and stable when sanitised again.
fn assert_safe(html: &str) -> String {
    fn walk(nodes: &[Node], html: &str) {
        for node in nodes {
            if let Node::Element(e) = node {
                assert!(super::ALLOWED.contains(&e.tag), "{} from {html:?}", e.tag);
                for (k, v) in &e.attrs {
                    let ok = match (e.tag, *k) {
                        ("a", "href") => super::safe_url(v, false),
                        ("img", "src") => super::safe_url(v, true),
                        ("img", "alt") => true,
                        _ => false,
                    };
                    assert!(ok, "{}={v:?} on {} from {html:?}", k, e.tag);
                    let lower = v.to_ascii_lowercase();
                    assert!(
                        !lower.contains("javascript:") || lower.starts_with("http"),
                        "{v:?}"
                    );
                }
                walk(&e.children, html);
            }
        }
    }
    let nodes = sanitize(html);
    walk(&nodes, html);
    let out = to_html(&nodes);
    let lower = out.to_ascii_lowercase();
    for bad in [
        "<script", "<svg", "<math", "<style", "<iframe", "<!--", "<object", "<embed", "<form",
        "<input", "<div", "<span", " on",
    ] {
        // Text is escaped, so a `<` in the output always starts an allowed tag.
        let in_tag = lower.split('<').skip(1).any(|t| {
            t.split('>')
                .next()
                .is_some_and(|tag| format!("<{tag}").contains(bad))
        });
        assert!(!in_tag, "{bad:?} survived in {out:?} (from {html:?})");
    }
    assert_eq!(clean(&out), out, "not stable: {html:?}");
    out
}

#[test]
fn allowed_markup_is_kept() {
    let cases = [
        (
            "<p>Hello <b>bold</b> <strong>s</strong> <i>i</i> <em>e</em><br>x</p>",
            "<p>Hello <b>bold</b> <strong>s</strong> <i>i</i> <em>e</em><br>x</p>",
        ),
        (
            "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>",
            "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>",
        ),
        (
            "<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5>",
            "<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4>5",
        ),
        (
            r#"<a href="https://example.com/a?b=1&amp;c=2" target="_blank">link</a>"#,
            r#"<a href="https://example.com/a?b=1&amp;c=2">link</a>"#,
        ),
        (
            r#"<img src="http://example.com/x.png" alt="A picture" width="3">"#,
            r#"<img src="http://example.com/x.png" alt="A picture">"#,
        ),
        (
            r#"<IMG SRC="data:image/png;base64,iVBORw0KGgo=">"#,
            r#"<img src="data:image/png;base64,iVBORw0KGgo=">"#,
        ),
        ("<P>Upper <B>case</B></P>", "<p>Upper <b>case</b></p>"),
        (
            "请 &lt;不要&gt; 忘记 &amp; 谢谢",
            "请 &lt;不要&gt; 忘记 &amp; 谢谢",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(clean(input), expected, "{input}");
    }
}

#[test]
fn script_and_style_are_dropped_with_their_content() {
    let cases = [
        ("a<script>alert(1)</script>b", "ab"),
        ("a<SCRIPT SRC=//evil.example/x.js></SCRIPT>b", "ab"),
        ("a<script>document.write('</scr'+'ipt>')</script>b", "ab"),
        ("a<script>alert(1)", "a"),
        (
            "a<style>body{background:url(javascript:alert(1))}</style>b",
            "ab",
        ),
        ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
        (
            "a<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>b",
            "a<img>&quot;&gt;b",
        ),
        ("a<textarea><script>alert(1)</script></textarea>b", "ab"),
        ("a<iframe src=\"javascript:alert(1)\"></iframe>b", "ab"),
        ("<plaintext><script>alert(1)</script>", ""),
    ];
    for (input, expected) in cases {
        assert_eq!(assert_safe(input), expected, "{input}");
    }
}

#[test]
fn event_attributes_and_unknown_attributes_are_dropped() {
    let cases = [
        (r#"<img src=x onerror=alert(1)>"#, "<img>"),
        (
            r#"<img src="https://e.example/a.png" onerror="alert(1)" onload=alert(2)>"#,
            r#"<img src="https://e.example/a.png">"#,
        ),
        (r#"<img/src=x/onerror=alert(1)>"#, "<img>"),
        (
            r#"<p onmouseover="alert(1)" style="x:expression(alert(1))" class=a id=b>t</p>"#,
            "<p>t</p>",
        ),
        (r#"<b/onclick=alert(1)>x</b>"#, "<b>x</b>"),
        (r#"<body onload=alert(1)>hi"#, "hi"),
        (
            r#"<a href="https://ok.example" onclick="steal()">x</a>"#,
            r#"<a href="https://ok.example">x</a>"#,
        ),
        (r#"<div><input autofocus onfocus=alert(1)></div>"#, ""),
    ];
    for (input, expected) in cases {
        assert_eq!(assert_safe(input), expected, "{input}");
    }
}

#[test]
fn dangerous_urls_are_dropped_whatever_their_disguise() {
    let links = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java&#x09;script:alert(1)",
        "jav&#x61;script:alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
        "&#0000106&#0000097vascript:alert(1)",
        "javascript&colon;alert(1)",
        "java&Tab;script:alert(1)",
        "java&NewLine;script:alert(1)",
        "\u{1}javascript:alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html,x",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "//evil.example/x",
        "/relative",
        "ftp://example.com",
    ];
    for link in links {
        for quote in ['"', '\''] {
            let a = format!("<a href={quote}{link}{quote}>x</a>");
            assert_eq!(assert_safe(&a), "<a>x</a>", "{a}");
            let img = format!("<img src={quote}{link}{quote}>");
            assert_eq!(assert_safe(&img), "<img>", "{img}");
        }
    }
}

#[test]
fn svg_math_and_foreign_content_tricks_are_dropped_whole() {
    let cases = [
        ("<svg onload=alert(1)>", ""),
        ("<svg><script>alert(1)</script></svg>ok", "ok"),
        (
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>ok",
            "ok",
        ),
        (
            "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>",
            "",
        ),
        (
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "",
        ),
        ("<math href=\"javascript:alert(1)\">click</math>", ""),
        ("<svg><style><img src=x onerror=alert(1)></style></svg>", ""),
        ("<template><img src=x onerror=alert(1)></template>ok", "ok"),
        ("<object data=\"javascript:alert(1)\"></object>", ""),
        ("<embed src=\"javascript:alert(1)\">", ""),
    ];
    for (input, expected) in cases {
        assert_eq!(assert_safe(input), expected, "{input}");
    }
}

#[test]
fn comments_cdata_and_declarations_are_dropped() {
    let cases = [
        ("a<!-- <script>alert(1)</script> -->b", "ab"),
        ("a<!--><img src=x onerror=alert(1)>-->b", "a<img>--&gt;b"),
        ("a<!-- unclosed <script>alert(1)</script>", "a"),
        ("a<!--x--!><b>y</b>", "a<b>y</b>"),
        (
            "a<![CDATA[<script>alert(1)</script>]]>b",
            "aalert(1)]]&gt;b",
        ),
        ("<!DOCTYPE html><p>x</p>", "<p>x</p>"),
        ("<?php echo 1 ?>x", "x"),
        ("a</ >b", "ab"),
        ("a</3>b", "ab"),
    ];
    for (input, expected) in cases {
        assert_eq!(assert_safe(input), expected, "{input}");
    }
}

#[test]
fn unclosed_and_misnested_tags_are_closed_and_cut_tags_dropped() {
    let cases = [
        ("<p><b>bold", "<p><b>bold</b></p>"),
        ("<b><i>x</b>y</i>", "<b><i>x</i></b>y"),
        ("</p>x", "x"),
        (
            "a<img src=\"https://x.example/a.png\" onerror=\"alert(1)",
            "a",
        ),
        ("a<img src=x onerror=alert(1)//", "a"),
        ("a < b and c > d", "a &lt; b and c &gt; d"),
        ("x<", "x&lt;"),
        ("x</", "x&lt;/"),
    ];
    for (input, expected) in cases {
        assert_eq!(assert_safe(input), expected, "{input}");
    }
}

#[test]
fn deep_nesting_is_capped() {
    let input = "<b>".repeat(10_000) + "x";
    let out = assert_safe(&input);
    assert_eq!(out.matches("<b>").count(), 32);
}

#[test]
fn plain_text_drops_markup() {
    let nodes = sanitize(
        "<h1>Title</h1><p>One<br>two</p><img alt=\"pic\" src=\"https://a.example/b.png\">",
    );
    assert_eq!(to_text(&nodes), "Title\nOne\ntwo\npic");
}

#[test]
fn never_panics_on_awkward_input() {
    let inputs = [
        "<",
        "<a",
        "<a ",
        "<a b",
        "<a b=",
        "<a b='",
        "&",
        "&#",
        "&#x",
        "&#xFFFFFFFFFF;",
        "&#55296;",
        "<é é=é>ü</é>",
        "<a\u{0}b>",
        "<!",
        "<!-",
        "<!--",
        "<![CDATA[",
        "<p =x>",
        "<p ==>",
    ];
    for input in inputs {
        let _ = assert_safe(input);
    }
}

proptest::proptest! {
    #[test]
    fn any_mix_of_markup_pieces_comes_out_safe(pieces in proptest::collection::vec(proptest::sample::select(vec![
        "<", ">", "/", "=", "\"", "'", " ", "&", "#", ";", "x", "<!--", "-->", "<script>", "</script>",
        "<svg>", "</svg>", "<img", "<a", " href=", " src=", "javascript:", "java\tscript:", "&#106;",
        " onerror=alert(1)", "<b>", "</b>", "<p>", "<style>", "]]>", "<![CDATA[", "http://x/", "data:image/png,",
    ]), 0..40)) {
        let input: String = pieces.concat();
        let _ = assert_safe(&input);
    }
}
