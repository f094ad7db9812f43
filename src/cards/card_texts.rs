//! What person, term and note cards show, rendered at build time. Their bodies are Leptos
//! components (`person_card`, `term_card`, `note_card`) that only the prerender runs: it writes
//! every card of a kind, with its title, into one file (`cards/person.json`), and what a
//! paragraph's citation card needs (the edition's record and each paragraph's place) into
//! `citations.bin`, which the tools' wasm half reads (cite_card.rs). So the essay's content never
//! enters the wasm, and a card shows exactly what the build rendered.
//!
//! A kind's file, not a card's: on a phone line each request costs a round trip (150 ms and
//! more), and all the people's cards together are about 19 KB gzip. The page asks for the
//! people's beside the card layer's wasm (assets/boot.js), so the first name tapped opens at
//! once; the terms' and notes' follow as soon as the card layer wakes.
//!
//! JSON, parsed by the browser and kept there: the wasm copies out only the card it shows. (As
//! postcard decoded into the wasm, the people's file was about 10 ms of a phone's main thread at
//! 4× CPU slowdown while the card layer woke, and its decoder was in the card layer's wasm.)

use super::state::CardTarget;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// What paragraphs' citation cards need, beside the page (postcard).
pub const CITATIONS_FILE: &str = "citations.bin";
/// The folder beside the page that holds one file per kind of card.
pub const BODIES_FOLDER: &str = crate::protocol::CARD_TEXTS_FOLDER;
/// The kinds of card with a text, in the order the card layer asks for them: a reader's first
/// tap is most often on a name.
pub const KINDS: [&str; 3] = ["person", "term", "note"];
/// Stands for the card's heading id in a body; each open card has its own (`CardTarget::dom_id`).
pub const HEADING_ID: &str = "kirov-card-heading";

/// One card as the build rendered it: what it is called (for the way back from a card opened
/// above it) and its body (HTML).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardText {
    pub title: String,
    pub body: String,
}

/// Every card of one kind, by id, as the build renders them (`render_all`).
pub type Bundle = BTreeMap<String, CardText>;

/// Every card of one kind as the browser has it: its title and body by id.
pub trait Kind {
    fn card(&self, id: &str) -> Option<CardText>;
}

impl Kind for Bundle {
    fn card(&self, id: &str) -> Option<CardText> {
        self.get(id).cloned()
    }
}

/// A kind's file as the browser parsed it: `{ id: [title, body], … }` (`to_json`).
struct Parsed(js_sys::Object);

impl Kind for Parsed {
    fn card(&self, id: &str) -> Option<CardText> {
        let pair = js_sys::Reflect::get(&self.0, &id.into()).ok()?;
        let pair = pair.dyn_ref::<js_sys::Array>()?;
        Some(CardText {
            title: pair.get(0).as_string()?,
            body: pair.get(1).as_string()?,
        })
    }
}

/// A kind's file: each card as `id: [title, body]`, a JSON object.
#[cfg(feature = "ssr")]
pub fn to_json(bundle: &Bundle) -> String {
    let pairs: BTreeMap<&str, [&str; 2]> = bundle
        .iter()
        .map(|(id, card)| (id.as_str(), [card.title.as_str(), card.body.as_str()]))
        .collect();
    serde_json::to_string(&pairs).expect("strings always serialise")
}

/// What a paragraph's citation card needs: the edition's bibliographic record, and where each
/// paragraph is (its section's numeral and title, and its number in the section).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citations {
    pub meta: kirov_content::Meta,
    pub paragraphs: BTreeMap<String, (String, String, usize)>,
}

/// A card's body as the browser has it.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Here(String),
    /// Its kind's file could not be fetched (offline, say); the next opening asks again.
    Failed,
}

/// The cards' texts the browser has, by kind, and the kinds whose file failed.
#[derive(Default)]
pub struct Texts {
    here: BTreeMap<&'static str, Rc<dyn Kind>>,
    failed: BTreeSet<&'static str>,
}

impl Texts {
    /// Takes in a kind's file.
    pub fn add(&mut self, kind: &'static str, cards: Rc<dyn Kind>) {
        self.failed.remove(kind);
        self.here.insert(kind, cards);
    }

