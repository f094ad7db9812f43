//! Browser entry: wakes the prerendered page's islands, on its own or inside a `<kirov-essay>`
//! element.

#[cfg(feature = "hydrate")]
fn main() {
    use kirov_essay::protocol::{MOUNT_BASE, MOUNT_GLOBAL, MOUNT_ROOT, PANICS_ATTRIBUTE};
    use wasm_bindgen::JsCast;
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // Counted where tests (and the random interaction run) look: any panic is a failure.
        if let Some(el) = kirov_essay::dom::state_element() {
            let n = el
                .get_attribute(PANICS_ATTRIBUTE)
                .and_then(|n| n.parse::<u32>().ok())
                .unwrap_or(0);
            let _ = el.set_attribute(PANICS_ATTRIBUTE, &(n + 1).to_string());
        }
    }));
    // assets/kirov-essay-element.js sets `window.kirovEssayMount = { root, base }` before loading us.
    let mount = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &MOUNT_GLOBAL.into()).ok())
        .filter(|m| m.is_object());
    let container = mount
        .as_ref()
        .and_then(|m| js_sys::Reflect::get(m, &MOUNT_ROOT.into()).ok())
        .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(container) = container {
        let base = mount
            .as_ref()
            .and_then(|m| js_sys::Reflect::get(m, &MOUNT_BASE.into()).ok())
            .and_then(|b| b.as_string())
            .unwrap_or_default();
        if let Ok(shadow) = container.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
            kirov_essay::dom::set_mount(shadow, base);
        }
    }
    // Only the islands hydrate: assets/islands.js wakes each one through the functions the
    // `#[island]` components export, then calls `essay_ready`.
    leptos::mount::hydrate_islands();
}

/// Called by assets/islands.js once the islands the reader needs first are awake.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn essay_ready() {
    use kirov_essay::protocol::HYDRATED_ATTRIBUTE;
    // A signal for tests and styles that the page is now interactive.
    if let Some(el) = kirov_essay::dom::state_element() {
        let _ = el.set_attribute(HYDRATED_ATTRIBUTE, "true");
    }
    kirov_essay::modes::offline::start();
}

#[cfg(not(feature = "hydrate"))]
fn main() {
    eprintln!("kirov-essay runs in the browser; build it with `make serve`.");
    std::process::exit(2);
}
