//! A card as a phone's sheet: a `<dialog>` marked `aria-modal`, shown in the browser's top layer
//! as a manual popover (so it is drawn above everything, a host page's too, over a backdrop that
//! takes taps), which keeps focus inside itself (Tab and Shift+Tab wrap). Not `showModal()`:
//! making every other element of the page inert restyles and lays out the whole page, about
//! 100 ms of a phone's main thread on the first tap, and the backdrop already keeps the pointer
//! off the page. The cards opened above a sheet are drawn inside it. At the bottom of a portrait
//! screen; beside the text in a low landscape one (CSS, by `data-side`). It closes with its
//! button, Esc and a tap on its backdrop (see the controller), a drag down on its grip, or Back
//! (see `navigation`: a phone's back gesture).

use super::controller::{element, CardController};
use super::placement::SheetSide;
use crate::dom::px;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How far down a finger must drag the grip to close the sheet.
const SWIPE_CLOSES_PX: f64 = 60.0;
/// Room kept between the tapped words and the sheet's top edge.
const CLEARANCE_PX: f64 = 16.0;

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
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // In the browser, once it is in the page: shown in a task of its own, after the one that
    // drew it; focused, and the tapped words kept in view, once the frame that shows it has
    // laid it out. Its first layout is most of a tap's work, and focusing or measuring it
    // sooner would force that layout into the same task.
    let first_trigger = trigger.clone();
    Effect::new(move |_| {
        let trigger = first_trigger.clone();
        if dialog.get().is_none() {
            return;
        }
        set_timeout(
            move || {
                let Some(d) = dialog.get_untracked().filter(|d| !d.open() && d.is_connected()) else {
                    return;
                };
                // Open, but not by `show()`, whose focusing steps would lay the sheet out here
                // and now; it is focused below, once laid out. A browser without popovers shows
                // it in place (fixed, below the top layer).
                d.set_open(true);
                let _ = d.show_popover();
                let settled = move || {
                    // Unless the reader has already moved into it, focus the sheet itself,
                    // without scrolling (in a frame that would move the host's page). Not with an
                    // `autofocus` attribute: Chromium refuses (and logs an error for) autofocus
                    // in a frame of another origin, as in a journal's embed.
                    if !d.contains(crate::dom::active_element().as_ref().map(|e| e.as_ref())) {
                        let options = web_sys::FocusOptions::new();
                        options.set_prevent_scroll(true);
                        let _ = d.focus_with_options(&options);
                    }
                    keep_in_view(&trigger, &d);
                };
                request_animation_frame(move || set_timeout(settled, Duration::ZERO));
            },
            Duration::ZERO,
        );
    });
    // A card's text arrives after its sheet opens (card_texts), and the sheet grows with it.
    Effect::new(move |_| {
        cards.texts.track();
        if let Some(d) = dialog.get_untracked().filter(|d| d.open()) {
            keep_in_view(&trigger, &d);
        }
    });
    // The browser closed it itself (a phone's back gesture): close it in the stack too. A sheet
    // the stack closed has already left the page.
    let closed = move |ev: leptos::ev::Event| {
        if element(ev.target()).is_some_and(|d| d.is_connected()) {
            cards.close_from(index);
        }
    };
    // The grip owns its gesture (`touch-action: none`), so the browser neither scrolls the page
    // nor cancels the pointer during a drag; the sheet follows the finger down.
    let drag_from = StoredValue::new(None::<f64>);
    let follow = move |dy: f64| {
        let Some(d) = dialog.get_untracked() else { return };
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
        let Some(d) = dialog.get_untracked() else { return };
        if ev.key() == "Tab" {
            if let Some(to) = wrap_focus(&d, ev.target(), ev.shift_key()) {
                ev.prevent_default();
                let _ = to.focus();
            }
        }
    };
    view! {
        <dialog
            class="card card-sheet"
            id=dom_id
            role="dialog"
            aria-modal="true"
            aria-labelledby=heading_id
            tabindex="-1"
            data-card-index=index.to_string()
            data-side=side.name()
            popover="manual"
            node_ref=dialog
            on:close=closed
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
        </dialog>
    }
}

/// Where Tab (or Shift+Tab, `back`) from `from` goes when it would leave `sheet`: round to its
/// first (last) control. None inside, or for a key pressed in a sheet opened above it.
fn wrap_focus(
    sheet: &web_sys::HtmlDialogElement,
    from: Option<web_sys::EventTarget>,
    back: bool,
) -> Option<web_sys::HtmlElement> {
    let from = element(from)?;
    let own = |el: &web_sys::Element| {
        el.closest("dialog")
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
/// behind its backdrop, which takes the pointer, but a script may still scroll it).
fn keep_in_view(trigger: &str, sheet: &web_sys::HtmlDialogElement) {
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
