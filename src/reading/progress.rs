//! Where am I: a slim bar at the top of the reader's screen showing how far through the essay
//! they are, and the contents marking the section being read (`aria-current="location"`). Both
//! follow the reader's screen: the window on the essay's own page and in a `<kirov-essay>`
//! element, the band the host reports in a tall frame.

use crate::protocol::BAND_EVENT;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

// Exported by the tools half (src/main.rs); the card layer's half leaves it out.
#[cfg_attr(any(feature = "ssr", feature = "tools-half"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "tools-half")), component)]
pub fn ReadingProgress() -> impl IntoView {
    crate::page_state::provide();
    let bar = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(bar) = bar.get() else { return };
        let Some(window) = web_sys::window() else { return };
        let bar: web_sys::HtmlElement = bar.unchecked_into();
        let queued = std::rc::Rc::new(std::cell::Cell::new(false));
        let on_change = move |_: &web_sys::Event| {
            if queued.replace(true) {
                return;
            }
            let (queued, bar) = (queued.clone(), bar.clone());
            let next = wasm_bindgen::closure::Closure::once_into_js(move || {
                queued.set(false);
                update(&bar);
            });
            if let Some(w) = web_sys::window() {
                let _ = w.request_animation_frame(next.unchecked_ref());
            }
        };
        // Both live as long as the page.
        // Captured on the document: the page may scroll inside its body (see dom::scroll_by).
        if let Some(document) = window.document() {
            let options = gloo_events::EventListenerOptions::run_in_capture_phase();
            gloo_events::EventListener::new_with_options(&document, "scroll", options, on_change.clone()).forget();
        }
        gloo_events::EventListener::new(&window, BAND_EVENT, on_change.clone()).forget();
        gloo_events::EventListener::new(&window, "resize", on_change).forget();
    });
    view! {
        <div class="reading-progress" aria-hidden="true">
            <div class="reading-progress-bar" node_ref=bar></div>
        </div>
    }
}

/// How far through `height` px of essay, whose top is at `top`, a screen band starting at
/// `band_top` and `band_height` tall has read: 0 at the start, 1 at the end.
pub fn fraction(top: f64, height: f64, band_top: f64, band_height: f64) -> f64 {
    let travel = height - band_height;
    if travel <= 0.0 {
        return 1.0;
    }
    ((band_top - top) / travel).clamp(0.0, 1.0)
}

fn update(bar: &web_sys::HtmlElement) {
    let Some(root) = crate::dom::by_id("kirov-essay") else {
        return;
    };
    let (band, _, _) = crate::dom::screen();
    let r = root.get_bounding_client_rect();
    let done = fraction(r.top(), r.height(), band.top, band.height);
    let _ = bar.style().set_property("transform", &format!("scaleX({done:.4})"));
    // The section being read: the last one whose top has passed a third of the way down.
    let line = band.top + band.height / 3.0;
    let current = crate::dom::query_all(".essay-section")
        .into_iter()
        .filter(|s| s.get_bounding_client_rect().top() <= line)
        .last()
        .filter(|s| s.get_bounding_client_rect().bottom() > band.top)
        .map(|s| s.id());
    for link in crate::dom::query_all(".toc a[href^=\"#\"]") {
        let here = current
            .as_ref()
            .is_some_and(|id| link.get_attribute("href").as_deref() == Some(&format!("#{id}")));
        let _ = if here {
            link.set_attribute("aria-current", "location")
        } else {
            link.remove_attribute("aria-current")
        };
    }
}

#[cfg(test)]
mod tests {
    use super::fraction;

    #[test]
    fn progress_runs_from_the_start_to_the_end_of_the_essay() {
        // The essay's own page: 10,000 px, a 1,000 px window scrolled 4,500 px.
        assert_eq!(fraction(-4_500.0, 10_000.0, 0.0, 1_000.0), 0.5);
        // A tall frame that does not scroll: the band the host reports.
        assert_eq!(fraction(0.0, 10_000.0, 9_000.0, 1_000.0), 1.0);
        // Before the essay reaches the screen, and an essay shorter than the screen.
        assert_eq!(fraction(300.0, 10_000.0, 0.0, 1_000.0), 0.0);
        assert_eq!(fraction(0.0, 500.0, 0.0, 1_000.0), 1.0);
    }
}
