//! Browser entry: hydrates the prerendered page.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(kirov_essay::app::App);
    // A signal for tests and styles that the page is now interactive.
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("kirov-essay runs in the browser; build it with `make serve`.");
    std::process::exit(2);
}
