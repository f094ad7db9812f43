//! Browser entry of the first wasm half: the card layer, all a reader's first tap on a name
//! needs, so it comes before the rest (src/main.rs) and alone is small enough to arrive at once.
//! It is mounted into its empty home in the prerendered page rather than hydrated (the prerender
//! draws no card), so this half carries no hydration code.

#[cfg(feature = "cards-half")]
fn main() {
    use wasm_bindgen::JsCast;
    kirov_essay::browser::start();
    kirov_essay::browser::start_effects_in_tasks();
    let home = kirov_essay::dom::by_id(kirov_essay::essay_root::CARD_LAYER_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match home {
        // In a task after the one that made the module: together they are too long a pause
        // for a phone's main thread (a reader scrolling feels it).
        Some(home) => leptos::prelude::set_timeout(
            move || leptos::mount::mount_to(home, kirov_essay::cards::layer::CardLayer).forget(),
            std::time::Duration::ZERO,
        ),
        None => web_sys::console::error_1(&"kirov-essay: the page has no card layer to mount".into()),
    }
}

#[cfg(not(feature = "cards-half"))]
fn main() {
    eprintln!("kirov-cards runs in the browser; build it with `make serve`.");
    std::process::exit(2);
}
