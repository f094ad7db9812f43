//! The card controller: the reader's pointer, focus, key and click events, delegated from the
//! essay's root, become changes to the card stack. Every element carrying `data-person`,
//! `data-term`, `data-note` or `data-cite` is a trigger wherever it is (prose, captions, chart
//! tooltips, other cards), so triggers need no handlers of their own.
//!
//! Hover opens a preview after a dwell and closes it after a grace period; focus opens it at
//! once; a click or tap pins it (a bottom sheet on narrow or touch screens); Esc closes the top
//! card and returns focus to its trigger. The handlers and effects run only in the browser.

use super::placement::{self, Rect};
use super::state::{self, CardTarget, OpenCard, Presentation};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Hover dwell before a preview opens (Wikipedia 150–500 ms, Bigfoot 250 ms).
pub const DWELL_MS: u32 = 250;
/// Grace period after the pointer leaves, so it can travel into the card.
pub const GRACE_MS: u32 = 300;

use crate::protocol::TRIGGERS;

/// A sheet's layer (drawn by sheet.rs): it holds the sheet in the top layer and takes the taps
/// beside it.
const SHEET_LAYER: &str = ".sheet-layer";

/// A pending timer (Leptos's own `setTimeout` handle: Copy, so it lives in the reactive arena).
type Timer = StoredValue<Option<TimeoutHandle>>;

/// Everything the card controller knows: one value, provided as context by the App.
#[derive(Clone, Copy)]
pub struct CardController {
    /// The open cards, bottom to top: the one app-level piece of interactive state.
    pub stack: RwSignal<Vec<OpenCard>>,
    /// The hover dwell, while a preview waits to open.
    dwell: Timer,
    /// The grace period, while previews wait to close.
    grace: Timer,
    /// Whether the reader's last pointer was a finger: a card pinned by touch is a bottom sheet.
    touch: StoredValue<bool>,
    /// How many triggers without an id were given one (`card-trigger-N`) so focus can return.
    named: StoredValue<u32>,
    /// Set while focus returns to a trigger, so its card does not reopen.
    returning: StoredValue<bool>,
    /// What person, term and note cards show and are called, fetched a kind at a time when the
    /// cards wake (`card_texts`).
    pub texts: super::card_texts::Store,
}

impl Default for CardController {
    fn default() -> Self {
        Self::new()
    }
}

impl CardController {
    /// Nothing open, nothing pending.
    pub fn new() -> Self {
        Self {
            stack: RwSignal::new(Vec::new()),
            dwell: StoredValue::new(None),
            grace: StoredValue::new(None),
            touch: StoredValue::new(false),
            named: StoredValue::new(0),
            returning: StoredValue::new(false),
            texts: RwSignal::new_local(Default::default()),
        }
    }

    /// The pointer entered an element: a trigger starts the dwell, a card stops the grace period.
    pub fn pointer_over(self, ev: web_sys::PointerEvent) {
        self.touch.set_value(ev.pointer_type() == "touch");
        let Some(el) = element(ev.target()) else { return };
        if card_at(&el).is_some() {
            cancel(self.grace);
        }
        // A finger does not hover: its tap is a click.
        if self.touch.get_value() {
            return;
        }
        let Some((trigger, target)) = trigger_of(&el).filter(|(_, t)| t.previews()) else {
            return;
        };
        cancel(self.grace);
        if self.is_open(&trigger, &target) {
            return;
        }
        later(self.dwell, DWELL_MS, move || {
            self.open(&trigger, target, Presentation::Preview)
        });
    }

    /// The pointer left an element: leaving a trigger or card for anywhere but a card starts the
    /// grace period.
    pub fn pointer_out(self, ev: web_sys::PointerEvent) {
        // A finger lifting leaves no preview behind (it opens none): nothing to wait out.
        if ev.pointer_type() == "touch" {
            return;
        }
        let Some(el) = element(ev.target()) else { return };
        let trigger = trigger_of(&el);
        if trigger.is_none() && card_at(&el).is_none() {
            return;
        }
        let to = element(ev.related_target());
        // Moving within the same card, or into any card, keeps things open.
        if to.as_ref().and_then(card_at).is_some() {
            cancel(self.dwell);
            return;
        }
        // So does moving within the trigger.
        if let (Some(to), Some((trigger, _))) = (&to, &trigger) {
            if trigger.contains(Some(to)) {
                return;
            }
        }
        cancel(self.dwell);
        later(self.grace, GRACE_MS, move || self.close_previews());
    }

    /// Focus reached an element: a trigger opens its preview once focus rests on it for the
    /// dwell, so Tabbing on through a paragraph does not cover each line as it passes.
    pub fn focus_in(self, ev: web_sys::FocusEvent) {
        let Some(el) = element(ev.target()) else { return };
        let Some((trigger, target)) = trigger_of(&el).filter(|(_, t)| t.previews()) else {
            return;
        };
        if !self.returning.get_value() && !self.is_open(&trigger, &target) {
            later(self.dwell, DWELL_MS, move || {
                self.open(&trigger, target, Presentation::Preview)
            });
        }
    }

