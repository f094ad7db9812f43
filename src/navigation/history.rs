//! The browser's history as a reader expects it. Each pinned card or sheet is an entry, so Back
//! closes it and leaves the page where it was; each jump inside the essay (the contents,
//! "Appears in", notes and their back-links, numbers tied to a chart) is an entry, so Back returns
//! to the passage the reader left. Every entry the reader leaves records their place (see
//! `place`), and Back restores it.

use super::place::{self, Place};
use crate::cards::controller::CardController;
use crate::cards::state::Presentation;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// `history.state` keys: how many cards are open at this entry, and the reader's place.
const CARDS: &str = "kirovCards";
const AT: &str = "kirovAt";

/// The essay's side of the history: provided by the App, driven by its click handler.
#[derive(Clone, Copy)]
pub struct Navigation {
    cards: CardController,
    /// How many card entries sit above the entry the reader was on before opening a card.
    entries: StoredValue<usize>,
    /// A jump that waits until Back has taken the card entries off the history.
    pending: StoredValue<Option<String>>,
    /// The reader's place at their last tap on a card's trigger, for the entry they leave when
    /// its card opens: measured at the tap, while the page is laid out, not once the card has
    /// been drawn (which would make the card's task lay the page out again). None for a trigger
    /// inside a card: the place is then measured when its entry is made.
    at_tap: StoredValue<Option<Place>>,
}

impl Navigation {
    pub fn new(cards: CardController) -> Self {
        Self {
            cards,
            entries: StoredValue::new(0),
            pending: StoredValue::new(None),
            at_tap: StoredValue::new(None),
        }
    }

    /// In the browser: keeps the history's card entries in step with the open cards, and
    /// answers Back and Forward.
    pub fn keep_in_step(self) {
        Effect::new(move |_| {
            // A reload on a card entry opens no card: that entry no longer means anything.
            if read(&state(), CARDS).is_some() {
                replace_state(&merged(&state(), CARDS, &JsValue::UNDEFINED));
            }
            if let Some(window) = web_sys::window() {
                gloo_events::EventListener::new(&window, "popstate", move |ev| {
                    let state = ev
                        .dyn_ref::<web_sys::PopStateEvent>()
                        .map_or(JsValue::NULL, |e| e.state());
                    self.returned_to(&state);
                })
                .forget();
            }
        });
        let cards = self.cards;
        Effect::new(move |_| {
            // While presenting, the slides own the address (each slide replaces it) and a slide
            // change closes its cards: cards there add no entries. (The tools say so on the
            // root; starting to present closes the cards, which runs this again.)
            let open = if crate::essay_root::presenting() {
                0
            } else {
                cards.stack.with(|s| pinned(s))
            };
            let was = self.entries.get_value();
            if open > was {
                for depth in was + 1..=open {
                    let at = self.at_tap.try_update_value(Option::take).flatten();
                    remember_place(at.or_else(Place::now));
                    push_state(&merged(&JsValue::NULL, CARDS, &(depth as f64).into()), None);
                }
            } else if open < was {
                if let Some(h) = history() {
                    let _ = h.go_with_delta(open as i32 - was as i32);
                }
            }
            self.entries.set_value(open);
        });
    }

    /// A click is about to reach the cards: a tap on a card's trigger in the page notes the
    /// reader's place for the entry its card will leave. The place is the tapped words
    /// themselves, where they sit on screen: one measurement of a page already laid out, in the
    /// click's own task. (The element under the top of the column, as for a jump, took hit tests
    /// in a task of their own, about 20 ms of a phone's tap at 4× CPU slowdown.)
    pub fn before_click(self, ev: &web_sys::MouseEvent) {
        let trigger = crate::cards::controller::element(ev.target())
            .and_then(|el| el.closest(crate::protocol::TRIGGERS).ok().flatten());
        if let Some(trigger) = trigger {
            self.at_tap.set_value(Place::of(&trigger));
        }
    }

