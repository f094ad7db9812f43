//! Browser entry of the second wasm half: the reader tools, the reading progress, the people
//! filter, the presenter and the figures (the card layer is the first half, src/bin/cards.rs).
//! It wakes the prerendered page's islands, on its own or inside a `<kirov-essay>` element.

#[cfg(feature = "hydrate")]
fn main() {
    kirov_essay::browser::start();
    // Islands mode: assets/islands.js wakes each island this half exports.
    leptos::mount::hydrate_islands();
}

/// Called by assets/islands.js once this half's first islands are awake: the page is then
/// wholly interactive.
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
