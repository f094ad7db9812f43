//! What person, term and note cards show, rendered at build time. Their bodies are Leptos
//! components (`person_card`, `term_card`, `note_card`) that only the prerender runs: it writes
//! them into `cards.json` beside the page, and the browser fetches that file once the wasm has
//! started and the browser is idle, or at the first card if that comes sooner. So the essay's
//! content never enters the wasm, and a card shows exactly what the build rendered. A paragraph's
//! citation card is drawn in the browser (it cites the page's own address) from the record and
//! the paragraph's place, which the file carries too.

use super::state::CardTarget;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The file beside the page.
pub const CARDS_FILE: &str = "cards.json";
/// Stands for the card's heading id in a body; each open card has its own (`CardTarget::dom_id`).
pub const HEADING_ID: &str = "kirov-card-heading";

/// One card's text: its name (for the way back from a card opened above it) and its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardText {
    pub title: String,
    pub html: String,
}

/// Everything the cards show: each person's, term's and note's card by `key`, and what a
/// paragraph's citation card needs (the edition's bibliographic record, and where each paragraph
/// is: its section's numeral and title, and its number in the section).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CardTexts {
    pub cards: BTreeMap<String, CardText>,
    pub meta: Option<kirov_content::Meta>,
    pub paragraphs: BTreeMap<String, (String, String, usize)>,
}

/// The texts, once the browser has them.
pub type Loaded = RwSignal<Option<Arc<CardTexts>>>;

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

/// What a card is called, for the way back from a card opened above it.
pub fn title(target: &CardTarget, texts: Option<&CardTexts>) -> String {
    match key(target) {
        Some(key) => texts
            .and_then(|t| t.cards.get(&key))
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        None => "Cite this passage".to_string(),
    }
}

/// A card's body, with its own heading id; a short stand-in while the texts are on their way.
pub fn body(texts: Option<&CardTexts>, key: &str, heading_id: &str) -> String {
    match texts {
        Some(texts) => texts
            .cards
            .get(key)
            .map(|t| t.html.replace(HEADING_ID, heading_id))
            .unwrap_or_default(),
        None => format!("<h2 class=\"card-title\" id=\"{heading_id}\">Loading…</h2>"),
    }
}

/// Every person's, term's and note's card, rendered as the browser will show it.
#[cfg(feature = "ssr")]
pub fn render_all(content: &'static kirov_content::Content) -> CardTexts {
    use super::{note_card::NoteCard, person_card::PersonCard, term_card::TermCard};
    let html = |view: AnyView| {
        let html = Owner::new().with(|| view.to_html());
        crate::markup::without_static_markers(&html)
    };
    let heading_id = || HEADING_ID.to_string();
    let mut texts = CardTexts {
        meta: Some(content.meta.clone()),
        ..CardTexts::default()
    };
    for s in &content.sections {
        for block in &s.blocks {
            if let kirov_content::Block::Paragraph { id, .. } | kirov_content::Block::Quote { id, .. } = block {
                if let Some((numeral, title, n)) = crate::citation::locate(content, id) {
                    texts
                        .paragraphs
                        .insert(id.clone(), (numeral.to_string(), title.to_string(), n));
                }
            }
        }
    }
    for p in &content.people {
        let body = html(view! { <PersonCard person=p heading_id=heading_id() /> }.into_any());
        texts.cards.insert(
            format!("person/{}", p.id),
            CardText {
                title: p.short.clone(),
                html: body,
            },
        );
    }
    for t in &content.terms {
        let body = html(view! { <TermCard term=t heading_id=heading_id() /> }.into_any());
        texts.cards.insert(
            format!("term/{}", t.id),
            CardText {
                title: t.term.clone(),
                html: body,
            },
        );
    }
    for n in &content.notes {
        let body = html(view! { <NoteCard note=n heading_id=heading_id() /> }.into_any());
        let title = format!("Note {}", n.display);
        texts
            .cards
            .insert(format!("note/{}", n.label), CardText { title, html: body });
    }
    texts
}

/// In the browser: fetches the texts into `loaded`, once (later calls do nothing).
pub fn load(loaded: Loaded) {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        match crate::dom::fetch_json::<CardTexts>(CARDS_FILE).await {
            Ok(texts) => loaded.set(Some(Arc::new(texts))),
            Err(e) => {
                // Asked again at the next card, in case the network comes back.
                ASKED.with(|a| a.set(false));
                web_sys::console::warn_2(&"card texts could not be loaded:".into(), &e);
            }
        }
    });
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_person_term_and_note_has_its_card_text() {
        let c = crate::content();
        let texts = render_all(c);
        assert_eq!(texts.cards.len(), c.people.len() + c.terms.len() + c.notes.len());
        let first = c.sections[0].blocks.iter().find_map(|b| match b {
            kirov_content::Block::Paragraph { id, .. } => Some(id.clone()),
            _ => None,
        });
        let (numeral, section, n) = texts.paragraphs[&first.unwrap()].clone();
        assert_eq!(
            (numeral.as_str(), section.as_str(), n),
            (c.sections[0].numeral.as_str(), c.sections[0].title.as_str(), 1)
        );
        assert_eq!(texts.meta.as_ref(), Some(&c.meta));
        let z = CardTarget::Person("zaltsman".to_string());
        assert_eq!(title(&z, Some(&texts)), c.person("zaltsman").unwrap().short);
        let body = body(Some(&texts), &key(&z).unwrap(), "card-0-person-zaltsman-title");
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
    fn before_the_texts_arrive_a_card_says_so_under_its_own_heading() {
        assert_eq!(
            body(None, "person/x", "h1"),
            "<h2 class=\"card-title\" id=\"h1\">Loading…</h2>"
        );
        assert_eq!(body(Some(&CardTexts::default()), "person/x", "h1"), "");
    }
}
