//! What person, term and note cards show, rendered at build time. Their bodies are Leptos
//! components (`person_card`, `term_card`, `note_card`) that only the prerender runs: it writes
//! each body into a file of its own (`cards/person/zaltsman.html`), fetched when that card first
//! opens, and an index, `cards.bin`, with every card's title, fetched when the cards wake; and
//! what a paragraph's citation card needs (the edition's record and each paragraph's place),
//! `citations.bin`, which the tools' wasm half reads (cite_card.rs). So the essay's content
//! never enters the wasm, the first card waits for about a kilobyte rather than for every card's
//! text, and a card shows exactly what the build rendered.

use super::state::CardTarget;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The index beside the page.
/// In postcard, which the card layer reads with no JSON parser (dom::fetch_postcard).
pub const CARDS_FILE: &str = "cards.bin";
/// What paragraphs' citation cards need, beside the page (postcard too).
pub const CITATIONS_FILE: &str = "citations.bin";
/// The folder beside the page that holds one HTML fragment per card, by key.
pub const BODIES_FOLDER: &str = crate::protocol::CARD_TEXTS_FOLDER;
/// Stands for the card's heading id in a body; each open card has its own (`CardTarget::dom_id`).
pub const HEADING_ID: &str = "kirov-card-heading";

/// What every card is called (by key: `person/zaltsman`), for the way back from a card opened
/// above it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CardTexts {
    pub titles: BTreeMap<String, String>,
}

/// What a paragraph's citation card needs: the edition's bibliographic record, and where each
/// paragraph is (its section's numeral and title, and its number in the section).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citations {
    pub meta: kirov_content::Meta,
    pub paragraphs: BTreeMap<String, (String, String, usize)>,
}

/// The index, once the browser has it.
pub type Loaded = RwSignal<Option<Arc<CardTexts>>>;

/// A card's body as the browser has it: absent while it is on its way.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Here(Arc<str>),
    /// The fetch failed (offline, say); the next opening of the card asks again.
    Failed,
}

/// The bodies fetched so far, by key.
pub type Bodies = RwSignal<BTreeMap<String, Body>>;

/// The key of a card's text; a paragraph's card is drawn in the browser (it cites the page's
/// own address), so it has none.
pub fn key(target: &CardTarget) -> Option<String> {
    match target {
        CardTarget::Person(id) => Some(format!("person/{id}")),
        CardTarget::Term(id) => Some(format!("term/{id}")),
        CardTarget::Note(label) => Some(format!("note/{label}")),
        CardTarget::Paragraph(_) => None,
    }
}

/// The file that holds the body of the card with `key`, relative to the page.
pub fn body_file(key: &str) -> String {
    format!("{BODIES_FOLDER}/{key}.html")
}

/// What a card is called, for the way back from a card opened above it.
pub fn title(target: &CardTarget, texts: Option<&CardTexts>) -> String {
    match key(target) {
        Some(key) => texts.and_then(|t| t.titles.get(&key)).cloned().unwrap_or_default(),
        None => "Cite this passage".to_string(),
    }
}

/// A card's body, with its own heading id; a short stand-in while it is on its way, and a
/// message if it could not be fetched.
pub fn body(body: Option<&Body>, heading_id: &str) -> String {
    match body {
        Some(Body::Here(html)) => html.replace(HEADING_ID, heading_id),
        Some(Body::Failed) => format!(
            "<h2 class=\"card-title\" id=\"{heading_id}\">Not available</h2>\
             <p>This card could not be fetched. Check the connection, then open it again.</p>"
        ),
        None => format!("<h2 class=\"card-title\" id=\"{heading_id}\" aria-busy=\"true\">Loading…</h2>"),
    }
}

/// Every person's, term's and note's card, rendered as the browser will show it: the index, and
/// each body by key.
#[cfg(feature = "ssr")]
pub fn render_all(content: &'static kirov_content::Content) -> (CardTexts, Citations, BTreeMap<String, String>) {
    use super::{note_card::NoteCard, person_card::PersonCard, term_card::TermCard};
    let html = |view: AnyView| {
        let html = Owner::new().with(|| view.to_html());
        crate::markup::without_static_markers(&html)
    };
    let heading_id = || HEADING_ID.to_string();
    let mut texts = CardTexts::default();
    let mut citations = Citations {
        meta: content.meta.clone(),
        paragraphs: BTreeMap::new(),
    };
    let mut bodies = BTreeMap::new();
    let mut add = |key: String, title: String, body: String| {
        texts.titles.insert(key.clone(), title);
        bodies.insert(key, body);
    };
    for s in &content.sections {
        for block in &s.blocks {
            if let kirov_content::Block::Paragraph { id, .. } | kirov_content::Block::Quote { id, .. } = block {
                if let Some((numeral, title, n)) = crate::citation::locate(content, id) {
                    citations
                        .paragraphs
                        .insert(id.clone(), (numeral.to_string(), title.to_string(), n));
                }
            }
        }
    }
    for p in &content.people {
        let body = html(view! { <PersonCard person=p heading_id=heading_id() /> }.into_any());
        add(format!("person/{}", p.id), p.short.clone(), body);
    }
    for t in &content.terms {
        let body = html(view! { <TermCard term=t heading_id=heading_id() /> }.into_any());
        add(format!("term/{}", t.id), t.term.clone(), body);
    }
    for n in &content.notes {
        let body = html(view! { <NoteCard note=n heading_id=heading_id() /> }.into_any());
        add(format!("note/{}", n.label), format!("Note {}", n.display), body);
    }
    (texts, citations, bodies)
}

