//! Browser entry of the first wasm half: the card layer, all a reader's first tap on a name
//! needs, so it comes before the rest (src/main.rs) and alone is small enough to arrive at once.

#[cfg(feature = "hydrate")]
fn main() {
    kirov_essay::browser::start();
}

#[cfg(not(feature = "hydrate"))]
fn main() {
    eprintln!("kirov-cards runs in the browser; build it with `make serve`.");
    std::process::exit(2);
}