    /// A click on an in-essay `#link` (not a card trigger, which the card controller took):
    /// jumps to its target, leaving an entry that Back returns through. Returns whether it did.
    pub fn follow(self, ev: &web_sys::MouseEvent) -> bool {
        let link =
            crate::cards::controller::element(ev.target()).and_then(|el| el.closest("a[href^=\"#\"]").ok().flatten());
        let Some(id) = link
            .and_then(|l| l.get_attribute("href"))
            .and_then(|h| h.strip_prefix('#').map(str::to_string))
        else {
            return false;
        };
        self.follow_to(ev, &id)
    }

    /// A click that leads to the element `id`: jumps there (once Back has taken the entries of
    /// the cards the click closed). Returns whether it did; a click with a modifier key (a new
    /// tab) or that something else took is left to the browser.
    pub fn follow_to(self, ev: &web_sys::MouseEvent, id: &str) -> bool {
        let modified = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
        if ev.default_prevented() || ev.button() != 0 || modified {
            return false;
        }
        if id.is_empty() || crate::dom::by_id(id).is_none() {
            return false;
        }
        ev.prevent_default();
        let open = self.cards.stack.with_untracked(|s| pinned(s));
        if open < self.entries.get_value() {
            self.pending.set_value(Some(id.to_string()));
        } else {
            self.jump(id);
        }
        true
    }

    /// Moves the reader to the element `id`, as a new history entry.
    pub fn jump(self, id: &str) {
        let Some(target) = crate::dom::by_id(id) else { return };
        remember_place(Place::now());
        match web_sys::window() {
            // The page's own address, so `:target` marks the passage.
            Some(w) if !crate::dom::in_shadow() => {
                let _ = w.location().set_hash(id);
            }
            // In a shadow root the host's document cannot see our ids: record the fragment only.
            _ => push_state(&JsValue::NULL, Some(&format!("#{id}"))),
        }
        place::land(&target);
        self.cards.focus_quietly(&target);
    }

    /// Back or Forward reached `state`: close the cards above it and go back to its place.
    fn returned_to(self, state: &JsValue) {
        let depth = read(state, CARDS)
            .and_then(|v| v.as_f64())
            .map_or(0, |d| d.max(0.0) as usize);
        self.entries.set_value(depth);
        self.cards.close_pinned_above(depth);
        if let Some(id) = self.pending.get_value() {
            self.pending.set_value(None);
            self.jump(&id);
            return;
        }
        if let Some(at) = read(state, AT).and_then(|v| Place::from_js(&v)) {
            at.restore();
        }
    }
}

/// How many cards in the stack are pinned or sheets (each has its history entry).
fn pinned(stack: &[crate::cards::state::OpenCard]) -> usize {
    stack.iter().filter(|c| c.presentation != Presentation::Preview).count()
}

/// Records the reader's place in the entry they are about to leave.
fn remember_place(at: Option<Place>) {
    if let Some(at) = at {
        replace_state(&merged(&state(), AT, &at.to_js()));
    }
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

fn state() -> JsValue {
    history().and_then(|h| h.state().ok()).unwrap_or(JsValue::NULL)
}

/// A value of a state object (null, or another script's state, has none).
fn read(state: &JsValue, key: &str) -> Option<JsValue> {
    state
        .is_object()
        .then(|| js_sys::Reflect::get(state, &key.into()).ok())
        .flatten()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// A copy of `state` (or a new object) with `key` set to `value`.
fn merged(state: &JsValue, key: &str, value: &JsValue) -> JsValue {
    let o = js_sys::Object::new();
    if state.is_object() {
        let _ = js_sys::Object::assign(&o, state.unchecked_ref());
    }
    let _ = js_sys::Reflect::set(&o, &key.into(), value);
    o.into()
}

fn replace_state(state: &JsValue) {
    if let Some(h) = history() {
        let _ = h.replace_state(state, "");
    }
}

fn push_state(state: &JsValue, url: Option<&str>) {
    if let Some(h) = history() {
        let _ = h.push_state_with_url(state, "", url);
    }
}
