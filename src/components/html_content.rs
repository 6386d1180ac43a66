//! An `html` question's content: the survey markup sanitised in core
//! (`canvass_core::html`) and built here node by node from the allow-listed
//! tree with `createElement` / `createTextNode` — never `innerHTML`. Text
//! nodes are piped like other survey text (`{name}` → the answer as
//! text), and the content is rebuilt when a piped answer changes.
//!
//! Plain DOM calls rather than one `view!` per tag: one code path for every
//! allowed tag keeps the wasm small.

use canvass_core::html::{sanitize, Node};
use canvass_core::logic::piped;
use canvass_core::survey::LocalizedText;
use leptos::html::Div;
use leptos::prelude::*;
use web_sys::Document;

use crate::context::{localized, ui_locale};
use crate::pages::fill_logic::FillLogic;

#[component]
pub fn HtmlContent(html: LocalizedText) -> impl IntoView {
    let nodes = sanitize(&localized(&html));
    let root = NodeRef::<Div>::new();
    let logic = use_context::<FillLogic>();
    let locale = ui_locale().code();
    Effect::new(move |_| {
        let Some(div) = root.get() else { return };
        let pipe = |text: &str| -> String {
            match logic {
                Some(FillLogic { state, draft }) if text.contains('{') => state.with(|s| {
                    draft.with(|d| {
                        piped(s, &d.response.answers, &LocalizedText::plain(text), locale)
                            .into_owned()
                    })
                }),
                _ => text.to_owned(),
            }
        };
        div.set_text_content(None);
        append(&document(), &div, &nodes, &pipe);
    });
    view! { <div class="cv-html" data-testid="html-content" node_ref=root></div> }
}

/// Appends `nodes` under `parent`: elements by their allow-listed tag
/// (headings shifted down two levels below the question title) with their
/// checked attributes, text as text nodes.
fn append(doc: &Document, parent: &web_sys::Node, nodes: &[Node], pipe: &dyn Fn(&str) -> String) {
    for node in nodes {
        let child: Option<web_sys::Node> = match node {
            Node::Text(t) => Some(doc.create_text_node(&pipe(t)).into()),
            Node::Element(e) => {
                let tag = match e.tag {
                    "h1" => "h3",
                    "h2" => "h4",
                    "h3" => "h5",
                    "h4" => "h6",
                    other => other,
                };
                doc.create_element(tag).ok().map(|el| {
                    for (k, v) in &e.attrs {
                        let _ = el.set_attribute(k, v);
                    }
                    if e.tag == "a" {
                        let _ = el.set_attribute("target", "_blank");
                        let _ = el.set_attribute("rel", "noopener noreferrer");
                    }
                    if e.tag == "img" {
                        let _ = el.set_attribute("loading", "lazy");
                    }
                    append(doc, &el, &e.children, pipe);
                    el.into()
                })
            }
        };
        if let Some(child) = child {
            let _ = parent.append_child(&child);
        }
    }
}
