//! Living inside a journal's iframe: the page posts its height to the host whenever it changes
//! (`{"kirov-essay-height": px}`, in the manner of Datawrapper), and follows a theme the host
//! posts (`{"kirov-essay-theme": "light" | "dark" | "auto"}`), and places what is fixed on the
//! screen inside the band of the frame the host says the reader sees
//! (`{"kirov-essay-viewport": {top, height}}`). Anything else is ignored. A host may pin its origin
//! with `?host=https://journal.example`; messages from elsewhere are dropped.

use crate::modes::theme::ThemeChoice;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::dom::Band;
use crate::protocol::{HEIGHT_MESSAGE, HOST_PARAM, THEME_MESSAGE, VIEWPORT_MESSAGE};

/// Starts the protocol if the page is framed; a no-op on its own page. Browser only (the App
/// calls it from an Effect).
pub fn start() {
    let Some(window) = web_sys::window() else { return };
    if !crate::dom::framed() {
        return;
    }
    let host = host_origin();
    post_height_on_resize(&window, host.clone());
    // Listens for as long as the page lives: the handle is never removed.
    let _ = window_event_listener(leptos::ev::message, move |ev| {
        if host.as_deref().is_some_and(|h| h != ev.origin()) {
            return;
        }
        // Shown on the essay's root, which the reader tools follow (essay_root.rs).
        if let Some(choice) = theme_message(&ev.data()) {
            crate::essay_root::show_theme(choice);
        }
        if let Some(band) = band_message(&ev.data()) {
            follow_band(band);
        }
    });
}

/// The most a band may say, in px: anything larger is junk, not a screen.
const MOST: f64 = 10_000_000.0;

/// `{"kirov-essay-viewport": {"top": 4000, "height": 915}}` → that band; junk → `None`.
fn band_message(data: &wasm_bindgen::JsValue) -> Option<Band> {
    if !data.is_object() {
        return None;
    }
    let band = js_sys::Reflect::get(data, &VIEWPORT_MESSAGE.into()).ok()?;
    if !band.is_object() {
        return None;
    }
    let number = |key: &str| js_sys::Reflect::get(&band, &key.into()).ok()?.as_f64();
    let (top, height) = (number("top")?, number("height")?);
    let sane = |v: f64| v.is_finite() && (0.0..=MOST).contains(&v);
    (sane(top) && sane(height)).then_some(Band { top, height })
}

thread_local! {
    /// The newest band, waiting for the next frame (a flood of messages costs one layout).
    static NEXT_BAND: std::cell::Cell<Option<Band>> = const { std::cell::Cell::new(None) };
}

/// Applies the newest band once per animation frame: the cards read it when they open, and the
/// style sheet places the sheet and bars by `--band-top`, `--band-height` and `--band-bottom`.
fn follow_band(band: Band) {
    let queued = NEXT_BAND.with(|n| n.replace(Some(band)).is_some());
    if queued {
        return;
    }
    let apply = wasm_bindgen::closure::Closure::once_into_js(|| {
        let Some(band) = NEXT_BAND.with(|n| n.take()) else {
            return;
        };
        let (_, _, viewport_height) = crate::dom::screen();
        // A band past the frame's end (a stale message while the page grows) is clamped to it.
        let top = band.top.min(viewport_height);
        let height = band.height.min(viewport_height - top);
        crate::dom::set_band(Some(Band { top, height }));
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
            return;
        };
        let style = root.style();
        let _ = style.set_property("--band-top", &crate::dom::px(top));
        let _ = style.set_property("--band-height", &crate::dom::px(height));
        let _ = style.set_property("--band-bottom", &crate::dom::px(viewport_height - top - height));
        let _ = root.set_attribute("data-band", "");
        if let Some(w) = web_sys::window() {
            if let Ok(ev) = web_sys::Event::new(crate::protocol::BAND_EVENT) {
                let _ = w.dispatch_event(&ev);
            }
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(apply.unchecked_ref());
    }
}

/// The host origin pinned by `?host=…`, if any.
fn host_origin() -> Option<String> {
    crate::dom::url_param(HOST_PARAM).filter(|h| h.starts_with("https://") || h.starts_with("http://"))
}

/// `{"kirov-essay-theme": "dark"}` → `Some(Dark)`; `"auto"` → `Some(Auto)`; junk → `None`.
fn theme_message(data: &wasm_bindgen::JsValue) -> Option<ThemeChoice> {
    if !data.is_object() {
        return None;
    }
    let value = js_sys::Reflect::get(data, &THEME_MESSAGE.into()).ok()?.as_string()?;
    ThemeChoice::from_name(&value)
}

fn post_height_on_resize(window: &web_sys::Window, host: Option<String>) {
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let target = host.unwrap_or_else(|| "*".to_string());
    let wordpress = crate::modes::wordpress::secret(&window.location().hash().unwrap_or_default());
    if wordpress.is_some() {
        crate::dom::scroll_inside_body();
    }
    let body = window.document().and_then(|d| d.body());
    let last = std::cell::Cell::new(0i32);
    let measure = root.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        // Where the page scrolls inside its body, the body holds the essay's height.
        let height = measure
            .scroll_height()
            .max(body.as_ref().map_or(0, |b| b.scroll_height()));
        if height == last.get() {
            return;
        }
        last.set(height);
        let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &HEIGHT_MESSAGE.into(), &height.into());
        let _ = parent.post_message(&message, &target);
        // A WordPress host listens only to its own dialect (still only to a pinned `?host=`).
        if let Some(secret) = &wordpress {
            let _ = parent.post_message(&crate::modes::wordpress::height_message(secret, height), &target);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = window.document().and_then(|d| d.body()) {
            observer.observe(&body);
        }
        // Both live as long as the page.
        std::mem::forget(observer);
        callback.forget();
    }
}