    /// Notes that a kind's file could not be fetched.
    pub fn fail(&mut self, kind: &'static str) {
        self.failed.insert(kind);
    }

    fn card(&self, key: &str) -> Option<CardText> {
        let (kind, id) = key.split_once('/')?;
        self.here.get(kind)?.card(id)
    }

    /// The body of the card with `key`: absent while its kind's file is on its way.
    pub fn body(&self, key: &str) -> Option<Body> {
        match self.card(key) {
            Some(card) => Some(Body::Here(card.body)),
            None => kind_of(key).filter(|k| self.failed.contains(k)).map(|_| Body::Failed),
        }
    }

    /// What a card is called, for the way back from a card opened above it.
    pub fn title(&self, target: &CardTarget) -> String {
        match key(target) {
            Some(key) => self.card(&key).map(|c| c.title).unwrap_or_default(),
            None => "Cite this passage".to_string(),
        }
    }
}

/// The texts in the browser, filled in as the kinds' files arrive (held in the browser's own
/// objects, so on this thread only).
pub type Store = RwSignal<Texts, LocalStorage>;

/// The kind of the card with `key` (`person/zaltsman` → `person`), as one of `KINDS`.
fn kind_of(key: &str) -> Option<&'static str> {
    let kind = key.split_once('/')?.0;
    KINDS.into_iter().find(|k| *k == kind)
}

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

/// The file that holds every card of `kind`, relative to the page.
pub fn bundle_file(kind: &str) -> String {
    format!("{BODIES_FOLDER}/{kind}.json")
}

/// A card's body, with its own heading id; a short stand-in while it is on its way, and a
/// message if it could not be fetched.
pub fn body(body: Option<Body>, heading_id: &str) -> String {
    match body {
        Some(Body::Here(html)) => html.replace(HEADING_ID, heading_id),
        Some(Body::Failed) => format!(
            "<h2 class=\"card-title\" id=\"{heading_id}\">Not available</h2>\
             <p>This card could not be fetched. Check the connection, then open it again.</p>"
        ),
        None => format!("<h2 class=\"card-title\" id=\"{heading_id}\" aria-busy=\"true\">Loading…</h2>"),
    }
}

