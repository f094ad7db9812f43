//! The reader's place on the page, as something that survives layout changes: the element at the
//! top of the reading column and how far from the top of the screen it sat. A raw scroll offset
//! would not do: sections far from the viewport have an estimated height until they are first
//! laid out (`content-visibility`), so the same offset can mean another passage later.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// How many frames a landing is checked and corrected while the sections around it are laid out.
const SETTLE_FRAMES: u32 = 6;

/// A place: an element id and its distance from the top of the viewport, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: String,
    pub offset: f64,
}

const ID: &str = "id";
const OFFSET: &str = "offset";

impl Place {
    /// The place the reader is at now: the first element with an id under the top of the
    /// reading column.
    pub fn now() -> Option<Place> {
        let column = crate::dom::by_id("essay")?.get_bounding_client_rect();
        let x = column.left() + column.width() / 2.0;
        // The card layer (a card, a sheet's layer) lies over the essay: no place in it.
        let cards = crate::dom::by_id(crate::essay_root::CARD_LAYER_ID);
        [8.0, 48.0, 120.0, 240.0].into_iter().find_map(|y| {
            let hit = crate::dom::element_at(x, y)?;
            if cards.as_ref().is_some_and(|c| c.contains(Some(&hit))) {
                return None;
            }
            let el = hit.closest(".kirov [id]").ok()??;
            // The essay's own root and <main> are not places.
            let id = el.id();
            (id != "kirov-essay" && id != "essay").then(|| Place {
                offset: el.get_bounding_client_rect().top(),
                id,
            })
        })
    }

    /// The place of `el`, an element of the page the reader tapped: where it sits on screen.
    /// None for an element without an id, or one in the card layer (a link inside a card).
    pub fn of(el: &Element) -> Option<Place> {
        let in_cards = crate::dom::by_id(crate::essay_root::CARD_LAYER_ID).is_some_and(|c| c.contains(Some(el)));
        let id = el.id();
        (!id.is_empty() && !in_cards).then(|| Place {
            offset: el.get_bounding_client_rect().top(),
            id,
        })
    }

    /// As a plain object, for `history.state`.
    pub fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &ID.into(), &self.id.as_str().into());
        let _ = js_sys::Reflect::set(&o, &OFFSET.into(), &self.offset.into());
        o.into()
    }

    /// From `history.state`; anything else (another script's state, junk) is no place.
    pub fn from_js(v: &JsValue) -> Option<Place> {
        let id = js_sys::Reflect::get(v, &ID.into()).ok()?.as_string()?;
        let offset = js_sys::Reflect::get(v, &OFFSET.into()).ok()?.as_f64()?;
        (offset.is_finite() && !id.is_empty()).then_some(Place { id, offset })
    }

    /// Scrolls back to this place, correcting over a few frames while what lies above it is laid
    /// out for the first time.
    pub fn restore(self) {
        let Some(el) = crate::dom::by_id(&self.id) else { return };
        settle(
            el,
            move |el| el.get_bounding_client_rect().top() - self.offset,
            SETTLE_FRAMES,
        );
    }
}

/// Puts `target` at the top of the screen (below its scroll margin) at once, and keeps it there
/// for a few frames while the sections above it are laid out.
pub fn land(target: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    let margin = scroll_margin(target);
    settle(
        target.clone(),
        move |el| el.get_bounding_client_rect().top() - margin,
        SETTLE_FRAMES,
    );
}

/// Scrolls by `error(el)` on each of the next `frames` frames while it is more than a pixel.
fn settle(el: Element, error: impl Fn(&Element) -> f64 + 'static, frames: u32) {
    let Some(window) = web_sys::window() else { return };
    let off = error(&el);
    if off.abs() > 1.0 {
        crate::dom::scroll_by(off);
    }
    if frames == 0 {
        return;
    }
    let next = wasm_bindgen::closure::Closure::once_into_js(move || settle(el, error, frames - 1));
    let _ = window.request_animation_frame(next.unchecked_ref());
}

/// The target's `scroll-margin-top`, in pixels.
fn scroll_margin(el: &Element) -> f64 {
    web_sys::window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|s| s.get_property_value("scroll-margin-top").ok())
        // The browser's own parser: Rust's would bring its float parsing into the card layer's wasm.
        .map(|v| js_sys::parse_float(&v))
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}
