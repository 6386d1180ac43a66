//! The text shown after submitting: the first `completedHtmlOnCondition`
//! entry whose expression holds, else `completedHtml`, piped — and always
//! as plain text. SurveyJS renders these as HTML; Canvass never injects
//! survey-supplied HTML into the page (a survey file is data, and a script
//! in it must not run on a field worker's phone), so markup is reduced to
//! its text here and the UI may add its markdown-lite formatting on top.

use crate::response::Answers;

use super::pipe::pipe_str;
use super::{Logic, LogicState};

/// The completed text in `locale`, as plain text; `None` when the survey
/// gives neither `completedHtml` nor a matching conditional entry (the UI
/// shows its own default then).
pub fn completed_text(
    logic: &Logic,
    state: &LogicState,
    answers: &Answers,
    locale: &str,
) -> Option<String> {
    let reader = state.reader(answers);
    let text = logic
        .completed
        .iter()
        .find(|(expr, _)| expr.evaluate_condition(&reader))
        .map(|(_, text)| text)
        .or(logic.completed_default.as_ref())?;
    let text = html_to_text(text.get(locale));
    let piped = pipe_str(state, answers, &text, locale).into_owned();
    Some(piped)
}

/// Markup reduced to text: tags removed (`<br>`, `</p>`, `</div>`,
/// `</h1>`…`</h6>` and `</li>` become line breaks), the common entities
/// decoded, runs of blank lines collapsed and the ends trimmed. Not an HTML
/// parser: enough for the thank-you texts SurveyJS authors write.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode(&rest[..open]));
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&decode(&rest[open..]));
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let breaks = matches!(
            name.as_str(),
            "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        );
        if breaks && (name == "br" || tag.starts_with('/')) {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(&decode(rest));
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    let mut text = String::new();
    for line in lines {
        if line.is_empty() && (text.is_empty() || text.ends_with("\n\n")) {
            continue;
        }
        text.push_str(line);
        text.push('\n');
    }
    text.trim().to_owned()
}

fn decode(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn markup_becomes_plain_text() {
        let cases = [
            (
                "<h3>Thank you!</h3><p>We will call you.</p>",
                "Thank you!\nWe will call you.",
            ),
            (
                "感谢您的参与<br/>祝您生活愉快",
                "感谢您的参与\n祝您生活愉快",
            ),
            ("<script>alert(1)</script>ok", "alert(1)ok"),
            ("a &lt;b&gt; &amp;amp; &nbsp;c", "a <b> &amp;  c"),
            ("plain {q1} text", "plain {q1} text"),
            ("unclosed <b", "unclosed <b"),
            ("<p>one</p>\n\n\n<p>two</p>", "one\n\ntwo"),
        ];
        for (html, text) in cases {
            assert_eq!(html_to_text(html), text, "{html}");
        }
    }
}