/// In the browser: fetches the index into `loaded`, once (later calls do nothing, unless the
/// last one failed).
pub fn load(loaded: Loaded) {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        match crate::dom::fetch_postcard::<CardTexts>(CARDS_FILE).await {
            Ok(texts) => loaded.set(Some(Arc::new(texts))),
            Err(e) => {
                // Asked again at the next card, in case the network comes back.
                ASKED.with(|a| a.set(false));
                web_sys::console::warn_2(&"card texts could not be loaded:".into(), &e);
            }
        }
    });
}

/// In the browser: fetches the body of the card with `key` into `bodies`, unless it is there or
/// on its way.
pub fn load_body(bodies: Bodies, key: &str) {
    thread_local! {
        static ASKED: std::cell::RefCell<std::collections::BTreeSet<String>> = const { std::cell::RefCell::new(std::collections::BTreeSet::new()) };
    }
    let here = bodies.with_untracked(|b| matches!(b.get(key), Some(Body::Here(_))));
    if here || !ASKED.with(|a| a.borrow_mut().insert(key.to_string())) {
        return;
    }
    let key = key.to_string();
    leptos::task::spawn_local(async move {
        let fetched = crate::dom::fetch_text(&body_file(&key)).await;
        ASKED.with(|a| a.borrow_mut().remove(&key));
        let body = match fetched {
            Ok(html) => Body::Here(html.into()),
            Err(e) => {
                web_sys::console::warn_3(&"card text could not be loaded:".into(), &key.as_str().into(), &e);
                Body::Failed
            }
        };
        bodies.update(|b| {
            b.insert(key, body);
        });
    });
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_person_term_and_note_has_its_card_text() {
        let c = crate::content();
        let (texts, citations, bodies) = render_all(c);
        assert_eq!(bodies.len(), c.people.len() + c.terms.len() + c.notes.len());
        assert_eq!(
            texts.titles.keys().collect::<Vec<_>>(),
            bodies.keys().collect::<Vec<_>>()
        );
        let first = c.sections[0].blocks.iter().find_map(|b| match b {
            kirov_content::Block::Paragraph { id, .. } => Some(id.clone()),
            _ => None,
        });
        let (numeral, section, n) = citations.paragraphs[&first.unwrap()].clone();
        assert_eq!(
            (numeral.as_str(), section.as_str(), n),
            (c.sections[0].numeral.as_str(), c.sections[0].title.as_str(), 1)
        );
        assert_eq!(citations.meta, c.meta);
        let z = CardTarget::Person("zaltsman".to_string());
        assert_eq!(title(&z, Some(&texts)), c.person("zaltsman").unwrap().short);
        let key = key(&z).unwrap();
        assert_eq!(body_file(&key), "cards/person/zaltsman.html");
        let here = Body::Here(bodies[&key].as_str().into());
        let body = body(Some(&here), "card-0-person-zaltsman-title");
        assert!(body.contains("id=\"card-0-person-zaltsman-title\""), "{body}");
        assert!(!body.contains("<!>") && !body.contains(HEADING_ID));
        let note = &c.notes[0];
        assert_eq!(
            title(&CardTarget::Note(note.label.clone()), Some(&texts)),
            format!("Note {}", note.display)
        );
        assert_eq!(title(&CardTarget::Paragraph("p".into()), None), "Cite this passage");
    }

    #[test]
    fn a_card_on_its_way_says_so_under_its_own_heading_and_a_failed_one_says_what_to_do() {
        assert_eq!(
            body(None, "h1"),
            "<h2 class=\"card-title\" id=\"h1\" aria-busy=\"true\">Loading…</h2>"
        );
        let failed = body(Some(&Body::Failed), "h1");
        assert!(
            failed.contains("id=\"h1\">Not available") && failed.contains("open it again"),
            "{failed}"
        );
    }
}
