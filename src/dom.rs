//! Where the essay lives in the page: the document itself, or the shadow root of a
//! `<kirov-essay>` element (see assets/kirov-essay-element.js). Browser code looks elements up, asks for the
//! focused element and resolves asset URLs through here, so the same code serves both.

use crate::protocol::{HOST_PARAM, MODE_PARAM, OFFLINE_PARAM};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

/// The `<kirov-essay>` mount, when there is one.
struct Mount {
    shadow: ShadowRoot,
    /// The bundle's own URL (the element's script directory), for assets such as ECharts.
    base: String,
}

thread_local! {
    static MOUNT: RefCell<Option<Mount>> = const { RefCell::new(None) };
    /// The band of a tall frame the reader sees, as the host snippet last reported it.
    static BAND: std::cell::Cell<Option<Band>> = const { std::cell::Cell::new(None) };
}

/// The part of the page's viewport on the reader's screen, in viewport pixels: all of it on the
/// essay's own page; in a frame as tall as the essay (the host snippet), the band the host
/// reports, so cards and sheets open where the reader is looking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub top: f64,
    pub height: f64,
}

/// Records the band the host reported (`None`: the whole viewport is on screen).
pub fn set_band(band: Option<Band>) {
    BAND.with(|b| b.set(band));
}

/// The reader's screen within the viewport: `(band, viewport width, viewport height)`.
pub fn screen() -> (Band, f64, f64) {
    let size = |v: Option<wasm_bindgen::JsValue>, or: f64| v.and_then(|v| v.as_f64()).unwrap_or(or);
    let window = web_sys::window();
    let vw = size(window.as_ref().and_then(|w| w.inner_width().ok()), 1024.0);
    let vh = size(window.as_ref().and_then(|w| w.inner_height().ok()), 768.0);
    let whole = Band { top: 0.0, height: vh };
    (BAND.with(|b| b.get()).unwrap_or(whole), vw, vh)
}

/// Called once by `main` when the page asked to mount into a shadow root.
pub fn set_mount(shadow: ShadowRoot, base: String) {
    MOUNT.with(|m| *m.borrow_mut() = Some(Mount { shadow, base }));
}

/// Whether the essay is inside a `<kirov-essay>` element's shadow root.
pub fn in_shadow() -> bool {
    MOUNT.with(|m| m.borrow().is_some())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The element with this id in the essay.
pub fn by_id(id: &str) -> Option<Element> {
    match MOUNT.with(|m| m.borrow().as_ref().map(|m| m.shadow.clone())) {
        Some(shadow) => shadow.get_element_by_id(id),
        None => document()?.get_element_by_id(id),
    }
}

/// The first element in the essay matching a CSS selector.
pub fn query(selector: &str) -> Option<Element> {
    match MOUNT.with(|m| m.borrow().as_ref().map(|m| m.shadow.clone())) {
        Some(shadow) => shadow.query_selector(selector).ok().flatten(),
        None => document()?.query_selector(selector).ok().flatten(),
    }
}

/// Every element in the essay matching a CSS selector.
pub fn query_all(selector: &str) -> Vec<Element> {
    let list = match MOUNT.with(|m| m.borrow().as_ref().map(|m| m.shadow.clone())) {
        Some(shadow) => shadow.query_selector_all(selector).ok(),
        None => document().and_then(|d| d.query_selector_all(selector).ok()),
    };
    list.map_or_else(Vec::new, elements)
}

/// Every element inside `within` matching a CSS selector.
pub fn query_all_in(within: &Element, selector: &str) -> Vec<Element> {
    within
        .query_selector_all(selector)
        .map_or_else(|_| Vec::new(), elements)
}

fn elements(list: web_sys::NodeList) -> Vec<Element> {
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

/// The element of the essay drawn at (`x`, `y`) in the viewport (a shadow root answers for its
/// own tree).
pub fn element_at(x: f64, y: f64) -> Option<Element> {
    let (x, y) = (x as f32, y as f32);
    match MOUNT.with(|m| m.borrow().as_ref().map(|m| m.shadow.clone())) {
        Some(shadow) => shadow.element_from_point(x, y),
        None => document()?.element_from_point(x, y),
    }
}

/// Marks the page as scrolling inside its own body (see `scroll_by`): a host that sizes its frame
/// with `scrolling="no"` and caps its height (WordPress) leaves the frame's viewport unscrollable.
pub fn scroll_inside_body() {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute(SCROLLER_ATTRIBUTE, "");
    }
}

const SCROLLER_ATTRIBUTE: &str = "data-scroller";

/// Scrolls the essay's page by `dy` at once: the window, or the body where the page scrolls
/// inside it.
pub fn scroll_by(dy: f64) {
    let options = web_sys::ScrollToOptions::new();
    options.set_top(dy);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    let inside = document().and_then(|d| {
        let scrolls = d.document_element()?.has_attribute(SCROLLER_ATTRIBUTE);
        scrolls.then(|| d.body()).flatten()
    });
    match (inside, web_sys::window()) {
        (Some(body), _) => body.scroll_by_with_scroll_to_options(&options),
        (None, Some(w)) => w.scroll_by_with_scroll_to_options(&options),
        _ => {}
    }
}

/// The focused element inside the essay (a shadow root keeps its own).
pub fn active_element() -> Option<Element> {
    match MOUNT.with(|m| m.borrow().as_ref().map(|m| m.shadow.clone())) {
        Some(shadow) => shadow.active_element(),
        None => document()?.active_element(),
    }
}

/// An asset of the bundle, as an absolute URL: resolved against the document on the essay's own
/// page (so any sub-path works), or against the element's script when embedded.
pub fn asset_url(name: &str) -> String {
    let base = MOUNT
        .with(|m| m.borrow().as_ref().map(|m| m.base.clone()))
        .or_else(|| document()?.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(name, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| name.to_string())
}

/// A file of the bundle as text (`asset_url(file)`); an HTTP error is an error naming the file.
pub async fn fetch_text(file: &str) -> Result<String, wasm_bindgen::JsValue> {
    let response = fetch_ok(file).await?;
    let text = wasm_bindgen_futures::JsFuture::from(response.text()?).await?;
    Ok(text.as_string().unwrap_or_default())
}

/// A file of the bundle, answered with success.
async fn fetch_ok(file: &str) -> Result<web_sys::Response, wasm_bindgen::JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&asset_url(file))).await?;
    let response: web_sys::Response = response.dyn_into()?;
    if !response.ok() {
        return Err(format!("{file}: HTTP {}", response.status()).into());
    }
    Ok(response)
}

