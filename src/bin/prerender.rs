//! Writes the prerendered essay into Trunk's staged `index.html` (run as Trunk's post_build
//! hook, which sets TRUNK_STAGING_DIR), or into the file given as the first argument.

use std::path::PathBuf;

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(|d| PathBuf::from(d).join("index.html")));
    let Some(path) = path else {
        eprintln!("usage: prerender <index.html>   (or run as a Trunk post_build hook)");
        std::process::exit(2);
    };
    let html = match std::fs::read_to_string(&path) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("prerender: cannot read {}: {e}", path.display());
            std::process::exit(1);
        }
    };
    match kirov_essay::inject_body(&html, &kirov_essay::render_body()) {
        Ok(page) => {
            if let Err(e) = std::fs::write(&path, page) {
                eprintln!("prerender: cannot write {}: {e}", path.display());
                std::process::exit(1);
            }
            println!("prerender: wrote the essay into {}", path.display());
        }
        Err(e) => {
            eprintln!("prerender: {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
