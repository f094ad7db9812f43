//! A card as a phone's sheet: an element of role `dialog` marked `aria-modal`, which keeps focus
//! inside itself (Tab and Shift+Tab wrap), held in the browser's top layer by its layer, a manual
//! popover that covers the screen (so the sheet is drawn above everything, a host page's too, and
//! the layer dims the page and takes the taps beside it).
//!
//! Not a `<dialog>`: `showModal()` makes every other element of the page inert, which restyles
//! and lays out the whole page (about 100 ms of a phone's main thread on the first tap), and a
//! `<dialog>` shown as a popover still runs its focusing steps, which lay the new sheet out
//! inside the task that shows it. The layer already keeps the pointer off the page.
//!
//! The cards opened above a sheet are drawn inside it. At the bottom of a portrait screen;
//! beside the text in a low landscape one (CSS, by `data-side`). It closes with its button, Esc
//! and a tap beside it (see the controller), a drag down on its grip, or Back (see `navigation`:
//! a phone's back gesture).

use super::controller::{element, CardController};
use super::placement::SheetSide;
use crate::dom::{popover_open, px};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How far down a finger must drag the grip to close the sheet.
const SWIPE_CLOSES_PX: f64 = 60.0;
/// Room kept between the tapped words and the sheet's top edge.
const CLEARANCE_PX: f64 = 16.0;
/// A sheet's element.
const SHEET: &str = ".card-sheet";

#[component]
pub fn Sheet(
    /// The card's place in the stack.
    index: usize,
    dom_id: String,
    heading_id: String,
    /// The id of the element that opened it, kept in view above the sheet.
    trigger: String,
    /// Which side it takes in a low landscape screen.
    side: SheetSide,
    close: AnyView,
    body: AnyView,
    above: AnyView,
) -> impl IntoView {
    let cards = expect_context::<CardController>();
    // The layer is what the top layer holds: it covers the screen, dims the page and takes the
    // taps beside the sheet (a popover's own ::backdrop lets them through to the page).
    let layer = NodeRef::<leptos::html::Div>::new();
    let sheet = NodeRef::<leptos::html::Div>::new();
    let first_trigger = trigger.clone();
    // In the browser, once it is in the page (an effect's first run is a task of its own, after
    // the one that drew the sheet: browser.rs): shown, and laid out here, in a task of its own
    // (its first layout is most of a tap's work). Focus and keeping the tapped words in view wait
    // until a frame has painted it: run before that frame, they held the sheet back (in the
    // phone bench, tap → card went from 219 to 168 ms, medians of 10 runs).
    Effect::new(move |_| {
        let Some(l) = layer.get().filter(|l| !popover_open(l) && l.is_connected()) else {
            return;
        };
        // A browser without popovers shows it in place from the start (fixed, below the top
        // layer).
        let _ = l.show_popover();
        let Some(d) = sheet.get_untracked() else { return };
        // Its first layout.
        let _ = d.offset_height();
        let trigger = first_trigger.clone();
        crate::dom::after_paint(move || {
            // Unless the reader has already moved into it, focus the sheet itself, without
            // scrolling (in a frame that would move the host's page). Not with an `autofocus`
            // attribute: Chromium refuses (and logs an error for) autofocus in a frame of
            // another origin, as in a journal's embed.
            if !d.is_connected() {
                return;
            }
            if !d.contains(crate::dom::active_element().as_ref().map(|e| e.as_ref())) {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = d.focus_with_options(&options);
            }
            keep_in_view(&trigger, &d);
        });
    });
    // A card's text arrives after its sheet opens (card_texts), and the sheet grows with it.
    // Not at the first run: the sheet is then still to be painted (see above).
    Effect::new(move |first: Option<()>| {
        cards.texts.track();
        if first.is_some() && layer.get_untracked().is_some_and(|l| popover_open(&l)) {
            if let Some(d) = sheet.get_untracked() {
                keep_in_view(&trigger, &d);
            }
        }
    });
    // The grip owns its gesture (`touch-action: none`), so the browser neither scrolls the page
    // nor cancels the pointer during a drag; the sheet follows the finger down.
    let drag_from = StoredValue::new(None::<f64>);
    let follow = move |dy: f64| {
        let Some(d) = sheet.get_untracked() else { return };
        let style = web_sys::HtmlElement::style(&d);
        let _ = if dy > 0.0 {
            style.set_property("transform", &format!("translateY({})", px(dy)))
        } else {
            style.remove_property("transform").map(|_| ())
        };
    };
    let grip_down = move |ev: leptos::ev::PointerEvent| {
        if let Some(grip) = element(ev.target()) {
            let _ = grip.set_pointer_capture(ev.pointer_id());
        }
        drag_from.set_value(Some(f64::from(ev.client_y())));
    };
    let grip_move = move |ev: leptos::ev::PointerEvent| {
        if let Some(y) = drag_from.get_value() {
            follow(f64::from(ev.client_y()) - y);
        }
    };
    let grip_up = move |ev: leptos::ev::PointerEvent| {
        let dragged = drag_from.get_value().map(|y| f64::from(ev.client_y()) - y);
        drag_from.set_value(None);
        if dragged.is_some_and(|dy| dy > SWIPE_CLOSES_PX) {
            cards.close_from(index);
        } else {
            follow(0.0);
        }
    };
    let grip_cancel = move |_| {
        drag_from.set_value(None);
        follow(0.0);
    };
    // Tab and Shift+Tab go round the sheet's own controls and links, not on into the page.
    let keep_focus = move |ev: leptos::ev::KeyboardEvent| {
        let Some(d) = sheet.get_untracked() else { return };
        if ev.key() == "Tab" {
            if let Some(to) = wrap_focus(&d, ev.target(), ev.shift_key()) {
                ev.prevent_default();
                let _ = to.focus();
            }
        }
    };
    view! {
        <div class="sheet-layer" popover="manual" node_ref=layer>
            <div
                class="card card-sheet"
                id=dom_id
                role="dialog"
                aria-modal="true"
                aria-labelledby=heading_id
                tabindex="-1"
                data-card-index=index.to_string()
                data-side=side.name()
                node_ref=sheet
                on:keydown=keep_focus
            >
                <div
                    class="sheet-grip"
                    aria-hidden="true"
                    on:pointerdown=grip_down
                    on:pointermove=grip_move
                    on:pointerup=grip_up
                    on:pointercancel=grip_cancel
                ></div>
                {close}
                {body}
                {above}
            </div>
        </div>
    }
}

