//! What the slides show, rendered at build time. The slide plan (`slides.rs`) and everything a
//! slide shows (its face, its speaker notes, its title and kind) are worked out natively by the
//! prerender, which writes them into `slides.json` beside the page; the charts' options go into
//! `slide-charts.json` (`slide_charts.rs`). The browser fetches the texts when presenting starts
//! (or when idle after the wasm has started) and the charts when the deck is first shown, so the
//! essay's content and the chart-building code never enter the wasm.

use crate::modes::stage::from_hash;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The file beside the page.
pub const SLIDES_FILE: &str = "slides.json";

/// Every slide, in order, and the slide each essay element opens.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Deck {
    pub slides: Vec<SlideText>,
    /// Essay element id (a section, paragraph, quotation or `fig-<id>`) → the slide (0-based)
    /// that holds that stretch of its section.
    pub holders: BTreeMap<String, usize>,
}

/// One slide, as the build rendered it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SlideText {
    /// What it shows: "Section", "Quotation", "Figure" or "Person".
    pub kind: String,
    /// A short title, for the overview, the console and the slide's label.
    pub title: String,
    /// The section it belongs to (its id).
    pub section: String,
    /// `(k, n)`: part k (1-based) of n, when a passage runs over several slides.
    pub part: Option<(usize, usize)>,
    /// The essay element it retells: leaving the mode returns the reader there.
    pub home: String,
    /// The figure whose chart it shows.
    pub figure: Option<String>,
    /// The face's markup (heading, text, or the chart's empty frame).
    pub face: String,
    /// The speaker notes' markup.
    pub notes: String,
}

impl SlideText {
    /// "continued" on every part after the first.
    pub fn continued(&self) -> bool {
        self.part.is_some_and(|(k, _)| k > 1)
    }

    /// The face's classes: its kind sets its layout (style/present.css).
    pub fn face_class(&self) -> String {
        format!("slide-face slide-{}", self.kind.to_lowercase())
    }
}

impl Deck {
    /// The slide an address opens: `#slide-N`, or a link to a paragraph, quotation, section or
    /// figure (`#nep-p3`), which opens the slide that holds it.
    pub fn from_address(&self, hash: &str) -> Option<usize> {
        from_hash(hash, self.slides.len()).or_else(|| self.holders.get(hash.strip_prefix('#')?).copied())
    }
}

/// The slides' texts, once the browser has them.
#[derive(Clone, Copy)]
pub struct LoadedDeck(pub RwSignal<Option<Arc<Deck>>>);

/// Every slide's text, rendered as the browser will show it.
#[cfg(feature = "ssr")]
pub fn render_all(content: &'static kirov_content::Content) -> Deck {
    use crate::modes::slide_face::SlideFace;
    use crate::modes::speaker_notes::SpeakerNotes;
    // Leaked: the faces borrow it, and the build ends soon after.
    let plan: &'static crate::modes::slides::Plan = Box::leak(Box::new(crate::modes::slides::build(content)));
    let html = |view: AnyView| {
        let html = Owner::new().with(|| view.to_html());
        crate::markup::without_static_markers(&html)
    };
    let slides = plan
        .slides
        .iter()
        .enumerate()
        .map(|(i, slide)| SlideText {
            kind: slide.kind().to_string(),
            title: slide.title(),
            section: slide.section.id.clone(),
            part: slide.part,
            home: slide.home.clone(),
            figure: match &slide.body {
                crate::modes::slides::Body::Figure(f) => Some(f.id.clone()),
                _ => None,
            },
            face: html(view! { <SlideFace slide=slide index=i /> }.into_any()),
            notes: html(view! { <SpeakerNotes slide=slide /> }.into_any()),
        })
        .collect();
    Deck {
        slides,
        // The first slide named for an element wins, as in `Plan::holding`.
        holders: plan.holders.iter().rev().cloned().collect(),
    }
}

/// In the browser: fetches `file` into `loaded`, once (later calls do nothing while it is on
/// its way or after it arrived; a failure lets the next call try again).
pub fn load<T: DeserializeOwned + Send + Sync + 'static>(
    file: &'static str,
    asked: &'static std::thread::LocalKey<std::cell::Cell<bool>>,
    loaded: RwSignal<Option<Arc<T>>>,
) {
    if asked.with(|a| a.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        match crate::dom::fetch_json::<T>(file).await {
            Ok(value) => loaded.set(Some(Arc::new(value))),
            Err(e) => {
                asked.with(|a| a.set(false));
                web_sys::console::warn_2(&format!("{file} could not be loaded:").into(), &e);
            }
        }
    });
}

thread_local! {
    static DECK_ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Fetches the slides' texts into `deck`, once.
pub fn load_deck(deck: LoadedDeck) {
    load(SLIDES_FILE, &DECK_ASKED, deck.0);
}

/// Runs `f` when the browser is next idle (or soon, where it cannot say).
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|r| r.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request) => {
            let _ = request.call1(&window, &f);
        }
        None => {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 200);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slide_hashes_are_one_based() {
        assert_eq!(from_hash("#slide-1", 5), Some(0));
        assert_eq!(from_hash("#slide-5", 5), Some(4));
        assert_eq!(from_hash("#slide-6", 5), None);
        assert_eq!(from_hash("#person-ots", 5), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_data_file_holds_every_slide_with_a_body_a_title_and_its_notes() {
        let c = crate::content();
        let plan = crate::modes::slides::plan();
        let deck = render_all(c);
        assert_eq!(deck.slides.len(), plan.slides.len());
        for (i, (text, slide)) in deck.slides.iter().zip(&plan.slides).enumerate() {
            assert_eq!(text.title, slide.title());
            assert!(!text.title.is_empty(), "slide {}", i + 1);
            assert_eq!(text.kind, slide.kind());
            assert!(
                text.face.contains(&format!("id=\"slide-{}-heading\"", i + 1)),
                "{}",
                text.face
            );
            assert!(text.notes.contains("class=\"notes-claim\""), "slide {}", i + 1);
            assert!(!text.face.contains("<!>") && !text.face.contains("<!---->"));
            match &slide.body {
                crate::modes::slides::Body::Figure(f) => {
                    assert_eq!(text.figure.as_deref(), Some(f.id.as_str()));
                    assert!(text.face.contains("class=\"slide-chart\""));
                }
                _ => {
                    assert!(text.figure.is_none());
                    let words = kirov_content::plain_text(match &slide.body {
                        crate::modes::slides::Body::Passage { text, .. } => text,
                        crate::modes::slides::Body::Person { summary, .. } => summary,
                        crate::modes::slides::Body::Figure(_) => unreachable!(),
                    });
                    let word = words
                        .split_whitespace()
                        .find(|w| w.chars().count() > 3 && w.chars().all(char::is_alphabetic))
                        .expect("a word");
                    assert!(text.face.contains(word), "slide {}: its text", i + 1);
                }
            }
        }
        // A paragraph's link opens the slide the plan says holds it.
        for (id, i) in &plan.holders {
            assert_eq!(deck.from_address(&format!("#{id}")), plan.holding(id), "{id} → {i}");
        }
        assert_eq!(deck.from_address("#slide-2"), Some(1));
        assert_eq!(deck.from_address("#nowhere"), None);
        let json = serde_json::to_string(&deck).unwrap();
        assert_eq!(
            serde_json::from_str::<Deck>(&json).unwrap(),
            deck,
            "it survives the file"
        );
    }
}
