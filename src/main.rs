//! Browser entry: hydrates the prerendered page.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(kirov_essay::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("kirov-essay runs in the browser; build it with `make serve`.");
    std::process::exit(2);
}
