//! Living inside a journal's iframe: the page posts its height to the host whenever it changes
//! (`{"kirov-essay-height": px}`, in the manner of Datawrapper), and follows a theme the host
//! posts (`{"kirov-essay-theme": "light" | "dark" | "auto"}`). Anything else is ignored. A host
//! may pin its origin with `?host=https://journal.example`; messages from elsewhere are dropped.

use crate::modes::theme::ThemeChoice;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::protocol::{HEIGHT_MESSAGE, HOST_PARAM, THEME_MESSAGE};

/// Starts the protocol if the page is framed; a no-op on its own page. Browser only (the App
/// calls it from an Effect).
pub fn start(theme: RwSignal<ThemeChoice>) {
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
        if let Some(choice) = theme_message(&ev.data()) {
            theme.set(choice);
        }
    });
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
    let last = std::cell::Cell::new(0i32);
    let measure = root.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        let height = measure.scroll_height();
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