    /// Focus left an element: previews close unless it went into a card.
    pub fn focus_out(self, ev: web_sys::FocusEvent) {
        let into_card = element(ev.related_target()).and_then(|t| card_of(&t)).is_some();
        if !into_card {
            cancel(self.dwell);
            self.close_previews();
        }
    }

    /// A click or tap: a trigger pins its card (or unpins it); anywhere outside the cards closes them.
    pub fn click(self, ev: web_sys::MouseEvent) {
        let Some(el) = element(ev.target()) else { return };
        if let Some((trigger, target)) = trigger_of(&el) {
            ev.prevent_default();
            cancel(self.dwell);
            cancel(self.grace);
            // A second click on the trigger of the top pinned card closes it.
            let top_is_this = self.stack.with_untracked(|s| {
                s.last()
                    .is_some_and(|c| c.is_from(&trigger.id(), &target) && c.presentation != Presentation::Preview)
            });
            if top_is_this {
                self.stack.update(|s| {
                    s.pop();
                });
            } else {
                // Drawn in a task of its own: a finger's tap is handled inside a frame of the
                // browser's, and drawing the card there too made that the phone's longest task.
                set_timeout(
                    move || self.open(&trigger, target, Presentation::Pinned),
                    Duration::ZERO,
                );
            }
            return;
        }
        // The jump itself is the navigation's (see App): here only the cards it leaves close.
        let jump_link = el.closest("a[href^=\"#\"]").ok().flatten();
        let in_card = card_at(&el).is_some();
        let in_tip = el.closest(".chart-tip").ok().flatten().is_some();
        // A click outside every card closes them; so does following a jump link from a card.
        if (!in_card || jump_link.is_some()) && !in_tip {
            self.close_all();
        }
    }

    /// Esc closes the top card and returns focus to its trigger.
    pub fn key(self, ev: web_sys::KeyboardEvent) {
        if ev.key() != "Escape" {
            return;
        }
        let Some(top) = self.stack.with_untracked(|s| s.len().checked_sub(1)) else {
            return;
        };
        // Handled here, so Esc closes the top card and no other.
        ev.prevent_default();
        self.close_from(top);
    }

    /// Opens a card for `trigger`, beside it; a pinned card becomes a sheet on narrow or touch
    /// screens. Pinned cards and sheets are dialogs, so focus moves into them.
    pub fn open(self, trigger: &Element, target: CardTarget, asked: Presentation) {
        if let Some(key) = super::card_texts::key(&target) {
            super::card_texts::load_for(self.texts, &key);
        }
        let (band, vw, vh) = crate::dom::screen();
        let screen = placement::Screen {
            top: band.top,
            height: band.height,
            width: vw,
            viewport_height: vh,
        };
        let presentation = asked.on_screen(vw, self.touch.get_value());
        if trigger.id().is_empty() {
            self.named.update_value(|n| *n += 1);
            trigger.set_id(&format!("card-trigger-{}", self.named.get_value()));
        }
        let r = trigger.get_bounding_client_rect();
        let rect = Rect {
            left: r.left(),
            top: r.top(),
            width: r.width(),
            height: r.height(),
        };
        let card = OpenCard {
            target,
            trigger: trigger.id(),
            presentation,
            place: placement::place(rect, screen),
        };
        let depth = depth_of(trigger);
        self.stack.update(|s| *s = state::open(s, depth, card));
        // A sheet focuses itself once it is shown (sheet.rs).
        if presentation == Presentation::Pinned {
            let top = self.stack.with_untracked(|s| s.len().saturating_sub(1));
            request_animation_frame(move || {
                if let Some(card) = crate::dom::query(&format!("[data-card-index=\"{top}\"]")) {
                    focus(&card);
                }
            });
        }
    }

    /// Closes card `index` and every card above it, and returns focus to its trigger.
    pub fn close_from(self, index: usize) {
        let Some(trigger) = self.stack.with_untracked(|s| s.get(index).map(|c| c.trigger.clone())) else {
            return;
        };
        self.stack.update(|s| s.truncate(index));
        let Some(trigger) = crate::dom::by_id(&trigger) else {
            return;
        };
        // The closing sheets go first, so focus returns to a page with none above it.
        for layer in crate::dom::query_all(SHEET_LAYER) {
            let closing = layer
                .first_element_child()
                .and_then(|sheet| card_index(&sheet))
                .is_some_and(|i| i >= index);
            if closing && crate::dom::popover_open(&layer) {
                let _ = layer.unchecked_into::<HtmlElement>().hide_popover();
            }
        }
        // In the next task: focusing lays out the page the cards have just left, and together
        // with taking them down that made closing a card a phone's longest task.
        set_timeout(
            move || {
                self.returning.set_value(true);
                focus(&trigger);
                self.returning.set_value(false);
            },
            Duration::ZERO,
        );
    }