/// Every person's, term's and note's card, rendered as the browser will show it, by kind (one of
/// `KINDS`), and what paragraphs' citation cards need.
#[cfg(feature = "ssr")]
pub fn render_all(content: &'static kirov_content::Content) -> (BTreeMap<&'static str, Bundle>, Citations) {
    use super::{note_card::NoteCard, person_card::PersonCard, term_card::TermCard};
    let html = |view: AnyView| {
        let html = Owner::new().with(|| view.to_html());
        crate::markup::without_static_markers(&html)
    };
    let heading_id = || HEADING_ID.to_string();
    let mut citations = Citations {
        meta: content.meta.clone(),
        paragraphs: BTreeMap::new(),
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
    let card = |title: &str, body: String| CardText {
        title: title.to_string(),
        body,
    };
    let people = content.people.iter().map(|p| {
        let body = html(view! { <PersonCard person=p heading_id=heading_id() /> }.into_any());
        (p.id.clone(), card(&p.short, body))
    });
    let terms = content.terms.iter().map(|t| {
        let body = html(view! { <TermCard term=t heading_id=heading_id() /> }.into_any());
        (t.id.clone(), card(&t.term, body))
    });
    let notes = content.notes.iter().map(|n| {
        let body = html(view! { <NoteCard note=n heading_id=heading_id() /> }.into_any());
        (n.label.clone(), card(&format!("Note {}", n.display), body))
    });
    let [person, term, note] = KINDS;
    let bundles = BTreeMap::from([
        (person, people.collect()),
        (term, terms.collect()),
        (note, notes.collect()),
    ]);
    (bundles, citations)
}

/// In the browser: fetches the file of every card of `kind` into `texts`, unless it is there or
/// on its way (or asks again if it failed).
pub fn load(texts: Store, kind: &'static str) {
    thread_local! {
        static ASKED: std::cell::RefCell<BTreeSet<&'static str>> = const { std::cell::RefCell::new(BTreeSet::new()) };
    }
    if !ASKED.with(|a| a.borrow_mut().insert(kind)) {
        return;
    }
    leptos::task::spawn_local(async move {
        match crate::dom::fetch_parsed_json(&bundle_file(kind)).await {
            Ok(parsed) => texts.update(|t| t.add(kind, Rc::new(Parsed(parsed)))),
            Err(e) => {
                // Asked again at the next card of this kind, in case the network comes back.
                ASKED.with(|a| a.borrow_mut().remove(kind));
                web_sys::console::warn_3(&"card texts could not be loaded:".into(), &kind.into(), &e);
                texts.update(|t| t.fail(kind));
            }
        }
    });
}

/// In the browser: `load` for the kind of the card with `key`.
pub fn load_for(texts: Store, key: &str) {
    if let Some(kind) = kind_of(key) {
        load(texts, kind);
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_person_term_and_note_has_its_card_text_in_its_kinds_file() {
        let c = crate::content();
        let (bundles, citations) = render_all(c);
        assert_eq!(bundles.keys().copied().collect::<BTreeSet<_>>(), BTreeSet::from(KINDS));
        assert_eq!(bundles["person"].len(), c.people.len());
        assert_eq!(bundles["term"].len(), c.terms.len());
        assert_eq!(bundles["note"].len(), c.notes.len());
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

        // In the browser, once the files are here.
        let mut texts = Texts::default();
        for (kind, bundle) in bundles {
            texts.add(kind, Rc::new(bundle));
        }
        let z = CardTarget::Person("zaltsman".to_string());
        assert_eq!(texts.title(&z), c.person("zaltsman").unwrap().short);
        let key = key(&z).unwrap();
        let body = body(texts.body(&key), "card-0-person-zaltsman-title");
        assert!(body.contains("id=\"card-0-person-zaltsman-title\""), "{body}");
        assert!(!body.contains("<!>") && !body.contains(HEADING_ID));
        let note = &c.notes[0];
        assert_eq!(
            texts.title(&CardTarget::Note(note.label.clone())),
            format!("Note {}", note.display)
        );
        assert!(texts.body(&format!("note/{}", note.label)).is_some());
        assert_eq!(texts.title(&CardTarget::Paragraph("p".into())), "Cite this passage");
    }

    #[test]
    fn each_kind_has_its_file_and_a_failed_file_fails_only_its_kind_until_it_arrives() {
        assert_eq!(bundle_file("person"), "cards/person.json");
        for target in [
            CardTarget::Person("a".into()),
            CardTarget::Term("a".into()),
            CardTarget::Note("a".into()),
        ] {
            assert!(kind_of(&key(&target).unwrap()).is_some(), "{target:?}");
        }
        assert_eq!(kind_of("chart/a"), None);
        let mut texts = Texts::default();
        assert_eq!(texts.body("note/n1"), None);
        texts.fail("note");
        assert_eq!(texts.body("note/n1"), Some(Body::Failed));
        assert_eq!(texts.body("person/a"), None);
        let card = CardText {
            title: "Note 1".into(),
            body: "<p>Text</p>".into(),
        };
        texts.add("note", Rc::new(Bundle::from([("n1".to_string(), card)])));
        assert_eq!(texts.body("note/n1"), Some(Body::Here("<p>Text</p>".into())));
        assert_eq!(texts.body("note/n2"), None);
    }

    #[test]
    fn a_kinds_file_is_each_card_as_its_id_with_title_and_body() {
        let card = |title: &str, body: &str| CardText {
            title: title.into(),
            body: body.into(),
        };
        let bundle = Bundle::from([
            ("n1".to_string(), card("Note 1", "<p>Text</p>")),
            ("n2".to_string(), card("Note 2", "<p>\"Quoted\"</p>")),
        ]);
        assert_eq!(
            to_json(&bundle),
            r#"{"n1":["Note 1","<p>Text</p>"],"n2":["Note 2","<p>\"Quoted\"</p>"]}"#
        );
    }

    #[test]
    fn a_card_on_its_way_says_so_under_its_own_heading_and_a_failed_one_says_what_to_do() {
        assert_eq!(
            body(None, "h1"),
            "<h2 class=\"card-title\" id=\"h1\" aria-busy=\"true\">Loading…</h2>"
        );
        let failed = body(Some(Body::Failed), "h1");
        assert!(
            failed.contains("id=\"h1\">Not available") && failed.contains("open it again"),
            "{failed}"
        );
    }
}
