//! A paragraph's card: its own link, and citations in Chicago and BibTeX, each with a Copy
//! button. Opened by the ¶ mark at the end of every paragraph.

use crate::cards::controller::CardController;
use crate::citation;
use leptos::prelude::*;

/// The address of the page the reader is on, without its fragment: set once in the browser (the
/// prerendered page cannot know where it will be served), read by citation cards.
#[derive(Clone, Copy)]
pub struct PageUrl(pub RwSignal<String>);

#[component]
pub fn CiteCard(
    /// The paragraph's id.
    paragraph_id: String,
    /// The card's heading id.
    heading_id: String,
) -> impl IntoView {
    let cards = expect_context::<CardController>();
    let PageUrl(page) = expect_context::<PageUrl>();
    // The record and the paragraph's place come with the cards' texts (card_texts).
    let found = cards.texts.with_untracked(|t| {
        let t = t.as_ref()?;
        Some((t.meta.clone()?, t.paragraphs.get(&paragraph_id)?.clone()))
    });
    let Some((meta, (numeral, title, n))) = found else {
        return view! { <h2 class="card-title" id=heading_id>"Loading…"</h2> }.into_any();
    };
    let link = format!("{}#{paragraph_id}", page.get_untracked());
    let chicago = citation::paragraph_chicago(&meta, &numeral, n, &link);
    let bibtex = citation::paragraph_bibtex(&meta, &paragraph_id, &numeral, n, &link);
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