/// A JSON file of the bundle (the data files the build writes), read into `T`.
pub async fn fetch_json<T: serde::de::DeserializeOwned>(file: &str) -> Result<T, wasm_bindgen::JsValue> {
    let text = fetch_text(file).await?;
    serde_json::from_str(&text).map_err(|e| format!("{file}: {e}").into())
}

/// A JSON file of the bundle, parsed by the browser and kept there (an object or an array), for
/// data the wasm reads a little of at a time.
pub async fn fetch_parsed_json(file: &str) -> Result<js_sys::Object, wasm_bindgen::JsValue> {
    let response = fetch_ok(file).await?;
    let parsed = wasm_bindgen_futures::JsFuture::from(response.json()?).await?;
    parsed
        .dyn_into::<js_sys::Object>()
        .map_err(|_| format!("{file}: not a JSON object").into())
}

/// A postcard file of the bundle, read into `T` (the paragraphs' citations, cite_card.rs). Read
/// in a task of its own: a preloaded file is answered at once, inside whatever task asked for it.
pub async fn fetch_postcard<T: serde::de::DeserializeOwned>(file: &str) -> Result<T, wasm_bindgen::JsValue> {
    let response = fetch_ok(file).await?;
    let bytes = wasm_bindgen_futures::JsFuture::from(response.array_buffer()?).await?;
    gloo_timers::future::TimeoutFuture::new(0).await;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    postcard::from_bytes(&bytes).map_err(|e| format!("{file}: {e}").into())
}

/// The element that carries page-level state flags for tests and styles (`data-hydrated`,
/// `data-panics`): `<html>` on the essay's own page, the `<kirov-essay>` host when embedded, so
/// the host's own `<html>` is never touched.
pub fn state_element() -> Option<Element> {
    match MOUNT.with(|m| m.borrow().as_ref().map(|m| m.shadow.host())) {
        Some(host) => Some(host),
        None => document()?.document_element(),
    }
}

/// What Tab stops at, in a card or tooltip.
pub const TAB_STOPS: &str =
    "a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex=\"-1\"])";

/// Takes every Tab stop inside `el` out of the Tab order (a preview or an unpinned tooltip: the
/// reader reads it; pinning it makes its links reachable).
pub fn out_of_tab_order(el: &Element) {
    let Ok(list) = el.query_selector_all(TAB_STOPS) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = e.set_attribute("tabindex", "-1");
        }
    }
}

/// The address of the page the reader is on, for links to paragraphs: without its fragment and
/// without the essay's own switches (`mode`, `offline`, `host`), which a shared link should not
/// carry. Inside a `<kirov-essay>` element this is the host page's address.
pub fn page_url() -> String {
    let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) else {
        return String::new();
    };
    let Ok(url) = web_sys::Url::new(&href) else { return href };
    let params = url.search_params();
    for name in [MODE_PARAM, OFFLINE_PARAM, HOST_PARAM] {
        params.delete(name);
    }
    url.set_hash("");
    url.href()
}

/// Whether the essay's own page sits in a frame. Never inside a `<kirov-essay>` element: a frame
/// around that belongs to the host page, not to us.
pub fn framed() -> bool {
    let Some(window) = web_sys::window() else { return false };
    !in_shadow()
        && window
            .parent()
            .ok()
            .flatten()
            .is_some_and(|p| !js_sys::Object::is(&p, &window))
}

/// A parameter of the page's URL (`?offline=on` → `url_param("offline") == Some("on")`).
pub fn url_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// A length in whole CSS pixels, for positions set through the CSSOM (the page's policy forbids
/// inline `style` attributes).
pub fn px(v: f64) -> String {
    // As a whole number: formatting a float would bring its formatting code into the wasm.
    format!("{}px", v.round() as i64)
}

/// Whether `el` is a popover shown in the top layer (false where popovers are unknown).
pub fn popover_open(el: &Element) -> bool {
    el.matches(":popover-open").unwrap_or(false)
}

/// Runs `f` in a task of its own once the next frame is painted (an animation frame, then a
/// zero timeout): for work that measures what that frame lays out anyway.
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    });
}

/// Runs `f` once the browser is idle, or after two seconds where it cannot say when it is
/// (Safari has no `requestIdleCallback`).
pub fn when_idle(f: impl Fn() + 'static) {
    let f = std::rc::Rc::new(f);
    let g = f.clone();
    if leptos::prelude::request_idle_callback_with_handle(move || g()).is_err() {
        leptos::prelude::set_timeout(move || f(), std::time::Duration::from_secs(2));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lengths_are_whole_pixels() {
        assert_eq!(super::px(351.6), "352px");
    }
}