/// Where Tab (or Shift+Tab, `back`) from `from` goes when it would leave `sheet`: round to its
/// first (last) control. None inside, or for a key pressed in a sheet opened above it.
fn wrap_focus(
    sheet: &web_sys::HtmlElement,
    from: Option<web_sys::EventTarget>,
    back: bool,
) -> Option<web_sys::HtmlElement> {
    let from = element(from)?;
    let own = |el: &web_sys::Element| {
        el.closest(SHEET)
            .ok()
            .flatten()
            .is_some_and(|d| d.is_same_node(Some(sheet)))
    };
    if !own(&from) {
        return None;
    }
    let stops: Vec<web_sys::HtmlElement> = crate::dom::query_all_in(sheet, crate::dom::TAB_STOPS)
        .into_iter()
        .filter(own)
        .filter_map(|el| el.dyn_into().ok())
        .collect();
    let (first, last) = (stops.first()?, stops.last()?);
    let on_sheet = from.is_same_node(Some(sheet));
    match back {
        true if on_sheet || from.is_same_node(Some(first)) => Some(last.clone()),
        false if from.is_same_node(Some(last)) => Some(first.clone()),
        _ => None,
    }
}

/// Scrolls the page so the words that opened a bottom sheet stay visible above it (the page is
/// behind its layer, which takes the pointer, but a script may still scroll it).
fn keep_in_view(trigger: &str, sheet: &web_sys::HtmlElement) {
    let Some(trigger) = crate::dom::by_id(trigger) else {
        return;
    };
    let (band, _, viewport_height) = crate::dom::screen();
    // In a tall frame the host's page scrolls, not ours: the sheet sits in the band on screen.
    if band.height < viewport_height {
        return;
    }
    // Its resting top: the sheet slides in from below, so its box is still moving.
    let sheet_top = viewport_height - f64::from(sheet.offset_height());
    let r = trigger.get_bounding_client_rect();
    if sheet.offset_top() > 0 && r.bottom() + CLEARANCE_PX > sheet_top {
        // Up far enough to clear the sheet, but never past the top of the screen.
        let dy = (r.bottom() + CLEARANCE_PX - sheet_top).min(r.top() - CLEARANCE_PX);
        if dy > 0.0 {
            crate::dom::scroll_by(dy);
        }
    }
}