    /// Closes the pinned cards and sheets above the first `keep` of them (Back took their
    /// history entries), with any previews above them, returning focus as Esc would.
    pub fn close_pinned_above(self, keep: usize) {
        let first_extra = self.stack.with_untracked(|s| {
            s.iter()
                .enumerate()
                .filter(|(_, c)| c.presentation != Presentation::Preview)
                .nth(keep)
                .map(|(i, _)| i)
        });
        if let Some(i) = first_extra {
            self.close_from(i);
        }
    }

    /// Focuses `el` (making it focusable if it is not) without opening its card or scrolling:
    /// where a jump lands, the keyboard carries on.
    pub fn focus_quietly(self, el: &Element) {
        let Some(el) = el.dyn_ref::<HtmlElement>() else { return };
        if el.tab_index() < 0 && !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        self.returning.set_value(true);
        let _ = el.focus_with_options(&options);
        self.returning.set_value(false);
    }

    /// Closes every card (focus stays where the reader put it).
    pub fn close_all(self) {
        if self.stack.with_untracked(|s| !s.is_empty()) {
            self.stack.set(Vec::new());
        }
    }

    /// Keeps `aria-expanded` and `aria-describedby` on triggers in step with the open cards.
    pub fn mark_triggers(self) {
        Effect::new(move |marked: Option<Vec<String>>| {
            for el in marked.into_iter().flatten().filter_map(|id| crate::dom::by_id(&id)) {
                let _ = el.set_attribute("aria-expanded", "false");
                let _ = el.remove_attribute("aria-describedby");
            }
            self.stack.with(|cards| {
                let mut now = Vec::new();
                for (i, c) in cards.iter().enumerate() {
                    let Some(el) = crate::dom::by_id(&c.trigger) else {
                        continue;
                    };
                    let _ = el.set_attribute("aria-expanded", "true");
                    if c.presentation == Presentation::Preview {
                        let _ = el.set_attribute("aria-describedby", &c.target.dom_id(i));
                    }
                    now.push(c.trigger.clone());
                }
                now
            })
        });
    }

    fn is_open(self, trigger: &Element, target: &CardTarget) -> bool {
        let id = trigger.id();
        self.stack.with_untracked(|s| s.iter().any(|c| c.is_from(&id, target)))
    }

    fn close_previews(self) {
        if self
            .stack
            .with_untracked(|s| s.iter().any(|c| c.presentation == Presentation::Preview))
        {
            self.stack.update(|s| *s = state::without_previews(s));
        }
    }
}

/// Runs `f` after `ms`, in place of whatever `timer` was waiting to run.
fn later(timer: Timer, ms: u32, f: impl FnOnce() + 'static) {
    cancel(timer);
    timer.set_value(set_timeout_with_handle(f, Duration::from_millis(ms.into())).ok());
}

fn cancel(timer: Timer) {
    if let Some(pending) = timer.get_value() {
        pending.clear();
        timer.set_value(None);
    }
}

/// The element an event happened on.
pub fn element(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target?.dyn_into::<Element>().ok()
}

/// The trigger `el` is in, and the card it names.
fn trigger_of(el: &Element) -> Option<(Element, CardTarget)> {
    let t = el.closest(TRIGGERS).ok()??;
    let target = CardTarget::from_attributes(
        t.get_attribute("data-person"),
        t.get_attribute("data-term"),
        t.get_attribute("data-note"),
        t.get_attribute("data-cite"),
    )?;
    Some((t, target))
}

/// The card `el` is in.
fn card_of(el: &Element) -> Option<Element> {
    el.closest(".card").ok().flatten()
}

/// The card `el` is in, unless it is a sheet's layer, which lies beside the sheet (a nested
/// sheet's layer is inside the sheet below it, but a tap on it is a tap beside both).
fn card_at(el: &Element) -> Option<Element> {
    let beside = el.matches(SHEET_LAYER).unwrap_or(false);
    card_of(el).filter(|_| !beside)
}

/// A card element's place in the stack.
fn card_index(card: &Element) -> Option<usize> {
    card.get_attribute("data-card-index")?.parse().ok()
}

/// 0 for a trigger in the page; k + 1 for a trigger inside card k.
fn depth_of(el: &Element) -> usize {
    card_of(el).and_then(|c| card_index(&c)).map_or(0, |i| i + 1)
}

/// Focuses without scrolling: what is focused is on screen already, and in a frame a scroll
/// would move the host's page.
fn focus(el: &Element) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}
