//! An `html` question's content: the survey markup sanitised in core
//! (`canvass_core::html`) and built here node by node from the allow-listed
//! tree — never `inner_html`. Text nodes are piped like other survey text,
//! so an answer piped in (`{name}`) stays text.

use canvass_core::html::{sanitize, Node};
use canvass_core::survey::LocalizedText;
use leptos::prelude::*;

use crate::context::localized;
use crate::pages::fill_logic::survey_text;

#[component]
pub fn HtmlContent(html: LocalizedText) -> impl IntoView {
    let nodes = sanitize(&localized(&html));
    view! { <div class="cv-html" data-testid="html-content">{render(nodes)}</div> }
}

fn render(nodes: Vec<Node>) -> Vec<AnyView> {
    nodes.into_iter().map(node).collect()
}

fn attr(e: &canvass_core::html::Element, name: &str) -> Option<String> {
    e.attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone())
}

fn node(n: Node) -> AnyView {
    let e = match n {
        Node::Text(t) => return survey_text(&LocalizedText::plain(t)).into_any(),
        Node::Element(e) => e,
    };
    let href = attr(&e, "href");
    let (src, alt) = (attr(&e, "src"), attr(&e, "alt"));
    let c = render(e.children);
    match e.tag {
        "p" => view! { <p>{c}</p> }.into_any(),
        "br" => view! { <br/> }.into_any(),
        "b" => view! { <b>{c}</b> }.into_any(),
        "strong" => view! { <strong>{c}</strong> }.into_any(),
        "i" => view! { <i>{c}</i> }.into_any(),
        "em" => view! { <em>{c}</em> }.into_any(),
        "ul" => view! { <ul>{c}</ul> }.into_any(),
        "ol" => view! { <ol>{c}</ol> }.into_any(),
        "li" => view! { <li>{c}</li> }.into_any(),
        "h1" => view! { <h3 class="cv-html__h1">{c}</h3> }.into_any(),
        "h2" => view! { <h4 class="cv-html__h2">{c}</h4> }.into_any(),
        "h3" => view! { <h5 class="cv-html__h3">{c}</h5> }.into_any(),
        "h4" => view! { <h6 class="cv-html__h4">{c}</h6> }.into_any(),
        "a" => view! { <a href=href target="_blank" rel="noopener noreferrer">{c}</a> }.into_any(),
        "img" => view! { <img class="cv-html__img" src=src alt=alt.unwrap_or_default() loading="lazy"/> }.into_any(),
        // The sanitiser emits only the tags above.
        _ => c.into_any(),
    }
}
