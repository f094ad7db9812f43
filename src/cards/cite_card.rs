//! A paragraph's card: its own link, and citations in Chicago and BibTeX, each with a Copy
//! button. Opened by the ¶ mark at the end of every paragraph. The card layer (the first wasm
//! half) opens it like any card, with a stand-in body that names its paragraph; the tools' half,
//! which holds every citation and its Copy buttons, fills it (`fill_opened`). So the half a first
//! tap on a name waits for carries none of this (about an eighth of its size).

use super::card_texts::{Citations, CITATIONS_FILE};
use crate::citation;
use crate::essay_root::CARD_LAYER_ID;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The address of the page the reader is on, without its fragment: set once in the browser (the
/// prerendered page cannot know where it will be served), read by citation cards.
#[derive(Clone, Copy)]
pub struct PageUrl(pub RwSignal<String>);

/// On a citation card's stand-in body (frame.rs): the paragraph it cites.
pub const CITE_BODY: &str = "data-cite-body";
/// On the same body: the id its heading must carry (the card's `aria-labelledby`).
pub const CITE_HEADING: &str = "data-cite-heading";

#[component]
pub fn CiteCard(
    /// The paragraph's id.
    paragraph_id: String,
    /// The card's heading id.
    heading_id: String,
    /// The edition's record and where each paragraph is.
    citations: Arc<Citations>,
) -> impl IntoView {
    let PageUrl(page) = expect_context::<PageUrl>();
    let Some((numeral, title, n)) = citations.paragraphs.get(&paragraph_id).cloned() else {
        // Not a paragraph of this edition (an address from an older one, say).
        return view! { <h2 class="card-title" id=heading_id>"Not available"</h2> }.into_any();
    };
    let link = format!("{}#{paragraph_id}", page.get_untracked());
    let chicago = citation::paragraph_chicago(&citations.meta, &numeral, n, &link);
    let bibtex = citation::paragraph_bibtex(&citations.meta, &paragraph_id, &numeral, n, &link);
    view! {
        <p class="card-kind">"Section " {numeral} ", paragraph " {n}</p>
        <h2 class="card-title" id=heading_id>"Link to and cite this paragraph"</h2>
        <p class="card-meta">{title}</p>
        <CopyField label="Link" text=link />
        <CopyField label="Chicago" text=chicago />
        <CopyField label="BibTeX" text=bibtex />
    }
    .into_any()
}

/// In the browser (the tools' half): fills every citation card the card layer opens, now and
/// later, once `citations.bin` is here; each is unmounted once its card has closed.
pub fn fill_opened(page: RwSignal<String>) {
    let citations = RwSignal::new(None::<Arc<Citations>>);
    let asked = StoredValue::new(false);
    // Each filled body, with what unmounts its card.
    let filled = StoredValue::new_local(Vec::<(web_sys::Element, Box<dyn std::any::Any>)>::new());
    let fill = move || {
        let Some(home) = crate::dom::by_id(CARD_LAYER_ID) else {
            return;
        };
        filled.update_value(|f| f.retain(|(el, _)| el.is_connected()));
        let waiting = home.query_selector_all(&format!("[{CITE_BODY}]:not([data-cite-filled])"));
        let Ok(waiting) = waiting else { return };
        if waiting.length() == 0 {
            return;
        }
        let Some(loaded) = citations.get_untracked() else {
            if !asked.get_value() {
                asked.set_value(true);
                leptos::task::spawn_local(async move {
                    match crate::dom::fetch_postcard::<Citations>(CITATIONS_FILE).await {
                        Ok(c) => citations.set(Some(Arc::new(c))),
                        Err(e) => {
                            // Asked again at the next citation card.
                            asked.set_value(false);
                            web_sys::console::warn_2(&"citations could not be loaded:".into(), &e);
                        }
                    }
                });
            }
            return;
        };
        for i in 0..waiting.length() {
            let Some(body) = waiting.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
                continue;
            };
            let (Some(paragraph_id), Some(heading_id)) =
                (body.get_attribute(CITE_BODY), body.get_attribute(CITE_HEADING))
            else {
                continue;
            };
            let _ = body.set_attribute("data-cite-filled", "");
            body.replace_children_with_node_0();
            let citations = loaded.clone();
            let handle = leptos::mount::mount_to(body.clone(), move || {
                provide_context(PageUrl(page));
                view! { <CiteCard paragraph_id heading_id citations /> }
            });
            filled.update_value(|f| f.push((body.into(), Box::new(handle))));
        }
    };
    // Once the citations arrive, the cards that waited for them.
    Effect::new(move |_| {
        citations.track();
        fill();
    });
    Effect::new(move |_| {
        let Some(home) = crate::dom::by_id(CARD_LAYER_ID) else {
            return;
        };
        let watch = wasm_bindgen::closure::Closure::<dyn Fn()>::new(fill);
        let Ok(observer) = web_sys::MutationObserver::new(watch.as_ref().unchecked_ref()) else {
            return;
        };
        watch.forget();
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&home, &options);
    });
}

/// A labelled text with a Copy button and a polite status line (also used by a figure's
/// "Cite this figure").
#[component]
pub fn CopyField(label: &'static str, text: String) -> impl IntoView {
    let status = RwSignal::new("");
    let node = NodeRef::<leptos::html::Pre>::new();
    let copy = {
        let text = text.clone();
        move |_| copy(text.clone(), node, status)
    };
    view! {
        <div class="cite-field">
            <div class="cite-field-head">
                <span class="cite-label">{label}</span>
                <button type="button" class="cite-copy" on:click=copy aria-label=format!("Copy the {}", label.to_lowercase())>"Copy"</button>
                <span class="cite-status" role="status">{move || status.get()}</span>
            </div>
            <pre class="citation" node_ref=node>{text}</pre>
        </div>
    }
}

/// Copies through the Clipboard API; where that is refused (a sandboxed frame, an old browser),
/// selects the text so the reader can copy it with the keyboard. Leptos-use's `use_clipboard`
/// reports only success, so it cannot choose the fallback; hence our own.
fn copy(text: String, node: NodeRef<leptos::html::Pre>, status: RwSignal<&'static str>) {
    let Some(window) = web_sys::window() else { return };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined())
        .map(wasm_bindgen::JsCast::unchecked_into::<web_sys::Clipboard>);
    leptos::task::spawn_local(async move {
        let copied = match clipboard {
            Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(&text)).await.is_ok(),
            None => false,
        };
        if copied {
            status.set("Copied");
        } else {
            if let (Some(pre), Ok(Some(selection))) = (node.get_untracked(), window.get_selection()) {
                let _ = selection.select_all_children(&pre);
            }
            status.set("Selected: press Ctrl+C (⌘C) to copy");
        }
    });
}
