//! Presenting from a journal's frame: a slide needs the whole screen, not the band of a page
//! the frame sits in. So the frame asks for full screen (the host's iframe allows it with
//! `allow="fullscreen"`) and presents there; where that is refused, it opens the presentation in
//! a new tab at the same slide. On the essay's own page presenting starts in place.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Starts presenting at `slide` (0-based).
pub fn start(presenting: RwSignal<Option<usize>>, slide: usize) {
    if !crate::dom::framed() {
        presenting.set(Some(slide));
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // A host that did not allow full screen: asking anyway only logs a policy violation.
    if !document.fullscreen_enabled() {
        open_in_tab(slide);
        return;
    }
    let Some(root) = document.document_element() else {
        return;
    };
    // requestFullscreen() answers with a promise, refused where the host did not allow it.
    let asked = js_sys::Reflect::get(&root, &"requestFullscreen".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&root).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(asked) = asked else {
        open_in_tab(slide);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(asked).await {
            Ok(_) => {
                presenting.set(Some(slide));
                end_with_full_screen(presenting);
            }
            Err(_) => open_in_tab(slide),
        }
    });
}

thread_local! {
    static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Leaving full screen (Esc, the browser's own control) ends the presentation (watched once per
/// page, however often the reader presents).
fn end_with_full_screen(presenting: RwSignal<Option<usize>>) {
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let watched = document.clone();
    gloo_events::EventListener::new(&document, "fullscreenchange", move |_| {
        if watched.fullscreen_element().is_none() {
            presenting.set(None);
        }
    })
    .forget();
}

/// The presentation in a new top-level tab, at `slide`.
fn open_in_tab(slide: usize) {
    let Some(window) = web_sys::window() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let url = crate::modes::stage::slide_url(&path, Some(slide), false);
    let _ = window.open_with_url_and_target_and_features(&url, "_blank", "noopener");
}
